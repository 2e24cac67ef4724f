"""Tests for helpers.exercises.perceptron: the checks of notebook 01's exercises."""

import numpy as np
import pytest

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
    assert capsys.readouterr().out == (
        "Not yet. Hint: with w1 = 1, w2 = 1, b = -1.5, (0, 0) gives 0 instead of 1; (0, 1) gives 0 "
        "instead of 1; (1, 0) gives 0 instead of 1; (1, 1) gives 1 instead of 0. NAND is NOT AND: take "
        "weights that compute AND and flip the sign of all three numbers.\n")


def test_nand_explains_a_point_lying_exactly_on_the_line(capsys):
    # minus the AND weights that the learning rule finds: (1, 0) lies on the line
    assert ex.check_nand([-2, -1], 2).correct is False
    out = capsys.readouterr().out
    assert "(1, 0) gives 0 instead of 1" in out
    assert "Note: (1, 0) lies exactly on your line (weighted sum 0)" in out


@pytest.mark.parametrize("weights, bias, message", [
    ([1, 2, 3], 0.0, "weights must be two numbers like [1.0, -2.0], one per input; got [1, 2, 3]."),
    ("ab", 0.0, "weights must be two numbers like [1.0, -2.0], one per input; got 'ab'."),
    (["1", "2"], 0.0, "weights must be two numbers"),
    ([1j, 2], 0.0, "weights must be two numbers"),
    (np.array([1j, 2]), 0.0, "weights must be two numbers"),
    ([1, [2, 3]], 0.0, "weights must be two numbers"),
    ([True, False], 0.0, "weights must be two numbers"),
    ([1, 2], "0", "bias must be one number like 0.5; got '0'."),
    ([1, 2], [0.5], "bias must be one number like 0.5; got [0.5]."),
    ([1, 2], True, "bias must be one number like 0.5; got True."),
    ([np.nan, 2], 0.0, "weights and bias must be finite numbers"),
    ([1, 2], float("inf"), "weights and bias must be finite numbers"),
])
def test_nand_says_what_it_expects_instead_of_crashing(weights, bias, message, capsys):
    assert ex.check_nand(weights, bias).correct is False
    out = capsys.readouterr().out
    assert out.startswith("Not yet. Hint: ") and message in out


@pytest.mark.parametrize("weights, bias", [(None, None), ([1, 1], None), (None, 0.5)])
def test_nand_unanswered_does_not_raise(weights, bias, capsys):
    assert ex.check_nand(weights, bias).correct is False
    assert capsys.readouterr().out == (
        "Not answered yet: replace both None with numbers: weights = [w1, w2] and bias = b.\n")


# --- Exercise 2: epochs on OR --------------------------------------------------------------------------

def test_or_epochs_counts_the_final_mistake_free_epoch():
    assert ex.or_epochs(1.0) == 4 and ex.or_epochs(0.1) == 4


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
def test_or_epochs_says_what_it_expects_instead_of_crashing(answer, capsys):
    assert ex.check_or_epochs(answer).correct is False
    assert capsys.readouterr().out == f"Not yet. Hint: expected two whole numbers like (7, 3); got {answer!r}.\n"


def test_or_epochs_unanswered_does_not_raise(capsys):
    assert ex.check_or_epochs(None).correct is False
    assert capsys.readouterr().out.startswith("Not answered yet: replace None with two whole numbers")


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


@pytest.mark.parametrize("weights, bias", [([1], 0.0), ([1, 2], "b"), ({"w1": 1}, 0.0)])
def test_xor_attempt_says_what_it_expects_instead_of_crashing(weights, bias, capsys):
    assert ex.check_xor_attempt(weights, bias).correct is False
    out = capsys.readouterr().out
    assert out.startswith("Not yet. Hint: ") and ("weights must be" in out or "bias must be" in out)


def test_xor_attempt_unanswered_does_not_raise(capsys):
    assert ex.check_xor_attempt(None, None).correct is False
    assert capsys.readouterr().out.startswith("Not answered yet: replace both None")
