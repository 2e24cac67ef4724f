"""The committed notebooks must come from a clean top-to-bottom run (nbval then re-checks them).

nbval re-executes each notebook and compares outputs; these checks catch what it cannot see:
a notebook saved after running cells out of order, or saved with an error or stderr output, and
a cell that nbval skips or checks less without a comment saying why.
"""

import json
import re
from pathlib import Path

import pytest

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("*.ipynb"))
EXPECTED = ["00_the_question", "01_perceptron", "02_hidden_layer", "03_backpropagation", "04_symmetry_breaking",
            "05_beyond_symmetry", "06_scale_and_search", "07_swapping_neurons"]
# Reference pages beside the series: read, never run, so they hold no code for nbval to check.
MARKDOWN_ONLY = ["math_primer"]


def code_cells(path):
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return [cell for cell in cells if cell["cell_type"] == "code" and "".join(cell["source"]).strip()]


def test_the_series_is_complete_and_numbered_in_reading_order():
    names = [path.stem for path in NOTEBOOKS if path.stem not in MARKDOWN_ONLY]
    assert names == EXPECTED, "a notebook is missing, or a new one is not listed here in reading order"
    assert sorted(MARKDOWN_ONLY) == sorted(path.stem for path in NOTEBOOKS if path.stem in MARKDOWN_ONLY)


@pytest.mark.parametrize("name", MARKDOWN_ONLY)
def test_a_reference_page_is_markdown_only(name):
    path = NOTEBOOKS[0].parent / f"{name}.ipynb"
    kinds = {cell["cell_type"] for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]}
    assert kinds == {"markdown"}, f"{path.name} has {sorted(kinds - {'markdown'})} cells: keep it to prose"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.stem)
def test_notebook_was_saved_from_a_clean_top_to_bottom_run(path):
    counts = [cell["execution_count"] for cell in code_cells(path)]
    assert counts == list(range(1, len(counts) + 1)), f"execution counts {counts}: re-run from a fresh kernel"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.stem)
def test_notebook_was_saved_without_errors_or_stderr(path):
    for number, cell in enumerate(code_cells(path), start=1):
        for output in cell["outputs"]:
            assert output["output_type"] != "error", f"code cell {number} saved an error: {output.get('ename')}"
            assert output.get("name") != "stderr", f"code cell {number} saved stderr: {''.join(output['text'])[:200]}"


# What makes nbval skip a cell, ignore its output or expect an error: a comment line in the cell, or
# a cell tag (nbval's plugin.py lists them as comment_markers and metadata_tags).
NBVAL_MARKERS = ("NBVAL_IGNORE_OUTPUT", "NBVAL_SKIP", "NBVAL_RAISES_EXCEPTION", "PYTEST_VALIDATE_IGNORE_OUTPUT")
NBVAL_TAGS = ("nbval-ignore-output", "nbval-skip", "nbval-raises-exception", "raises-exception",
              "pytest-validate-ignore-output")


def comments(cell) -> list[str]:
    lines = "".join(cell["source"]).splitlines()
    return [line.strip().lstrip("#").strip() for line in lines if line.strip().startswith("#")]


def nbval_exemption(cell) -> str | None:
    """The marker or tag by which nbval checks this cell less than others, or None."""
    tags = [tag for tag in cell.get("metadata", {}).get("tags", []) if tag in NBVAL_TAGS]
    markers = [marker for marker in NBVAL_MARKERS if any(marker in comment for comment in comments(cell))]
    return (tags + markers or [None])[0]


def says_why(cell) -> bool:
    """Does the cell hold a comment other than nbval's markers? A tag is not in the source, so a
    tagged cell needs a comment of its own, just as a marked one."""
    return any(comment and comment not in NBVAL_MARKERS for comment in comments(cell))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.stem)
def test_every_cell_nbval_checks_less_says_why(path):
    for number, cell in enumerate(code_cells(path), start=1):
        exemption = nbval_exemption(cell)
        if exemption:
            assert says_why(cell), f"code cell {number} has {exemption} without a comment saying why"


def cell(source: str, tags=()) -> dict:
    return {"cell_type": "code", "source": source, "metadata": {"tags": list(tags)}}


@pytest.mark.parametrize("example, exemption, reason", [
    (cell("print(1)"), None, False),
    (cell("# the answer\nprint(1)", tags=["solution"]), None, True),  # not an nbval tag
    (cell("# NBVAL_IGNORE_OUTPUT\nprint(time.time())"), "NBVAL_IGNORE_OUTPUT", False),
    (cell("# NBVAL_IGNORE_OUTPUT\n# the clock differs on every run\nprint(time.time())"), "NBVAL_IGNORE_OUTPUT", True),
    (cell("#NBVAL_SKIP\n#\nslow()"), "NBVAL_SKIP", False),  # an empty comment says nothing
    (cell("slow()", tags=["nbval-skip"]), "nbval-skip", False),
    (cell("print(time.time())", tags=["nbval-ignore-output"]), "nbval-ignore-output", False),
    (cell("# the error a student meets first\n1 / 0", tags=["raises-exception"]), "raises-exception", True),
])
def test_the_rule_sees_nbval_markers_and_tags_and_wants_a_reason_beside_them(example, exemption, reason):
    assert nbval_exemption(example) == exemption
    assert says_why(example) is reason


def test_every_link_into_the_math_primer_lands_on_one_of_its_anchors():
    folder = NOTEBOOKS[0].parent
    primer = (folder / "math_primer.ipynb").read_text(encoding="utf-8")
    anchors = set(re.findall(r'<a id=\\"([\w-]+)\\"></a>', primer))
    assert anchors, "the math primer has no <a id=...> anchors"
    for path in NOTEBOOKS:
        for target in re.findall(r"math_primer\.ipynb#([\w-]+)", path.read_text(encoding="utf-8")):
            assert target in anchors, f"{path.name} links to math_primer.ipynb#{target}, which does not exist"
