"""Tests for the exercise checks of notebook 02 · The hidden layer."""

import numpy as np
import pytest

from helpers import count_distinct_neurons
from helpers.exercises import hidden_layer as ex


def verdict(capsys, check, answer) -> tuple[bool, str]:
    """Run a check; return what it returned and the one line it printed."""
    result = check(answer)
    out = capsys.readouterr().out
    assert out.count("\n") == 1, out
    return result, out


# --- exercise 1: shape of X @ W1 ---------------------------------------------------------------

@pytest.mark.parametrize("answer", [(7, 5), [7, 5], np.array([7, 5]), (np.int64(7), np.int64(5)), (7.0, 5.0),
                                    (np.zeros((7, 3)) @ np.zeros((3, 5))).shape])
def test_hidden_shape_accepts_every_form_of_seven_by_five(capsys, answer):
    result, out = verdict(capsys, ex.check_hidden_shape, answer)
    assert result.correct is True
    assert out.startswith("Correct! (7, 3) @ (3, 5) -> (7, 5)")


@pytest.mark.parametrize("answer, words", [
    ((5, 7), "swapped"),
    ((7, 3), "shape of X"),
    ((3, 5), "shape of W1"),
    ((7, 7), "not the samples"),
    ((7, 6), "the inner size disappears"),
])
def test_hidden_shape_rejects_wrong_shapes_with_a_matching_hint(capsys, answer, words):
    result, out = verdict(capsys, ex.check_hidden_shape, answer)
    assert result.correct is False
    assert out.startswith("Not yet. Hint: ")
    assert words in out


@pytest.mark.parametrize("answer", [35, "(7, 5)", (7,), (7, 5, 1), (True, 5), (7.5, 5), {"rows": 7},
                                    (float("nan"), 5), [[7], 5, "x"]])
def test_hidden_shape_explains_what_is_expected_for_a_wrong_type_or_length(capsys, answer):
    result, out = verdict(capsys, ex.check_hidden_shape, answer)
    assert result.correct is False
    assert out.startswith("Not yet. Hint: ")
    assert "two whole numbers" in out


# --- exercise 2: XNOR weights ------------------------------------------------------------------

AND_NOR_OR = {"W1": [[20.0, -20.0], [20.0, -20.0]], "b1": [-30.0, 10.0], "W2": [[20.0], [20.0]], "b2": [-10.0]}
NEGATED_XOR = {"W1": [[20, 20], [20, 20]], "b1": [-10, -30], "W2": [-20, 20], "b2": 10}


@pytest.mark.parametrize("answer", [
    AND_NOR_OR,
    NEGATED_XOR,  # lists of ints, W2 as (2,), b2 as a plain number
    {name: np.array(value, dtype=float) * 5 for name, value in AND_NOR_OR.items()},  # huge but finite
    {"W1": np.array([[6.0, -6.0], [6.0, -6.0]]), "b1": np.array([[-9.0, 3.0]]),  # mild weights, b1 (1, 2)
     "W2": np.array([[8.0, 8.0]]), "b2": np.array([[-4.0]])},
])
def test_xnor_accepts_any_weights_that_compute_xnor(capsys, answer):
    result, out = verdict(capsys, ex.check_xnor_weights, answer)
    assert result.correct is True
    assert out.startswith("Correct! on (0,0), (0,1), (1,0), (1,1) your network outputs [")


def test_xnor_rejects_the_xor_network_and_names_the_wrong_inputs(capsys):
    xor = {"W1": [[20, 20], [20, 20]], "b1": [-10, -30], "W2": [[20], [-20]], "b2": [-10]}
    result, out = verdict(capsys, ex.check_xnor_weights, xor)
    assert result.correct is False
    assert out.startswith("Not yet. Hint: on (0,0), (0,1), (1,0), (1,1) your network outputs [0.00, 1.00, 1.00, 0.00]")
    assert "Wrong on (0,0), (0,1), (1,0), (1,1)." in out


