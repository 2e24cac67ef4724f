"""Write the class notebooks and the run sheet from the class plans, the single source of both.

    uv run python tools/class_notebooks.py            # writes class/*.ipynb, runs them, writes the tables
    uv run python tools/class_notebooks.py --tables   # only the guide's plan tables and the run sheet

A class notebook holds exactly the sections a plan shows, in its order, copied from the course
notebooks in notebooks/, so one notebook replaces the switches between seven. It opens with the
projector style and a short header; then, for each row of the plan, a checkpoint ("Minute 28 ·
Interactive dashboard") with the question to ask the room, then the row's sections.

Where a section is found. Each section the plans use starts at a cell of its course notebook that
carries a tag `class:<marker>` in its cell metadata (`class:04-dashboard`), so an edit of a heading
or of the prose does not lose it. The section starts at the first heading of that cell (text above
the heading belongs to the section before) and ends before the next `##` or `###` heading, the rows
of the guide's timing table: a "Step N" heading stays in its section, `####` too. A section that
starts at the notebook's title (`#`) is its opening and ends at the first `##` section after "What
you'll learn" and "What you need".

What else is copied. A section's code may use names defined in earlier cells of its notebook that
the plan skips (imports, data, a helper function). The tool reads each code cell with `ast`: for
every name a copied cell uses and no earlier copied cell of the same notebook defines, it takes the
last cell before it in the course notebook that defines the name (an assignment, `def`, `class`,
`import`, a `for` target), and so on for the names that cell uses. Those cells come first in the
row, source and output collapsed, tagged `class:needed`. Not seen: a cell that only changes an object
in place (`params["W1"][0] = 0.6`); the test that runs every class notebook would catch such a gap.

The minutes. A row's talk time is the words of its sections at tools/guide_timing.py's rate and
count, plus an allowance for the room stated in the plan; the clock checkpoints add them up.

The same plan data writes the run sheet's table (RUN_SHEET.md) and the plan tables of
INSTRUCTORS.md between their markers; tests/test_class_notebooks.py fails when any of them is stale.

    uv run python tools/class_notebooks.py --mark     # once: put the markers on the course notebooks
"""

import argparse
import ast
import builtins
import json
import re
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import guide_timing  # noqa: E402  (tools/ is not a package)

ROOT = Path(__file__).resolve().parents[1]
COURSE = ROOT / "notebooks"
CLASS = ROOT / "class"
GUIDE = ROOT / "INSTRUCTORS.md"
RUN_SHEET = ROOT / "RUN_SHEET.md"
TAG_PREFIX = "class:"
NEEDED_TAG = "class:needed"
OPENING_HEADINGS = guide_timing.OPENING_HEADINGS


@dataclass(frozen=True)
class Row:
    """One row of a plan: the sections it shows and what happens in the room meanwhile."""

    markers: tuple[str, ...]  # the course sections, by marker, in the order shown
    room: float               # minutes for the room on top of the talk: predictions, questions, clicks
    run: str                  # what to run or click (cells named by their first line of code)
    ask: str = ""             # the question for the room, shown in the class notebook before the answer
    answer: str = ""          # what the room should call out (run sheet and guide only, never the notebook)
    homework: str = "—"
    do: str = ""              # what the lecturer does live, for the run sheet (the notebook has run already)
    shown_minutes: int | None = None  # a section shown, not read: its minutes, instead of its words'


@dataclass(frozen=True)
class Plan:
    name: str          # the class notebook's file name, without .ipynb
    title: str
    length: int        # minutes
    rows: tuple[Row, ...]


DASHBOARD_CLICKS = ("`from helpers.widgets import symmetry_dashboard`: click zero, constant, random; then constant "
                    "with *output layer: random*; then constant with dropout 0.2 <!-- not printed: 0.2 -->; press ▶")

