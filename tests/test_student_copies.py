"""The spoiler-free student copies (tools/student_copies.py) and Binder's postBuild that writes them."""

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
from student_copies import is_solution, write_student_copies  # noqa: E402

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def read(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def copies(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("student")
    return {path.name: path for path in write_student_copies(ROOT / "notebooks", folder)}


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


def test_binders_post_build_writes_the_copies_that_the_badge_opens(tmp_path):
    for name in ("notebooks", "tools"):
        leave_out = shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__")
        shutil.copytree(ROOT / name, tmp_path / name, ignore=leave_out)
    shutil.copy2(ROOT / "postBuild", tmp_path / "postBuild")
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")
    subprocess.run(["bash", "postBuild"], cwd=tmp_path, env=env, check=True, capture_output=True)
    assert sorted(path.name for path in (tmp_path / "student").glob("*.ipynb")) == [path.name for path in NOTEBOOKS]
    assert "urlpath=lab/tree/student/00_the_question.ipynb" in (ROOT / "README.md").read_text()
