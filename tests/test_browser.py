"""The dashboard in a real browser: JupyterLab + headless Chromium, driven by Playwright.

Runs notebook 04 with JupyterLab's own restart-and-run-all button, clicks the initializations
and reads the dashboard (see lab_browser.py for how the two programs are started and stopped).
Screenshots go to test-artifacts/ (ignored by git).

It needs a Chromium or Chrome. Without one it is skipped on a student's or teacher's machine,
with the reason and how to get one; under CI (the CI variable set) a missing browser fails.
"""

import json
import os
import re
import time

import pytest
from lab_browser import (
    ERROR_OUTPUTS,
    HOW_TO_GET_ONE,
    ROOT,
    find_chromium,
    log_tail,
    open_notebook_and_run_all,
    run_chromium,
    run_jupyterlab,
    wait_for_readout,
)
from playwright.sync_api import expect, sync_playwright

ARTIFACTS = ROOT / "test-artifacts"


def require_chromium(test: str) -> str:
    """The browser to test with; skips the test without one, except under CI, where it fails."""
    path = find_chromium()
    if path is None:
        message = f"browser test {test}: no Chromium or Chrome found; {HOW_TO_GET_ONE}"
        if os.environ.get("CI"):
            pytest.fail(message + " (CI must run the browser test)")
        pytest.skip(message)
    return path


@pytest.fixture
def jupyterlab(tmp_path):
    with run_jupyterlab(tmp_path) as server:
        yield server
    print(log_tail(tmp_path))  # pytest shows what a test printed only when it fails


@pytest.fixture
def chromium(request, tmp_path):
    with run_chromium(require_chromium(request.node.name), tmp_path) as address:
        yield address


def run_notebook_04(browser, server: str, token: str, viewport: tuple[int, int]):
    """A new page with notebook 04 run from the top; returns (page, the dashboard's readout)."""
    ARTIFACTS.mkdir(exist_ok=True)
    page = browser.contexts[0].new_page()
    page.set_viewport_size({"width": viewport[0], "height": viewport[1]})
    open_notebook_and_run_all(page, server, token, "04_symmetry_breaking.ipynb")
    readout = wait_for_readout(page, seconds=120)
    return page, readout


def test_dashboard_in_jupyterlab_switches_between_one_and_four_distinct_neurons(chromium, jupyterlab):
    with sync_playwright() as playwright:
        browser = playwright.chromium.connect_over_cdp(chromium)
        page, readout = run_notebook_04(browser, *jupyterlab, viewport=(1500, 1100))
        expect(readout).to_be_visible()
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
        # pixel for pixel: a box that stretched the picture would blur its text (it once showed
        # the 950-pixel picture 1049 pixels wide)
        natural, shown = dashboard_image.evaluate("picture => [picture.naturalWidth, picture.clientWidth]")
        assert shown == natural, f"the picture is {natural} pixels wide but shown {shown} pixels wide"
        errors = page.locator(ERROR_OUTPUTS)
        assert errors.count() == 0, "a cell wrote to stderr or raised in the browser run"
        # the busy indicator in the status bar, out of the toolbar, where each of its changes made
        # the page list the toolbar's items again (jupyter-settings/overrides.json)
        indicator = ".jp-Notebook-ExecutionIndicator"
        expect(page.locator(f".jp-StatusBar-Widget {indicator}")).to_have_count(1)
        expect(page.locator(f".jp-Toolbar {indicator}")).to_have_count(0)
        browser.close()


def view_appearance(page, item: str) -> None:
    """Click View > Appearance > `item` in JupyterLab's menu bar, as an instructor would."""
    page.locator(".lm-MenuBar-itemLabel", has_text="View").click()
    page.locator(".lm-Menu-itemLabel", has_text="Appearance").first.hover()
    page.locator(".lm-Menu-itemLabel", has_text=item).first.click()
    page.wait_for_timeout(300)


@pytest.fixture
def class_jupyterlab(tmp_path):
    """JupyterLab serving a copy of the class notebooks (class/)."""
    with run_jupyterlab(tmp_path, notebooks=ROOT / "class") as server:
        yield server
    print(log_tail(tmp_path))  # pytest shows what a test printed only when it fails


