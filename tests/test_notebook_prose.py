"""Numbers quoted in a notebook's prose must come from that notebook, so they cannot go stale.

nbval catches a printed number that changes, but not the sentence that quotes it. So every
decimal number in a Markdown cell (like 0.6931 or 1.5e-3) must appear verbatim in an output of
the same notebook, or in its code (a setting such as a learning rate of 0.5), or be declared in
the same cell as not coming from either, with a light marker that readers don't see:

    <!-- not printed: 0.25 -->

Not quoted results, and so not checked: numbers inside LaTeX ($...$, mathematics such as the
sigmoid's slope 0.25 at 0), inside `code spans` (code), and references such as "section 3.1",
"§6.1", a heading's number or a licence's version.
"""

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
DECIMAL = re.compile(r"(?<![\w.])\d+\.\d+(?:e[-+]?\d+)?(?![\w.]*\d)")
LATEX = re.compile(r"\$\$.*?\$\$|\$[^$]*\$", re.DOTALL)
CODE_SPAN = re.compile(r"`[^`]*`")
NOT_PRINTED = re.compile(r"<!--\s*not printed:(.*?)-->", re.DOTALL)
LINK_TARGET = re.compile(r"\]\([^)]*\)")
REFERENCE = re.compile(r"(?:§\s*|\b[Ss]ections?\s+(?:\d+ to )?|^#+ |CC BY(?:-SA)? )\d+(?:\.\d+)+", re.MULTILINE)


def output_text(cell: dict) -> str:
    pieces = []
    for output in cell.get("outputs", []):
        pieces.append("".join(output.get("text", "")))
        for mime in ("text/plain", "text/html", "text/markdown"):
            pieces.append("".join(output.get("data", {}).get(mime, "")))
    return "\n".join(pieces)


def quoted_numbers(markdown: str) -> tuple[list[str], set[str]]:
    """(decimal numbers quoted in the prose, numbers the cell declares as not printed)."""
    declared = {number for note in NOT_PRINTED.findall(markdown) for number in DECIMAL.findall(note)}
    prose = NOT_PRINTED.sub(" ", markdown)
    for pattern in (LATEX, CODE_SPAN, LINK_TARGET, REFERENCE):
        prose = pattern.sub(" ", prose)
    return DECIMAL.findall(prose), declared


def stale_numbers(notebook: dict) -> list[str]:
    cells = notebook["cells"]
    printed = "\n".join(output_text(cell) for cell in cells if cell["cell_type"] == "code")
    code = "\n".join("".join(cell["source"]) for cell in cells if cell["cell_type"] == "code")
    problems = []
    for index, cell in enumerate(cells):
        if cell["cell_type"] != "markdown":
            continue
        numbers, declared = quoted_numbers("".join(cell["source"]))
        for number in numbers:
            in_code = re.search(rf"(?<![\w.]){re.escape(number)}(?![\w.]*\d)", code)
            if number in declared or number in printed or in_code:
                continue
            problems.append(f"cell {index}: {number}")
    return problems


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[path.stem for path in NOTEBOOKS])
def test_every_number_quoted_in_prose_comes_from_the_notebook(notebook):
    problems = stale_numbers(json.loads(notebook.read_text(encoding="utf-8")))
    assert not problems, (f"{notebook.name}: numbers in the prose that no output or code of the notebook shows "
                          f"(fix them, or declare them with <!-- not printed: ... --> in the cell): {problems}")


def markdown_and_output(markdown: str, printed: str) -> dict:
    return {"cells": [{"cell_type": "code", "source": [], "outputs": [{"output_type": "stream", "text": printed}]},
                      {"cell_type": "markdown", "source": [markdown]}]}


def test_a_stale_number_is_caught_and_a_fresh_or_declared_one_is_not():
    printed = "loss 0.6931 after 2000 epochs\n"
    assert stale_numbers(markdown_and_output("The loss ends at 0.6931.", printed)) == []
    assert stale_numbers(markdown_and_output("The loss ends at 0.6932.", printed)) == ["cell 1: 0.6932"]
    assert stale_numbers(markdown_and_output("Half of 0.5 is 0.25. <!-- not printed: 0.25 -->", printed)) == [
        "cell 1: 0.5"]
    assert stale_numbers(markdown_and_output("The slope $\\sigma'(0) = 0.25$ is largest.", printed)) == []
    assert stale_numbers(markdown_and_output("### 3.1 · Dropout, as in section 8.4 and §6.1", printed)) == []
