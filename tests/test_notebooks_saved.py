"""The committed notebooks must come from a clean top-to-bottom run (nbval then re-checks them).

nbval re-executes each notebook and compares outputs; these checks catch what it cannot see:
a notebook saved after running cells out of order, or saved with an error or stderr output.
"""

import json
from pathlib import Path

import pytest

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("*.ipynb"))
EXPECTED = ["00_the_question", "01_perceptron", "02_hidden_layer", "03_backpropagation", "04_symmetry_breaking",
            "05_beyond_symmetry", "06_scale_and_search"]


def code_cells(path):
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return [cell for cell in cells if cell["cell_type"] == "code" and "".join(cell["source"]).strip()]


def test_the_series_is_complete_and_numbered_in_reading_order():
    names = [path.stem for path in NOTEBOOKS]
    assert names == EXPECTED, "a notebook is missing, or a new one is not listed here in reading order"


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


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.stem)
def test_every_output_nbval_ignores_says_why(path):
    for number, cell in enumerate(code_cells(path), start=1):
        source = "".join(cell["source"])
        if "NBVAL_IGNORE_OUTPUT" in source or "NBVAL_SKIP" in source:
            lines = source.splitlines()
            assert len([line for line in lines if line.strip().startswith("#")]) >= 2, (
                f"code cell {number} is ignored by nbval without a comment saying why")
