"""The GitHub Actions workflow that forks of the series run: valid, and safe, checked here.

A broken workflow should fail on this machine, not on GitHub after a push. check-jsonschema
validates it against the GitHub-workflow schema it ships (no network needed), and zizmor audits
it for the usual mistakes (unpinned actions, leaked credentials, template injection) offline.
"""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
TOOLS = Path(sys.executable).parent  # the project environment's scripts folder


def run(*command: str) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True)


def test_there_is_a_workflow_that_runs_the_tests_and_the_portability_run():
    assert WORKFLOWS, "no workflow in .github/workflows"
    text = "\n".join(path.read_text() for path in WORKFLOWS)
    assert "run: uv run pytest\n" in text
    assert "run: uv run pytest -m portability" in text
    assert "playwright install --with-deps chromium" in text  # so the browser test runs there


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=[path.name for path in WORKFLOWS])
def test_workflow_matches_the_github_workflow_schema(workflow):
    result = run(str(TOOLS / "check-jsonschema"), "--builtin-schema", "vendor.github-workflows", str(workflow))
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_finds_nothing_in_the_workflows():
    result = run(str(TOOLS / "zizmor"), "--offline", "--no-progress", str(ROOT / ".github" / "workflows"))
    assert result.returncode == 0, result.stdout + result.stderr
