"""The repository's own checks, in one place: lint and its pre-commit hook, the GitHub workflow,
the environments (what a student installs, what the tests install, environment.yml, the wheel),
and the Jupyter settings the package installs.

None of this is about the course's content; CONTRIBUTING.md explains each of these checks.
"""

import ast
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
import urllib.request
from pathlib import Path

import pytest
from lab_browser import run_jupyterlab

ROOT = Path(__file__).resolve().parents[1]
TOOLS = Path(sys.executable).parent  # the project environment's scripts folder
UV = os.environ.get("UV") or shutil.which("uv") or "uv"  # `uv run` names itself in $UV
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))

# The README's one test command, which CI and the workflow must run as it is written.
TEST_COMMAND = "uv run --group test pytest"
TEST_TOOLS = {"pytest", "nbval", "hypothesis", "playwright", "ruff", "zizmor", "check-jsonschema",
              "pre-commit", "pytest-mpl", "mutmut"}


def run(*command, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([str(part) for part in command], cwd=kwargs.pop("cwd", ROOT), capture_output=True,
                          text=True, **kwargs)


# --- Lint: ruff, and the pre-commit hook that runs it -------------------------------------------

def test_ruff_finds_nothing_in_the_code_and_the_notebooks():
    result = run(TOOLS / "ruff", "check", "--no-cache", "--output-format", "concise", ".")
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
    refused = run(TOOLS / "pre-commit", "run", "ruff", "--all-files", cwd=tmp_path, env=env)
    assert refused.returncode != 0 and "F401" in refused.stdout, refused.stdout + refused.stderr
    (tmp_path / "bad.py").write_text("import os\n\nprint(os.sep)\n")
    subprocess.run([*git, "add", "."], cwd=tmp_path, env=env, check=True)
    accepted = run(TOOLS / "pre-commit", "run", "ruff", "--all-files", cwd=tmp_path, env=env)
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr


# --- The GitHub workflow (validated and audited offline) and CI ---------------------------------

def test_ci_and_the_workflow_run_the_readme_test_command_then_the_portability_run():
    readme = (ROOT / "README.md").read_text()
    assert re.search(rf"^ *{re.escape(TEST_COMMAND)}$", readme, re.M), f"the README must give `{TEST_COMMAND}`"
    ci = (ROOT / ".ci" / "run").read_text().splitlines()
    assert TEST_COMMAND in ci and f"{TEST_COMMAND} -m portability" in ci
    assert ci.index(TEST_COMMAND) < ci.index(f"{TEST_COMMAND} -m portability")
    assert WORKFLOWS, "no workflow in .github/workflows"
    text = "\n".join(path.read_text() for path in WORKFLOWS)
    assert f"run: {TEST_COMMAND}\n" in text
    assert f"run: {TEST_COMMAND} -m portability" in text
    assert "playwright install --with-deps chromium" in text  # so the browser test runs there


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=[path.name for path in WORKFLOWS])
def test_workflow_matches_the_github_workflow_schema(workflow):
    result = run(TOOLS / "check-jsonschema", "--builtin-schema", "vendor.github-workflows", workflow)
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_finds_nothing_in_the_workflows():
    result = run(TOOLS / "zizmor", "--offline", "--no-progress", ROOT / ".github" / "workflows")
    assert result.returncode == 0, result.stdout + result.stderr


# --- The environments -------------------------------------------------------------------------

def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def course_environment_in_the_lock() -> set[tuple[str, str]]:
    """(name, version) of every package the course environment needs, read from uv.lock by walking
    the dependency graph from the helpers package and its `course` group (every platform's
    packages, as environment.yml lists them with their markers)."""
    packages = tomllib.loads((ROOT / "uv.lock").read_text())["package"]
    by_name: dict[str, list[dict]] = {}
    for package in packages:
        by_name.setdefault(package["name"], []).append(package)

    def resolve(entry: dict) -> dict:
        candidates = by_name[entry["name"]]
        if "version" in entry:
            candidates = [package for package in candidates if package["version"] == entry["version"]]
        assert len(candidates) == 1, f"uv.lock: cannot tell which {entry['name']} is meant"
        return candidates[0]

    helpers = resolve({"name": "helpers"})
    todo = [*helpers["dependencies"], *helpers["dev-dependencies"]["course"]]
    found: set[tuple[str, str]] = set()
    while todo:
        entry = todo.pop()
        package = resolve(entry)
        key = (canonical(package["name"]), package["version"])
        wanted_extras = entry.get("extra", [])
        todo += [extra_entry for extra in wanted_extras
                 for extra_entry in package.get("optional-dependencies", {}).get(extra, [])]
        if key not in found:
            found.add(key)
            todo += package.get("dependencies", [])
    return found


