"""Tests for helpers.perceptron: Rosenblatt's rule learns AND and OR, never XOR."""

import numpy as np
import pytest

import helpers
from helpers.data import logic_gate


@pytest.mark.parametrize("gate", ["and", "or"])
@pytest.mark.parametrize("seed", [None, 0, 1, 2])
def test_perceptron_learns_and_and_or(gate, seed):
    X, Y = logic_gate(gate)
    weights, bias, errors = helpers.perceptron_train(X, Y, seed=seed)
    np.testing.assert_array_equal(helpers.perceptron_predict(weights, bias, X), Y[:, 0])
    assert errors[-1] == 0 and len(errors) < 100


@pytest.mark.parametrize("seed", [None, 0, 1, 2, 3])
def test_perceptron_never_reaches_100_percent_on_xor(seed):
    X, Y = logic_gate("xor")
    weights, bias, errors = helpers.perceptron_train(X, Y, epochs=200, seed=seed)
    assert len(errors) == 200 and errors.min() > 0
    assert np.mean(helpers.perceptron_predict(weights, bias, X) == Y[:, 0]) < 1.0


def test_one_update_follows_rosenblatts_rule():
    X = np.array([[1.0, 2.0]])
    weights, bias, errors = helpers.perceptron_train(X, [1], learning_rate=0.5, epochs=1)
    # starts at 0, predicts 0 for label 1: w <- 0 + 0.5 * (1 - 0) * x, b <- 0 + 0.5
    np.testing.assert_array_equal(weights, [0.5, 1.0])
    assert bias == 0.5 and errors.tolist() == [1]


@pytest.mark.parametrize("call, error, message", [
    (lambda: helpers.perceptron_train([[0, 1]], [2]),
     ValueError, r"y must contain only the labels 0 and 1; got the values \[2\.0\]"),
    (lambda: helpers.perceptron_train([[0, 1]], [1, 0]),
     ValueError, r"y must have one label per row of X \(1\); got 2 labels"),
    (lambda: helpers.perceptron_train([[0, 1]], [1], learning_rate=0),
     ValueError, r"learning_rate must be greater than 0; got 0\.0"),
    (lambda: helpers.perceptron_train([[0, 1]], [1], epochs=-3), ValueError, r"epochs must be at least 0; got -3"),
    (lambda: helpers.perceptron_predict([1.0], 0.0, [[0, 1]]),
     ValueError, r"weights has 1 entries but X has 2 columns"),
    (lambda: helpers.perceptron_predict([1.0, 2.0], "b", [[0, 1]]), TypeError, r"bias must be a number; got 'b'"),
])
def test_bad_perceptron_input_gets_a_clear_message(call, error, message):
    with pytest.raises(error, match=message):
        call()
