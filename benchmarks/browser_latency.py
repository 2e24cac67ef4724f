"""How fast does the dashboard answer in a real browser? A benchmark, not a test.

Opens a small notebook (written to a temporary folder) with notebook 04's dashboard in JupyterLab
with headless Chromium (both started by tests/lab_browser.py), runs it, and times in the page
itself (performance.now()), from the student's action until the new picture has loaded and the
next frame is painted:

  - a click on an initialization (train + draw in the kernel, both ways over the websocket):  goal 150 ms
  - a step of the epoch slider with the arrow key (draw only):                             goal 50 ms
  - Play (one step every 50 ms): how many pictures a second arrive, how long after Play's last
    step the last picture arrives, and the delay from each step's message to its picture over
    the first and the last ten steps (a delay that grows means it falls behind)
  - for comparison, the transport alone: a slider whose every step sends one of two pictures of
    the same size, drawn beforehand (the websocket, the server, decoding, painting; no drawing)

    uv run --group test python benchmarks/browser_latency.py

It needs a Chromium or Chrome (see tests/lab_browser.py). Clicks and steps alternate, so that a
slow moment of a shared machine spreads over both.
"""

import json
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from lab_browser import (  # noqa: E402
    HOW_TO_GET_ONE,
    find_chromium,
    open_notebook_and_run_all,
    run_chromium,
    run_jupyterlab,
    wait_for_readout,
)
from playwright.sync_api import expect, sync_playwright  # noqa: E402

CLICK_GOAL_MS, STEP_GOAL_MS, PLAY_FPS = 150, 50, 20

CELLS = [
    "from helpers.widgets import symmetry_dashboard\n\ndashboard = symmetry_dashboard()\ndashboard",
    # the transport alone: two pictures of the dashboard's size, drawn beforehand, sent in turn
    "import ipywidgets as widgets\n\n"
    "frames = [dashboard.figure.png()]\n"
    "dashboard.figure.show_epoch(0)\n"
    "frames.append(dashboard.figure.png())\n"
    "probe = widgets.IntSlider(description='probe', max=1000)\n"
    "from helpers.widgets import PICTURE_LAYOUT\n"
    "copy = widgets.Image(format='png', layout=PICTURE_LAYOUT)\n"
    "probe.observe(lambda change: setattr(copy, 'value', frames[change['new'] % 2]), names='value')\n"
    "widgets.VBox([probe, copy])",
]

# Resolves with the milliseconds from the next keydown or click (captured before any widget sees
# it) until the dashboard's picture has a new src, has loaded, and the frame after it is painted.
ARM = """(index) => {
  const picture = document.querySelectorAll('.widget-image')[index];
  window.pictureArrived = new Promise(resolve => {
    let start = null;
    const begin = () => { if (start === null) start = performance.now(); };
    document.addEventListener('keydown', begin, {capture: true, once: true});
    document.addEventListener('click', begin, {capture: true, once: true});
    const observer = new MutationObserver(() => {
      observer.disconnect();
      picture.addEventListener('load', () => requestAnimationFrame(() => resolve(performance.now() - start)),
                               {once: true});
    });
    observer.observe(picture, {attributes: true, attributeFilter: ['src']});
  });
}"""

# Before the page loads: while window.playSends exists, note the time of every message the page
# sends to the kernel with a new "value" (during Play, one per step: the Play's new value).
NOTE_SENDS = """(() => {
  const send = WebSocket.prototype.send;
  WebSocket.prototype.send = function (data) {
    if (window.clickMarks && window.clickMarks.sent === null) window.clickMarks.sent = performance.now();
    if (window.playSends) {
      const text = typeof data === 'string' ? data : new TextDecoder().decode(data);
      if (text.includes('"value"')) window.playSends.push(performance.now() - window.playStart);
    }
    if (!this.noteReplies) {
      this.noteReplies = true;
      this.addEventListener('message', (event) => {
        // the kernel's reply with the new picture: the first large message after a click
        const size = event.data.size || event.data.byteLength || event.data.length || 0;
        if (window.clickMarks && window.clickMarks.reply === null && size > 10000) {
          window.clickMarks.reply = performance.now();
        }
      });
    }
    return send.call(this, data);
  };
})();"""

# Records the time of every picture that loads while Play runs, and counts the pictures that
# arrive (a picture replaced by the next before it loaded arrives but is never shown).
RECORD_PLAY = """() => {
  const picture = document.querySelector('.widget-image');
  window.playSends = [];
  window.playTimes = [];
  window.playArrived = 0;
  window.playStart = performance.now();
  picture.addEventListener('load', () => window.playTimes.push(performance.now() - window.playStart));
  new MutationObserver(() => window.playArrived++).observe(picture, {attributes: true, attributeFilter: ['src']});
}"""


def write_notebook(folder: Path) -> None:
    cells = [{"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [], "source": source}
             for source in CELLS]
    notebook = {"cells": cells, "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3",
                                                            "language": "python"}},
                "nbformat": 4, "nbformat_minor": 5}
    folder.mkdir()
    (folder / "dashboard.ipynb").write_text(json.dumps(notebook))


