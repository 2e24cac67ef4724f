"""Write the spoiler-free student copies of the series: every output cleared, solutions removed.

    uv run python tools/student_copies.py DEST

A student who opens a copy sees no result before running the cell that makes it, and no
solution at all; everything else (the text, the exercises and their checks, the widgets) is kept.
The executed notebooks in notebooks/ stay as they are, for nbval, GitHub and instructors.
Binder runs this from `postBuild` when it builds the image, and its badge opens the copies.

Standard library only: it runs before, or without, the project's environment.
"""

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOLUTION_TAG = "solution"  # the tag every solution cell carries


def is_solution(cell: dict) -> bool:
    return SOLUTION_TAG in cell.get("metadata", {}).get("tags", [])


def student_copy(notebook: dict, name: str) -> dict:
    """The notebook `name` (as parsed JSON) without outputs or saved widget state, and with each
    solution cell replaced by a line that says where the solution is."""
    cells = []
    for cell in notebook["cells"]:
        if is_solution(cell):
            cells.append({"cell_type": "markdown", "id": cell.get("id", "solution"), "metadata": {},
                          "source": [f"*The solution is in the full notebook, `notebooks/{name}` "
                                     "(open it once you have tried).*"]})
            continue
        cell = dict(cell, metadata={k: v for k, v in cell.get("metadata", {}).items() if k != "execution"})
        if cell["cell_type"] == "code":
            cell["outputs"], cell["execution_count"] = [], None
        cells.append(cell)
    metadata = {k: v for k, v in notebook.get("metadata", {}).items() if k != "widgets"}  # old widget pictures
    return dict(notebook, cells=cells, metadata=metadata)


def write_student_copies(source: Path, destination: Path) -> list[Path]:
    """Write a student copy of every notebook in `source` to `destination`; returns the paths."""
    notebooks = sorted(source.glob("*.ipynb"))
    if not notebooks:
        raise SystemExit(f"no notebooks in {source}")
    destination.mkdir(parents=True, exist_ok=True)
    written = []
    for path in notebooks:
        copy = student_copy(json.loads(path.read_text(encoding="utf-8")), path.name)
        target = destination / path.name
        target.write_text(json.dumps(copy, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        written.append(target)
    return written


def main(arguments: list[str]) -> int:
    if len(arguments) != 1:
        print("usage: python tools/student_copies.py DEST   (a folder; e.g. student)", file=sys.stderr)
        return 2
    destination = Path(arguments[0])
    if destination.resolve() == (ROOT / "notebooks").resolve():
        print("DEST must not be notebooks/: the executed notebooks stay as they are", file=sys.stderr)
        return 2
    written = write_student_copies(ROOT / "notebooks", destination)
    print(f"wrote {len(written)} student notebooks to {destination}/")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
