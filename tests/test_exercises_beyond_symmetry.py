"""Tests for the exercise checks of notebook 05 · Beyond the textbook answer."""

import numpy as np
import pytest

import helpers
from helpers.data import logic_gate
from helpers.exercises import beyond_symmetry as ex

# --- exercise 1: which settings break the symmetry? ------------------------------------------------


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


def test_which_break_answer_matches_training():
    """The answer key is true of the real settings (2-4-1 on XOR from every weight 0.5)."""
    X, Y = logic_gate("xor")
    start = helpers.init_params(2, 4, 1, init="constant", value=0.5)
    nudged = {name: array.copy() for name, array in start.items()}
    nudged["W1"][0, 0] += 1e-8
    start_random_outgoing = helpers.init_params(2, 4, 1, init="constant", value=0.5, output_init="random", seed=0)
    plain, batched = helpers.train, helpers.train_in_batches
    runs = {
        "A": (batched, start, dict(batch_size=4, dropout=0.2)),
        "B": (batched, start, dict(batch_size=1, shuffle_seed=0)),
        "C": (plain, start_random_outgoing, {}),
        "D": (plain, nudged, {}),
        "E": (plain, start, dict(learning_rate=10.0)),
        "F": (plain, start, dict(activation="tanh")),
        "G": (plain, start, dict(epochs=2000)),
    }
    breakers = set()
    for label, (train, params, settings) in runs.items():
        settings = {"learning_rate": 1.0, "epochs": 20, "record_every": 20, **settings}
        if helpers.count_distinct_neurons(train(X, Y, params, **settings).params) > 1:
            breakers.add(label)
    assert breakers == ex._answer_key()["check_which_break"] == {"A", "C", "D"}


# --- exercise 2: neurons that share their outgoing weight -----------------------------------------

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


def test_shared_outgoing_count_answer_matches_training():
    X, Y = logic_gate("xor")
    start = helpers.init_params(2, 5, 1, init="constant", value=0.5)
    start["W2"] = np.array([[0.3], [-0.2], [0.3], [0.5], [-0.2]])  # the notebook's outgoing weights
    trained = helpers.train(X, Y, start, learning_rate=1.0, epochs=1000, record_every=1000)
    assert helpers.count_distinct_neurons(trained.params) == ex._answer_key()["check_shared_outgoing_count"] == 3


# --- exercise 3: the growth factor -----------------------------------------------------------------

def test_growth_factor_key_is_the_tenth_root_of_the_ratio():
    assert ex._answer_key()["check_growth_factor"] == pytest.approx((4.0e-12 / 3.0e-15) ** 0.1)
    assert ex._answer_key()["check_growth_factor"] == pytest.approx(2.0535, abs=1e-4)


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