def main(rounds: int = 15) -> None:
    browser_path = find_chromium()
    if browser_path is None:
        sys.exit(f"no Chromium or Chrome found; {HOW_TO_GET_ONE}")
    with tempfile.TemporaryDirectory() as folder:
        write_notebook(Path(folder) / "source")
        with run_jupyterlab(Path(folder) / "lab", notebooks=Path(folder) / "source") as (server, token), \
                run_chromium(browser_path, Path(folder)) as address, sync_playwright() as playwright:
            page = playwright.chromium.connect_over_cdp(address).contexts[0].new_page()
            page.set_viewport_size({"width": 1500, "height": 1800})
            page.add_init_script(NOTE_SENDS)
            open_notebook_and_run_all(page, server, token, "dashboard.ipynb")
            clicks, steps, transport, play = measure(page, rounds)
    report(clicks, steps, transport, play)


def step_time(page, handle, key: str, picture: int) -> float:
    page.evaluate(ARM, picture)
    handle.focus()
    page.keyboard.press(key)
    return page.evaluate("window.pictureArrived")


def measure_setup(page):
    """Waits until the notebook has run; returns the handles of the epoch and the probe sliders."""
    expect(wait_for_readout(page, seconds=120)).to_be_visible()
    expect(page.locator(".widget-image")).to_have_count(2, timeout=60_000)
    epoch = page.locator(".widget-slider:has(label:text-is('epoch')) .noUi-handle").first
    probe = page.locator(".widget-slider:has(label:text-is('probe')) .noUi-handle").first
    return epoch, probe


def measure(page, rounds: int):
    epoch, probe = measure_setup(page)
    clicks, steps, transport, breakdowns = [], [], [], []
    for _ in range(rounds):
        for init in ("zero", "constant", "random"):
            page.evaluate(ARM, 0)
            page.evaluate("window.clickMarks = {start: performance.now(), sent: null, reply: null}")
            page.locator("button.widget-toggle-button", has_text=init).first.click()
            clicks.append(page.evaluate("window.pictureArrived"))
            marks = page.evaluate("[window.clickMarks, performance.now()]")
            breakdowns.append(marks)
            for key in ("ArrowLeft", "ArrowRight"):
                steps.append(step_time(page, epoch, key, 0))
                transport.append(step_time(page, probe, "ArrowRight", 1))

    epoch.focus()
    page.keyboard.press("Home")  # the slider to epoch 0, so that Play runs through the whole run
    page.wait_for_timeout(1000)
    page.evaluate(RECORD_PLAY)
    page.locator(".widget-play button").first.click()
    play_steps = round(float(epoch.get_attribute("aria-valuemax")) / 10)  # record_every is 10
    page.wait_for_timeout(50 * play_steps + 3000)
    play = (play_steps, page.evaluate("window.playTimes"), page.evaluate("window.playArrived"),
            page.evaluate("window.playSends"))
    first = breakdowns[0][0]
    print(f"first click after Run All: {clicks[0]:.0f} ms; the page sent the new setting "
          f"{first['sent'] - first['start']:.0f} ms after Playwright's click began, and the picture came "
          f"back {first['reply'] - first['sent']:.0f} ms after that (the kernel's work and the round trip)")
    later = [marks for marks, _ in breakdowns[1:] if marks["sent"] and marks["reply"]]
    round_trips = [marks["reply"] - marks["sent"] for marks in later]
    print(f"later clicks: sent -> picture back {statistics.median(round_trips):.0f} ms median")
    return clicks, steps, transport, play


def report(clicks, steps, transport, play) -> None:
    play_steps, times, arrived, sends = play
    median = statistics.median
    print(f"first click after Run All -> new picture: {clicks[0]:6.1f} ms; goal {CLICK_GOAL_MS} ms")
    print(f"click on an initialization -> new picture: {median(clicks):6.1f} ms median "
          f"({len(clicks)} clicks, range {min(clicks):.0f}-{max(clicks):.0f} ms); goal {CLICK_GOAL_MS} ms")
    print(f"epoch-slider step (arrow key) -> picture:  {median(steps):6.1f} ms median "
          f"({len(steps)} steps, range {min(steps):.0f}-{max(steps):.0f} ms); goal {STEP_GOAL_MS} ms")
    print(f"transport alone (same-size picture, drawn beforehand): {median(transport):6.1f} ms median")
    if len(times) > 1:
        rate = (len(times) - 1) / ((times[-1] - times[0]) / 1e3)
        late = times[-1] - 50 * play_steps
        print(f"Play ({play_steps} steps at {PLAY_FPS} a second): {arrived} pictures arrived, {len(times)} shown, "
              f"{rate:.1f} a second; the last shown {late:.0f} ms after Play's last step")
        # Falling behind shows as a delay that grows: picture k against the moment Play sent step k
        if len(sends) == len(times):
            delays = [time - sent for time, sent in zip(times, sends, strict=True)]
            print(f"  step sent -> picture shown: {median(delays[:10]):.0f} ms median over the first ten steps, "
                  f"{median(delays[-10:]):.0f} ms over the last ten; Play's own steps came "
                  f"{(sends[-1] - sends[0]) / (len(sends) - 1):.1f} ms apart")
        else:
            print(f"  Play sent {len(sends)} steps for {len(times)} pictures: some steps were merged (fell behind)")
    else:
        print(f"Play: {len(times)} pictures arrived")


if __name__ == "__main__":
    main()
