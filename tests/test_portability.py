"""The portability run: every notebook, re-run under strict nbval on "other machines", and the
figure baselines compared there too.

A saved output must hold on any CPU, not only on the one that saved it. numpy picks its SIMD code
for exp, log, tanh, sums... per CPU at run time (AVX2, AVX-512, NEON), and OpenBLAS picks its
matrix-product kernels and thread count per machine; their last bits differ. This module
imitates other machines on this one:

- numpy's dispatch levels switched off one by one, from the highest this CPU has down to numpy's
  baseline (read from numpy at run time, so the run adapts to any machine), with
  NPY_DISABLE_CPU_FEATURES;
- OpenBLAS with one thread (OPENBLAS_NUM_THREADS=1), and with an old core type's kernels
  (OPENBLAS_CORETYPE=Prescott, a Pentium 4 without AVX).

Each variant first checks, in a fresh Python, that the setting really took effect, then runs
`pytest notebooks class tests/test_figure_baselines.py` (the course and the class notebooks) in
that environment (nbval's kernels inherit it): a figure must look the same on another CPU, within
the baselines' tolerance, as a number must.

Not part of the default run (a few minutes): `uv run --group test pytest -m portability`.
"""

import glob
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
OLD_CORE = "Prescott"

pytestmark = pytest.mark.portability


def dispatch_levels_of_this_cpu() -> list[str]:
    """numpy's optional (dispatched) CPU features that this CPU has, lowest first."""
    from numpy._core._multiarray_umath import __cpu_dispatch__, __cpu_features__

    return [feature for feature in __cpu_dispatch__ if __cpu_features__.get(feature)]


def variants() -> list[tuple[str, dict]]:
    """(name, environment changes) for every imitated machine."""
    found = []
    levels = dispatch_levels_of_this_cpu()
    # Switching off a level must switch off every level above it too, or numpy keeps using them.
    for keep in range(len(levels) - 1, -1, -1):
        switched_off = levels[keep:]
        highest_left = levels[keep - 1] if keep else "baseline"
        found.append((f"numpy up to {highest_left}", {"NPY_DISABLE_CPU_FEATURES": " ".join(switched_off)}))
    found.append(("OpenBLAS one thread", {"OPENBLAS_NUM_THREADS": "1"}))
    found.append((f"OpenBLAS {OLD_CORE} kernels", {"OPENBLAS_CORETYPE": OLD_CORE}))
    return found


# What a fresh Python reports about numpy's dispatch and OpenBLAS under a variant's environment.
PROBE = """
import ctypes, glob, json, os
import numpy
from numpy._core._multiarray_umath import __cpu_dispatch__, __cpu_features__
library = glob.glob(os.path.join(os.path.dirname(numpy.__file__), os.pardir, "numpy.libs", "*openblas*"))
core = threads = None
if library:
    blas = ctypes.CDLL(library[0])
    for prefix in ("scipy_openblas", "openblas"):
        for suffix in ("64_", ""):
            if hasattr(blas, f"{prefix}_get_corename{suffix}"):
                getter = getattr(blas, f"{prefix}_get_corename{suffix}")
                getter.restype = ctypes.c_char_p
                core = getter().decode()
                threads = getattr(blas, f"{prefix}_get_num_threads{suffix}")()
print(json.dumps({"enabled": [f for f in __cpu_dispatch__ if __cpu_features__.get(f)],
                  "openblas_core": core, "openblas_threads": threads}))
"""


def probe(env: dict) -> dict:
    import json

    result = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


@pytest.mark.parametrize("name, changes", variants(), ids=[name for name, _ in variants()])
def test_notebooks_reproduce_their_saved_outputs(name, changes):
    env = dict(os.environ, **changes)
    seen = probe(env)
    if "NPY_DISABLE_CPU_FEATURES" in changes:
        still_on = set(seen["enabled"]) & set(changes["NPY_DISABLE_CPU_FEATURES"].split())
        assert not still_on, f"numpy still uses {sorted(still_on)}: the variant {name!r} did not take effect"
    if "OPENBLAS_NUM_THREADS" in changes:
        assert seen["openblas_threads"] == 1, f"OpenBLAS runs {seen['openblas_threads']} threads, not 1"
    if "OPENBLAS_CORETYPE" in changes:
        # OpenBLAS may report the old core by an alias (Prescott's kernels are also "Katmai"'s):
        # what matters is that it no longer runs the kernels it picks for this CPU by itself.
        usual = probe(dict(os.environ))["openblas_core"]
        assert seen["openblas_core"] is not None, "could not ask numpy's OpenBLAS which kernels it uses"
        assert seen["openblas_core"] != usual, f"OpenBLAS still uses its {usual} kernels under {changes}"

    notebooks = sorted(glob.glob(str(ROOT / "notebooks" / "*.ipynb")) + glob.glob(str(ROOT / "class" / "*.ipynb")))
    figures = str(ROOT / "tests" / "test_figure_baselines.py")
    run = subprocess.run([sys.executable, "-m", "pytest", *notebooks, figures, "-q", "-p", "no:cacheprovider",
                          "--durations=0", "--durations-min=1000"],
                         cwd=ROOT, env=env, capture_output=True, text=True)
    assert run.returncode == 0, (
        f"strict nbval or a figure baseline failed under {name} ({changes}):\n{run.stdout[-6000:]}{run.stderr[-2000:]}")

