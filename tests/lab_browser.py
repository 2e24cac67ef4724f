"""JupyterLab and a headless Chromium for the browser tests and the browser benchmark.

JupyterLab runs on 127.0.0.1 with a token, a fresh configuration, workspace and settings folder,
and a *copy* of the notebooks (the committed files are never touched). Chromium runs headless
with a debugging port, and Playwright attaches to it, so any Chromium or Chrome will do: the
system's, or Playwright's own (`uv run --group test playwright install chromium`). Both processes are stopped
by their process ids.
"""

import contextlib
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BROWSER_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
BROWSER_PATHS = (
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
    r"C:\Program Files\Google\Chrome\Application\chrome.exe",
)
# An output that a cell wrote to stderr, or an error it raised, as JupyterLab shows it.
ERROR_OUTPUTS = ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']"
HOW_TO_GET_ONE = ("install one with `uv run --group test playwright install chromium` (or your system's chromium "
                  "package), or name it in the CHROMIUM environment variable")


def playwright_chromium() -> str | None:
    """The Chromium that `playwright install chromium` downloaded, if it did."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        path = playwright.chromium.executable_path
    return path if Path(path).exists() else None


def find_chromium() -> str | None:
    """A Chromium or Chrome on this machine: $CHROMIUM, then the usual names and places, then
    Playwright's own. None if there is none."""
    named = os.environ.get("CHROMIUM")
    if named:
        return named if Path(named).exists() else None
    for name in BROWSER_NAMES:
        if path := shutil.which(name):
            return path
    for path in BROWSER_PATHS:
        if Path(path).exists():
            return path
    return playwright_chromium()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, seconds: float, process: subprocess.Popen, log: Path | None = None) -> None:
    """Wait until `url` answers 200, failing at once (with the log) if `process` dies first."""
    deadline = time.monotonic() + seconds
    while True:
        if process.poll() is not None:
            details = log.read_text()[-2000:] if log else ""
            raise RuntimeError(
                f"{process.args[0]} exited with code {process.returncode} before {url} answered\n{details}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            if time.monotonic() > deadline:
                raise TimeoutError(f"nothing answered at {url} within {seconds} s") from None
            time.sleep(0.3)


def stop(process: subprocess.Popen) -> None:
    """Stop a process we started, by its process id (its whole process group)."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=5)


@contextlib.contextmanager
def run_jupyterlab(folder: Path, notebooks: Path = ROOT / "notebooks", extra_args=()):
    """JupyterLab serving a copy of `notebooks`, with all its state inside `folder`.

    Yields (base_url, token). The server uses the project's environment (sys.executable), so the
    settings this project ships with its packages apply, as they do for `uv run jupyter lab`.
    """
    folder = Path(folder)
    shutil.copytree(notebooks, folder / "notebooks", ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    port, token = free_port(), secrets.token_hex(16)
    env = dict(os.environ, JUPYTER_CONFIG_DIR=str(folder / "config"), JUPYTER_RUNTIME_DIR=str(folder / "runtime"))
    command = [sys.executable, "-m", "jupyterlab", "--no-browser", "--ServerApp.ip=127.0.0.1",
               f"--ServerApp.port={port}", "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}",
               f"--ServerApp.root_dir={folder / 'notebooks'}", f"--LabApp.workspaces_dir={folder / 'workspaces'}",
               f"--LabApp.user_settings_dir={folder / 'settings'}",
               "--ServerApp.allow_root=True",  # CI runs as root; the server listens on 127.0.0.1 only
               *extra_args]
    log_path = folder / "jupyterlab.log"
    with open(log_path, "w") as log:
        server = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            wait_for(f"http://127.0.0.1:{port}/api/status?token={token}", seconds=60, process=server, log=log_path)
            yield f"http://127.0.0.1:{port}", token
        except BaseException:
            print(log_tail(folder))  # pytest shows it with the failure
            raise
        finally:
            stop(server)


def log_tail(folder: Path, lines: int = 40) -> str:
    """The last lines that JupyterLab and its kernels wrote, served from `folder` by run_jupyterlab."""
    text = (Path(folder) / "jupyterlab.log").read_text(errors="replace").splitlines()[-lines:]
    return "--- the end of JupyterLab's log\n" + "\n".join(text)


@contextlib.contextmanager
def run_chromium(executable: str, folder: Path, window: tuple[int, int] = (1500, 1100)):
    """A headless Chromium with a debugging port on 127.0.0.1; yields the address to attach to
    (playwright.chromium.connect_over_cdp). The background-networking flags keep it from calling
    out, which a closed network answers slowly."""
    port = free_port()
    command = [executable, "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               "--disable-dev-shm-usage", f"--remote-debugging-port={port}", "--remote-debugging-address=127.0.0.1",
               f"--user-data-dir={Path(folder) / 'chromium-profile'}", f"--window-size={window[0]},{window[1]}",
               "about:blank"]
    browser = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        wait_for(f"http://127.0.0.1:{port}/json/version", seconds=30, process=browser)
        yield f"http://127.0.0.1:{port}"
    finally:
        stop(browser)


def open_notebook_and_run_all(page, server: str, token: str, notebook: str) -> None:
    """Open `notebook` in JupyterLab and run it with its own restart-and-run-all button; returns
    once the first code cell has run again in this page."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    from playwright.sync_api import expect

    page.goto(f"{server}/lab/tree/{notebook}?token={token}")
    page.wait_for_selector(".jp-Notebook", timeout=60_000)
    # The kernel's own item ("Python 3 (ipykernel) | Idle"): the busy indicator beside it says
    # "Kernel status: Idle" in a hidden tooltip before any kernel has started.
    kernel_status = page.locator("#jp-main-statusbar .jp-StatusBar-TextItem", has_text=re.compile(r"\| Idle$"))
    expect(kernel_status).to_be_visible(timeout=60_000)
    first_prompt = page.locator(".jp-CodeCell .jp-InputPrompt").first
    # The committed notebook already shows [1] there, so "[1]" alone cannot tell a new run from a
    # lost click. The page notes when any prompt shows [*] (a queued cell); it watches the whole
    # notebook, because JupyterLab may draw a cell's prompt anew.
    page.locator(".jp-Notebook").first.evaluate("""notebook => {
        window.queuedCellSeen = false;
        const observer = new MutationObserver(() => {
            if ([...notebook.querySelectorAll('.jp-InputPrompt')].some(p => p.textContent.includes('*'))) {
                window.queuedCellSeen = true;
                observer.disconnect();
            }
        });
        observer.observe(notebook, {childList: true, characterData: true, subtree: true});
    }""")
    for attempt in range(3):  # a click while JupyterLab is still settling can be lost: retry
        page.get_by_role("button", name="Restart the kernel and run all cells").click()
        accept = page.locator(".jp-Dialog .jp-mod-accept")  # "restart the kernel?" (its label varies)
        accept.wait_for(timeout=15_000)
        accept.click()
        try:
            page.wait_for_function("() => window.queuedCellSeen", timeout=30_000)
            expect(first_prompt).to_contain_text("[1]", timeout=30_000)
            return
        except (AssertionError, PlaywrightTimeout):  # expect raises the first, wait_for_function the second
            if attempt == 2:
                raise
            print(f"restart-and-run-all, click {attempt + 1}: no cell queued, or the first not run, "
                  "within 30 s; clicking again")


def wait_for_readout(page, seconds: float):
    """The dashboard's readout, once the run has drawn it. If it does not come, the failure says
    what every code cell's prompt shows, the status bar, and the first error printed."""
    from playwright.sync_api import expect

    readout = page.locator(".widget-html-content", has_text="distinct hidden neurons").first
    try:
        expect(readout).to_be_attached(timeout=seconds * 1000)
    except AssertionError as error:
        prompts = page.locator(".jp-CodeCell .jp-InputPrompt").all_text_contents()
        status = page.locator("#jp-main-statusbar").text_content()
        errors = page.locator(ERROR_OUTPUTS)
        first_error = errors.first.text_content()[:1500] if errors.count() else "none"
        raise AssertionError(f"no dashboard readout after {seconds} s; code cells' prompts: {' '.join(prompts)}; "
                             f"status bar: {status!r}; first error output: {first_error}") from error
    return readout
