"""Binder/conda (environment.yml) and uv (uv.lock) must install exactly the same versions."""

import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def locked_versions() -> set[tuple[str, str]]:
    lock = tomllib.loads((ROOT / "uv.lock").read_text())
    return {(canonical(p["name"]), p["version"]) for p in lock["package"] if p["name"] != "helpers"}


def environment_pins() -> set[tuple[str, str]]:
    text = (ROOT / "environment.yml").read_text()
    pins = re.findall(r"^\s+- ([A-Za-z0-9_.\-]+)==([^\s;]+)", text, re.M)
    return {(canonical(name), version) for name, version in pins}


def test_environment_yml_pins_every_locked_package_at_its_locked_version():
    locked, pinned = locked_versions(), environment_pins()
    assert locked, "uv.lock lists no packages"
    assert pinned - locked == set(), "environment.yml pins versions that uv.lock does not have"
    assert locked - pinned == set(), "uv.lock has packages that environment.yml does not pin"


def test_environment_yml_pins_the_python_the_tests_run_with_and_installs_helpers():
    text = (ROOT / "environment.yml").read_text()
    python = re.search(r"^\s+- python=(\d+)\.(\d+)\.(\d+)$", text, re.M)
    assert python, "environment.yml must pin python=X.Y.Z"
    assert tuple(map(int, python.groups()[:2])) == sys.version_info[:2]
    assert re.search(r"^\s+- -e \.", text, re.M), "environment.yml must install the helpers package"
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert pyproject["project"]["requires-python"] == f"=={python.group(1)}.{python.group(2)}.*"
