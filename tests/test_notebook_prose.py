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
import sys
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


# --- The instructor's guide ---------------------------------------------------------------------
#
# INSTRUCTORS.md names notebooks ("04"), sections by their headings ("04 · The answer",
# "05 · 3.3 · Shuffled mini-batches") and code cells by their first line of code
# (`xor_params = {`, with … for an omitted part), and quotes what they print. Each must exist where
# the guide says:
# - a section must be a heading of its notebook (or "opening": what comes before its first section);
# - a named cell must be the first line of a code cell of that notebook, inside the section named
#   with it. Named cells are the code spans of the "run live" and "where" columns, and any other
#   code span that reads as a statement (an assignment, `def`, `for`, `import`);
# - a decimal number or a percentage that the guide quotes for a notebook (in a paragraph or a table
#   row that names the notebook, code spans of printed text included; not in the columns of section
#   names, cells, minutes and word counts) must appear in the saved
#   outputs or the code of a notebook the same row or paragraph names (or be one of its section
#   numbers), or be declared with <!-- not printed: ... --> there. Whole numbers (counts, epochs) are
#   not checked.

GUIDE = ROOT / "INSTRUCTORS.md"
NOTEBOOK_NAMES = {path.name[:2]: path for path in NOTEBOOKS}
NOTEBOOK_TOKEN = re.compile(r"(?<![\w.,])0[0-6](?![\w.,]\d|\d)")
CODE = re.compile(r"`([^`]+)`")
PERCENT = re.compile(r"(?<![\w.])\d+(?:\.\d+)?%")
STATEMENT = re.compile(r"^(?:def |for |from |import |class |[\w\[\], ]+ = )")
CELL_COLUMNS = ("run live", "where")
UNQUOTED_COLUMNS = ("#", "clock", "min", "saves (min)", "running total", "order", "nb", "words", "run s", "section")
UNCHECKED_SECTIONS = ("Timing", "Prerequisites")  # measurements of the notebooks, not quotes from them


class Notebook:
    """A notebook as the guide sees it: headings, code cells' first lines, outputs and code."""

    def __init__(self, path: Path):
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        self.headings = []  # (cell index, level, title)
        self.first_lines = []  # (cell index, first line of code)
        for index, cell in enumerate(cells):
            source = "".join(cell["source"])
            if cell["cell_type"] == "markdown":
                self.headings += [(index, len(hashes), title.strip())
                                  for hashes, title in re.findall(r"^(#+) (.*)$", source, re.M)]
            elif cell["cell_type"] == "code":
                lines = [line for line in source.splitlines() if line.strip() and not line.lstrip().startswith("#")]
                if lines:
                    self.first_lines.append((index, lines[0]))
        self.printed = "\n".join(output_text(cell) for cell in cells if cell["cell_type"] == "code")
        self.code = "\n".join("".join(cell["source"]) for cell in cells if cell["cell_type"] == "code")
        self.length = len(cells)

    def section(self, name: str) -> range | None:
        """The cells of the section called `name` ('3.3', '3 · XOR by hand…', 'opening'), or None."""
        name = re.sub(r"\s*\([^)]*\)$", "", name.strip())  # "Zero is … three (its two tables only)"
        if name == "opening":
            first = next((i for i, level, title in self.headings
                          if level == 2 and title not in ("What you'll learn", "What you need")), self.length)
            return range(0, first)
        pattern = wildcard(name)
        for position, (index, level, title) in enumerate(self.headings):
            number = re.match(r"([\d.]+) · ", title)
            if re.fullmatch(pattern, title) or re.fullmatch(pattern, re.sub(r"^[\d.]+ · ", "", title)) or (
                    number and re.fullmatch(r"(?:\w+ )?" + re.escape(number.group(1)), name)):
                end = next((i for i, other_level, _ in self.headings[position + 1:] if other_level <= level),
                           self.length)
                return range(index, end)
        return None

    def cells_starting(self, name: str) -> list[int]:
        pattern = wildcard(name, prefix=True)
        return [index for index, line in self.first_lines if re.match(pattern, line)]

    def shows(self, value: str) -> bool:
        return value in self.printed or re.search(rf"(?<![\w.]){re.escape(value)}(?![\w.]*\d)", self.code) is not None


