"""Tests for the grading kit of helpers.exercises: feedback, parsers, mistake tables, the set checker."""

import json
from pathlib import Path

import numpy as np
import pytest
from IPython.core.interactiveshell import InteractiveShell

from helpers.exercises import (
    Verdict,
    as_labels,
    as_number,
    as_numbers,
    as_whole_number,
    close,
    grade_labels,
    hint_for,
    not_answered,
    right,
    shown,
    wrong,
)


def test_right_praises_wrong_hints_and_not_answered_says_what_to_do(capsys):
    assert right("Well done.").correct is True
    assert capsys.readouterr().out == "Correct! Well done.\n"
    assert wrong("Look again.").correct is False
    assert capsys.readouterr().out == "Not yet. Hint: Look again.\n"
    assert not_answered("replace None with a number.").correct is False
    assert capsys.readouterr().out == "Not answered yet: replace None with a number.\n"


def test_a_verdict_is_true_or_false_and_shows_nothing_in_a_notebook():
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
    for notebook in sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("*.ipynb")):
        for cell in json.loads(notebook.read_text())["cells"]:
            for output in cell.get("outputs", []):
                text = "".join(output.get("data", {}).get("text/plain", ""))
                assert text not in ("True", "False"), f"{notebook.name}: a cell shows a bare {text}"


def test_shown_quotes_an_answer_on_one_short_line_with_its_type():
    assert shown(3) == "3 (int)"
    assert shown("x" * 100) == "'" + "x" * 37 + "..." + "x" * 38 + "' (str)"
    assert shown(np.zeros((50, 50))).endswith("(ndarray)") and "\n" not in shown(np.zeros((50, 50)))
    assert shown(10**5000) == "a whole number of about 5001 digits (int)"
    assert len(shown(list(range(10**5)))) < 100


def test_shown_never_raises_even_for_an_object_whose_repr_does():
    class NoRepr:
        def __repr__(self):
            raise RuntimeError

    assert shown(NoRepr()).startswith("<NoRepr instance at ")
    assert shown([NoRepr()] * 3).startswith("[<NoRepr instance at ")


def test_as_numbers_reads_numbers_lists_and_arrays_and_refuses_the_rest():
    np.testing.assert_array_equal(as_numbers([[1, 2.5], [np.int64(3), np.float32(4)]]), [[1, 2.5], [3, 4]])
    assert as_numbers(np.arange(3)).dtype == np.float64 and as_numbers(7).shape == ()
    assert np.isnan(as_numbers([np.nan, 1])[0])  # NaN is a number; each check judges it
    np.testing.assert_array_equal(as_numbers([10**400, -(10**400)]), [np.inf, -np.inf])
    for answer in (None, "1", b"1", True, [1, True], [1j, 2], np.array([1j]), np.array([True]),
                   {"a": 1}, {1, 2}, [[1], 2], [1, None], list(range(10_001)), np.zeros(10_001),
                   np.zeros((1,) * 5)):
        assert as_numbers(answer) is None, shown(answer)


def test_a_number_is_one_real_number_or_a_one_element_array_never_a_list_or_a_bool():
    for answer in (2, 2.0, np.int64(2), np.float32(2.0), np.array(2.0), np.array([2])):
        assert as_number(answer) == 2.0 and as_whole_number(answer) == 2
    for answer in ([2], (2,), "2", True, np.bool_(True), np.array([1, 2]), None, 2j):
        assert as_number(answer) is None and as_whole_number(answer) is None
    for answer in (2.5, float("nan"), float("inf")):
        assert as_whole_number(answer) is None
    assert as_number(float("inf")) == float("inf") and as_number(10**400) == float("inf")
    assert as_whole_number(10**400) == 10**400  # a whole number, if an absurd one


def test_as_labels_reads_sets_lists_and_strings_and_explains_the_rest():
    for answer in ({"a", "C"}, ["A", "c"], ("c", "a"), "A, C", "ac", " a c "):
        assert as_labels(answer, "ABC") == ({"A", "C"}, None)
    assert as_labels({"A", "Z"}, "ABC") == (None, "the labels are A, B, C; got ['Z'] (list).")
    assert as_labels(42, "ABC") == (None, 'expected a set of labels such as {"A", "B"}; got 42 (int).')
    assert as_labels([1, 2], "ABC")[1].startswith('expected a set of labels such as {"A", "B"}: every label a string')


def test_close_compares_numbers_and_arrays_within_tolerances_and_anything_else_exactly():
    assert close(0.2004, 0.2, absolute=1e-3) and not close(0.202, 0.2, absolute=1e-3)
    assert close(2.1, 2.05, relative=0.03) and not close(2.2, 2.05, relative=0.03)
    assert close([0.1, 0.2], np.array([0.1, 0.2])) and not close([0.1], np.array([0.1, 0.2]))
    assert close((7, 5), (7, 5)) and not close((5, 7), (7, 5))
    assert not close(10**400, 3) and not close("3", 3)


def test_hint_for_picks_the_hint_of_the_matching_mistake_or_the_general_one():
    mistakes = {20: "the lines only", 24: "a bias missing"}
    assert hint_for(24, mistakes, "count again") == "a bias missing"
    assert hint_for(25, mistakes, "count again") == "count again"
    pairs = [(np.array([1.0, 2.0]), "not divided by N")]
    assert hint_for(np.array([1.001, 2.0]), pairs, "other", absolute=0.01) == "not divided by N"


def test_grade_labels_accepts_exactly_the_right_set_and_combines_both_hints(capsys):
    def grade(answer):
        return grade_labels(answer, "ABCD", frozenset("AC"), praise="A and C.",
                            chosen_wrongly=lambda labels: f"not {labels}.", missed=lambda n: f"{n} missing.",
                            closing="Try again.")

    assert grade("ca").correct is True and capsys.readouterr().out == "Correct! A and C.\n"
    assert grade({"A", "B"}).correct is False
    assert capsys.readouterr().out == "Not yet. Hint: not ['B']. 1 missing. Try again.\n"
    assert grade(set()).correct is False and capsys.readouterr().out == "Not yet. Hint: 2 missing. Try again.\n"


@pytest.mark.parametrize("answer", [{"A", "Z"}, 3, [1, 2]])
def test_grade_labels_explains_an_unreadable_answer(answer, capsys):
    assert grade_labels(answer, "AB", frozenset("A"), praise="", chosen_wrongly=str, missed=str).correct is False
    assert capsys.readouterr().out.startswith("Not yet. Hint: ")
