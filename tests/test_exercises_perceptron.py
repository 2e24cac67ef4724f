"""Tests for helpers.exercises.perceptron: the checks of notebook 01's exercises."""

import numpy as np
import pytest

import helpers
from helpers.data import logic_gate
from helpers.exercises import perceptron as ex

# --- Exercise 1: NAND --------------------------------------------------------------------------------

@pytest.mark.parametrize("weights, bias", [
    ([-1, -1], 1.5),
    (np.array([-2.0, -3.0]), 4.0),
    ((-0.1, -0.1), 0.15),
    ([-1, -2], np.float64(2.5)),
])
def test_nand_accepts_any_weights_that_compute_nand(weights, bias, capsys):
    assert ex.check_nand(weights, bias).correct is True
    out = capsys.readouterr().out
    assert out.startswith("Correct! w1 = ") and "outputs 1, 1, 1, 0" in out


def test_nand_rejects_and_and_names_every_wrong_row(capsys):
    assert ex.check_nand([1, 1], -1.5).correct is False
    assert capsys.readouterr().out.startswith(
        "Not yet. Hint: with w1 = 1, w2 = 1, b = -1.5, (0, 0) gives 0 instead of 1; (0, 1) gives 0 "
        "instead of 1; (1, 0) gives 0 instead of 1; (1, 1) gives 1 instead of 0. NAND is NOT AND: take an "
        "AND perceptron and flip the sign of all three numbers")


def learnt_and():
    """The AND perceptron the notebook learns: w = (2, 1), b = -2, whose line passes through (1, 0)."""
    X, Y = logic_gate("and")
    result = helpers.perceptron_train(X, Y)
    assert (list(result.weights), result.bias) == ([2.0, 1.0], -2.0)
    return result.weights, result.bias


def test_nand_hint_followed_on_the_notebooks_learnt_and_gives_a_nand(capsys):
    weights, bias = learnt_and()
    # flipping every sign alone leaves (1, 0) on the line, where the output is 0, not NAND's 1
    assert ex.check_nand(-weights, -bias).correct is False
    out = capsys.readouterr().out
    assert "(1, 0) gives 0 instead of 1" in out
    assert "lower its bias a little first" in out  # the hint's remedy for a line through a point
    assert "Note: (1, 0) lies exactly on your line" in out and "Raise b a little" in out
    # what the hint says, done: lower the AND bias a little, then flip all three signs
    assert ex.check_nand(-weights, -(bias - 0.1)).correct is True
    capsys.readouterr()


@pytest.mark.parametrize("weights, bias, message", [
    ([1, 2, 3], 0.0, "weights must be two numbers like [1.0, -2.0], one per input; got [1, 2, 3] (list)."),
    ("ab", 0.0, "weights must be two numbers like [1.0, -2.0], one per input; got 'ab' (str)."),
    (["1", "2"], 0.0, "weights must be two numbers"),
    ([1j, 2], 0.0, "weights must be two numbers"),
    ([1, [2, 3]], 0.0, "weights must be two numbers"),
    ([True, False], 0.0, "weights must be two numbers"),
    ([1, 2], "0", "bias must be one number like 0.5; got '0' (str)."),
    ([1, 2], [0.5], "bias must be one number like 0.5; got [0.5] (list)."),
    ([np.nan, 2], 0.0, "weights and bias must be finite numbers"),
    ([1, 2], float("inf"), "weights and bias must be finite numbers"),
])
def test_nand_says_what_it_expects_instead_of_crashing(weights, bias, message, capsys):
    assert ex.check_nand(weights, bias).correct is False
    out = capsys.readouterr().out
    assert out.startswith("Not yet. Hint: ") and message in out


# --- Exercise 2: epochs on OR --------------------------------------------------------------------------

def test_or_epochs_counts_the_final_mistake_free_epoch():
    # 4 is what notebook 01 shows (OR in 4 epochs, mistakes 1, 2, 1, 0)
    assert ex._answer_key() == {"check_or_epochs": (4, 4)}


@pytest.mark.parametrize("answer", [(4, 4), [4, 4], np.array([4, 4]), (4.0, 4.0)])
def test_or_epochs_accepts_4_and_4(answer, capsys):
    assert ex.check_or_epochs(answer).correct is True
    assert capsys.readouterr().out.startswith("Correct! 4 epochs either way.")


def test_or_epochs_reminds_to_count_the_mistake_free_epoch(capsys):
    assert ex.check_or_epochs((3, 3)).correct is False
    assert "count that one too (len(errors))" in capsys.readouterr().out


def test_or_epochs_points_to_the_experiment_for_another_first_number(capsys):
    assert ex.check_or_epochs((6, 6)).correct is False
    assert "run helpers.perceptron_train(X, Y, learning_rate=1.0)" in capsys.readouterr().out


def test_or_epochs_asks_to_think_about_the_smaller_learning_rate(capsys):
    assert ex.check_or_epochs((4, 40)).correct is False
    out = capsys.readouterr().out
    assert out.startswith("Not yet. Hint: your first number is right.")
    assert "Does a smaller step change the sign of w·x + b?" in out


@pytest.mark.parametrize("answer", [4, "4, 4", (4, 4, 4), (4, 4.5), (4, None), (4, float("nan"))])
def test_or_epochs_asks_for_two_whole_numbers(answer, capsys):
    assert ex.check_or_epochs(answer).correct is False
    assert capsys.readouterr().out.startswith("Not yet. Hint: expected two whole numbers like (7, 3); got ")


# --- Exercise 3: the best a line can do on XOR --------------------------------------------------------

def test_xor_attempt_accepts_three_right_and_names_the_point_missed(capsys):
    assert ex.check_xor_attempt([1, 1], -0.5).correct is True  # OR: wrong only on (1, 1)
    assert capsys.readouterr().out == (
        "Correct! 3 of 4 right, the best any line can do. The one it misses: (1, 1): XOR is 0 but "
        "w·x + b = 1.5 gives 1, breaking w1 + w2 + b ≤ 0. Fix that condition and, as the proof shows, "
        "another one breaks.\n")


@pytest.mark.parametrize("weights, bias, missed", [
    ([-1, -1], 1.5, "(0, 0): XOR is 0 but w·x + b = 1.5 gives 1, breaking b ≤ 0"),   # NAND
    ([1, -1], -0.5, "(0, 1): XOR is 1 but w·x + b = -1.5 gives 0, breaking w2 + b > 0"),
    ([-1, 1], -0.5, "(1, 0): XOR is 1 but w·x + b = -1.5 gives 0, breaking w1 + b > 0"),
])
def test_xor_attempt_names_the_broken_condition_whichever_point_is_missed(weights, bias, missed, capsys):
    assert ex.check_xor_attempt(weights, bias).correct is True
    assert missed in capsys.readouterr().out


@pytest.mark.parametrize("weights, bias, n_right", [([1, 1], -1.5, 1), ([0, 0], 0, 2), ([-1, -1], 0.5, 1)])
def test_xor_attempt_rejects_worse_lines_with_the_points_they_miss(weights, bias, n_right, capsys):
    assert ex.check_xor_attempt(weights, bias).correct is False
    out = capsys.readouterr().out
    assert out.startswith(f"Not yet. Hint: your perceptron gets {n_right} of 4 right. Wrong: ")
    assert "start from weights that compute OR" in out


def test_no_weights_on_a_fine_grid_get_all_four_xor_points_right(capsys):
    values = np.linspace(-2, 2, 9)
    for w1 in values:
        for w2 in values:
            for b in values:
                ex.check_xor_attempt([w1, w2], b)
                assert "all 4 right" not in capsys.readouterr().out