def test_xnor_rejects_zero_weights_because_an_output_of_one_half_is_not_above_one_half(capsys):
    zeros = {"W1": np.zeros((2, 2)), "b1": np.zeros(2), "W2": np.zeros((2, 1)), "b2": np.zeros(1)}
    result, out = verdict(capsys, ex.check_xnor_weights, zeros)
    assert result.correct is False
    assert "Wrong on (0,0), (1,1)." in out


@pytest.mark.parametrize("answer, words", [
    ([[1, 2], [3, 4]], "must be a dict"),
    ({"W1": np.ones((2, 2)), "b1": np.ones(2)}, "missing ['W2', 'b2']"),
    ({"W1": np.ones((2, 3)), "b1": np.ones(3), "W2": np.ones((3, 1)), "b2": np.ones(1)}, "has shape (2, 3)"),
    ({"W1": np.ones((4,)), "b1": np.ones(2), "W2": np.ones((2, 1)), "b2": np.ones(1)}, "has shape (4,)"),
    ({"W1": np.ones((2, 2)), "b1": np.ones(3), "W2": np.ones((2, 1)), "b2": np.ones(1)}, "answer['b1'] has shape (3,)"),
    ({"W1": np.ones((2, 2)), "b1": np.ones(2), "W2": np.ones((2, 1)), "b2": np.ones(2)}, "answer['b2'] has shape (2,)"),
    ({"W1": np.ones((2, 2)), "b1": np.ones(2), "W2": None, "b2": np.ones(1)},
     "answer['W2'] must hold numbers only; got None"),
    ({"W1": "weights", "b1": np.ones(2), "W2": np.ones((2, 1)), "b2": np.ones(1)}, "must hold numbers"),
    ({"W1": [[1, 2], [3]], "b1": np.ones(2), "W2": np.ones((2, 1)), "b2": np.ones(1)}, "must hold numbers"),
    ({"W1": np.ones((2, 2)), "b1": [np.nan, 0], "W2": np.ones((2, 1)), "b2": np.ones(1)}, "NaN or infinity"),
])
def test_xnor_explains_a_wrong_type_or_shape_instead_of_crashing(capsys, answer, words):
    result, out = verdict(capsys, ex.check_xnor_weights, answer)
    assert result.correct is False
    assert out.startswith("Not yet. Hint: ")
    assert words in out


def test_xnor_judges_weights_so_large_that_sums_overflow_without_a_warning(capsys):
    huge = {"W1": [[1e308, -1e308], [1e308, -1e308]], "b1": [0, 0], "W2": [[1e308], [1e308]], "b2": [-1e308]}
    result, out = verdict(capsys, ex.check_xnor_weights, huge)  # warnings are errors under pytest
    assert result.correct is False
    assert "your network outputs [0.50, 0.50, 0.50, 0.50]" in out


# --- exercise 3: distinct neurons --------------------------------------------------------------

def test_the_mystery_network_has_three_distinct_neurons_and_is_a_fresh_copy():
    params = ex.mystery_network()
    assert count_distinct_neurons(params) == 3
    params["W1"][:] = 0
    assert count_distinct_neurons(ex.mystery_network()) == 3


@pytest.mark.parametrize("answer", [3, np.int64(3), 3.0])
def test_distinct_neurons_accepts_three(capsys, answer):
    result, out = verdict(capsys, ex.check_distinct_neurons, answer)
    assert result.correct is True
    assert out.startswith("Correct! neurons 1 and 3 are copies, so are 2 and 5")


@pytest.mark.parametrize("answer, words", [
    (5, "some neurons are copies"),
    (2, "Look at the biases again"),
    (1, "Look at the biases again"),
    (4, "all match count once"),
    (0, "between 1 and 5"),
    (6, "between 1 and 5"),
])
def test_distinct_neurons_rejects_wrong_counts_with_a_matching_hint(capsys, answer, words):
    result, out = verdict(capsys, ex.check_distinct_neurons, answer)
    assert result.correct is False
    assert out.startswith("Not yet. Hint: ")
    assert words in out
