"""Automatic checks for the notebooks' exercises: one module per notebook.

Every check takes the student's answer, prints one line of feedback and returns a Verdict:
truthy when the answer is right, and invisible in a notebook, so that a student reads the
feedback and not a bare True or False under it. A check never raises: an unanswered exercise
(the placeholder `None`), an answer of another type, a huge or strange answer all get a line
that says what to do.

The grading kit below is what every check is written with:

    right(praise), wrong(hint), not_answered(what)     the three kinds of feedback
    answer_check(unanswered)                          the decorator that makes a function a check
    shown(answer)                                     an answer, shortened, for a hint that quotes it
    as_number, as_whole_number, as_numbers, as_labels  the parsers: "a number" means the same everywhere
    close(value, target, ...)                         the one tolerance test
    hint_for(value, mistakes, otherwise, ...)         a table of common wrong answers -> their hints
    grade_labels(...)                                 the set checker ("which of A-F ...?")

The right answers are never written in a docstring or a public name: each module computes them
in private functions, so that help(), tab completion and Shift-Tab show the question only.
"""

import functools
import math
import numbers
import reprlib
from collections.abc import Callable

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


# --- the three kinds of feedback ---------------------------------------------------------------

def right(praise: str) -> Verdict:
    """Print "Correct!" and why; the Verdict is truthy."""
    print(f"Correct! {praise}")
    return Verdict(True)


def wrong(hint: str) -> Verdict:
    """Print "Not yet." and a hint; the Verdict is falsy."""
    print(f"Not yet. Hint: {hint}")
    return Verdict(False)


def not_answered(what: str) -> Verdict:
    """The feedback for an exercise still holding its placeholder `None`; the Verdict is falsy."""
    print(f"Not answered yet: {what}")
    return Verdict(False)


def answer_check(unanswered: str) -> Callable:
    """Make a function a check: `@answer_check(unanswered="replace None with ...")`.

    While an argument still holds the placeholder None, the check prints "Not answered yet:" and
    `unanswered`. Each check handles the answers it can foresee itself; anything unforeseen
    becomes a hint too, so that a student running a notebook top to bottom never meets a
    traceback from a check.
    """
    def decorate(check: Callable[..., Verdict]) -> Callable[..., Verdict]:
        @functools.wraps(check)
        def safe_check(*args, **kwargs) -> Verdict:
            if any(argument is None for argument in (*args, *kwargs.values())):
                return not_answered(unanswered)
            try:
                return check(*args, **kwargs)
            except Exception as error:  # noqa: BLE001 - a check must never raise into a notebook
                return wrong(f"this answer could not be read ({type(error).__name__}). Give it in the form "
                             "the exercise asks for.")
        return safe_check
    return decorate


# --- quoting an answer -------------------------------------------------------------------------

SHOWN_LENGTH = 80  # at most this many characters of an answer are quoted back

_repr = reprlib.Repr()
_repr.maxlevel, _repr.maxlist, _repr.maxtuple, _repr.maxset, _repr.maxdict = 3, 6, 6, 6, 4
_repr.maxstring, _repr.maxother = SHOWN_LENGTH, SHOWN_LENGTH


def shown(answer, with_type: bool = True) -> str:
    """The answer as a hint quotes it: its repr, cut to about SHOWN_LENGTH characters, and its type
    (unless with_type is False). Never raises, even for objects whose repr does."""
    kind = type(answer).__name__[:40]
    if isinstance(answer, int) and not isinstance(answer, bool) and abs(answer) >= 10 ** 40:
        text = f"a whole number of about {int(answer.bit_length() * math.log10(2)) + 1} digits"
        return f"{text} ({kind})" if with_type else text
    try:
        text = _repr.repr(answer)
    except Exception:  # noqa: BLE001 - an object whose repr raises
        text = "an object that cannot be shown"
    text = " ".join(text.split())  # one line
    if len(text) > SHOWN_LENGTH:
        text = text[:SHOWN_LENGTH - 3] + "..."
    return f"{text} ({kind})" if with_type else text


# --- the parsers -------------------------------------------------------------------------------

MAX_NUMBERS = 10_000  # no answer needs more numbers or more dimensions than these;
MAX_DIMENSIONS = 4    # larger ones are refused before they are read


def _is_real(entry) -> bool:
    return isinstance(entry, numbers.Real) and not isinstance(entry, (bool, np.bool_))


def _to_float(entry) -> float:
    """float(entry), with whole numbers too large for a float (10**400) read as +-infinity."""
    try:
        return float(entry)
    except OverflowError:
        return math.inf if entry > 0 else -math.inf


