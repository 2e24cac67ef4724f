"""Tests for the exercise checks of notebook 03 (helpers.exercises.backpropagation)."""

import numpy as np
import pytest

from helpers.exercises import backpropagation as ex

# the example of notebook 03's first exercise
OUTPUT = np.array([[0.9], [0.2], [0.7], [0.4]])
TARGETS = np.array([[1.0], [0.0], [0.0], [1.0]])


def verdict(capsys, check, answer):
    """Run a check; return (returned bool, printed text)."""
    result = check(answer)
    return result, capsys.readouterr().out


# --- delta2 --------------------------------------------------------------------------------------

@pytest.mark.parametrize("answer", [
    (OUTPUT - TARGETS) / 4,
    ((OUTPUT - TARGETS) / 4).ravel(),
    [-0.025, 0.05, 0.175, -0.15],
    [[-0.025], [0.05], [0.175], [-0.15]],
    np.round((OUTPUT - TARGETS) / 4, 3),
    [-0.03, 0.05, 0.18, -0.15],  # rounded by hand to two decimals
    [-0.02, 0.05, 0.17, -0.15],  # rounded to two decimals the other way
])
def test_delta2_accepts_every_form_of_the_right_answer(capsys, answer):
    result, out = verdict(capsys, ex.check_delta2, answer)
    assert result.correct is True
    assert out.startswith("Correct! delta2 = (output - Y) / N")


def test_delta2_says_how_many_decimals_it_wants_for_a_value_rounded_too_far(capsys):
    result, out = verdict(capsys, ex.check_delta2, [0.0, 0.1, 0.2, -0.2])  # one decimal
    assert result.correct is False
    assert "give each entry to 2 decimals or more (each must be within 0.005 of the exact value)" in out


@pytest.mark.parametrize("answer, words", [
    ("delta", "expected an array of 4 numbers"),
    ([1, "a", 2, 3], "expected an array of 4 numbers"),
    (0.05, "single number"),
    (np.zeros((4, 2)), "expected shape (4, 1)"),
    (np.zeros(3), "expected shape (4, 1)"),
    ([np.nan, 0, 0, 0], "nan"),
])
def test_delta2_says_what_it_expects(capsys, answer, words):
    result, out = verdict(capsys, ex.check_delta2, answer)
    assert result.correct is False and out.startswith("Not yet. Hint: ") and words in out


@pytest.mark.parametrize("answer, words", [
    (OUTPUT - TARGETS, "divided by N"),
    ((TARGETS - OUTPUT) / 4, "sign is flipped"),
    ((OUTPUT - TARGETS) * OUTPUT * (1 - OUTPUT) / 4, "cancels"),
    (2 * (OUTPUT - TARGETS) * OUTPUT * (1 - OUTPUT) / 4, "cancels"),
    (np.ones((4, 1)), "(output - Y) / N, entry by entry"),
])
def test_delta2_rejects_wrong_answers_with_a_hint(capsys, answer, words):
    result, out = verdict(capsys, ex.check_delta2, answer)
    assert result.correct is False
    assert out.startswith("Not yet. Hint: ")
    assert words in out


# --- tanh slope ----------------------------------------------------------------------------------

@pytest.mark.parametrize("answer", [1, 1.0, np.float64(1.0), np.array(1.0), np.array([1.0]),
                                    1 - np.tanh(0.0) ** 2])
def test_tanh_slope_accepts_one(capsys, answer):
    result, out = verdict(capsys, ex.check_tanh_slope, answer)
    assert result.correct is True
    assert out.startswith("Correct! tanh'(0) = 1")


@pytest.mark.parametrize("answer, words", [
    (0, "0 is tanh(0)"),
    (0.25, "slope of the sigmoid"),
    (0.5, "1 - tanh(z)^2"),
    (True, "not True or False"),
    ("one", "expected a single number"),
    ([1, 1], "expected a single number"),
])
def test_tanh_slope_rejects_wrong_answers_with_a_hint(capsys, answer, words):
    result, out = verdict(capsys, ex.check_tanh_slope, answer)
    assert result.correct is False
    assert out.startswith("Not yet. Hint: ")
    assert words in out


# --- the repaired backward pass ------------------------------------------------------------------

def slope(z, a, activation):
    """f'(z) written from each activation's derivative, as notebook 03 derives them."""
    return {"sigmoid": a * (1 - a), "tanh": 1 - a**2, "relu": (z > 0).astype(float)}[activation]