# The one source of the class plans. Markers name the tagged cells of notebooks/ (see --mark).
ROW_00 = Row(("00-picture", "00-weights", "00-prediction"), 2,
             "`SEED = 0` (two diagrams), `x = np.array([1.0, 0.5, -1.0])` (4 vs 1 distinct)",
             "Four different outputs from the constant network? Then everyone writes down **My prediction**.",
             "no: 1 distinct of 4", "00 Exercises")
ROW_02_XOR = Row(("02-xor-by-hand", "02-twins"), 1, "`xor_params = {`, `twin_params = {…`",
                 "Can two copies of the OR neuron still solve XOR?", "no: 75% at best",
                 "02 sections 1, 2, 5, Exercises")
ROW_03_KEY = Row(("03-key",), 2, "`params_random = …seed=2)`, `params_constant = …`, `def one_step(…`",
                 "Which factors of $\\delta_j$ are neuron $j$'s own?", "$W^{(2)}_j$ and $f'(z_j)$",
                 "03 sections 1–4, Exercises")
ROW_04_PREDICTION = Row(("04-prediction",), 1, "`X, Y = data.logic_gate(\"xor\")` (three losses)",
                        "Zero, constant, random: how many distinct neurons? XOR learnt?", "1, 1, 4; only random")
ROW_04_DASHBOARD = Row(("04-dashboard",), 4, DASHBOARD_CLICKS,
                       "Before each click: what number follows `distinct hidden neurons:`?",
                       "1, 1, 4; then 4, 4", "the three tasks of *Homework with the dashboard*",
                       do="click zero, constant, random; constant + output layer random; constant + dropout 0.2; "
                          "▶<!-- not printed: 0.2 -->")
ROW_04_MEASURING = Row(("04-measuring",), 0.5, "`CHECKPOINTS = (0, 100, 1000, EPOCHS)`",
                       "The weights travel far: does the difference between the neurons grow a little?",
                       "no: it stays below 1e-12")
ROW_04_PROOF = Row(("04-proof",), 2, "none (write $P(t)$ on the board)", "Which step fails with dropout?",
                   "steps 1 and 3: each neuron has its own mask $m_{ij}$",
                   do="write $P(t)$ on the board")
ROW_04_STEP = Row(("04-induction-step",), 0, "`states = {`")
ROW_04_342 = Row(("04-342",), 2, "`X3 = np.array(…`", "The outputs start as copies too. Do they stay copies?",
                 "outputs: no; hidden neurons: yes")
ROW_04_ANSWER = Row(("04-answer",), 1.5, "—", "Grade the prediction you wrote in 00.", homework="04 Exercises",
                    do="everyone grades the prediction")
ROW_05_BATCHES = Row(("05-minibatches",), 1, "`batched = train_circles(…`",
                     "So much randomness: does it break the symmetry?", "no: 1 distinct neuron", "all of 05")
ROW_06_SCALE = Row(("06-scale",), 1, "`X, Y = data.logic_gate(\"xor\")` (four scales)",
                   "Does scale 0.01 act like a random start or like the zero start?",
                   "like the zero start: it waits at ln 2", "rest of 06, Exercises")
ROW_06_SERIES = Row(("06-series",), 0.5, "—")