def test_presentation_path_walks_the_class_notebook_to_the_dashboard(chromium, class_jupyterlab):
    # The instructor's guide, *The presentation path*: the 75-minute class notebook, run from the
    # top; presentation mode, the simple interface, no file browser; every section folded, then
    # ArrowRight opens one heading at a time, past every checkpoint of the plan, to the dashboard
    # and on to the end. After the epoch slider, a click on a text cell gives the keys back.
    notebook = json.loads((ROOT / "class" / "75_minutes.ipynb").read_text(encoding="utf-8"))
    planned = [int(checkpoint.group(1)) for cell in notebook["cells"] if cell["cell_type"] == "markdown"
               and (checkpoint := re.match(r"# Minute (\d+) · ", "".join(cell["source"])))]
    with sync_playwright() as playwright:
        browser = playwright.chromium.connect_over_cdp(chromium)
        ARTIFACTS.mkdir(exist_ok=True)
        page = browser.contexts[0].new_page()
        page.set_viewport_size({"width": 1280, "height": 720})  # a projector's resolution
        open_notebook_and_run_all(page, *class_jupyterlab, "75_minutes.ipynb")
        readout = wait_for_readout(page, seconds=180)

        paragraph = page.locator(".jp-RenderedMarkdown p").first
        font_size = lambda: float(paragraph.evaluate("e => parseFloat(getComputedStyle(e).fontSize)"))  # noqa: E731
        normal_size = font_size()
        view_appearance(page, "Presentation Mode")
        view_appearance(page, "Simple Interface")
        view_appearance(page, "Show Left Sidebar")
        assert font_size() >= 1.2 * normal_size, f"presentation mode did not enlarge the text ({normal_size} px)"
        assert page.locator("#jp-main-dock-panel").get_attribute("data-mode") == "single-document"
        expect(page.locator(".jp-FileBrowser")).to_be_hidden()

        page.locator(".jp-Cell").first.click()
        page.keyboard.press("Escape")                   # command mode
        page.keyboard.press("Control+Shift+ArrowLeft")  # fold every section
        expect(readout).to_be_hidden()
        headings = page.locator(".jp-MarkdownCell .jp-RenderedMarkdown :is(h1, h2, h3)").count()
        active = page.locator(".jp-Notebook .jp-Cell.jp-mod-active").first
        seen = []  # the checkpoints' minutes, as ArrowRight reaches them

        def step_until(done, presses: int = 2 * headings) -> None:
            for _ in range(presses):
                if done():
                    return
                page.keyboard.press("ArrowRight")
                page.wait_for_timeout(150)
                checkpoint = re.match(r"Minute (\d+) · ", active.inner_text())
                if checkpoint and int(checkpoint.group(1)) not in seen:
                    seen.append(int(checkpoint.group(1)))

        step_until(readout.is_visible)
        expect(readout).to_be_visible()
        assert seen[-1] == 28, f"the dashboard is not under the checkpoint 'Minute 28' (reached {seen})"
        readout.scroll_into_view_if_needed()
        page.locator("button.widget-toggle-button", has_text="zero").first.click()
        expect(readout).to_contain_text("distinct hidden neurons: 1 of 4", timeout=30_000)
        page.locator("button.widget-toggle-button", has_text="random").first.click()
        expect(readout).to_contain_text("distinct hidden neurons: 4 of 4", timeout=30_000)
        page.screenshot(path=str(ARTIFACTS / "presentation_class_dashboard.png"))

        # The slider trap's way out: touch the epoch slider, click a text cell, then ArrowRight
        # moves on through the notebook and leaves the slider where it was.
        epoch = page.locator(".widget-slider", has_text="epoch").locator(".noUi-handle").first
        epoch.click()
        page.keyboard.press("ArrowLeft")
        expect(readout).not_to_contain_text("epoch 1000", timeout=30_000)
        shown = readout.text_content()
        page.locator(".jp-MarkdownCell", has_text="Minute 28 · ").first.click()
        step_until(lambda: seen[-1] == planned[-1])
        assert readout.text_content() == shown, "ArrowRight moved the epoch slider after a click on a text cell"
        assert seen == planned, f"ArrowRight reached the checkpoints {seen}, the plan has {planned}"
        page.screenshot(path=str(ARTIFACTS / "presentation_class_end.png"))
        browser.close()


def news_question(page):
    return page.get_by_text("notified about official Jupyter news")


def test_a_fresh_jupyterlab_shows_no_pop_up_about_jupyter_news(chromium, tmp_path):
    ARTIFACTS.mkdir(exist_ok=True)
    # First JupyterLab's defaults, to see how soon it asks (and that this test can see the
    # question); then this project's settings, which must keep it from asking.
    with sync_playwright() as playwright:
        browser = playwright.chromium.connect_over_cdp(chromium)
        page = browser.contexts[0].new_page()
        defaults = ["--LabApp.app_settings_dir=" + str(tmp_path / "no-project-settings")]
        (tmp_path / "no-project-settings").mkdir()
        with run_jupyterlab(tmp_path / "defaults", extra_args=defaults) as (server, token):
            started = time.monotonic()
            page.goto(f"{server}/lab/tree/00_the_question.ipynb?token={token}")
            expect(news_question(page).first).to_be_visible(timeout=60_000)
            seconds_to_ask = time.monotonic() - started
        with run_jupyterlab(tmp_path / "project") as (server, token):
            page.goto(f"{server}/lab/tree/00_the_question.ipynb?token={token}")
            page.wait_for_selector(".jp-Notebook", timeout=60_000)
            page.wait_for_timeout(1000 * max(10.0, 2 * seconds_to_ask))
            page.screenshot(path=str(ARTIFACTS / "fresh_jupyterlab.png"))
            assert news_question(page).count() == 0, "JupyterLab asked about Jupyter news"
        browser.close()


def test_a_missing_browser_skips_on_a_laptop_and_fails_under_ci(monkeypatch):
    monkeypatch.setattr(f"{__name__}.find_chromium", lambda: None)
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="browser test test_x: .*playwright install chromium"):
        require_chromium("test_x")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI must run the browser test"):
        require_chromium("test_x")