def right_backward(params, cache, Y):
    delta2 = (cache["output"] - Y) / Y.size
    delta1 = (delta2 @ params["W2"].T) * slope(cache["z1"], cache["hidden"], cache["activation"])
    return {"W1": cache["X"].T @ delta1, "b1": delta1.sum(axis=0),
            "W2": cache["hidden"].T @ delta2, "b2": delta2.sum(axis=0)}


def buggy_backward(params, cache, Y):
    """The notebook's bug: the slope f'(z1) is missing."""
    delta2 = (cache["output"] - Y) / Y.size
    delta1 = delta2 @ params["W2"].T
    return {"W1": cache["X"].T @ delta1, "b1": delta1.sum(axis=0),
            "W2": cache["hidden"].T @ delta2, "b2": delta2.sum(axis=0)}


def sigmoid_only_backward(params, cache, Y):
    delta2 = (cache["output"] - Y) / Y.size
    hidden = cache["hidden"]
    delta1 = (delta2 @ params["W2"].T) * hidden * (1 - hidden)
    return {"W1": cache["X"].T @ delta1, "b1": delta1.sum(axis=0),
            "W2": hidden.T @ delta2, "b2": delta2.sum(axis=0)}


def z1_for_hidden_backward(params, cache, Y):
    """The slope fed the weighted sums z1 where it expects the outputs: slope(z1, z1, activation)."""
    delta2 = (cache["output"] - Y) / Y.size
    delta1 = (delta2 @ params["W2"].T) * slope(cache["z1"], cache["z1"], cache["activation"])
    return {"W1": cache["X"].T @ delta1, "b1": delta1.sum(axis=0),
            "W2": cache["hidden"].T @ delta2, "b2": delta2.sum(axis=0)}


def wrong_output_backward(params, cache, Y):
    grads = right_backward(params, cache, Y)
    return {**grads, "W2": 2 * grads["W2"], "b2": 2 * grads["b2"]}


def raising_backward(params, cache, Y):
    return params["W3"]


def test_fixed_backward_accepts_a_right_backward_pass(capsys):
    result, out = verdict(capsys, ex.check_fixed_backward, right_backward)
    assert result.correct is True
    assert out.startswith("Correct! your backward pass matches helpers.backward")


def test_fixed_backward_accepts_lists_and_changes_to_its_own_copies(capsys):
    def as_lists(params, cache, Y):
        params["W1"] += 1.0  # changing the inputs must not spoil the comparison
        grads = right_backward({**params, "W1": params["W1"] - 1.0}, cache, Y)
        return {name: value.tolist() for name, value in grads.items()}

    result, out = verdict(capsys, ex.check_fixed_backward, as_lists)
    assert result.correct is True


@pytest.mark.parametrize("function, words", [
    (buggy_backward, "multiplied by the slope of its activation, f'(z1)"),
    (sigmoid_only_backward, "right for sigmoid but wrong for tanh, relu: the slope f'(z1) depends on"),
    (z1_for_hidden_backward, "wrong for sigmoid, tanh: your slope gets the weighted sums z1 where it expects "
                             "the neurons' outputs"),
    (wrong_output_backward, "Even the output layer is off"),
    (raising_backward, "your function raised KeyError: 'W3'"),
    (lambda params, cache, Y: 3, "must return a dict"),
    (lambda params, cache, Y: {"W1": 0}, "missing ['b1', 'W2', 'b2']"),
    (lambda params, cache, Y: {**right_backward(params, cache, Y), "W1": np.zeros(3)}, "grads['W1'] has shape (3,)"),
    (lambda params, cache, Y: {**right_backward(params, cache, Y), "b1": "x"}, "not an array of numbers"),
    (lambda: None, "your function raised TypeError"),
    (lambda params, cache, Y: 1 / 0, "your function raised ZeroDivisionError: division by zero (on a 2-3-1"),
    ("backward", "expected a function"),
])
def test_fixed_backward_rejects_wrong_functions_with_a_hint(capsys, function, words):
    result, out = verdict(capsys, ex.check_fixed_backward, function)
    assert result.correct is False
    assert out.startswith("Not yet. Hint: ")
    assert words in out


def test_fixed_backward_buggy_hint_names_the_hidden_gradients(capsys):
    verdict(capsys, ex.check_fixed_backward, buggy_backward)
    result, out = verdict(capsys, ex.check_fixed_backward, buggy_backward)
    assert "['W1', 'b1'] differ" in out


@pytest.mark.parametrize("function", [None, lambda params, cache, Y: None])
def test_fixed_backward_unanswered(capsys, function):
    result, out = verdict(capsys, ex.check_fixed_backward, function)
    assert result.correct is False
    assert out.startswith("Not answered yet: ")
