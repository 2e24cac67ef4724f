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
