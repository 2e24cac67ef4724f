"""Session-wide pytest setup for the unit tests and the notebooks (nbval)."""

from collections import defaultdict

_notebook_seconds = defaultdict(float)


def pytest_sessionstart(session):
    # On a fresh machine, matplotlib's first import builds its font cache and says so on stderr.
    # Build it here, before any notebook kernel starts, so that no notebook prints that message
    # (nbval would rightly fail a notebook that writes to stderr).
    import matplotlib.font_manager  # noqa: F401


def pytest_runtest_logreport(report):
    # nbval runs a notebook as one test per cell, "notebooks/NAME.ipynb::Cell N": add them up,
    # setup (the kernel's start) and teardown included.
    if ".ipynb::" in report.nodeid:
        _notebook_seconds[report.nodeid.split("::")[0]] += report.duration


def pytest_terminal_summary(terminalreporter):
    if _notebook_seconds:
        terminalreporter.section("time to execute each notebook")
        for notebook, seconds in sorted(_notebook_seconds.items()):
            terminalreporter.write_line(f"{seconds:6.1f} s  {notebook}")
        terminalreporter.write_line(f"{sum(_notebook_seconds.values()):6.1f} s  the whole series")