def as_numbers(answer) -> np.ndarray | None:
    """The answer as a float64 array if it is made of real numbers only: one number, a list or
    tuple of them (nested or not), or a numpy array of integers or floats. None for anything
    else: strings, bools, complex numbers, None, dicts, sets, ragged lists, more than
    MAX_NUMBERS entries or MAX_DIMENSIONS dimensions. NaN and infinity are numbers here; each
    check says what it thinks of them (a whole number too large for a float, such as 10**400,
    reads as infinity)."""
    if isinstance(answer, np.ndarray):
        if answer.dtype.kind not in "iuf" or answer.size > MAX_NUMBERS or answer.ndim > MAX_DIMENSIONS:
            return None
        with np.errstate(all="ignore"):  # a long double beyond float64 becomes infinity
            return answer.astype(np.float64)
    if isinstance(answer, (str, bytes, dict, set, frozenset)):
        return None
    if isinstance(answer, (list, tuple)) and len(answer) > MAX_NUMBERS:
        return None
    try:
        entries = np.asarray(answer, dtype=object)
    except Exception:  # noqa: BLE001 - ragged lists, objects numpy cannot read
        return None
    if entries.size > MAX_NUMBERS or entries.ndim > MAX_DIMENSIONS:
        return None
    if not all(_is_real(entry) for entry in entries.flat):
        return None
    try:
        return np.array([_to_float(entry) for entry in entries.flat], dtype=np.float64).reshape(entries.shape)
    except Exception:  # noqa: BLE001 - a number type whose float() fails
        return None


def as_number(answer) -> float | None:
    """The answer as a float if it is one real number: an int or a float (numpy's too), or a numpy
    array holding exactly one. None for anything else, lists and bools included."""
    if isinstance(answer, np.ndarray):
        array = as_numbers(answer)
        return None if array is None or array.size != 1 else float(array.reshape(()))
    if not _is_real(answer):
        return None
    try:
        return _to_float(answer)
    except Exception:  # noqa: BLE001 - a number type whose float() fails
        return None


def as_whole_number(answer) -> int | None:
    """The answer as an int if it is one whole number (3, 3.0, np.int64(3), np.array([3])), else None."""
    if isinstance(answer, numbers.Integral) and _is_real(answer):
        return int(answer)
    value = as_number(answer)
    if value is None or not math.isfinite(value) or not value.is_integer():
        return None
    return int(value)


def count_problem(answer, n_hidden: int, example: int) -> str | None:
    """What is wrong with `answer` as a prediction of count_distinct_neurons for `n_hidden` hidden
    neurons (a hint that names `example` as the form to use), or None when it is such a count."""
    value = as_number(answer)
    if value is None:
        return f"expected a whole number such as {example}; got {shown(answer)}."
    if not value.is_integer() or not 1 <= value <= n_hidden:
        return (f"count_distinct_neurons counts groups of identical neurons, so for {n_hidden} hidden neurons "
                f"it is a whole number from 1 to {n_hidden}; got {shown(answer)}.")
    return None


def grade_count(answer, *, n_hidden: int, example: int, right_count: int, praise: str, mistakes: dict,
                otherwise: str) -> Verdict:
    """Grade a prediction of count_distinct_neurons for `n_hidden` hidden neurons: right when it is
    `right_count`, else the hint of `mistakes` for that value (a table {wrong count: hint}) or
    `otherwise`."""
    problem = count_problem(answer, n_hidden, example)
    if problem:
        return wrong(problem)
    value = as_number(answer)
    if value == right_count:
        return right(praise)
    return wrong(hint_for(value, mistakes, otherwise))


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
        return None, f"expected {expected}; got {shown(answer)}."
    if not all(isinstance(item, str) for item in items):
        return None, f"expected {expected}: every label a string; got {shown(answer)}."
    labels = {item.strip().upper() for item in items}
    unknown = sorted(labels - set(allowed))
    if unknown:
        return None, f"the labels are {', '.join(allowed)}; got {shown(unknown)}."
    return labels, None


# --- comparing an answer with the right one and with common mistakes ---------------------------

def close(value, target, *, relative: float = 0.0, absolute: float = 0.0) -> bool:
    """Whether `value` equals `target` within the tolerances (numbers or arrays of one shape);
    exact equality for anything else (tuples, strings)."""
    if isinstance(target, numbers.Real) or isinstance(target, np.ndarray):
        values, targets = as_numbers(value), np.asarray(target, dtype=np.float64)
        return (values is not None and values.shape == targets.shape
                and bool(np.allclose(values, targets, rtol=relative, atol=absolute)))
    return value == target


def hint_for(value, mistakes, otherwise: str, *, relative: float = 0.0, absolute: float = 0.0) -> str:
    """The hint for a wrong answer: that of the first common mistake `value` matches (see close),
    else `otherwise`. `mistakes` is a dict, or a list of (mistaken answer, hint) pairs when the
    mistaken answers are arrays."""
    pairs = mistakes.items() if isinstance(mistakes, dict) else mistakes
    for mistake, hint in pairs:
        if close(value, mistake, relative=relative, absolute=absolute):
            return hint
    return otherwise


def grade_labels(answer, allowed, right_labels: frozenset, *, praise: str,
                 chosen_wrongly: Callable[[list], str], missed: Callable[[int], str],
                 closing: str = "") -> Verdict:
    """The set checker of the "which of these ...?" exercises.

    Right when the answer names exactly `right_labels` (in any container or spelling as_labels
    reads). Otherwise the hint is chosen_wrongly(the labels wrongly chosen, sorted), then
    missed(how many right labels are missing), each only if it applies, then `closing`.
    """
    labels, problem = as_labels(answer, allowed)
    if problem:
        return wrong(problem)
    if labels == right_labels:
        return right(praise)
    hints = []
    if labels - right_labels:
        hints.append(chosen_wrongly(sorted(labels - right_labels)))
    if right_labels - labels:
        hints.append(missed(len(right_labels - labels)))
    return wrong(" ".join(hints + ([closing] if closing else [])))
