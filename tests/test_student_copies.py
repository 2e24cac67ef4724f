"""The spoiler-free student copies: tools/student_copies.py, and the copies committed in student/
that Binder's badge, a class hub (nbgitpuller) and a download open."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import student_copies  # noqa: E402
from student_copies import is_solution, write_student_copies  # noqa: E402

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def read(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


STUDENT = ROOT / "student"  # the committed copies


@pytest.fixture(scope="module")
def fresh(tmp_path_factory) -> Path:
    """A folder with the copies as the tool writes them today, from notebooks/."""
    folder = tmp_path_factory.mktemp("student")
    written, kept = write_student_copies(ROOT / "notebooks", folder)
    assert kept == []
    return folder


@pytest.fixture(scope="module")
def copies() -> dict[str, Path]:
    return {path.name: path for path in sorted(STUDENT.glob("*.ipynb"))}


def test_the_committed_copies_are_exactly_what_the_tool_writes_from_the_course(fresh):
    stale = [name for name in sorted({path.name for path in (*fresh.iterdir(), *STUDENT.iterdir())})
             if not (STUDENT / name).is_file() or not (fresh / name).is_file()
             or (STUDENT / name).read_bytes() != (fresh / name).read_bytes()]
    assert not stale, (f"student/ is out of date with notebooks/ ({', '.join(stale)}): run "
                       "`uv run python tools/student_copies.py student` and commit student/")


def test_there_is_a_copy_of_every_notebook(copies):
    assert sorted(copies) == [path.name for path in NOTEBOOKS]


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[path.stem for path in NOTEBOOKS])
def test_a_copy_has_no_outputs_and_no_solutions_and_keeps_everything_else(copies, notebook):
    original, copy = read(notebook), read(copies[notebook.name])
    for cell in copy["cells"]:
        assert not is_solution(cell)
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [] and cell["execution_count"] is None
    assert "widgets" not in copy["metadata"]  # saved widget state would show old pictures
    kept = [cell["source"] for cell in original["cells"] if not is_solution(cell)]
    pointers = [cell for cell in copy["cells"] if "The solution is in the full notebook" in "".join(cell["source"])]
    assert len(pointers) == sum(is_solution(cell) for cell in original["cells"])
    assert [cell["source"] for cell in copy["cells"] if cell not in pointers] == kept
    for cell in original["cells"]:
        if is_solution(cell):
            assert "".join(cell["source"]) not in json.dumps(copy)


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[path.stem for path in NOTEBOOKS])
def test_a_copy_runs_top_to_bottom_without_an_error(copies, notebook):
    copy = nbformat.read(copies[notebook.name], as_version=4)
    NotebookClient(copy, timeout=120, kernel_name="python3",
                   resources={"metadata": {"path": str(copies[notebook.name].parent)}}).execute()
    errors = [output for cell in copy.cells if cell.cell_type == "code" for output in cell.outputs
              if output.output_type == "error" or output.get("name") == "stderr"]
    assert not errors, errors[:1]


def test_solution_cells_in_the_executed_notebooks_hide_code_and_output():
    for notebook in NOTEBOOKS:
        for cell in read(notebook)["cells"]:
            if is_solution(cell):
                hidden = cell["metadata"].get("jupyter", {})
                assert hidden.get("source_hidden") and hidden.get("outputs_hidden"), (
                    f"{notebook.name}: a solution cell shows its {'output' if hidden.get('source_hidden') else 'code'}")


def test_the_copy_that_the_readme_and_binder_open_is_in_git():
    assert "urlpath=lab/tree/student/00_the_question.ipynb" in (ROOT / "README.md").read_text()
    tracked = subprocess.run(["git", "ls-files", "student/"], cwd=ROOT, capture_output=True, text=True,
                             check=True).stdout.split()
    assert sorted(tracked) == sorted(f"student/{path.name}" for path in (*NOTEBOOKS, STUDENT / ".student-copies.json"))


# --- running it again, links and odd destinations: the student's work and the course are never lost


@pytest.fixture
def course(tmp_path, monkeypatch) -> Path:
    """A throwaway repository with three of the course notebooks, which the tool takes as its own,
    so that no test here can touch the real notebooks/ even if the tool has a bug."""
    root = tmp_path / "repo"
    (root / "notebooks").mkdir(parents=True)
    for path in NOTEBOOKS[:3]:
        shutil.copy2(path, root / "notebooks" / path.name)
    monkeypatch.setattr(student_copies, "ROOT", root)
    monkeypatch.setattr(student_copies, "NOTEBOOKS", root / "notebooks")
    monkeypatch.chdir(root)
    return root


def contents(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir()) if path.is_file()}


def edit_an_answer(path: Path) -> None:
    notebook = read(path)
    code = next(cell for cell in notebook["cells"] if cell["cell_type"] == "code")
    code["source"] = ["answer = 42  # the student's own answer\n"]
    path.write_text(json.dumps(notebook, indent=1))


def test_running_it_again_keeps_a_copy_the_student_has_changed(course, capsys):
    assert student_copies.main(["student"]) == 0
    first = course / "student" / NOTEBOOKS[0].name
    edit_an_answer(first)
    edited = first.read_bytes()
    assert student_copies.main(["student"]) == 0
    assert first.read_bytes() == edited
    message = capsys.readouterr().err
    assert f"kept student/{first.name}" in message and "rename yours" in message


def test_running_it_again_updates_a_copy_nobody_touched_when_the_course_changed(course):
    student_copies.main(["student"])
    source = course / "notebooks" / NOTEBOOKS[1].name
    notebook = read(source)
    notebook["cells"][0]["source"] = ["# A new title\n"]
    source.write_text(json.dumps(notebook, indent=1))
    student_copies.main(["student"])
    assert read(course / "student" / source.name)["cells"][0]["source"] == ["# A new title\n"]


def test_a_copy_that_this_tool_did_not_write_is_kept(course):
    (course / "student").mkdir()
    own = course / "student" / NOTEBOOKS[0].name
    own.write_text("{}")  # e.g. copies made before the tool kept fingerprints
    student_copies.main(["student"])
    assert own.read_text() == "{}"


@pytest.mark.parametrize("link", ["symbolic", "hard"])
def test_links_to_the_course_notebooks_are_refused_and_the_course_is_untouched(course, capsys, link):
    before = contents(course / "notebooks")
    (course / "student").mkdir()
    for path in (course / "notebooks").iterdir():
        make = os.symlink if link == "symbolic" else os.link
        make(path, course / "student" / path.name)
    assert student_copies.main(["student"]) == 2
    assert contents(course / "notebooks") == before
    assert "link" in capsys.readouterr().err


@pytest.mark.parametrize("destination",
                         ["notebooks", "notebooks/student", "./notebooks/../notebooks", ".", "course-link"])
def test_destinations_that_would_write_into_the_course_are_refused(course, capsys, destination):
    os.symlink(course / "notebooks", course / "course-link")  # another name for notebooks/
    before = contents(course / "notebooks")
    assert student_copies.main([destination]) == 2
    assert contents(course / "notebooks") == before
    assert not (course / "notebooks" / "student").exists()
    assert "DEST" in capsys.readouterr().err


@pytest.mark.parametrize("arguments", [["--help"], ["-"], [""], ["  "], []])
def test_odd_command_lines_create_no_folder(course, arguments):
    with pytest.raises(SystemExit):
        student_copies.main(arguments)
    assert sorted(path.name for path in course.iterdir()) == ["notebooks"]


def test_a_read_only_copy_stops_the_run_before_anything_is_written(course, capsys):
    student_copies.main(["student"])
    source = course / "notebooks" / NOTEBOOKS[2].name
    notebook = read(source)
    notebook["cells"][0]["source"] = ["# A new title\n"]
    for path in (course / "notebooks").iterdir():  # every copy is now stale
        path.write_text(json.dumps(notebook, indent=1))
    (course / "student" / NOTEBOOKS[1].name).chmod(0o444)
    before = contents(course / "student")
    assert student_copies.main(["student"]) == 2
    assert contents(course / "student") == before
    assert "read-only" in capsys.readouterr().err


def test_a_failure_while_writing_leaves_every_old_copy_as_it_was(course, monkeypatch):
    student_copies.main(["student"])
    for path in (course / "notebooks").iterdir():  # every copy is now stale
        notebook = read(path)
        notebook["cells"][0]["source"] = ["# A new title\n"]
        path.write_text(json.dumps(notebook, indent=1))
    before = contents(course / "student")
    real_write_text, calls = Path.write_text, []

    def failing_write_text(self, *args, **kwargs):
        calls.append(self)
        if len(calls) == 3:
            raise OSError("disk full")
        return real_write_text(self, *args, **kwargs)

    monkeypatch.setattr(Path, "write_text", failing_write_text)
    with pytest.raises(OSError, match="disk full"):
        student_copies.main(["student"])
    monkeypatch.undo()
    assert contents(course / "student") == before
    assert [path.name for path in (course / "student").iterdir() if path.name.startswith(".writing")] == []
