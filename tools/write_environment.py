"""Write environment.yml (Binder, conda) from uv.lock, so both install the same versions.

environment.yml is the course environment, the same as `uv run jupyter lab` installs: the helpers
package's dependencies and the `course` group (JupyterLab), without the test tools.

Run after every `uv lock`:   uv run python tools/write_environment.py
tests/test_repository.py fails when the two disagree.
"""

import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[1]
PYTHON = "3.11.7"  # the interpreter the tests and the notebooks' outputs were made with

HEADER = f"""\
# Binder and conda: `conda env create -f environment.yml && conda activate hidden-neurons`.
# The course environment (the helpers package and JupyterLab, no test tools), as `uv run jupyter lab`
# installs it. Generated from uv.lock by tools/write_environment.py; do not edit by hand.
# tests/test_repository.py checks that it holds exactly the locked versions.
name: hidden-neurons
channels:
  - conda-forge
dependencies:
  - python={PYTHON}
  - pip
  - pip:
"""


def locked_requirements() -> list[str]:
    """Every package of the course environment as 'name==version' (with its marker where it has one).

    uv's default groups (pyproject.toml, [tool.uv] default-groups) are the course environment.
    """
    result = subprocess.run(
        ["uv", "export", "--frozen", "--no-hashes", "--no-emit-project",
         "--no-header", "--no-annotate", "--format", "requirements-txt"],
        cwd=ROOT, check=True, capture_output=True, text=True)
    return [line.strip() for line in result.stdout.splitlines() if line.strip() and not line.startswith("#")]


def main() -> int:
    lines = [f"      - {requirement}" for requirement in locked_requirements()]
    lines.append("      - -e .  # the helpers package itself")
    (ROOT / "environment.yml").write_text(HEADER + "\n".join(lines) + "\n")
    print(f"wrote environment.yml with {len(lines) - 1} pinned packages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
