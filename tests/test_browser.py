"""The dashboard in a real browser: JupyterLab + headless Chromium, driven by Playwright.

Starts JupyterLab on 127.0.0.1 with a token, a fresh workspace and a copy of the notebooks (so
the committed files are never touched), starts Debian's Chromium with a debugging port, attaches
Playwright to it, runs notebook 04, clicks the initializations and reads the dashboard. Both
processes are stopped by their process ids. Screenshots go to test-artifacts/ (ignored by git).

This test never skips: a missing Chromium is a failure (.ci/run installs it with apt-get).
"""

import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import expect, sync_playwright

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


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
            raise RuntimeError(f"{process.args[0]} exited with code {process.returncode} before {url} answered\n{details}")
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


@pytest.fixture
def jupyterlab(tmp_path):
    assert Path(CHROMIUM).exists(), f"Chromium is needed for this test and was not found at {CHROMIUM}"
    shutil.copytree(ROOT / "notebooks", tmp_path / "notebooks", ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    port, token = free_port(), secrets.token_hex(16)
    env = dict(os.environ, JUPYTER_CONFIG_DIR=str(tmp_path / "config"), JUPYTER_RUNTIME_DIR=str(tmp_path / "runtime"))
    command = [sys.executable, "-m", "jupyterlab", "--no-browser", "--ServerApp.ip=127.0.0.1",
               f"--ServerApp.port={port}", "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}",
               f"--ServerApp.root_dir={tmp_path / 'notebooks'}", f"--LabApp.workspaces_dir={tmp_path / 'workspaces'}",
               f"--LabApp.user_settings_dir={tmp_path / 'settings'}",
               "--ServerApp.allow_root=True"]  # CI runs as root; the server listens on 127.0.0.1 only
    log_path = tmp_path / "jupyterlab.log"
    log = open(log_path, "w")
    server = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        wait_for(f"http://127.0.0.1:{port}/api/status?token={token}", seconds=60, process=server, log=log_path)
        yield f"http://127.0.0.1:{port}", token
    finally:
        stop(server)
        log.close()


@pytest.fixture
def chromium(tmp_path):
    port = free_port()
    command = [CHROMIUM, "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               "--disable-dev-shm-usage", f"--remote-debugging-port={port}", "--remote-debugging-address=127.0.0.1",
               f"--user-data-dir={tmp_path / 'chromium-profile'}", "--window-size=1500,1100", "about:blank"]
    browser = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        wait_for(f"http://127.0.0.1:{port}/json/version", seconds=30, process=browser)
        yield f"http://127.0.0.1:{port}"
    finally:
        stop(browser)


def test_dashboard_in_jupyterlab_switches_between_one_and_four_distinct_neurons(jupyterlab, chromium):
    ARTIFACTS.mkdir(exist_ok=True)
    server, token = jupyterlab
    with sync_playwright() as playwright:
        browser = playwright.chromium.connect_over_cdp(chromium)
        page = browser.contexts[0].new_page()
        page.set_viewport_size({"width": 1500, "height": 1100})
        page.goto(f"{server}/lab/tree/04_symmetry_breaking.ipynb?token={token}")
        page.wait_for_selector(".jp-Notebook", timeout=60_000)
        expect(page.locator("#jp-main-statusbar")).to_contain_text("Idle", timeout=60_000)
        first_prompt = page.locator(".jp-CodeCell .jp-InputPrompt").first
        for attempt in range(3):  # a click while JupyterLab is still settling can be lost: retry
            page.get_by_role("button", name="Restart the kernel and run all cells").click()
            accept = page.locator(".jp-Dialog .jp-mod-accept")  # "restart the kernel?" (its label varies)
            accept.wait_for(timeout=15_000)
            accept.click()
            try:
                expect(first_prompt).to_contain_text("[1]", timeout=30_000)
                break
            except AssertionError:
                if attempt == 2:
                    raise

        readout = page.locator(".widget-html-content", has_text="distinct hidden neurons").first
        expect(readout).to_be_visible(timeout=120_000)
        readout.scroll_into_view_if_needed()
        dashboard_image = page.locator(".widget-image").first

        page.locator("button.widget-toggle-button", has_text="zero").first.click()
        expect(readout).to_contain_text("distinct hidden neurons: 1 of 4", timeout=30_000)
        page.wait_for_timeout(500)  # let the new PNG reach the page
        zero_picture = dashboard_image.screenshot(path=str(ARTIFACTS / "dashboard_zero.png"))

        page.locator("button.widget-toggle-button", has_text="random").first.click()
        expect(readout).to_contain_text("distinct hidden neurons: 4 of 4", timeout=30_000)
        page.wait_for_timeout(500)
        random_picture = dashboard_image.screenshot(path=str(ARTIFACTS / "dashboard_random.png"))
        page.screenshot(path=str(ARTIFACTS / "jupyterlab_notebook_04.png"))

        assert zero_picture != random_picture, "the dashboard's picture did not change"
        errors = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
        assert errors.count() == 0, "a cell wrote to stderr or raised in the browser run"
        browser.close()
