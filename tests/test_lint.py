"""The code and the notebooks pass ruff, and the pre-commit hooks that run it work.

The rules are in pyproject.toml ([tool.ruff]); .pre-commit-config.yaml runs the same check before
each commit for anyone who forks the series (`uv run pre-commit install`).
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TOOLS = Path(sys.executable).parent  # the project environment's scripts folder


def test_ruff_finds_nothing_in_the_code_and_the_notebooks():
    result = subprocess.run([str(TOOLS / "ruff"), "check", "--no-cache", "--output-format", "concise", "."],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_pre_commit_hook_runs_ruff_and_stops_a_bad_commit(tmp_path):
    # A throwaway repository with this project's configuration and one file ruff must refuse.
    for name in ("pyproject.toml", ".pre-commit-config.yaml"):
        shutil.copy2(ROOT / name, tmp_path / name)
    (tmp_path / "bad.py").write_text("import os\n")  # an unused import (pyflakes F401)
    # The hook's `uv run` uses this project's environment as it is: no sync, no download.
    env = dict(os.environ, PATH=f"{TOOLS}{os.pathsep}{os.environ['PATH']}", PRE_COMMIT_HOME=str(tmp_path / "cache"),
               UV_PROJECT_ENVIRONMENT=str(TOOLS.parent), UV_OFFLINE="1", UV_NO_SYNC="1")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid"]
    subprocess.run([*git, "init", "-q"], cwd=tmp_path, env=env, check=True)
    subprocess.run([*git, "add", "."], cwd=tmp_path, env=env, check=True)
    run = lambda: subprocess.run([str(TOOLS / "pre-commit"), "run", "ruff", "--all-files"],  # noqa: E731
                                 cwd=tmp_path, env=env, capture_output=True, text=True)
    refused = run()
    assert refused.returncode != 0 and "F401" in refused.stdout, refused.stdout + refused.stderr
    (tmp_path / "bad.py").write_text("import os\n\nprint(os.sep)\n")
    subprocess.run([*git, "add", "."], cwd=tmp_path, env=env, check=True)
    accepted = run()
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
