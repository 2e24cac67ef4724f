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


def rosenblatt_by_hand(X, y, learning_rate, epochs, order_of_epoch):
    """The learning rule written out, visiting the samples in order_of_epoch(epoch)."""
    weights, bias, errors = [0.0] * X.shape[1], 0.0, []
    for epoch in range(epochs):
        mistakes = 0
        for i in order_of_epoch(epoch):
            prediction = 1 if sum(w * x for w, x in zip(weights, X[i], strict=True)) + bias > 0 else 0
            if prediction != y[i]:
                weights = [w + learning_rate * (y[i] - prediction) * x for w, x in zip(weights, X[i], strict=True)]
                bias += learning_rate * (y[i] - prediction)
                mistakes += 1
        errors.append(mistakes)
        if mistakes == 0:
            break
    return weights, bias, errors


def test_a_seed_shuffles_the_samples_every_epoch_with_default_rng():
    X = np.array([[2.0, 1.0], [-1.0, 3.0], [1.0, -2.0], [-2.0, -1.0], [0.5, 0.5]])
    y = np.array([1, 0, 1, 0, 1])
    rng = np.random.default_rng(3)
    shuffled = rosenblatt_by_hand(X, y, 0.5, 20, lambda epoch: rng.permutation(len(X)))
    in_order = rosenblatt_by_hand(X, y, 0.5, 20, lambda epoch: range(len(X)))
    assert shuffled != in_order  # the order matters on these samples
    weights, bias, errors = helpers.perceptron_train(X, y, learning_rate=0.5, epochs=20, seed=3)
    np.testing.assert_allclose(weights, shuffled[0], rtol=1e-15)
    assert bias == pytest.approx(shuffled[1], rel=1e-15) and errors.tolist() == shuffled[2]
    weights, bias, errors = helpers.perceptron_train(X, y, learning_rate=0.5, epochs=20)
    np.testing.assert_allclose(weights, in_order[0], rtol=1e-15)
    assert errors.tolist() == in_order[2]


def test_the_learning_rate_defaults_to_1_and_the_epochs_to_100():
    weights, bias, errors = helpers.perceptron_train([[1.0, 2.0]], [1], epochs=1)
    np.testing.assert_array_equal(weights, [1.0, 2.0])  # w <- 0 + 1 * (1 - 0) * x
    assert bias == 1.0
    X, Y = logic_gate("xor")
    assert len(helpers.perceptron_train(X, Y).errors) == 100  # xor never gets an epoch without mistakes


def test_zero_epochs_leave_the_start_and_an_empty_count_of_mistakes():
    weights, bias, errors = helpers.perceptron_train([[1.0, 2.0]], [1], epochs=0)
    assert weights.tolist() == [0.0, 0.0] and bias == 0.0
    assert errors.shape == (0,) and errors.dtype == np.int64


def test_predictions_and_mistakes_are_whole_numbers():
    X, Y = logic_gate("and")
    weights, bias, errors = helpers.perceptron_train(X, Y)
    predictions = helpers.perceptron_predict(weights, bias, X)
    assert predictions.dtype == np.int64 and errors.dtype == np.int64


@pytest.mark.parametrize("call, error, message", [
    (lambda: helpers.perceptron_train([0, 1], [1]), ValueError, r"^X must be 2-D"),
    (lambda: helpers.perceptron_train([[0, 1], [1, 0]], [[1, 0], [0, 1]]), ValueError, r"^y must be 1-D"),
    (lambda: helpers.perceptron_train([[0, 1]], [1], seed=-1), ValueError, r"^seed must be at least 0; got -1"),
    (lambda: helpers.perceptron_predict([1.0, 2.0], 0.0, [0, 1]), ValueError, r"^X must be 2-D"),
    (lambda: helpers.perceptron_predict([[1.0, 2.0]], 0.0, [[0, 1]]), ValueError, r"^weights must be 1-D"),
])
def test_every_perceptron_argument_names_itself_when_it_is_wrong(call, error, message):
    with pytest.raises(error, match=message):
        call()


def test_a_long_list_of_wrong_labels_is_cut_to_its_first_ten():
    with pytest.raises(ValueError, match=r"got the values \[0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0\]"):
        helpers.perceptron_train(np.zeros((12, 2)), np.arange(12))
