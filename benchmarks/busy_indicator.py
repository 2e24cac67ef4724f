"""What does the kernel's busy indicator cost a slider step, in the toolbar or in the status bar?

The indicator (the circle that fills while the kernel works) changes twice per step of the
dashboard's slider: busy, then idle. JupyterLab shows it in the notebook's toolbar unless a
setting puts it in the status bar, as this project's jupyter-settings/overrides.json does. The
toolbar watches every element inside it and lists its focusable items again when one is added or
removed, and the indicator adds and removes one at each change.

For each place (JupyterLab's default, then this project's setting) this benchmark opens the
dashboard (the notebook of browser_latency.py) and times slider steps (browser_latency.step_time:
from the key press until the new picture is painted) in alternating blocks in the same page: with
the indicator where the setting puts it, and with it taken out of the page. Alternating blocks in
one page spread a slow moment of this shared machine over both; the difference is what the
indicator costs in that place. The transport rows (a picture drawn beforehand) show the round
trip without any drawing.

    uv run --group test python benchmarks/busy_indicator.py
"""

import json
import statistics
import sys
import tempfile
from pathlib import Path

from browser_latency import measure_setup, step_time, write_notebook

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from lab_browser import HOW_TO_GET_ONE, find_chromium, open_notebook_and_run_all, run_chromium, run_jupyterlab  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

# Takes the item that holds the indicator out of the page (out=true) or puts it back where it was.
# Out of the page, React goes on updating it, but nothing on the page sees its changes.
TAKE_OUT = """(out) => {
  if (!window.indicator) {
    const indicator = document.querySelector('.jp-Notebook-ExecutionIndicator');
    window.indicator = indicator.closest('.jp-Toolbar-item, .jp-StatusBar-Item');
    window.place = [window.indicator.parentElement, window.indicator.nextSibling];
  }
  if (out) window.indicator.remove();
  else window.place[0].insertBefore(window.indicator, window.place[1]);
  return document.querySelectorAll('.jp-Notebook-ExecutionIndicator').length;
}"""


def settings_folder(folder: Path, on_status_bar: bool) -> Path:
    """The project's overrides.json, with the indicator in the status bar or in the toolbar."""
    overrides = json.loads((ROOT / "jupyter-settings" / "overrides.json").read_text())
    overrides["@jupyterlab/notebook-extension:tracker"]["kernelStatus"]["showOnStatusBar"] = on_status_bar
    folder.mkdir()
    (folder / "overrides.json").write_text(json.dumps(overrides))
    return folder


def compare(browser_path: str, folder: Path, place: str, blocks: int, steps_per_block: int) -> dict:
    write_notebook(folder / "source")
    settings = settings_folder(folder / "app-settings", on_status_bar=place == "status bar")
    times = {}
    with run_jupyterlab(folder / "lab", notebooks=folder / "source",
                        extra_args=[f"--LabApp.app_settings_dir={settings}"]) as (server, token), \
            run_chromium(browser_path, folder) as address, sync_playwright() as playwright:
        page = playwright.chromium.connect_over_cdp(address).contexts[0].new_page()
        page.set_viewport_size({"width": 1500, "height": 1800})
        open_notebook_and_run_all(page, server, token, "dashboard.ipynb")
        epoch, probe = measure_setup(page)
        shown_in = ".jp-StatusBar-Widget" if place == "status bar" else ".jp-NotebookPanel-toolbar"
        assert page.locator(f"{shown_in} .jp-Notebook-ExecutionIndicator").count() == 1, f"not in the {place}"
        for block in range(blocks):
            for out in (False, True) if block % 2 else (True, False):
                assert page.evaluate(TAKE_OUT, out) == (0 if out else 1)
                page.wait_for_timeout(200)
                label = "taken out" if out else f"in the {place}"
                for i in range(steps_per_block):
                    key = "ArrowRight" if i % 2 else "ArrowLeft"
                    times.setdefault((label, "step"), []).append(step_time(page, epoch, key, 0))
                    times.setdefault((label, "transport"), []).append(step_time(page, probe, "ArrowRight", 1))
    return times


def main(blocks: int = 8, steps_per_block: int = 8) -> None:
    browser_path = find_chromium()
    if browser_path is None:
        sys.exit(f"no Chromium or Chrome found; {HOW_TO_GET_ONE}")
    for place in ("toolbar", "status bar"):
        with tempfile.TemporaryDirectory() as folder:
            times = compare(browser_path, Path(folder), place, blocks, steps_per_block)
        print(f"JupyterLab with the indicator in the {place}:")
        for kind in ("step", "transport"):
            medians = {label: statistics.median(values) for (label, k), values in times.items() if k == kind}
            inside, out = medians[f"in the {place}"], medians["taken out"]
            print(f"  {kind:9s} -> picture: {inside:5.1f} ms median with the indicator, {out:5.1f} ms without "
                  f"(it costs {inside - out:+.1f} ms; {len(times[('taken out', kind)])} steps each)")


if __name__ == "__main__":
    main()
