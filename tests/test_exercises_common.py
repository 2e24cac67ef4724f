"""Tests for the shared feedback of helpers.exercises."""

from helpers.exercises import feedback, not_answered


def test_feedback_praises_a_right_answer_and_hints_at_a_wrong_one(capsys):
    assert feedback(True, "Well done.", "Look again.") is True
    assert capsys.readouterr().out == "Correct! Well done.\n"
    assert feedback(False, "Well done.", "Look again.") is False
    assert capsys.readouterr().out == "Not yet. Hint: Look again.\n"


def test_an_unanswered_exercise_says_what_to_do_and_does_not_raise(capsys):
    assert not_answered("replace None with a number.") is False
    assert capsys.readouterr().out == "Not answered yet: replace None with a number.\n"
