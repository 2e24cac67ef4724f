"""A NameError in a notebook ends with a hint to run the cells above (helpers/notebook_hints.py),
checked in real kernels of this environment: a cell run first, and a cell run after a restart."""

import re
import sys

from jupyter_client.manager import start_new_kernel

from helpers.notebook_hints import hint_for

HINT_START = "Hint: if `"


def run_in_new_kernel(*cells: str, settings: tuple[str, ...] = ()) -> list[dict]:
    """Run `cells` one after another in a new kernel of this environment (started with the
    command-line `settings`); the error outputs of each cell."""
    manager, client = start_new_kernel(kernel_name="python3", extra_arguments=list(settings))
    try:
        errors = []
        for cell in cells:
            found = []
            client.execute_interactive(cell, timeout=60, output_hook=found.append)
            errors.append([message["content"] for message in found if message["msg_type"] == "error"])
        return errors
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)


def plain(traceback: list[str]) -> str:
    return re.sub(r"\x1b\[[0-9;]*m", "", "\n".join(traceback))  # without the terminal colours


def test_a_cell_run_before_the_imports_gets_the_hint():
    # Nothing of helpers is imported in this kernel: the course's kernel settings load the hint.
    [errors] = run_in_new_kernel("history = helpers.train(X, Y, 4)")
    [error] = errors
    assert error["ename"] == "NameError"
    assert "Hint: if `helpers` is made in an earlier cell" in plain(error["traceback"])
    assert "Run All Above Selected Cell" in plain(error["traceback"])


def test_importing_helpers_registers_the_hint_too():
    # A kernel without the course's settings (a hub, Colab): the hint comes with `import helpers`.
    [before, _, errors] = run_in_new_kernel("print(start_params)", "import helpers", "print(start_params)",
                                            settings=("--IPKernelApp.extensions=[]",))
    assert HINT_START not in plain(before[0]["traceback"])
    assert "Hint: if `start_params` is made in an earlier cell" in plain(errors[0]["traceback"])


def test_other_errors_and_a_correct_cell_are_left_alone():
    [ok, other, unbound] = run_in_new_kernel(
        "import helpers\nx = 1\nx + 1",
        "1 / 0",
        "def f():\n    y = y + 1\nf()")
    assert ok == []
    assert HINT_START not in plain(other[0]["traceback"])
    assert other[0]["ename"] == "ZeroDivisionError"
    assert unbound[0]["ename"] == "UnboundLocalError"
    assert HINT_START not in plain(unbound[0]["traceback"])


def test_the_hint_names_the_missing_name():
    try:
        undefined_in_this_test  # noqa: B018, F821
    except NameError as error:
        assert "`undefined_in_this_test`" in hint_for(error)


def test_outside_ipython_registering_does_nothing():
    from helpers import notebook_hints

    notebook_hints.register()  # plain pytest: no IPython shell is running
    assert "IPython" not in sys.modules or sys.modules["IPython"].get_ipython() is None
