"""Write the spoiler-free student copies of the series: every output cleared, solutions removed.

    uv run python tools/student_copies.py DEST

A student who opens a copy sees no result before running the cell that makes it, and no
solution at all; everything else (the text, the exercises and their checks, the widgets) is kept.
The executed notebooks in notebooks/ stay as they are, for GitHub and instructors.
The copies of the course as it is are committed in student/ (Binder's badge, a class hub and a
download open them there); after a change to notebooks/, run this with DEST student and commit.

Running it again is safe. A copy the student has changed (an answer typed, a cell run) is never
overwritten: it is kept and named in the output. A copy nobody has touched is brought up to date.
To know which is which, DEST/.student-copies.json records a fingerprint of each file as written.

It never writes through a link into notebooks/ and refuses a DEST that is notebooks/ itself (on a
case-insensitive disk `Notebooks` is the same folder), lies inside it, or is the repository root.
Every copy is first written to a temporary folder inside DEST; only when all of them are ready are
they moved into place, so a failure leaves the old copies as they were.

Standard library only: it runs before, or without, the project's environment.
"""

import argparse
import hashlib
import json
import os
import stat
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
SOLUTION_TAG = "solution"  # the tag every solution cell carries
RECORD_NAME = ".student-copies.json"  # fingerprints of the copies as this tool wrote them


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


def copy_text(path: Path) -> str:
    """The text of the student copy of the notebook at `path`."""
    copy = student_copy(json.loads(path.read_text(encoding="utf-8")), path.name)
    return json.dumps(copy, indent=1, ensure_ascii=False) + "\n"


def fingerprint(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class Refused(Exception):
    """DEST, or a file in it, must not be written; the message says why and what to do."""


def check_destination(destination: Path) -> None:
    """Refuse a DEST that is notebooks/ (by any spelling or link), lies inside it, or is the root."""
    resolved = destination.resolve()
    if resolved == ROOT:
        raise Refused(f"DEST {str(destination)!r} is the repository's own folder; name a folder for the "
                      "copies, e.g. student")
    for folder in (resolved, *resolved.parents):
        same = folder == NOTEBOOKS or (folder.exists() and os.path.samefile(folder, NOTEBOOKS))
        if same:
            raise Refused(f"DEST {str(destination)!r} is, or lies inside, notebooks/: the executed "
                          "notebooks stay as they are; name another folder, e.g. student")


def check_not_a_link(target: Path, sources: list[Path]) -> None:
    """Refuse a target that is a link, or the same file as a course notebook (a hard link)."""
    if target.is_symlink():
        raise Refused(f"{target} is a link; the student copies must be files of their own "
                      "(remove the link and run this again)")
    for source in sources:
        if os.path.samefile(target, source):
            raise Refused(f"{target} is the same file as notebooks/{source.name} (a hard link); "
                          "writing it would change the course notebook (remove it and run this again)")


def plan(sources: list[Path], destination: Path) -> tuple[dict[Path, str], list[Path]]:
    """What to write: ({target: new text} for every copy that is missing or untouched, [targets
    the student has changed, which are kept as they are])."""
    record_path = destination / RECORD_NAME
    written_before = json.loads(record_path.read_text(encoding="utf-8")) if record_path.is_file() else {}
    to_write, kept = {}, []
    for source in sources:
        target, text = destination / source.name, copy_text(source)
        if target.exists() or target.is_symlink():
            check_not_a_link(target, sources)
            if not target.stat().st_mode & stat.S_IWUSR:  # marked read-only (root could still write)
                raise Refused(f"{target} is read-only; nothing was written (make it writable, or move "
                              "it away, and run this again)")
            current = fingerprint(target.read_bytes())
            if current == fingerprint(text.encode("utf-8")):
                continue  # already the current copy
            if current != written_before.get(source.name):
                kept.append(target)  # the student's own work, or a file this tool did not write
                continue
        to_write[target] = text
    return to_write, kept


def write_student_copies(source: Path, destination: Path) -> tuple[list[Path], list[Path]]:
    """Write a student copy of every notebook in `source` to `destination`, all or nothing.

    Returns (the copies written, the copies kept because the student changed them)."""
    sources = sorted(source.glob("*.ipynb"))
    if not sources:
        raise Refused(f"no notebooks in {source}")
    check_destination(destination)
    if destination.exists() and not destination.is_dir():
        raise Refused(f"DEST {str(destination)!r} is a file, not a folder")
    destination.mkdir(parents=True, exist_ok=True)
    to_write, kept = plan(sources, destination)
    record_path = destination / RECORD_NAME
    record = json.loads(record_path.read_text(encoding="utf-8")) if record_path.is_file() else {}
    with tempfile.TemporaryDirectory(dir=destination, prefix=".writing-") as staging:
        staged = {}
        for target, text in to_write.items():
            staged[target] = Path(staging) / target.name
            staged[target].write_text(text, encoding="utf-8")
            record[target.name] = fingerprint(text.encode("utf-8"))
        (Path(staging) / RECORD_NAME).write_text(json.dumps(record, indent=1, sort_keys=True) + "\n")
        for target, path in staged.items():  # every copy is ready: now move them into place
            os.replace(path, target)
        os.replace(Path(staging) / RECORD_NAME, record_path)
    return sorted(to_write), kept


def parse_arguments(arguments: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="tools/student_copies.py",
        description="Write the spoiler-free student copies of the notebooks (outputs cleared, solutions "
                    "removed) into DEST. Copies you have changed are never overwritten.")
    parser.add_argument("destination", metavar="DEST", help="the folder for the copies, e.g. student")
    options = parser.parse_args(arguments)
    if options.destination.strip() == "" or options.destination == "-":
        parser.error(f"DEST must name a folder, e.g. student; got {options.destination!r}")
    return options


def main(arguments: list[str]) -> int:
    options = parse_arguments(arguments)
    destination = Path(options.destination)
    try:
        written, kept = write_student_copies(NOTEBOOKS, destination)
    except Refused as refusal:
        print(f"student_copies.py: {refusal}", file=sys.stderr)
        return 2
    print(f"wrote {len(written)} student notebooks to {destination}/"
          + ("" if written else " (every copy was already up to date)"))
    for path in kept:
        fresh = path.with_name(path.stem + "-mine" + path.suffix)
        print(f"kept {path}: you have changed it, so it was not replaced. For a fresh copy, rename yours "
              f"(e.g. to {fresh.name}) and run this again.", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
