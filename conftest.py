"""Session-wide pytest setup for the unit tests and the notebooks (nbval)."""


def pytest_sessionstart(session):
    # On a fresh machine, matplotlib's first import builds its font cache and says so on stderr.
    # Build it here, before any notebook kernel starts, so that no notebook prints that message
    # (nbval would rightly fail a notebook that writes to stderr).
    import matplotlib.font_manager  # noqa: F401
