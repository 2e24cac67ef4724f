"""Tests for the shared feedback of helpers.exercises."""

from helpers.exercises import feedback, not_answered


def test_feedback_praises_a_right_answer_and_hints_at_a_wrong_one(capsys):
    assert feedback(True, "Well done.", "Look again.").correct is True
    assert capsys.readouterr().out == "Correct! Well done.\n"
    assert feedback(False, "Well done.", "Look again.").correct is False
    assert capsys.readouterr().out == "Not yet. Hint: Look again.\n"


def test_an_unanswered_exercise_says_what_to_do_and_does_not_raise(capsys):
    assert not_answered("replace None with a number.").correct is False
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


def test_as_numbers_reads_numbers_lists_and_arrays_and_refuses_the_rest():
    import numpy as np

    from helpers.exercises import as_numbers
    np.testing.assert_array_equal(as_numbers([[1, 2.5], [np.int64(3), np.float32(4)]]), [[1, 2.5], [3, 4]])
    assert as_numbers(np.arange(3)).dtype == np.float64 and as_numbers(7).shape == ()
    assert np.isnan(as_numbers([np.nan, 1])[0])  # NaN is a number; each check judges it
    for answer in (None, "1", b"1", True, [1, True], [1j, 2], np.array([1j]), np.array([True]),
                   {"a": 1}, {1, 2}, [[1], 2], [1, None]):
        assert as_numbers(answer) is None, answer


def test_a_number_is_one_real_number_or_a_one_element_array_never_a_list_or_a_bool():
    import numpy as np

    from helpers.exercises import as_number, as_whole_number
    for answer in (2, 2.0, np.int64(2), np.float32(2.0), np.array(2.0), np.array([2])):
        assert as_number(answer) == 2.0 and as_whole_number(answer) == 2
    for answer in ([2], (2,), "2", True, np.bool_(True), np.array([1, 2]), None, 2j):
        assert as_number(answer) is None and as_whole_number(answer) is None
    for answer in (2.5, float("nan"), float("inf")):
        assert as_whole_number(answer) is None
    assert as_number(float("inf")) == float("inf")



def test_a_verdict_is_true_or_false_and_shows_nothing_in_a_notebook():
    from IPython.core.interactiveshell import InteractiveShell

    from helpers.exercises import Verdict
    assert bool(Verdict(True)) is True and bool(Verdict(False)) is False
    assert repr(Verdict(False)) == "Verdict(correct=False)"
    shell = InteractiveShell.instance()
    try:
        # what a cell's last value shows: nothing for a Verdict, where a bool shows True
        assert shell.display_formatter.format(Verdict(True))[0] == {}
        assert shell.display_formatter.format(True)[0] == {"text/plain": "True"}
    finally:
        InteractiveShell.clear_instance()


def test_no_exercise_in_the_notebooks_shows_a_bare_true_or_false():
    import json
    from pathlib import Path

    for notebook in sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("*.ipynb")):
        for cell in json.loads(notebook.read_text())["cells"]:
            for output in cell.get("outputs", []):
                shown = "".join(output.get("data", {}).get("text/plain", ""))
                assert shown not in ("True", "False"), f"{notebook.name}: a cell shows a bare {shown}"
