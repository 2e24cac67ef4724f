"""Automatic checks for the notebooks' exercises: one module per notebook.

Every check takes the student's answer, prints one line of feedback and returns a Verdict: true
when the answer is right (the tests use it), and invisible in a notebook, so that a student sees
the feedback and not a bare True or False under it.
An unanswered exercise (the placeholder `None`) is not an error: the check says what to do, so
that running a notebook top to bottom never raises.

Every check reads its answer with the parsers below (as_numbers, as_number, as_whole_number,
as_labels), so that "a number" means the same thing in every notebook.
"""

import math
import numbers

import numpy as np


class Verdict:
    """Whether an answer is right: `if verdict:` or `verdict.correct` (a bool).

    A check prints its feedback itself; as the last line of a cell its Verdict then shows
    nothing more (IPython calls _ipython_display_, which draws nothing).
    """

    def __init__(self, correct: bool):
        self.correct = bool(correct)

    def __bool__(self) -> bool:
        return self.correct

    def __repr__(self) -> str:
        return f"Verdict(correct={self.correct})"

    def _ipython_display_(self) -> None:
        pass


def feedback(correct: bool, praise: str, hint: str) -> Verdict:
    """Print the verdict on an answer: the praise when it is right, the hint when it is not."""
    print(f"Correct! {praise}" if correct else f"Not yet. Hint: {hint}")
    return Verdict(correct)


def not_answered(what: str) -> Verdict:
    """The feedback for an exercise still holding its placeholder `None`."""
    print(f"Not answered yet: {what}")
    return Verdict(False)


def describe(value) -> str:
    """A student's answer, shortened, with its type: for hints that say what was given."""
    text = repr(value)
    text = text if len(text) <= 40 else text[:37] + "..."
    return f"{text} ({type(value).__name__})"


def as_numbers(answer) -> np.ndarray | None:
    """The answer as a float64 array if it is made of real numbers only: one number, a list or
    tuple of them (nested or not), or a numpy array of integers or floats. None for anything
    else: strings, bools, complex numbers, None, dicts, sets, ragged lists. NaN and infinity
    are numbers here; each check says what it thinks of them."""
    if isinstance(answer, np.ndarray):
        return answer.astype(np.float64) if answer.dtype.kind in "iuf" else None
    if isinstance(answer, (str, bytes, dict, set, frozenset)):
        return None
    try:
        entries = np.asarray(answer, dtype=object)
    except ValueError:  # e.g. lists of unequal lengths inside a list
        return None
    if not all(isinstance(entry, numbers.Real) and not isinstance(entry, (bool, np.bool_)) for entry in entries.flat):
        return None
    return entries.astype(np.float64)


def as_number(answer) -> float | None:
    """The answer as a float if it is one real number: an int or a float (numpy's too), or a numpy
    array holding exactly one. None for anything else, lists and bools included."""
    if isinstance(answer, np.ndarray):
        array = as_numbers(answer)
        return None if array is None or array.size != 1 else float(array.reshape(()))
    if isinstance(answer, (bool, np.bool_)) or not isinstance(answer, numbers.Real):
        return None
    return float(answer)


def as_whole_number(answer) -> int | None:
    """The answer as an int if it is one whole number (3, 3.0, np.int64(3), np.array([3])), else None."""
    value = as_number(answer)
    if value is None or not math.isfinite(value) or not value.is_integer():
        return None
    return int(value)


def as_labels(answer, allowed) -> tuple[set | None, str | None]:
    """Read an answer that names some of the labels in `allowed`: {"A", "C"}, ["a", "c"], "A, C"
    or "AC". Returns (the set of upper-case labels, None), or (None, what was expected)."""
    expected = 'a set of labels such as {"A", "B"}'
    if isinstance(answer, str):
        items = answer.replace(",", " ").split()
        if len(items) == 1 and len(items[0]) > 1:  # "ACD"
            items = list(items[0])
    elif isinstance(answer, (set, frozenset, list, tuple)):
        items = list(answer)
    else:
        return None, f"expected {expected}; got {describe(answer)}."
    if not all(isinstance(item, str) for item in items):
        return None, f"expected {expected}: every label a string; got {describe(answer)}."
    labels = {item.strip().upper() for item in items}
    unknown = sorted(labels - set(allowed))
    if unknown:
        return None, f"the labels are {', '.join(allowed)}; got {', '.join(repr(u) for u in unknown)}."
    return labels, None
