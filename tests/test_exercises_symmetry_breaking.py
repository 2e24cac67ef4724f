"""Tests for the exercise checks of notebook 04 · Symmetry breaking."""

import numpy as np
import pytest

import helpers
from helpers.data import logic_gate
from helpers.exercises import symmetry_breaking as ex


def constant_start():
    return helpers.init_params(2, 4, 1, init="constant", value=0.5)


# --- exercise 1 ----------------------------------------------------------------------------------

@pytest.mark.parametrize("answer", [1, 1.0, np.int64(1)])
def test_constant_count_accepts_one_in_any_numeric_form(answer, capsys):
    assert ex.check_constant_count(answer).correct is True
    assert capsys.readouterr().out.startswith("Correct! All six neurons start identical")


def test_constant_count_answers_six_with_a_hint_about_the_update(capsys):
    assert ex.check_constant_count(6).correct is False
    out = capsys.readouterr().out
    assert out.startswith("Not yet. Hint: 6 would mean every neuron ended up different.")


@pytest.mark.parametrize("answer", [0, 7, 2.5, -1])
def test_constant_count_says_the_possible_range_for_impossible_counts(answer, capsys):
    assert ex.check_constant_count(answer).correct is False
    assert "a whole number from 1 to 6" in capsys.readouterr().out


@pytest.mark.parametrize("answer", [2, 3, 5])
def test_constant_count_hints_that_nothing_can_split_the_neurons(answer, capsys):
    assert ex.check_constant_count(answer).correct is False
    assert "Every neuron starts with the same numbers" in capsys.readouterr().out


# --- exercise 2 ----------------------------------------------------------------------------------

@pytest.mark.parametrize("name, index", [("W2", (2, 0)), ("W1", (1, 3)), ("b1", (0,))])
def test_symmetry_breaker_accepts_one_changed_number_of_one_neuron(name, index, capsys):
    params = constant_start()
    params[name][index] += 0.1
    assert ex.check_symmetry_breaker(params).correct is True
    out = capsys.readouterr().out
    assert out.startswith("Correct! After training, 2 of the 4 hidden neurons are distinct; "
                          "you changed 1 of the 17 numbers of `start`.")
    assert "The neurons you left alike stayed alike" in out


def test_symmetry_breaker_accepts_a_random_start(capsys):
    assert ex.check_symmetry_breaker(helpers.init_params(2, 4, 1, seed=3)).correct is True
    out = capsys.readouterr().out
    assert out.startswith("Correct! After training, 4 of the 4 hidden neurons are distinct")
    assert "stayed alike" not in out


def test_symmetry_breaker_rejects_the_unchanged_constant_start(capsys):
    assert ex.check_symmetry_breaker(constant_start()).correct is False
    assert capsys.readouterr().out.startswith("Not yet. Hint: this is still the constant start.")


@pytest.mark.parametrize("change", ["b2", "every W1"])
def test_symmetry_breaker_rejects_changes_shared_by_every_neuron(change, capsys):
    params = constant_start()
    if change == "b2":
        params["b2"][0] = 0.3
    else:
        params["W1"][:] = 0.2
    assert ex.check_symmetry_breaker(params).correct is False
    out = capsys.readouterr().out
    assert out.startswith("Not yet. Hint: every neuron still starts with the same")
    assert "a single entry of W2 is enough" in out


def test_symmetry_breaker_says_when_the_change_is_too_small_to_count(capsys):
    params = constant_start()
    params["W2"][0, 0] += 1e-14
    assert ex.check_symmetry_breaker(params).correct is False
    assert "by so little" in capsys.readouterr().out


