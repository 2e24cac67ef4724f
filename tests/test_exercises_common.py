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


def test_describe_shortens_an_answer_and_names_its_type():
    from helpers.exercises import describe
    assert describe(3) == "3 (int)"
    assert describe("x" * 100) == "'" + "x" * 36 + "... (str)"


def test_as_labels_reads_sets_lists_and_strings_and_explains_the_rest():
    from helpers.exercises import as_labels
    for answer in ({"a", "C"}, ["A", "c"], ("c", "a"), "A, C", "ac", " a c "):
        assert as_labels(answer, "ABC") == ({"A", "C"}, None)
    assert as_labels({"A", "Z"}, "ABC") == (None, "the labels are A, B, C; got 'Z'.")
    assert as_labels(42, "ABC") == (None, 'expected a set of labels such as {"A", "B"}; got 42 (int).')
    assert as_labels([1, 2], "ABC")[1].startswith('expected a set of labels such as {"A", "B"}: every label a string')
