"""Tests for the exercise checks of notebook 05 · Beyond the textbook answer."""

import numpy as np
import pytest

import helpers
from helpers.data import logic_gate
from helpers.exercises import beyond_symmetry as ex

# --- exercise 1: which settings break the symmetry? ------------------------------------------------


def test_which_break_is_unanswered_for_the_placeholder(capsys):
    assert ex.check_which_break(None).correct is False
    assert capsys.readouterr().out.startswith("Not answered yet: ")


@pytest.mark.parametrize("answer", [{"A", "C", "D"}, ["d", "c", "a"], ("A", "C", "D"), frozenset("ACD"),
                                    "ACD", "A, C, D", "a c d"])
def test_which_break_accepts_the_three_breakers_in_any_form(answer, capsys):
    assert ex.check_which_break(answer).correct is True
    assert capsys.readouterr().out.startswith("Correct! A, C and D each give some neuron")


@pytest.mark.parametrize("label", ["B", "E", "F", "G"])
def test_which_break_explains_why_a_wrongly_chosen_setting_keeps_the_symmetry(label, capsys):
    assert ex.check_which_break({"A", "C", "D", label}).correct is False
    out = capsys.readouterr().out
    assert out.startswith(f"Not yet. Hint: {label} keeps it")
    assert "You missed" not in out


def test_which_break_counts_the_missed_breakers_without_naming_them(capsys):
    assert ex.check_which_break({"A"}).correct is False
    out = capsys.readouterr().out
    assert out.startswith("Not yet. Hint: You missed 2 settings that break it")
    assert ex.check_which_break({"A", "C"}).correct is False
    assert capsys.readouterr().out.startswith("Not yet. Hint: You missed 1 setting that breaks it")


def test_which_break_combines_both_kinds_of_hint(capsys):
    assert ex.check_which_break({"A", "B"}).correct is False
    out = capsys.readouterr().out
    assert "B keeps it" in out and "You missed 2 settings" in out


@pytest.mark.parametrize("answer", [3, {1, 2}, {"A", "Z"}, 3.5, {"A": 1}])
def test_which_break_rejects_other_answers_without_crashing(answer, capsys):
    assert ex.check_which_break(answer).correct is False
    out = capsys.readouterr().out
    assert out.startswith("Not yet. Hint: ")
    assert "set of labels" in out or "the labels are A, B, C, D, E, F, G" in out


def test_which_break_answer_matches_training():
    """The answer key is true of the real settings (2-4-1 on XOR from every weight 0.5)."""
    X, Y = logic_gate("xor")
    start = helpers.init_params(2, 4, 1, init="constant", value=0.5)
    nudged = {name: array.copy() for name, array in start.items()}
    nudged["W1"][0, 0] += 1e-8
    runs = {
        "A": dict(params=start, dropout=0.2),
        "B": dict(params=start, batch_size=1, shuffle_seed=0),
        "C": dict(init="constant", output_init="random", seed=0),
        "D": dict(params=nudged),
        "E": dict(params=start, learning_rate=10.0),
        "F": dict(params=start, activation="tanh"),
        "G": dict(params=start, epochs=2000),
    }
    breakers = set()
    for label, settings in runs.items():
        settings = {"learning_rate": 1.0, "epochs": 20, "record_every": 20, **settings}
        params = helpers.train(X, Y, 4, **settings).params
        if helpers.count_distinct_neurons(params) > 1:
            breakers.add(label)
    assert breakers == ex.CORRECT_BREAKERS


# --- exercise 2: neurons that share their outgoing weight -----------------------------------------

def test_shared_outgoing_count_is_unanswered_for_the_placeholder(capsys):
    assert ex.check_shared_outgoing_count(None).correct is False
    assert capsys.readouterr().out.startswith("Not answered yet: ")


@pytest.mark.parametrize("answer", [3, 3.0, np.int64(3), np.float64(3.0)])
def test_shared_outgoing_count_accepts_three_in_any_numeric_form(answer, capsys):
    assert ex.check_shared_outgoing_count(answer).correct is True
    assert capsys.readouterr().out.startswith("Correct! Neurons 1 and 3 start equal")


@pytest.mark.parametrize("answer, hint", [
    (1, "the outgoing weights are not all equal"),
    (5, "look at W2 again"),
    (2, "count the different values in W2"),
    (4, "count the different values in W2"),
    (0, "a whole number from 1 to 5"),
    (6, "a whole number from 1 to 5"),
    (2.5, "a whole number from 1 to 5"),
])
def test_shared_outgoing_count_hints_fit_the_wrong_answer(answer, hint, capsys):
    assert ex.check_shared_outgoing_count(answer).correct is False
    out = capsys.readouterr().out
    assert out.startswith("Not yet. Hint: ")
    assert hint in out


@pytest.mark.parametrize("answer", ["3", True, [3], {"count": 3}])
def test_shared_outgoing_count_rejects_other_types_without_crashing(answer, capsys):
    assert ex.check_shared_outgoing_count(answer).correct is False
    assert capsys.readouterr().out.startswith("Not yet. Hint: expected a whole number")


def test_shared_outgoing_count_answer_matches_training():
    X, Y = logic_gate("xor")
    start = helpers.init_params(2, 5, 1, init="constant", value=0.5)
    start["W2"] = np.array(ex.SHARED_OUTGOING_W2).reshape(-1, 1)
    trained = helpers.train(X, Y, 5, params=start, learning_rate=1.0, epochs=1000, record_every=1000)
    assert helpers.count_distinct_neurons(trained.params) == ex.CORRECT_COUNT


# --- exercise 3: the growth factor -----------------------------------------------------------------

def test_growth_factor_is_unanswered_for_the_placeholder(capsys):
    assert ex.check_growth_factor(None).correct is False
    assert capsys.readouterr().out.startswith("Not answered yet: ")


def test_growth_factor_key_is_the_tenth_root_of_the_ratio():
    assert ex.growth_factor() == pytest.approx((4.0e-12 / 3.0e-15) ** 0.1)
    assert ex.growth_factor() == pytest.approx(2.0535, abs=1e-4)


@pytest.mark.parametrize("answer", [2.0535, 2.05, 2.1, 2, np.float64(2.05), (4e-12 / 3e-15) ** (1 / 10)])
def test_growth_factor_accepts_the_factor_rounded_sensibly(answer, capsys):
    assert ex.check_growth_factor(answer).correct is True
    assert capsys.readouterr().out.startswith("Correct! The difference grew by 1333 times in 1000 epochs")


@pytest.mark.parametrize("answer, hint", [
    (1333.3, "that is the growth over all 1000 epochs"),
    (133.3, "growth multiplies, it does not add"),
    (4.22, "ten stretches of 100 epochs"),
    (0.3125, "logarithm"),
    (0.7197, "logarithm"),
    (0.487, "the factor is above 1"),
    (0.9, "above 1"),
    (3.0, "divide the later difference by the earlier one"),
])
def test_growth_factor_hints_fit_the_mistake(answer, hint, capsys):
    assert ex.check_growth_factor(answer).correct is False
    out = capsys.readouterr().out
    assert out.startswith("Not yet. Hint: ")
    assert hint in out


@pytest.mark.parametrize("answer", ["2.05", True, [2.05], float("nan"), float("inf")])
def test_growth_factor_rejects_other_types_without_crashing(answer, capsys):
    assert ex.check_growth_factor(answer).correct is False
    assert capsys.readouterr().out.startswith("Not yet. Hint: expected one number")
