"""The class notebooks (class/), the run sheet and the guide's plan tables follow the course and the plan.

tools/class_notebooks.py writes all of them from one plan table. These tests regenerate each in
memory and compare with what is committed (nbval, through pyproject.toml's testpaths, runs the
class notebooks themselves), check that every section the plans use is marked exactly once in
notebooks/, that the run sheet says what the class notebook shows, and that it prints on one page.
"""

import json
import re
import subprocess
import sys

import pytest
from lab_browser import ROOT
from test_browser import require_chromium

sys.path.insert(0, str(ROOT / "tools"))
import class_notebooks  # noqa: E402  (tools/ is not a package)

COURSE = class_notebooks.all_course()


def comparable(notebook: dict) -> list[tuple]:
    """Each cell without what a run adds: outputs, execution counts, execution times."""
    cells = []
    for cell in notebook["cells"]:
        metadata = {key: value for key, value in cell["metadata"].items() if key != "execution"}
        cells.append((cell["cell_type"], cell["id"], "".join(cell["source"]), json.dumps(metadata, sort_keys=True)))
    return cells


@pytest.mark.parametrize("plan", class_notebooks.PLANS, ids=[plan.name for plan in class_notebooks.PLANS])
def test_each_class_notebook_is_the_one_the_course_and_the_plan_give(plan):
    committed = json.loads((ROOT / "class" / f"{plan.name}.ipynb").read_text(encoding="utf-8"))
    expected = class_notebooks.class_notebook(plan, COURSE)
    assert comparable(committed) == comparable(expected), (
        f"class/{plan.name}.ipynb is stale: run `uv run python tools/class_notebooks.py`")


def test_every_marker_a_plan_uses_tags_exactly_one_cell_of_the_course():
    markers = {marker for plan in class_notebooks.PLANS for row in plan.rows for marker in row.markers}
    tags = [tag for notebook in COURSE.values() for cell in notebook["cells"]
            for tag in cell["metadata"].get("tags", []) if tag.startswith("class:")]
    counts = {marker: tags.count("class:" + marker) for marker in sorted(markers)}
    assert all(count == 1 for count in counts.values()), counts
    unused = sorted(set(tags) - {"class:" + marker for marker in markers})
    assert not unused, f"tags no plan uses (remove them): {unused}"


def test_the_guide_s_plans_and_the_run_sheet_are_the_ones_the_plan_gives():
    guide = class_notebooks.GUIDE.read_text(encoding="utf-8")
    sheet = class_notebooks.RUN_SHEET.read_text(encoding="utf-8")
    stale = "is stale: run `uv run python tools/class_notebooks.py --tables`"
    assert class_notebooks.guide_with_plans(guide, COURSE) == guide, f"INSTRUCTORS.md's plan tables {stale}"
    assert class_notebooks.run_sheet_with_table(sheet, COURSE) == sheet, f"RUN_SHEET.md {stale}"


def test_the_run_sheet_s_clock_and_questions_are_the_class_notebook_s():
    notebook = json.loads((ROOT / "class" / "75_minutes.ipynb").read_text(encoding="utf-8"))
    shown = []  # (minute, question) as the room sees them in the class notebook
    for cell in notebook["cells"]:
        text = "".join(cell["source"])
        checkpoint = re.match(r"# Minute (\d+) · ", text)
        if cell["cell_type"] == "markdown" and checkpoint:
            question = re.search(r"^> \*\*Ask the room:\*\* (.*)$", text, re.M)
            shown.append((int(checkpoint.group(1)), question.group(1) if question else None))
    sheet = class_notebooks.RUN_SHEET.read_text(encoding="utf-8")
    rows = [line.split(" | ") for line in sheet.splitlines() if re.match(r"\| \d+ \| ", line)]
    printed = [(int(row[0].strip("| ")), re.search(r"\*([^*].*)\*$", row[2])) for row in rows]
    printed = [(minute, question.group(1) if question else None) for minute, question in printed]
    assert printed == shown
    assert len(shown) == len(class_notebooks.PLANS[0].rows)