@pytest.mark.parametrize("answer, expected", [
    (42, "expected a params dict like `start`"),
    ({"W1": np.zeros((2, 4))}, "missing"),
    (helpers.init_params(2, 3, 1, init="constant"), "expected the shapes of a 2-4-1 network"),
    (helpers.init_params(3, 4, 1, init="constant"), "expected the shapes of a 2-4-1 network"),
    ({"W1": "abc", "b1": np.zeros(4), "W2": np.zeros((4, 1)), "b2": np.zeros(1)}, "array of numbers"),
])
def test_symmetry_breaker_explains_wrong_types_and_shapes(answer, expected, capsys):
    assert ex.check_symmetry_breaker(answer).correct is False
    out = capsys.readouterr().out
    assert out.startswith("Not yet. Hint: ")
    assert expected in out


def test_symmetry_breaker_refuses_huge_weights_instead_of_overflowing(capsys):
    params = constant_start()
    params["W1"][0, 0] = 1e308
    assert ex.check_symmetry_breaker(params).correct is False
    assert capsys.readouterr().out == ("Not yet. Hint: keep every starting number between -100 and 100 "
                                       "(the smallest change is a small one); got 1e+308.\n")


def test_symmetry_breaker_does_not_change_the_students_arrays():
    params = constant_start()
    params["W2"][0, 0] = 0.6
    before = {name: array.copy() for name, array in params.items()}
    ex.check_symmetry_breaker(params)
    for name in before:
        np.testing.assert_array_equal(params[name], before[name])


# --- exercise 3 ----------------------------------------------------------------------------------

def test_candidate_inits_are_2_4_1_networks_and_only_c_e_f_break_the_symmetry():
    X, Y = logic_gate("xor")
    candidates = ex.candidate_inits()
    assert sorted(candidates) == ["A", "B", "C", "D", "E", "F"]
    breakers = set()
    for label, params in candidates.items():
        assert params["W1"].shape == (2, 4) and params["W2"].shape == (4, 1)
        trained = helpers.train(X, Y, params, learning_rate=1.0, epochs=500)
        if helpers.count_distinct_neurons(trained.params) > 1:
            breakers.add(label)
    assert breakers == ex._answer_key()["check_which_break"] == {"C", "E", "F"}


@pytest.mark.parametrize("answer", [{"C", "E", "F"}, ["f", "e", "c"], ("C", "E", "F"),
                                    frozenset("CEF"), "C, E, F", "cef", {" C", "E ", "F"}])
def test_which_break_accepts_the_right_set_in_any_form(answer, capsys):
    assert ex.check_which_break(answer).correct is True
    assert capsys.readouterr().out.startswith("Correct! C, E and F")


def test_which_break_hints_at_an_identical_start_included(capsys):
    assert ex.check_which_break({"C", "D", "E", "F"}).correct is False
    out = capsys.readouterr().out
    assert "at least one of your labels starts with all four neurons identical" in out
    assert "you missed" not in out


def test_which_break_hints_at_a_missed_breaker(capsys):
    assert ex.check_which_break({"C"}).correct is False
    out = capsys.readouterr().out
    assert "you missed at least one" in out
    assert "starts with all four neurons identical" not in out


def test_which_break_treats_the_empty_set_as_missing_every_breaker(capsys):
    assert ex.check_which_break(set()).correct is False
    assert "you missed at least one" in capsys.readouterr().out


def test_which_break_gives_both_hints_when_both_are_wrong(capsys):
    assert ex.check_which_break({"A", "C"}).correct is False
    out = capsys.readouterr().out
    assert "starts with all four neurons identical" in out and "you missed at least one" in out


@pytest.mark.parametrize("answer, expected", [
    ({"C", "G"}, "the labels are A, B, C, D, E, F; got ['G'] (list)"),
    (3, "expected a set of labels"),
    ({1, 2}, "every label a string"),
    ({"A": 1}, "expected a set of labels"),
])
def test_which_break_explains_unknown_labels_and_wrong_types(answer, expected, capsys):
    assert ex.check_which_break(answer).correct is False
    out = capsys.readouterr().out
    assert out.startswith("Not yet. Hint: ")
    assert expected in out