def environment_pins() -> set[tuple[str, str]]:
    text = (ROOT / "environment.yml").read_text()
    pins = re.findall(r"^\s+- ([A-Za-z0-9_.\-]+)==([^\s;]+)", text, re.M)
    return {(canonical(name), version) for name, version in pins}


def test_environment_yml_pins_the_course_environment_at_its_locked_versions():
    locked, pinned = course_environment_in_the_lock(), environment_pins()
    assert ("jupyterlab", next(v for n, v in locked if n == "jupyterlab")) in pinned
    assert pinned - locked == set(), "environment.yml pins versions that uv.lock's course environment does not have"
    assert locked - pinned == set(), "uv.lock's course environment has packages that environment.yml does not pin"
    assert not {name for name, _ in pinned} & TEST_TOOLS, "environment.yml must not install the test tools"


def test_environment_yml_pins_the_python_the_lock_and_the_outputs_use_and_installs_helpers():
    text = (ROOT / "environment.yml").read_text()
    python = re.search(r"^\s+- python=(\d+)\.(\d+)\.(\d+)$", text, re.M)
    assert python, "environment.yml must pin python=X.Y.Z"
    assert tuple(map(int, python.groups()[:2])) == sys.version_info[:2]
    assert (ROOT / ".python-version").read_text().strip() == f"{python.group(1)}.{python.group(2)}"
    assert re.search(r"^\s+- -e \.", text, re.M), "environment.yml must install the helpers package"


def packages_uv_would_install(*options: str) -> dict[str, str]:
    """name -> version that `uv sync` (what `uv run` does first) would put into a fresh environment."""
    with tempfile.TemporaryDirectory() as folder:
        env = {name: value for name, value in os.environ.items() if name != "VIRTUAL_ENV"}
        env["UV_PROJECT_ENVIRONMENT"] = str(Path(folder) / "fresh")
        result = run(UV, "sync", "--locked", "--dry-run", "--offline", *options, env=env)
    assert result.returncode == 0, result.stderr
    return {canonical(name): version for name, version in re.findall(r"^ \+ ([^=\s]+)==(\S+)", result.stderr, re.M)}


def test_a_fresh_uv_run_installs_jupyterlab_and_no_test_tool():
    course = packages_uv_would_install()
    assert "jupyterlab" in course and "helpers" in course
    assert TEST_TOOLS & course.keys() == set()


def test_the_test_command_adds_every_test_tool():
    assert TEST_TOOLS <= packages_uv_would_install("--group", "test").keys()


def test_ipywidgets_is_the_version_vs_code_renders():
    # microsoft/vscode-jupyter#17504: widgets from ipywidgets 8.1.9 do not render in VS Code.
    assert packages_uv_would_install()["ipywidgets"] == "8.1.8"


def modules_the_notebooks_import() -> set[str]:
    found = set()
    for notebook in sorted((ROOT / "notebooks").glob("*.ipynb")):
        for cell in json.loads(notebook.read_text())["cells"]:
            if cell["cell_type"] == "code":
                lines = "".join(cell["source"]).splitlines()
                source = "\n".join(line for line in lines if not line.lstrip().startswith(("%", "!")))
                for node in ast.walk(ast.parse(source)):
                    if isinstance(node, ast.Import):
                        found |= {alias.name for alias in node.names}
                    elif isinstance(node, ast.ImportFrom) and node.level == 0:
                        found.add(node.module)
    return found


