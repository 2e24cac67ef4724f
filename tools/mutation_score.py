"""How strong are the unit tests of the math modules? Run mutmut and print the mutation score.

A periodic check, not part of `uv run --group test pytest` (a full run takes minutes):

    uv run --group test python tools/mutation_score.py                 # every mutant afresh, then the score
    uv run --group test python tools/mutation_score.py --report-only   # the last run's score (after `mutmut run NAME`)

mutmut (configured in [tool.mutmut] of pyproject.toml) changes the code of helpers/network.py,
training.py, symmetry.py, gradcheck.py, perceptron.py and random_search.py one small change (a
"mutant") at a time, and runs their unit tests against each: a mutant that makes a test fail is
killed, one that passes every test survived. Some mutants cannot be killed because no input tells
them apart from the real code; tests/equivalent_mutants.toml lists those, each with its reason, and
they are left out of the score:

    score = killed / (all mutants - equivalent ones)

The script fails when a listed equivalent mutant no longer exists, no longer makes the change
written beside it (mutmut numbers mutants in order, so a code change renumbers them), or is killed
after all; and when the score is below --minimum.
"""

import argparse
import shutil
import subprocess
import sys
import time
import tomllib
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EQUIVALENT_LIST = ROOT / "tests" / "equivalent_mutants.toml"
MODULES = ("network", "training", "symmetry", "gradcheck", "perceptron", "random_search")
KILLED = {"killed", "timeout"}  # a mutant that makes the tests hang is caught too


def mutmut(*arguments: str, capture: bool = True) -> str:
    """Run `mutmut ARGUMENTS` in the project's directory and return what it printed."""
    result = subprocess.run([sys.executable, "-m", "mutmut", *arguments], cwd=ROOT, text=True,
                            capture_output=capture, check=False)
    if result.returncode != 0:
        sys.exit(f"mutmut {' '.join(arguments)} failed (exit code {result.returncode})\n{result.stderr or ''}")
    return result.stdout or ""


def statuses() -> dict[str, str]:
    """{mutant name: status} of the last run, e.g. {'helpers.network.x_relu_slope__mutmut_2': 'killed'}."""
    found = {}
    for line in mutmut("results", "--all", "True").splitlines():
        name, separator, status = line.strip().partition(": ")
        if separator and name.startswith("helpers."):
            found[name] = status
    if not found:
        sys.exit("mutmut has no results: run this script without --report-only first")
    return found


def checked_equivalents(status_of: dict[str, str]) -> dict[str, str]:
    """The equivalent mutants of tests/equivalent_mutants.toml, {name: reason}, after checking each
    against the last run; exits with every problem found."""
    listed = tomllib.loads(EQUIVALENT_LIST.read_text(encoding="utf-8"))
    problems = []
    for name, entry in listed.items():
        if name not in status_of:
            problems.append(f"{name} is not a mutant any more (renumbered or removed): check the list")
            continue
        if not entry.get("reason"):
            problems.append(f"{name} has no reason")
        shown = mutmut("show", name)
        if entry.get("mutation", "").strip() not in shown:
            problems.append(f"{name} no longer makes the change {entry.get('mutation')!r}; it is now:\n{shown}")
        if status_of[name] in KILLED:
            problems.append(f"{name} is listed as equivalent, but a test kills it: remove it from the list")
    if problems:
        sys.exit(f"{EQUIVALENT_LIST.relative_to(ROOT)}:\n  " + "\n  ".join(problems))
    return {name: entry["reason"] for name, entry in listed.items()}


def report(status_of: dict[str, str], equivalent: dict[str, str]) -> float:
    """Print one line per module and the total; return the overall score in percent."""
    print(f"\n{'module':<16}{'mutants':>9}{'killed':>8}{'survived':>10}{'equivalent':>12}{'other':>7}{'score':>9}")
    totals = Counter()
    for module in (*MODULES, None):
        if module is None:
            counts, module = totals, "all six"
        else:
            names = [name for name in status_of if name.startswith(f"helpers.{module}.")]
            counts = Counter(mutants=len(names), killed=sum(status_of[n] in KILLED for n in names),
                             survived=sum(status_of[n] == "survived" and n not in equivalent for n in names),
                             equivalent=sum(n in equivalent for n in names))
            counts["other"] = counts["mutants"] - counts["killed"] - counts["survived"] - counts["equivalent"]
            totals.update(counts)
        score = 100 * counts["killed"] / max(counts["mutants"] - counts["equivalent"], 1)
        print(f"{module:<16}{counts['mutants']:>9}{counts['killed']:>8}{counts['survived']:>10}"
              f"{counts['equivalent']:>12}{counts['other']:>7}{score:>8.1f}%")
    print("(other: no tests, suspicious, segfault, not checked; they count against the score)")
    return score


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--report-only", action="store_true", help="report the last run instead of running mutmut")
    parser.add_argument("--minimum", type=float, default=95.0, help="fail below this score in percent (95)")
    arguments = parser.parse_args()

    if not arguments.report_only:
        shutil.rmtree(ROOT / "mutants", ignore_errors=True)  # a fresh run: no results cached from older code
        start = time.monotonic()
        mutmut("run", capture=False)
        print(f"\nmutmut run took {(time.monotonic() - start) / 60:.1f} minutes")

    status_of = statuses()
    equivalent = checked_equivalents(status_of)
    score = report(status_of, equivalent)
    survivors = sorted(name for name, status in status_of.items() if status not in KILLED and name not in equivalent)
    if survivors:
        print("\nNot killed (see one with `uv run --group test mutmut show NAME`):\n  " + "\n  ".join(survivors))
    if score < arguments.minimum:
        sys.exit(f"\nmutation score {score:.1f}% is below the minimum of {arguments.minimum:g}%")


if __name__ == "__main__":
    main()