PLANS = (
    Plan("75_minutes", "The 75-minute class", 75, (
        ROW_00,
        Row(("01-xor", "01-one-line"), 1,
            "the section's cells: 50 epochs, never fewer than 2 mistakes; three perceptrons compute XOR",
            "Will the mistakes per epoch reach 0?", "no: 4 per epoch from the third on", "rest of 01, Exercises"),
        ROW_02_XOR, ROW_03_KEY, ROW_04_PREDICTION, ROW_04_DASHBOARD, ROW_04_MEASURING, ROW_04_PROOF, ROW_04_STEP,
        Row(("04-identical-learn",), 0.5, "`for init, history in histories.items():`", "Accuracy of each start?",
            "50%, 75%, 100%"),
        Row(("04-widths",), 0, "`lines = [...`"),
        ROW_04_342, ROW_04_ANSWER, ROW_05_BATCHES, ROW_06_SCALE, ROW_06_SERIES)),
    Plan("session_1_of_2", "Session 1 of 2: one neuron, many neurons, backpropagation", 50, (
        Row(("00-opening",) + ROW_00.markers, 2, "as in the 75-minute row 1", ROW_00.ask, ROW_00.answer,
            "00 Exercises"),
        Row(("01-geometry", "01-xor", "01-explorer", "01-one-line"), 3,
            "`from helpers.widgets import perceptron_explorer`: the room calls out $w_1, w_2, b$ on XOR",
            "Who can get `misclassified points: 0 of 4`?", "nobody", "rest of 01, Exercises",
            do="type the room's $w_1, w_2, b$ into the explorer"),
        Row(("02-matrix",), 1, "`X_seven, _ = data.seven_samples()`", "Shape of `X @ W1 + b1`?", "(7, 4)"),
        Row(ROW_02_XOR.markers, 1, ROW_02_XOR.run, ROW_02_XOR.ask, ROW_02_XOR.answer, "02 section 5, Exercises"),
        Row(("03-backward",), 1, "`y_hat_wrong, y_wrong = 0.01, 1.0`, `def slope(z1, hidden, activation):`, "
            "`X_xor, Y_xor = data.logic_gate(\"xor\")`",
            "BCE or MSE: which sends back the larger error at $\\hat y = 0.01$?", "BCE", "03 sections 1, 2, 4"),
        Row(ROW_03_KEY.markers, 2, ROW_03_KEY.run, ROW_03_KEY.ask, ROW_03_KEY.answer, "03 Exercises"),
        Row(("03-summary", "03-next"), 0, "—", "Does that last for ever?", "(a cliffhanger: the answer is 04)"))),
    Plan("session_2_of_2", "Session 2 of 2: the answer, and beyond", 50, (
        ROW_04_PREDICTION, ROW_04_DASHBOARD, ROW_04_MEASURING, ROW_04_PROOF, ROW_04_STEP, ROW_04_342,
        ROW_04_ANSWER,
        Row(("05-zero-start",), 0, "`X_and, Y_and = data.logic_gate(\"and\")`, `ZERO_EPOCHS = 1000` (its two tables)",
            "Does a zero start on AND move anything?", "yes: the output layer first, then `W1`, in lockstep",
            "05 sections 1, 2", shown_minutes=2),
        Row(ROW_05_BATCHES.markers, 1, ROW_05_BATCHES.run, ROW_05_BATCHES.ask, ROW_05_BATCHES.answer,
            "05 section 3"),
        Row(ROW_06_SCALE.markers, 1, ROW_06_SCALE.run, ROW_06_SCALE.ask, ROW_06_SCALE.answer),
        Row(("06-too-small",), 1, "`SMALL = 0.01`", "Will scale 0.01 also wait on AND, OR, two moons?",
            "no: loss below 0.35 from epoch 90 (AND, OR), 120 (moons)", "rest of 06, Exercises"),
        Row(ROW_06_SERIES.markers, 0.5, "—", "Grade your prediction from 00."))),
)

# The 75-minute plan's cut order, first cut first: (the rows to drop, by their first marker; what to do instead).
CUTS = (
    (("06-series",), "assign as reading"),
    (("04-identical-learn",), "one sentence: constant start 75%, one neuron's worth"),
    (("04-induction-step", "04-widths"), "the proof alone"),
    (("06-scale",), "one sentence: a start of scale 0.01 waits like the zero start; homework"),
    (("01-xor",), "one sentence: one neuron, one line; XOR needs two"),
    (("05-minibatches",), "ask, answer \"1 distinct neuron\", homework"),
)
NEVER_CUT = ("the prediction in 00, 03 section 5, and 04's dashboard, proof, 3-4-2 network and answer")