def wildcard(text: str, prefix: bool = False) -> str:
    """A regex for `text` where … (or ...) stands for any omitted part."""
    parts = re.split(r"…|\.\.\.", text)
    return ".*?".join(re.escape(part) for part in parts) + (".*" if prefix or text.endswith(("…", "...")) else "")


def guide_units(text: str):
    """(## heading, kind, cells): a table row (cells by column header) or a paragraph/list item."""
    heading, header = "", None
    for block in re.split(r"\n(?=\s*\n)|\n(?=- )|\n(?=\d+\. )|\n(?=\|)", text):
        block = block.strip()
        if block.startswith("## "):
            heading, header = block.splitlines()[0][3:], None
            block = "\n".join(block.splitlines()[1:]).strip()
        if not block:
            continue
        if block.startswith("|"):
            cells = [cell.strip() for cell in re.split(r"\|(?![^`]*`(?:[^`]*`[^`]*`)*[^`]*$)", block.strip("|"))]
            if header is None:
                header = [cell.lower() for cell in cells]
            elif not set("".join(cells)) <= set("- "):
                yield heading, "row", dict(zip(header, cells, strict=False))
        else:
            header = None
            yield heading, "paragraph", {"": block}


def segments(cell: str, default: list[str]) -> list[tuple[list[str], list[str]]]:
    """A column's text split at ';' into (notebooks named, pieces split at ' · '); a segment that names
    no notebook belongs to the one before it (or to the row's)."""
    found, notebooks = [], default
    for segment in cell.split(";"):
        pieces = [piece.strip() for piece in re.split(r" · ", segment)]
        if pieces and NOTEBOOK_TOKEN.fullmatch(pieces[0]):
            notebooks, pieces = [pieces[0]], pieces[1:]
        found.append((notebooks, [piece for piece in pieces if piece]))
    return found


def guide_problems(text: str, notebooks: dict) -> list[str]:
    problems = []
    for heading, kind, cells in guide_units(text):
        if heading.startswith(UNCHECKED_SECTIONS):
            continue
        everything = " ".join(cells.values())
        named = sorted(set(NOTEBOOK_TOKEN.findall(CODE.sub(" ", everything))))
        where = f"{heading}: {everything[:60]!r}"
        unknown = [name for name in named if name not in notebooks]
        if unknown:
            problems.append(f"{where}: no notebook {unknown}")
            continue
        # Sections, and the cells named with them.
        row_sections: list[range] = []
        for column, cell in cells.items():
            section_column = column == "section" or column.startswith("where")
            if not section_column:
                continue
            for segment_notebooks, pieces in segments(cell, named):
                current = None
                for piece in pieces:
                    code = CODE.fullmatch(piece) or (CODE.search(piece) if column.startswith("where") else None)
                    if code or not segment_notebooks:
                        continue
                    for name in re.split(r"; | · (?=[A-Z])", piece):
                        notebook = notebooks[segment_notebooks[0]]
                        current = notebook.section(name)
                        if current is None:
                            problems.append(f"{where}: no section {name!r} in {segment_notebooks[0]}")
                        elif column == "section":
                            row_sections.append(current)
                if column.startswith("where"):
                    for span in CODE.findall(" · ".join(pieces)):
                        problems += cell_problems(span, segment_notebooks, notebooks, [current] if current else [],
                                                  where)
        for column, cell in cells.items():
            spans = CODE.findall(cell)
            if column in CELL_COLUMNS:
                for span in spans:
                    problems += cell_problems(span, named, notebooks, row_sections, where)
            elif not column.startswith("where"):
                for span in spans:
                    if STATEMENT.match(span) and column not in ("what it prints", "answer to expect"):
                        problems += cell_problems(span, named, notebooks, [], where)
        # Quoted values.
        for column, cell in cells.items():
            if kind == "row" and (column in UNQUOTED_COLUMNS or column.startswith("where")):
                continue
            declared = {number for note in NOT_PRINTED.findall(cell) for number in DECIMAL.findall(note)
                        + PERCENT.findall(note)}
            prose = NOT_PRINTED.sub(" ", cell)
            # A code span quotes printed text (`< 1e-12`) unless it is code (a named cell, `W2[0, 0] = 0.6`).
            prose = CODE.sub(lambda span: " " if STATEMENT.match(span.group(1)) else f" {span.group(1)} ", prose)
            for pattern in (LATEX, LINK_TARGET, REFERENCE):
                prose = pattern.sub(" ", prose)
            prose = re.sub(r"\b\d+(?:\.\d+)?\s*(?:s|min|ms)\b", " ", prose)  # durations are not quotes
            for value in DECIMAL.findall(prose) + PERCENT.findall(prose):
                if value in declared or any(notebooks[name].shows(value) or notebooks[name].section(value)
                                            for name in named):  # "(05, 3.1 and 3.3)" names sections
                    continue
                problems.append(f"{where}: {value} is not in the outputs or code of {named or 'a named notebook'}")
    return problems


