"""The dashboard as the room sees it: JupyterLab in a 1280x720 Chromium window (a projector's
resolution), in Presentation Mode and the Simple Interface, with the projector style on.

A small notebook is written to a temporary folder: a paragraph of prose, the projector style,
the dashboard cell of notebook 04 (read from 04, so that an edit there reaches this test) and a
Markdown cell after it. The test measures, in the browser, what the room reads:
  - the readout line ("distinct hidden neurons: k of 4 | ...") is at least as large as the prose;
  - the whole dashboard, controls and picture, fits the notebook's visible area at once, the
    picture is shown pixel for pixel (sharp), and no button's label is cut short;
  - the way out of the sliders' hold on the arrow keys that the guide gives: after a slider has
    been dragged, → moves that slider; a click on the dashboard's picture gives the keys back to
    the notebook, and → then moves to the next cell;
  - the seven samples' readout ("accuracy n/a (...)", the longest there is without a training
    warning) stays in the controls' column and on the screen.
Screenshots go to test-artifacts/ (ignored by git). Without a Chromium or Chrome the test is
skipped on a laptop and fails under CI (test_browser.require_chromium).
"""

import re

import nbformat
import pytest
from lab_browser import ERROR_OUTPUTS, ROOT, open_notebook_and_run_all, run_chromium, run_jupyterlab, wait_for_readout
from playwright.sync_api import expect, sync_playwright
from test_browser import require_chromium, view_appearance

ARTIFACTS = ROOT / "test-artifacts"
SCREEN = (1280, 720)
PROSE = "A paragraph of prose, at the size the room reads it."
NEXT_CELL = "After the dashboard"


def dashboard_source() -> str:
    """The code of notebook 04's dashboard cell."""
    notebook = nbformat.read(ROOT / "notebooks" / "04_symmetry_breaking.ipynb", as_version=4)
    cells = [cell.source for cell in notebook.cells
             if cell.cell_type == "code" and "symmetry_dashboard(" in cell.source]
    assert len(cells) == 1, f"expected one dashboard cell in notebook 04, found {len(cells)}"
    return cells[0]


def write_room_notebook(folder) -> None:
    folder.mkdir()
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {"display_name": "Python 3 (ipykernel)", "language": "python",
                                       "name": "python3"}
    notebook.cells = [
        nbformat.v4.new_markdown_cell(f"# The room\n\n{PROSE}"),
        nbformat.v4.new_code_cell('import matplotlib.pyplot as plt\n\nplt.style.use("helpers.projector")'),
        nbformat.v4.new_code_cell(dashboard_source()),
        nbformat.v4.new_markdown_cell(f"## {NEXT_CELL}\n\nThe cell after the dashboard."),
    ]
    nbformat.write(notebook, folder / "room.ipynb")


@pytest.fixture
def chromium(request, tmp_path):
    with run_chromium(require_chromium(request.node.name), tmp_path, window=SCREEN) as address:
        yield address


def font_size(locator) -> float:
    return float(locator.evaluate("e => parseFloat(getComputedStyle(e).fontSize)"))


def box(locator) -> dict:
    """The element's box in the page: left, top, right, bottom in CSS pixels."""
    return locator.evaluate("e => { const r = e.getBoundingClientRect();"
                            " return {left: r.left, top: r.top, right: r.right, bottom: r.bottom}; }")


def inside(inner: dict, outer: dict) -> bool:
    return (inner["left"] >= outer["left"] - 0.5 and inner["right"] <= outer["right"] + 0.5
            and inner["top"] >= outer["top"] - 0.5 and inner["bottom"] <= outer["bottom"] + 0.5)


def shown_epoch(readout) -> int:
    return int(re.search(r"epoch (\d+)", readout.text_content()).group(1))


