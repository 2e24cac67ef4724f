"""Automatic checks for the notebooks' exercises: one module per notebook.

Every check takes the student's answer, prints one line of feedback and returns True or False.
An unanswered exercise (the placeholder `None`) is not an error: the check says what to do, so
that running a notebook top to bottom never raises.
"""


def feedback(correct: bool, praise: str, hint: str) -> bool:
    """Print the verdict on an answer: the praise when it is right, the hint when it is not."""
    print(f"Correct! {praise}" if correct else f"Not yet. Hint: {hint}")
    return bool(correct)


def not_answered(what: str) -> bool:
    """The feedback for an exercise still holding its placeholder `None`."""
    print(f"Not answered yet: {what}")
    return False


def describe(value) -> str:
    """A student's answer, shortened, with its type: for hints that say what was given."""
    text = repr(value)
    text = text if len(text) <= 40 else text[:37] + "..."
    return f"{text} ({type(value).__name__})"


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