def cell_problems(span: str, named: list[str], notebooks: dict, sections: list[range], where: str) -> list[str]:
    if not named:
        return [f"{where}: cell `{span}` names no notebook"]
    found = [(name, index) for name in named for index in notebooks[name].cells_starting(span)]
    if not found:
        return [f"{where}: no code cell of {named} starts with `{span}`"]
    if sections and not any(index in section for _, index in found for section in sections):
        return [f"{where}: `{span}` is not in the section named with it"]
    return []


@pytest.mark.parametrize("guide", [GUIDE, ROOT / "RUN_SHEET.md"], ids=["INSTRUCTORS", "RUN_SHEET"])
def test_every_value_section_and_cell_the_instructors_guide_quotes_exists_where_it_says(guide):
    notebooks = {name: Notebook(path) for name, path in NOTEBOOK_NAMES.items()}
    problems = guide_problems(guide.read_text(encoding="utf-8"), notebooks)
    assert not problems, f"{guide.name} quotes what the notebooks do not have:\n" + "\n".join(problems)


def test_a_stale_value_cell_or_section_in_the_guide_is_caught(tmp_path):
    notebook = {"cells": [
        {"cell_type": "markdown", "source": ["# 04 · Title\n"]},
        {"cell_type": "markdown", "source": ["## The answer\n"]},
        {"cell_type": "code", "source": ["states = {\n", "    'a': 1}\n"],
         "outputs": [{"output_type": "stream", "text": "loss 0.6931, accuracy 75%\n"}]},
        {"cell_type": "markdown", "source": ["## Summary\n"]},
        {"cell_type": "code", "source": ["# a comment first\n", "SMALL = 0.01\n"], "outputs": []}]}
    (tmp_path / "04_x.ipynb").write_text(json.dumps(notebook))
    notebooks = {"04": Notebook(tmp_path / "04_x.ipynb")}
    table = "## Plan\n\n| # | section | run live | ask the room |\n| --- | --- | --- | --- |\n"
    row = "| 1 | 04 · {section} | `{cell}` | \"Loss?\" ({value}) |\n"
    good = dict(section="The answer", cell="states = {", value="0.6931, 75%")
    assert guide_problems(table + row.format(**good), notebooks) == []
    assert guide_problems(table + row.format(**dict(good, cell="SMALL = 0.01", section="Summary")), notebooks) == []
    stale = {"no section 'The answers' in 04": dict(section="The answers"),
             "no code cell of ['04'] starts with `statez = {`": dict(cell="statez = {"),
             "`SMALL = 0.01` is not in the section named with it": dict(cell="SMALL = 0.01"),
             "0.6932 is not in the outputs or code of ['04']": dict(value="0.6932"),
             "76% is not in the outputs or code of ['04']": dict(value="76%")}
    for message, change in stale.items():
        problems = guide_problems(table + row.format(**dict(good, **change)), notebooks)
        assert len(problems) == 1 and problems[0].endswith(message), (change, problems)
    assert guide_problems("Re-run its cell (`states = {`).", notebooks)[0].endswith(
        "cell `states = {` names no notebook")
    assert guide_problems("Re-run 04's cell (`states = {`): it prints 0.6931 and 0.5. <!-- not printed: 0.5 -->",
                          notebooks) == []
    assert guide_problems("04's dashboard shows 61%. <!-- not printed: 61% -->", notebooks) == []
    assert guide_problems("04's dashboard shows 61%.", notebooks)[0].endswith(
        "61% is not in the outputs or code of ['04']")