# Where the markers were first put (--mark): marker -> (notebook, heading that starts its section).
# After that the tags are the source; a changed heading keeps its tag.
FIRST_MARKS = {
    "00-opening": ("00", "00 · The question"), "00-picture": ("00", "The picture everyone draws"),
    "00-weights": ("00", "Where a hidden neuron can differ: its weights"),
    "00-prediction": ("00", "Your prediction: what would training do?"),
    "01-geometry": ("01", "The geometry: one neuron draws one line"), "01-xor": ("01", "What about XOR?"),
    "01-explorer": ("01", "Interactive: move the line yourself"),
    "01-one-line": ("01", "Back to the question: one neuron is one line"),
    "02-matrix": ("02", "1 · Many neurons side by side, one matrix product"),
    "02-xor-by-hand": ("02", "3 · XOR by hand with two hidden neurons"),
    "02-twins": ("02", "4 · Two identical hidden neurons"),
    "03-backward": ("03", "3 · The backward pass, step by step"),
    "03-key": ("03", "5 · The key mechanism: each hidden neuron's error signal"),
    "03-summary": ("03", "Summary"), "03-next": ("03", "Next"),
    "04-prediction": ("04", "The question, and your prediction"), "04-dashboard": ("04", "Interactive dashboard"),
    "04-measuring": ("04", "Measuring how alike the neurons are"), "04-proof": ("04", "Why: a proof by induction"),
    "04-induction-step": ("04", "The induction step, as an experiment"),
    "04-identical-learn": ("04", "What a layer of identical neurons can learn"),
    "04-widths": ("04", "Other widths, other activations"),
    "04-342": ("04", "The network of the question: 3 inputs, 4 hidden neurons, 2 outputs"),
    "04-answer": ("04", "The answer"),
    "05-zero-start": ("05", "2 · The zero start, on other data and other activations"),
    "05-minibatches": ("05", "3.3 · Shuffled mini-batches"),
    "06-scale": ("06", "1 · How big should random be?"), "06-too-small": ("06", "Inside a start that is too small"),
    "06-series": ("06", "The series in one page"),
}

HEADING = re.compile(r"^(#{1,6}) (.*)$", re.MULTILINE)


# --- Reading the course -----------------------------------------------------------------------

def course_notebooks() -> dict[str, Path]:
    return {path.name[:2]: path for path in sorted(COURSE.glob("0*.ipynb"))}


