"""The dashboard in a real browser: JupyterLab + headless Chromium, driven by Playwright.

Runs notebook 04 with JupyterLab's own restart-and-run-all button, clicks the initializations
and reads the dashboard (see lab_browser.py for how the two programs are started and stopped).
Screenshots go to test-artifacts/ (ignored by git).

It needs a Chromium or Chrome. Without one it is skipped on a student's or teacher's machine,
with the reason and how to get one; under CI (the CI variable set) a missing browser fails.
"""

import os

import pytest
from lab_browser import HOW_TO_GET_ONE, ROOT, find_chromium, open_notebook_and_run_all, run_chromium, run_jupyterlab
from playwright.sync_api import expect, sync_playwright

ARTIFACTS = ROOT / "test-artifacts"


def require_chromium() -> str:
    """The browser to test with; skips the test without one, except under CI, where it fails."""
    path = find_chromium()
    if path is None:
        message = f"browser test: no Chromium or Chrome found; {HOW_TO_GET_ONE}"
        if os.environ.get("CI"):
            pytest.fail(message + " (CI must run the browser test)")
        pytest.skip(message)
    return path


@pytest.fixture
def jupyterlab(tmp_path):
    with run_jupyterlab(tmp_path) as server:
        yield server


@pytest.fixture
def chromium(tmp_path):
    with run_chromium(require_chromium(), tmp_path) as address:
        yield address


def test_dashboard_in_jupyterlab_switches_between_one_and_four_distinct_neurons(chromium, jupyterlab):
    ARTIFACTS.mkdir(exist_ok=True)
    server, token = jupyterlab
    with sync_playwright() as playwright:
        browser = playwright.chromium.connect_over_cdp(chromium)
        page = browser.contexts[0].new_page()
        page.set_viewport_size({"width": 1500, "height": 1100})
        open_notebook_and_run_all(page, server, token, "04_symmetry_breaking.ipynb")

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


def test_a_missing_browser_skips_on_a_laptop_and_fails_under_ci(monkeypatch):
    monkeypatch.setattr(f"{__name__}.find_chromium", lambda: None)
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="playwright install chromium"):
        require_chromium()
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI must run the browser test"):
        require_chromium()