# --- The guide's timing table and the plans' talk minutes ---------------------------------------

sys.path.insert(0, str(ROOT / "tools"))
import guide_timing  # noqa: E402  (tools/ is not a package)


def test_the_guide_s_timing_table_is_the_one_the_notebooks_give():
    guide = GUIDE.read_text(encoding="utf-8")
    expected = guide_timing.guide_with_table(guide, guide_timing.timing_table(NOTEBOOKS))
    assert guide == expected, "INSTRUCTORS.md's timing table is stale: run `uv run python tools/guide_timing.py`"


def test_words_are_counted_as_the_guide_says():
    # Counted by hand: 'The' 'loss' 'math' "isn't" 'zero' 'see' 'the' 'plot' 'e.g' 'two-moons'.
    markdown = "The **loss** $L(w)$ isn't zero <!-- not printed: 0.5 -->, see [the plot](#fig). e.g. two-moons\n$$x^2$$"
    assert guide_timing.count_words(markdown) == 10


def test_sections_are_split_as_the_guide_says(tmp_path):
    cells = ["# 05 · Title\n\nOne two.\n\n## What you'll learn\n\nthree", "## 1 · First\n\nfour five",
             "### 1.1 · Sub\n\nsix", "## Exercises\n\n### Exercise 1\n\nseven"]
    notebook = {"cells": [{"cell_type": "markdown", "source": [text]} for text in cells]
                + [{"cell_type": "code", "source": ["ignored = 'code words'"], "outputs": []}]}
    (tmp_path / "05_x.ipynb").write_text(json.dumps(notebook))
    assert guide_timing.section_words(tmp_path / "05_x.ipynb") == [
        ("opening", 8), ("1 · First", 4), ("↳ 1.1 · Sub", 3), ("Exercises", 4)]


TALK_MINUTES = re.compile(r"^\d+ \((\d+\.\d)\b")  # "7 (5.4 + 2)": 5.4 minutes of presented words


def test_each_plan_row_s_talk_minutes_follow_from_the_words_of_its_sections():
    words = {path.name[:2]: guide_timing.section_words(path) for path in NOTEBOOKS}
    problems = []
    for heading, kind, cells in guide_units(GUIDE.read_text(encoding="utf-8")):
        talk = TALK_MINUTES.match(cells.get("min", ""))
        if kind != "row" or not heading.startswith(("Class plan", "Variant")) or not talk:
            continue
        notebook, _, names = re.sub(r" \([^)]*\)", "", cells["section"]).partition(" · ")
        total = 0
        for name in names.split("; "):
            pattern = wildcard(name.strip())
            matches = [count for section, count in words[notebook]
                       if re.fullmatch(pattern, section.removeprefix("↳ "))
                       or re.fullmatch(pattern, re.sub(r"^(↳ )?[\d.]+ · ", "", section))]
            if len(matches) != 1:
                problems.append(f"{heading}, row {cells['#']}: {len(matches)} sections called {name!r} in {notebook}")
            total += sum(matches)
        computed = total / guide_timing.WORDS_PER_MINUTE
        if abs(computed - float(talk.group(1))) > 0.15:
            problems.append(f"{heading}, row {cells['#']}: {talk.group(1)} min, the words say {computed:.1f}")
    assert not problems, "the plans' talk minutes are stale:\n" + "\n".join(problems)