def read(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def source(cell: dict) -> str:
    return "".join(cell["source"])


def ends_section(level: int, title: str, start_level: int) -> bool:
    """Does a heading end the section that started at a heading of `start_level`?"""
    if start_level == 1:
        return level == 2 and title not in OPENING_HEADINGS
    return level in (2, 3) and not title.startswith("Step ")


def find_marker(notebooks: dict[str, dict], marker: str) -> tuple[str, int]:
    """(notebook number, cell index) of the one cell tagged with `marker`."""
    tag = TAG_PREFIX + marker
    found = [(number, index) for number, notebook in notebooks.items()
             for index, cell in enumerate(notebook["cells"]) if tag in cell["metadata"].get("tags", [])]
    if len(found) != 1:
        raise SystemExit(f"marker {marker!r}: {len(found)} cells of notebooks/ carry the tag {tag!r}, "
                         f"expected exactly 1")
    return found[0]


def section_cells(cells: list[dict], start: int) -> list[tuple[int, str]]:
    """The section starting at cell `start`'s first heading: (cell index, the part of its source
    inside the section). The first and last cell may be cut at a heading."""
    text = source(cells[start])
    first = HEADING.search(text)
    if first is None:
        raise SystemExit(f"the marked cell {start} has no heading")
    start_level = len(first.group(1))
    pieces = []
    for index in range(start, len(cells)):
        text = source(cells[index])
        offset = first.start() if index == start else 0
        if cells[index]["cell_type"] == "markdown":
            for heading in HEADING.finditer(text):
                past_start = heading.start() > offset or index != start
                if past_start and ends_section(len(heading.group(1)), heading.group(2).strip(),
                                                             start_level):
                    part = text[offset:heading.start()].rstrip("\n")
                    if part.strip():
                        pieces.append((index, part))
                    return pieces
        pieces.append((index, text[offset:]))
    return pieces


def section_title(cells: list[dict], start: int) -> str:
    """The section's name as the guide writes it: its heading, or "opening" for a notebook's title."""
    heading = HEADING.search(source(cells[start]))
    return "opening" if len(heading.group(1)) == 1 else heading.group(2).strip()


# --- Which earlier cells a section's code needs ------------------------------------------------

def python_of(code: str) -> ast.Module:
    """The cell's code as Python; IPython's % and ! lines are left out."""
    lines = [line for line in code.splitlines() if not line.lstrip().startswith(("%", "!"))]
    return ast.parse("\n".join(lines))


def defined_and_used(code: str) -> tuple[set[str], set[str]]:
    defined, used = set(), set()
    for node in ast.walk(python_of(code)):
        if isinstance(node, ast.Name):
            (used if isinstance(node.ctx, ast.Load) else defined).add(node.id)
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            defined.add(node.name)
        elif isinstance(node, ast.Import | ast.ImportFrom):
            defined.update((alias.asname or alias.name).split(".")[0] for alias in node.names)
    return defined, used - set(dir(builtins))


def needed_cells(cells: list[dict], shown: list[int], already: set[int]) -> list[int]:
    """Indices of the earlier cells that the code cells `shown` need (see the module's docstring),
    beyond those `already` in the class notebook, in course order."""
    code = {index: defined_and_used(source(cell)) for index, cell in enumerate(cells)
            if cell["cell_type"] == "code" and source(cell).strip()}
    needed: set[int] = set()
    waiting = [index for index in shown if index in code]
    while waiting:
        user = waiting.pop()
        for name in code[user][1]:
            definers = [index for index in code if index < user and name in code[index][0]]
            if not definers or name in code[user][0] and not _used_before_defined(source(cells[user]), name):
                continue
            definer = definers[-1]
            if definer not in needed and definer not in already and definer not in shown:
                needed.add(definer)
                waiting.append(definer)
    return sorted(needed)


def _used_before_defined(code: str, name: str) -> bool:
    """Is `name` read in this cell before the cell assigns it (as in `x = x + 1`)?"""
    first_load = first_store = None
    for node in ast.walk(python_of(code)):
        if isinstance(node, ast.Name) and node.id == name:
            position = (node.lineno, node.col_offset)
            if isinstance(node.ctx, ast.Load):
                first_load = min(first_load or position, position)
            else:
                first_store = min(first_store or position, position)
    return first_load is not None and (first_store is None or first_load < first_store)


# --- Minutes ------------------------------------------------------------------------------------

def talk_minutes(words: int) -> float:
    return words / guide_timing.WORDS_PER_MINUTE


def row_minutes(words: int, row: Row) -> int:
    if row.shown_minutes is not None:
        return row.shown_minutes
    return round(talk_minutes(words) + row.room)


@dataclass
class RowText:
    """A plan row as copied from the course: what the class notebook and the tables need."""

    row: Row
    sections: list[tuple[str, str]]  # (notebook number, section name)
    cells: list[dict]                # the class notebook's cells for the row's sections
    needed: list[dict]               # cells copied for the names the sections use
    words: int
    minutes: int
    start: int                       # the clock at the row's start


def copied(cell: dict, number: str, text: str, hidden: bool = False) -> dict:
    """A copy of a course cell for a class notebook: its source (or part), no outputs yet. Its id is
    the course cell's, after the notebook's number; "-end" marks a cell's second part, cut at a heading."""
    second_part = not source(cell).startswith(text)
    cell_id = f"{number}-{cell['id']}" + ("-end" if second_part else "")
    new = {"cell_type": cell["cell_type"], "id": cell_id, "metadata": {}, "source": text}
    if cell["cell_type"] == "code":
        new.update(execution_count=None, outputs=[])
        if hidden:
            new["metadata"] = {"jupyter": {"source_hidden": True, "outputs_hidden": True}, "tags": [NEEDED_TAG]}
    return new


def plan_rows(plan: Plan, notebooks: dict[str, dict]) -> list[RowText]:
    rows, clock = [], 0
    included: dict[str, set[int]] = {number: set() for number in notebooks}
    for row in plan.rows:
        sections, cells, needed_copies, words = [], [], [], 0
        for marker in row.markers:
            number, start = find_marker(notebooks, marker)
            course = notebooks[number]["cells"]
            pieces = section_cells(course, start)
            shown = [index for index, _ in pieces]
            for index in needed_cells(course, shown, included[number]):
                needed_copies.append(copied(course[index], number, source(course[index]), hidden=True))
                included[number].add(index)
            included[number].update(shown)
            sections.append((number, section_title(course, start)))
            for index, text in pieces:
                cells.append(copied(course[index], number, text))
                if course[index]["cell_type"] == "markdown":
                    words += guide_timing.count_words(text)
        minutes = row_minutes(words, row)
        rows.append(RowText(row, sections, cells, needed_copies, words, minutes, clock))
        clock += minutes
    if clock > plan.length:
        raise SystemExit(f"{plan.name}: the rows take {clock} minutes, more than the plan's {plan.length}")
    return rows


# --- The class notebook -------------------------------------------------------------------------

def markdown(cell_id: str, text: str) -> dict:
    return {"cell_type": "markdown", "id": cell_id, "metadata": {}, "source": text}


def checkpoint_heading(row: RowText) -> str:
    """'Minute 28 · 04 · Interactive dashboard'."""
    number, name = row.sections[0]
    if name == "opening" and len(row.sections) > 1:
        number, name = row.sections[1]
    return f"Minute {row.start} · {number} · {name}"


STEPPING = """\
**How to step through.** *Kernel → Restart Kernel and Run All Cells* before class. Then *View →
Appearance → Presentation Mode* and *Simple Interface*. Click a cell, press **Esc**, then
**Ctrl+Shift+←**: every section folds. **→** opens the selected section, or moves to the next
heading. After using a widget, **click a text cell** before pressing → again (a slider you touched
keeps the arrow keys). The code cells folded as `…` are the set-up the sections need from their notebook."""


def class_notebook(plan: Plan, notebooks: dict[str, dict]) -> dict:
    rows = plan_rows(plan, notebooks)
    clock = "\n".join(f"| {row.start} | {checkpoint_heading(row).split(' · ', 1)[1]} |" for row in rows)
    header = (f"# {plan.title}\n\n*What makes hidden neurons different?* One notebook for the whole class: the "
              f"plan's sections in order, copied from the course in `notebooks/`.\n\n"
              f"| minute | section |\n| --- | --- |\n{clock}\n| {plan.length} | end |\n\n{STEPPING}\n")
    cells = [
        {"cell_type": "code", "id": "projector-style", "metadata": {}, "execution_count": None, "outputs": [],
         "source": "import matplotlib.pyplot as plt\n\n"
                   "plt.style.use(\"helpers.projector\")  # larger text and thicker lines, "
                   "for every figure and widget"},
        markdown("plan", header)]
    for position, row in enumerate(rows, start=1):
        text = f"# {checkpoint_heading(row)}"
        if row.row.ask:
            text += f"\n\n> **Ask the room:** {row.row.ask}"
        cells.append(markdown(f"checkpoint-{position}", text))
        cells += row.needed + row.cells
    first = read(next(iter(course_notebooks().values())))
    metadata = {key: first["metadata"][key] for key in ("kernelspec", "language_info") if key in first["metadata"]}
    return {"cells": cells, "metadata": metadata, "nbformat": 4, "nbformat_minor": 5}


def write_notebook(notebook: dict, path: Path) -> None:
    import nbformat

    nbformat.write(nbformat.from_dict(notebook), path)


def all_course() -> dict[str, dict]:
    return {number: read(path) for number, path in course_notebooks().items()}


# --- The tables: the guide's plans and the run sheet --------------------------------------------

def section_names(row: RowText) -> str:
    """'02 · 3 · XOR by hand…; 4 · Two identical hidden neurons' (one notebook per row)."""
    numbers = {number for number, _ in row.sections}
    if len(numbers) != 1:
        raise SystemExit(f"a row shows sections of {sorted(numbers)}; the guide's rows name one notebook")
    return f"{row.sections[0][0]} · " + "; ".join(name for _, name in row.sections)


def minutes_cell(row: RowText) -> str:
    if row.row.shown_minutes is not None:
        return f"{row.minutes} (shown, not read)"
    return f"{row.minutes} ({talk_minutes(row.words):.1f} + {row.row.room:g})"


def plan_table(plan: Plan, rows: list[RowText]) -> str:
    lines = ["| # | clock | section | min | run live | ask the room | the room should say | homework |",
             "| --- | --- | --- | --- | --- | --- | --- | --- |"]
    for position, row in enumerate(rows, start=1):
        ask = f"\"{row.row.ask}\"" if row.row.ask else "—"
        lines.append(f"| {position} | {row.start} | {section_names(row)} | {minutes_cell(row)} | {row.row.run} | "
                     f"{ask} | {row.row.answer or '—'} | {row.row.homework} |")
    used = sum(row.minutes for row in rows)
    lines.append(f"| | {used} | reserve for the room's questions | {plan.length - used} | | | | |")
    lines.append(f"| | | **total** | **{plan.length}** | | | | |")
    return "\n".join(lines)


def run_sheet_table(rows: list[RowText]) -> str:
    """Clock, section, what to do live and ask, and the answer: one line per row."""
    lines = ["| min | section | do, and ask the room | they should say |", "| --- | --- | --- | --- |"]
    for row in rows:
        number, name = row.sections[-1] if row.sections[0][1] == "opening" else row.sections[0]
        more = f" (+{len(row.sections) - 1})" if len(row.sections) > 1 else ""  # more sections in the row
        do = " ".join(part for part in (row.row.do[:1].upper() + row.row.do[1:] + "." if row.row.do else "",
                                        f"*{row.row.ask}*" if row.row.ask else "") if part)
        before_colon = name.split(":")[0]  # "The network of the question"; but "Why: a proof by induction"
        short_name = before_colon + "…" if len(before_colon.split()) >= 3 and before_colon != name else name
        lines.append(f"| {row.start} | {number} · {short_name}{more} | {do or '—'} | {row.row.answer or '—'} |")
    return "\n".join(lines)


def cut_table(rows: list[RowText], short: bool = False) -> str:
    """The cut order, each saving the minutes of the rows it drops."""
    by_marker = {row.row.markers[0]: row for row in rows}
    lines = ["| order | drop | instead | saves (min) | running total |", "| --- | --- | --- | --- | --- |"]
    brief, total = [], 0
    for order, (markers, instead) in enumerate(CUTS, start=1):
        dropped = [by_marker[marker] for marker in markers]
        saves = sum(row.minutes for row in dropped)
        total += saves
        names = "; ".join(section_names(row) for row in dropped)
        lines.append(f"| {order} | {names} | {instead} | {saves} | {total} |")
        brief.append(f"({order}) {names}: {saves};")
    if short:
        return " ".join(brief).rstrip(";") + "."
    return "\n".join(lines)


def begin(name: str) -> str:
    return f"<!-- {name}: generated by tools/class_notebooks.py, do not edit -->"


def end(name: str) -> str:
    return f"<!-- end of {name} -->"


def replace_block(text: str, name: str, block: str, where: str) -> str:
    before, found_begin, rest = text.partition(begin(name))
    _, found_end, after = rest.partition(end(name))
    if not (found_begin and found_end):
        raise SystemExit(f"{where}: the markers {begin(name)!r} and {end(name)!r} are missing")
    return before + begin(name) + "\n\n" + block + "\n\n" + end(name) + after


def guide_with_plans(guide: str, notebooks: dict[str, dict]) -> str:
    for plan in PLANS:
        guide = replace_block(guide, f"plan {plan.name}", plan_table(plan, plan_rows(plan, notebooks)), GUIDE.name)
    return replace_block(guide, "cut list", cut_table(plan_rows(PLANS[0], notebooks)), GUIDE.name)


def run_sheet_with_table(sheet: str, notebooks: dict[str, dict]) -> str:
    rows = plan_rows(PLANS[0], notebooks)
    sheet = replace_block(sheet, "run sheet table", run_sheet_table(rows), RUN_SHEET.name)
    return replace_block(sheet, "cut order", cut_table(rows, short=True), RUN_SHEET.name)


# --- Marking the course notebooks (once) --------------------------------------------------------

def mark_course() -> None:
    """Tag the first cell of every section in FIRST_MARKS; nothing else in the files changes."""
    paths = course_notebooks()
    for number, path in paths.items():
        text = path.read_text(encoding="utf-8")
        notebook = json.loads(text)
        for marker, (marked_number, heading) in FIRST_MARKS.items():
            if marked_number != number:
                continue
            tag = TAG_PREFIX + marker
            cells = [cell for cell in notebook["cells"] if cell["cell_type"] == "markdown"
                     and any(title.strip() == heading for _, title in HEADING.findall(source(cell)))]
            if len(cells) != 1:
                raise SystemExit(f"{path.name}: {len(cells)} cells with the heading {heading!r}")
            tags = cells[0]["metadata"].setdefault("tags", [])
            if tag not in tags:
                tags.append(tag)
        new = json.dumps(notebook, indent=1, ensure_ascii=False, sort_keys=True) + "\n"
        if new != text:
            path.write_text(new, encoding="utf-8")
            print(f"marked {path.name}")


# --- Command line -------------------------------------------------------------------------------

def run_notebook(path: Path) -> float:
    """Run the notebook top to bottom in a fresh kernel and save it with its outputs; returns the
    seconds it took, kernel start included (the guide's "before class" time)."""
    start = time.monotonic()
    subprocess.run(["jupyter", "nbconvert", "--to", "notebook", "--execute", "--inplace",
                    "--ExecutePreprocessor.timeout=600", str(path)], check=True)
    return time.monotonic() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-run", action="store_true", help="write the class notebooks without running them")
    parser.add_argument("--tables", action="store_true", help="write only the guide's plan tables and the run sheet")
    parser.add_argument("--mark", action="store_true", help="tag the course notebooks' sections (once)")
    parser.add_argument("--only", choices=[plan.name for plan in PLANS], help="write only this class notebook")
    options = parser.parse_args(argv)
    if options.mark:
        mark_course()
        return 0
    notebooks = all_course()
    CLASS.mkdir(exist_ok=True)
    for plan in PLANS:
        if options.tables or options.only and plan.name != options.only:
            continue
        path = CLASS / f"{plan.name}.ipynb"
        write_notebook(class_notebook(plan, notebooks), path)
        ran = "" if options.no_run else f", ran top to bottom in {run_notebook(path):.0f} s"
        print(f"wrote {path.relative_to(ROOT)}{ran}")
    GUIDE.write_text(guide_with_plans(GUIDE.read_text(encoding="utf-8"), notebooks), encoding="utf-8")
    RUN_SHEET.write_text(run_sheet_with_table(RUN_SHEET.read_text(encoding="utf-8"), notebooks), encoding="utf-8")
    print(f"rewrote the plan tables of {GUIDE.name} and the table of {RUN_SHEET.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
