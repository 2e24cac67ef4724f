"""Tests for the exercise checks of notebook 06 · How big should the start be, and learning without
backpropagation."""

import numpy as np
import pytest

import helpers
from helpers.data import seven_samples
from helpers.exercises import scale_and_search as ex

# --- exercise 1: He's standard deviation ---------------------------------------------------------


def test_he_std_is_unanswered_for_the_placeholder(capsys):
    assert ex.check_he_std(None).correct is False
    assert capsys.readouterr().out.startswith("Not answered yet: ")


@pytest.mark.parametrize("answer", [0.2, np.sqrt(2 / 50), np.float32(0.2), np.array(0.2), np.array([0.2]),
                                    0.2004, 1 / 5])
def test_he_std_accepts_the_square_root_of_two_over_fifty_in_any_numeric_form(answer, capsys):
    assert ex.check_he_std(answer).correct is True
    assert capsys.readouterr().out.startswith("Correct! He's variance is 2 / n_in")


def test_he_std_says_that_the_variance_is_not_the_standard_deviation(capsys):
    assert ex.check_he_std(0.04).correct is False
    assert capsys.readouterr().out.startswith("Not yet. Hint: 0.04 is the variance 2 / n_in.")


def test_he_std_explains_the_factor_two_for_lecuns_rule(capsys):
    assert ex.check_he_std(np.sqrt(1 / 50)).correct is False
    assert "He doubles the variance" in capsys.readouterr().out
    assert ex.check_he_std(1 / 50).correct is False
    assert "1 / n_in is LeCun's variance" in capsys.readouterr().out


@pytest.mark.parametrize("answer", [0.5, 0.1, 1.0, 0.21])
def test_he_std_rejects_other_numbers_with_the_formula_as_hint(answer, capsys):
    assert ex.check_he_std(answer).correct is False
    assert capsys.readouterr().out.startswith("Not yet. Hint: He's variance is 2 / n_in with n_in = 50.")


def test_he_std_rejects_a_negative_number(capsys):
    assert ex.check_he_std(-0.2).correct is False
    assert "never negative" in capsys.readouterr().out


@pytest.mark.parametrize("answer", ["0.2", True, [0.2, 0.2], np.array([0.2, 0.2]), float("nan"), {"std": 0.2}])
def test_he_std_rejects_other_types_without_crashing(answer, capsys):
    assert ex.check_he_std(answer).correct is False
    assert capsys.readouterr().out.startswith("Not yet. Hint: expected one number")


# --- exercise 2: when does random search catch up? -----------------------------------------------

def independent_answer():
    # The same computation as the notebook's solution, written out here as the oracle.
    X, Y = seven_samples()
    start = helpers.init_params(2, 3, 1, seed=0)
    loss_after_100 = helpers.train(X, Y, 3, loss="mse", params=start, learning_rate=5.0, epochs=100).loss[100]
    search = helpers.random_search(X, Y, 3, n_tries=100_000, scale=3.0, seed=0, start=start)
    return int(np.flatnonzero(search.best_loss < loss_after_100)[0]) + 1


def test_tries_to_beat_backprop_is_unanswered_for_the_placeholder(capsys):
    assert ex.check_tries_to_beat_backprop(None).correct is False
    assert capsys.readouterr().out.startswith("Not answered yet: ")


def test_tries_to_beat_backprop_matches_an_independent_computation():
    right = independent_answer()
    assert ex.passes_to_beat_backprop() == right
    assert right > 1  # the start itself does not beat 100 epochs of training


@pytest.mark.parametrize("convert", [int, float, np.int64, lambda value: np.array([value])])
def test_tries_to_beat_backprop_accepts_the_one_based_count(convert, capsys):
    right = ex.passes_to_beat_backprop()
    assert ex.check_tries_to_beat_backprop(convert(right)).correct is True
    out = capsys.readouterr().out
    assert out.startswith(f"Correct! the search needs {right:,} forward passes")
    assert "301" in out


def test_tries_to_beat_backprop_explains_the_off_by_one_of_a_zero_based_index(capsys):
    assert ex.check_tries_to_beat_backprop(ex.passes_to_beat_backprop() - 1).correct is False
    assert capsys.readouterr().out.startswith("Not yet. Hint: off by one")


@pytest.mark.parametrize("offset", [1, 100, -50])
def test_tries_to_beat_backprop_rejects_other_counts_with_a_recipe(offset, capsys):
    assert ex.check_tries_to_beat_backprop(ex.passes_to_beat_backprop() + offset).correct is False
    assert capsys.readouterr().out.startswith("Not yet. Hint: take backprops[5.0].loss[100]")


@pytest.mark.parametrize("answer", [0, -5])
def test_tries_to_beat_backprop_rejects_counts_below_one(answer, capsys):
    assert ex.check_tries_to_beat_backprop(answer).correct is False
    assert "at least 1" in capsys.readouterr().out


@pytest.mark.parametrize("answer", ["718", 718.5, True, [718], float("inf")])
def test_tries_to_beat_backprop_rejects_other_types_without_crashing(answer, capsys):
    assert ex.check_tries_to_beat_backprop(answer).correct is False
    assert capsys.readouterr().out.startswith("Not yet. Hint: expected a whole number of forward passes")


# --- exercise 3: the verdict on the scaled rules -------------------------------------------------

def test_scaled_rule_verdict_is_unanswered_for_the_placeholder(capsys):
    assert ex.check_scaled_rule_verdict(None).correct is False
    assert capsys.readouterr().out.startswith("Not answered yet: ")


@pytest.mark.parametrize("answer", ["does not hold in general", "Does not hold in general.", "  does NOT hold ",
                                    '"does not hold in general"', "doesn't hold", "doesn\u2019t hold"])
def test_scaled_rule_verdict_accepts_does_not_hold_in_any_spelling(answer, capsys):
    assert ex.check_scaled_rule_verdict(answer).correct is True
    assert capsys.readouterr().out.startswith("Correct! Xavier and He are random rules")


@pytest.mark.parametrize("answer", ["holds", "holds with a caveat", "Holds with caveat"])
def test_scaled_rule_verdict_rejects_the_other_verdicts_with_the_constant_start_as_hint(answer, capsys):
    assert ex.check_scaled_rule_verdict(answer).correct is False
    out = capsys.readouterr().out
    assert out.startswith("Not yet. Hint: Xavier and He choose the standard deviation of a random draw.")
    assert "notebook 04" in out


@pytest.mark.parametrize("answer", ["maybe", "", 3, True, ["holds"]])
def test_scaled_rule_verdict_rejects_anything_else_without_crashing(answer, capsys):
    assert ex.check_scaled_rule_verdict(answer).correct is False
    assert capsys.readouterr().out.startswith('Not yet. Hint: expected one of the strings "holds"')


def test_a_constant_start_of_xavier_size_keeps_the_neurons_identical():
    # The fact behind exercise 3's verdict.
    X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
    Y = np.array([[0], [1], [1], [0]], dtype=float)
    start = helpers.init_params(2, 4, 1, init="constant", value=np.sqrt(2 / 6))
    trained = helpers.train(X, Y, 4, params=start, learning_rate=1.0, epochs=500, record_every=500)
    assert helpers.count_distinct_neurons(trained.params) == 1