def test_the_dashboard_fits_a_projector_and_its_readout_is_as_large_as_the_prose(chromium, tmp_path):
    ARTIFACTS.mkdir(exist_ok=True)
    write_room_notebook(tmp_path / "room")
    with run_jupyterlab(tmp_path / "lab", notebooks=tmp_path / "room") as (server, token), \
            sync_playwright() as playwright:
        browser = playwright.chromium.connect_over_cdp(chromium)
        page = browser.contexts[0].new_page()
        page.set_viewport_size({"width": SCREEN[0], "height": SCREEN[1]})
        open_notebook_and_run_all(page, server, token, "room.ipynb")
        readout = wait_for_readout(page, seconds=120)
        view_appearance(page, "Presentation Mode")
        view_appearance(page, "Simple Interface")
        view_appearance(page, "Show Left Sidebar")  # hides it
        expect(page.locator(".jp-FileBrowser")).to_be_hidden()

        prose = page.locator(".jp-RenderedMarkdown p", has_text=PROSE)
        assert font_size(readout) >= font_size(prose), (
            f"the readout is {font_size(readout)} px, the prose {font_size(prose)} px")

        dashboard = page.locator(".jp-OutputArea-output .widget-box").first  # the outermost box
        dashboard.evaluate("e => e.scrollIntoView({block: 'start'})")
        page.wait_for_timeout(500)
        visible = box(page.locator(".jp-WindowedPanel-outer").first)  # the notebook's scrolling area
        picture = page.locator(".widget-image").first
        page.screenshot(path=str(ARTIFACTS / "room_dashboard.png"))
        for name, part in [("the dashboard", dashboard), ("the picture", picture), ("the readout", readout),
                           ("the epoch slider", page.locator(".widget-slider", has_text="epoch").first),
                           ("the initialization buttons", page.locator(".widget-toggle-buttons").first)]:
            assert inside(box(part), visible), f"{name} {box(part)} is not inside the visible notebook {visible}"
        natural, shown = picture.evaluate("p => [p.naturalWidth, p.clientWidth]")
        assert shown == natural, f"the picture is {natural} pixels wide but shown {shown} pixels wide"
        cut = dashboard.locator(".widget-toggle-button").evaluate_all(
            "buttons => buttons.filter(b => b.scrollWidth > b.clientWidth).map(b => b.textContent)")
        assert not cut, f"buttons whose labels do not fit (cut short with ...): {cut}"

        # The sliders' hold on the arrow keys, and the guide's way out of it.
        slider = page.locator(".widget-slider", has_text="epoch").first
        handle = slider.locator(".noUi-handle")
        start = handle.bounding_box()
        page.mouse.move(start["x"] + start["width"] / 2, start["y"] + start["height"] / 2)
        page.mouse.down()
        page.mouse.move(start["x"] - 60, start["y"] + start["height"] / 2, steps=5)
        page.mouse.up()
        dragged = int(slider.locator(".widget-readout").text_content())
        assert dragged < 1000, "the drag did not move the epoch slider"
        expect(readout).to_contain_text(f"epoch {dragged}", timeout=10_000)  # the kernel has caught up
        page.keyboard.press("ArrowRight")
        expect(readout).to_contain_text(f"epoch {dragged + 10}", timeout=10_000)  # the slider has the keys

        picture.click()
        page.keyboard.press("ArrowRight")
        expect(page.locator(".jp-Cell.jp-mod-active")).to_contain_text(NEXT_CELL, timeout=10_000)
        page.wait_for_timeout(500)
        assert shown_epoch(readout) == dragged + 10, "→ moved the slider after a click on the picture"
        page.screenshot(path=str(ARTIFACTS / "room_next_cell.png"))

        # The seven samples' readout ("accuracy n/a (...)", the longest without a training warning)
        # wraps inside the controls' column, beside the picture, not over it or out of the screen.
        page.locator(".widget-dropdown select").first.select_option(label="seven samples")
        expect(readout).to_contain_text("accuracy n/a", timeout=30_000)
        dashboard.evaluate("e => e.scrollIntoView({block: 'start'})")
        page.wait_for_timeout(500)
        page.screenshot(path=str(ARTIFACTS / "room_long_readout.png"))
        column = page.locator(".jp-OutputArea-output .widget-box .widget-vbox").first  # the controls' column
        assert inside(box(readout), box(column)), f"the readout {box(readout)} leaves its column {box(column)}"
        assert inside(box(readout), visible), f"the readout {box(readout)} is not inside the visible notebook"
        assert box(readout)["right"] <= box(picture)["left"], "the readout runs into the picture"
        overflow = readout.evaluate("e => e.scrollWidth - e.clientWidth")
        assert overflow <= 0, f"the readout's text runs {overflow} px past its box"
        errors = page.locator(ERROR_OUTPUTS)
        assert errors.count() == 0, "a cell wrote to stderr or raised in the browser run"
        browser.close()