def test_the_wheel_installs_with_pip_without_jupyterlab_and_gives_every_module_the_notebooks_import(tmp_path):
    # What Colab, a class hub or VS Code does: pip installs the package into a Python of its own.
    built = run(UV, "build", "--wheel", "--out-dir", tmp_path / "dist")
    assert built.returncode == 0, built.stderr
    [wheel] = (tmp_path / "dist").glob("helpers-*.whl")
    constraints = run(UV, "export", "--frozen", "--no-default-groups", "--no-emit-project", "--no-hashes",
                      "--no-header", "--no-annotate", "--output-file", tmp_path / "constraints.txt")
    assert constraints.returncode == 0, constraints.stderr
    assert run(sys.executable, "-m", "venv", tmp_path / "venv").returncode == 0
    python = tmp_path / "venv" / ("Scripts" if os.name == "nt" else "bin") / "python"
    env = dict(os.environ, PIP_DISABLE_PIP_VERSION_CHECK="1", MPLBACKEND="Agg")
    installed = run(python, "-m", "pip", "install", "--quiet", "-c", tmp_path / "constraints.txt", wheel, env=env)
    assert installed.returncode == 0, installed.stdout + installed.stderr

    modules = sorted(modules_the_notebooks_import())
    assert "helpers" in modules and "ipywidgets" in modules
    probe = ("import importlib, importlib.util, sys\n"
             f"for name in {modules!r}: importlib.import_module(name)\n"
             "assert importlib.util.find_spec('jupyterlab') is None, 'jupyterlab was installed'\n"
             "import helpers; assert helpers.__file__.startswith(sys.prefix), helpers.__file__\n")
    imported = run(python, "-c", probe, cwd=tmp_path, env=env)
    assert imported.returncode == 0, imported.stdout + imported.stderr


def test_the_package_allows_every_python_from_the_locked_one_on():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert project["requires-python"] == ">=3.11"
    assert not any(canonical(re.split(r"[<>=!~ ;\[]", requirement)[0]) == "jupyterlab"
                   for requirement in project["dependencies"])


def test_the_readme_s_hosted_jupyter_line_installs_this_package_from_the_binder_address():
    readme = (ROOT / "README.md").read_text()
    binder = re.search(r"mybinder\.org/v2/gh/([^/]+/[^/]+)/", readme)
    line = re.search(r'^%pip install "([^ ]+) @ git\+https://github\.com/([^/"]+/[^/"]+)"$', readme, re.M)
    assert binder and line, "the README must give the Binder badge and one `%pip install` line for a hosted Jupyter"
    assert line.group(1) == tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["name"]
    assert line.group(2) == binder.group(1) == "OWNER/REPO"  # the one placeholder, replaced once published


# --- The Jupyter settings the package installs --------------------------------------------------

LOADED = "kernel websockets send without Nagle's delay"


def test_jupyterlab_from_this_environment_uses_its_settings():
    # The package installs etc/jupyter/jupyter_server_config.d/helpers.json,
    # etc/jupyter/labconfig/page_config.d/helpers.json and share/jupyter/lab/settings/overrides.json
    # (pyproject.toml, shared-data); a server started as a student starts it must pick all up.
    with tempfile.TemporaryDirectory() as folder:
        empty = Path(folder) / "empty"
        empty.mkdir()
        with run_jupyterlab(Path(folder) / "lab", notebooks=empty) as (server, token):
            log = Path(folder) / "lab" / "jupyterlab.log"
            deadline = time.monotonic() + 30
            while LOADED not in log.read_text() and time.monotonic() < deadline:
                time.sleep(0.2)  # the server answers before its log is flushed
            assert LOADED in log.read_text(), log.read_text()[-2000:]

            with urllib.request.urlopen(f"{server}/lab?token={token}", timeout=30) as response:
                page = response.read().decode()
            config = re.search(r'<script id="jupyter-config-data" type="application/json">(.*?)</script>', page)
            assert "@jupyterlab/application-extension:faviconbusy" in json.loads(config.group(1))["disabledExtensions"]

            # JupyterLab applies overrides.json as the settings' defaults it serves
            url = f"{server}/lab/api/settings/@jupyterlab/notebook-extension:tracker?token={token}"
            with urllib.request.urlopen(url, timeout=30) as response:
                tracker = json.loads(response.read())
            assert tracker["schema"]["properties"]["kernelStatus"]["default"]["showOnStatusBar"] is True