def test_a_section_is_cut_at_the_next_heading_and_its_code_brings_the_cells_it_needs():
    cells = [{"cell_type": "code", "source": "import numpy as np\n"},
             {"cell_type": "code", "source": "x = np.ones(3)\n"},
             {"cell_type": "markdown", "source": "Text before.\n\n## The section\n\nProse.\n"},
             {"cell_type": "code", "source": "y = 2 * x\nprint(y)\n"},
             {"cell_type": "markdown", "source": "### Step 1: stays\n\nMore.\n\n### Next\n\nAfter.\n"},
             {"cell_type": "code", "source": "z = y\n"}]
    pieces = class_notebooks.section_cells(cells, 2)
    assert pieces == [(2, "## The section\n\nProse.\n"), (3, "y = 2 * x\nprint(y)\n"),
                      (4, "### Step 1: stays\n\nMore.")]
    assert class_notebooks.needed_cells(cells, [3], already=set()) == [0, 1]
    assert class_notebooks.needed_cells(cells, [3], already={1}) == []


def test_a_marker_missing_from_the_course_names_itself():
    with pytest.raises(SystemExit, match="marker 'no-such-section': 0 cells .* expected exactly 1"):
        class_notebooks.find_marker(COURSE, "no-such-section")


def pdf_pages(chromium: str, markdown_file, paper: str, tmp_path) -> int:
    """Pages of `markdown_file` printed to PDF by Chromium at 11 pt on `paper` (A4 or Letter)."""
    import mistune

    body = mistune.create_markdown(escape=False, plugins=["table"])(markdown_file.read_text(encoding="utf-8"))
    # 11-pt text on the paper with 10 mm margins; a plain ruled table, its columns sized to the text.
    style = (f"@page {{ size: {paper}; margin: 10mm; }} body {{ font: 11pt sans-serif; line-height: 1.2; margin: 0; }} "
             "table { border-collapse: collapse; width: 100%; } th:nth-child(2) { width: 32%; } "
             "th:nth-child(3) { width: 42%; } td, th { border: 1px solid #999; padding: 1px 4px; vertical-align: top; }"
             " h1 { font-size: 15pt; margin: 0 0 4pt; } p, ol { margin: 4pt 0; }")
    page = tmp_path / f"run_sheet_{paper}.html"
    page.write_text(f"<!doctype html><meta charset='utf-8'><style>{style}</style>{body}", encoding="utf-8")
    pdf = tmp_path / f"run_sheet_{paper}.pdf"
    subprocess.run([chromium, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--user-data-dir={tmp_path / 'profile'}", f"--print-to-pdf={pdf}", page.as_uri()],
                   check=True, capture_output=True, timeout=120)
    return len(re.findall(rb"/Type\s*/Page(?!s)", pdf.read_bytes()))


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_the_run_sheet_prints_on_one_page_at_11_pt(paper, tmp_path):
    chromium = require_chromium(f"test_the_run_sheet_prints_on_one_page_at_11_pt[{paper}]")
    assert pdf_pages(chromium, class_notebooks.RUN_SHEET, paper, tmp_path) == 1


def test_counting_pages_sees_a_second_page(tmp_path):
    chromium = require_chromium("test_counting_pages_sees_a_second_page")
    long = tmp_path / "long.md"
    long.write_text("\n\n".join(f"Paragraph {number}." for number in range(120)), encoding="utf-8")
    assert pdf_pages(chromium, long, "A4", tmp_path) >= 2


# What the dashboard shows, as the guide's homework and the run sheet's surprises quote it:
# (settings changed from the defaults, the epoch shown, what the readout must contain).
DASHBOARD_QUOTES = [
    ({"init": "constant"}, 1000, "loss 0.5145"),
    ({"init": "constant", "output_init": "random"}, 0, "distinct hidden neurons: 4 of 4"),
    ({"dataset": "circles", "init": "zero"}, 1000, "accuracy 50%"),
    ({"dataset": "circles", "init": "constant"}, 1000, "accuracy 61%"),
    ({"dataset": "circles", "init": "random"}, 1000, "accuracy 100%"),
    ({"dataset": "moons", "init": "constant"}, 1000, "distinct hidden neurons: 1 of 4 | loss 0.2751 | accuracy 87%"),
    ({"dataset": "moons", "init": "random"}, 1000, "accuracy 87%"),
    ({"scale": 0.4}, 1000, "loss 0.6682 | accuracy 75%"),
    ({"scale": 0.5}, 1000, "accuracy 100%"),
]


def test_the_dashboard_shows_the_numbers_the_guide_and_the_run_sheet_quote():
    from helpers.symmetry import smallest_neuron_distance
    from helpers.widgets import symmetry_dashboard

    text = class_notebooks.GUIDE.read_text(encoding="utf-8") + class_notebooks.RUN_SHEET.read_text(encoding="utf-8")
    for settings, epoch, expected in DASHBOARD_QUOTES:
        dashboard = symmetry_dashboard()
        for name, value in settings.items():
            dashboard.controls[name].value = value
        dashboard.epoch.value = epoch
        assert expected in dashboard.readout_text(), (settings, epoch, dashboard.readout_text())
        quoted = re.findall(r"\d+(?:\.\d+)?%?", expected.split("|")[-1])[-1]
        assert quoted in text, f"{quoted} is no longer quoted: update DASHBOARD_QUOTES with the guide"
        if settings.get("output_init") == "random":  # the distance curve (W1 only) starts at 0
            assert smallest_neuron_distance(dashboard.history.W1)[0] == 0
    dashboard.close()


def printed_text(cell: dict) -> str:
    """What a code cell printed, as text: streams and plain-text results (not pictures or widgets).
    One print may arrive in several stream outputs, split wherever the kernel flushed."""
    texts = []
    for output in cell.get("outputs", []):
        data = output.get("data", {})
        if output["output_type"] == "stream":
            texts.append("".join(output["text"]))
        elif "text/plain" in data and not {"image/png", "application/vnd.jupyter.widget-view+json"} & set(data):
            texts.append("".join(data["text/plain"]) + "\n")
    return "".join(texts)


@pytest.mark.parametrize("plan", class_notebooks.PLANS, ids=[plan.name for plan in class_notebooks.PLANS])
def test_each_copied_cell_prints_in_class_what_it_prints_in_the_course(plan):
    # A name a section needs but the tool did not copy, or a state it changed, would show here
    # as a different number under the same cell.
    course = {f"{number}-{cell['id']}": cell for number, notebook in COURSE.items() for cell in notebook["cells"]}
    committed = json.loads((ROOT / "class" / f"{plan.name}.ipynb").read_text(encoding="utf-8"))
    copies = [cell for cell in committed["cells"] if cell["cell_type"] == "code" and cell["id"] in course]
    assert len(copies) > 10
    differ = [cell["id"] for cell in copies if printed_text(cell) != printed_text(course[cell["id"]])]
    assert not differ, f"class/{plan.name}.ipynb prints otherwise than the course in cells {differ}"


@pytest.mark.parametrize("plan", class_notebooks.PLANS, ids=[plan.name for plan in class_notebooks.PLANS])
def test_each_class_notebook_was_saved_from_a_clean_run_without_errors(plan):
    cells = json.loads((ROOT / "class" / f"{plan.name}.ipynb").read_text(encoding="utf-8"))["cells"]
    code = [cell for cell in cells if cell["cell_type"] == "code" and "".join(cell["source"]).strip()]
    counts = [cell["execution_count"] for cell in code]
    assert counts == list(range(1, len(counts) + 1)), f"run `uv run python tools/class_notebooks.py` ({counts})"
    for cell in code:
        for output in cell["outputs"]:
            assert output["output_type"] != "error" and output.get("name") != "stderr", (cell["id"], output)
