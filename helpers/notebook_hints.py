"""A hint under a NameError in a notebook: run the cells above first.

Running a later cell first, or going on after a kernel restart, ends in `NameError: name 'X' is
not defined`: in a notebook that usually means the cell that makes X has not run in this kernel.
This adds one line to the end of such an error, saying what to do. The course's kernels load it
as an IPython extension (jupyter-settings/ipython-kernel-config.json), so it works even before
`import helpers` has run; `import helpers` registers it too, for kernels started elsewhere.
Outside IPython it does nothing.
"""

HINT = ("Hint: if `{name}` is made in an earlier cell of this notebook, that cell has not run since the "
        "kernel started. Run the cells above this one first (menu Run > Run All Above Selected Cell). "
        "If not, check the spelling of `{name}`.")


def hint_for(error: NameError) -> str:
    """The hint for `error`, naming the missing name."""
    return HINT.format(name=getattr(error, "name", None) or "this name")


def show_with_hint(shell, error_type, error, traceback, tb_offset=None) -> None:
    """IPython's handler for NameError: the usual traceback, with the hint as its last line."""
    if error_type is NameError and hint_for(error) not in getattr(error, "__notes__", []):
        error.add_note(hint_for(error))  # UnboundLocalError, a subclass, means something else
    shell.showtraceback((error_type, error, traceback), tb_offset=tb_offset)


def register(shell=None) -> None:
    """Show the hint under every NameError in this IPython kernel (a no-op outside IPython)."""
    if shell is None:
        try:
            from IPython import get_ipython
        except ImportError:
            return
        shell = get_ipython()
    if shell is not None:
        shell.set_custom_exc((NameError,), show_with_hint)


def load_ipython_extension(shell) -> None:
    """Called by IPython when a kernel loads this module as an extension."""
    register(shell)
