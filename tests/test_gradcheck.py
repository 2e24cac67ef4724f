"""Tests for helpers.gradcheck: finite differences, and the relative error that compares them with backprop."""

import numpy as np
import pytest

import helpers


def tiny_network():
    """A 1-1-1 network and one sample, small enough to differentiate by hand."""
    params = {"W1": np.array([[0.7]]), "b1": np.array([-0.2]), "W2": np.array([[1.3]]), "b2": np.array([0.4])}
    return params, np.array([[0.5]]), np.array([[1.0]])


def gradient_by_hand(params, x, y, activation, loss):
    """The chain rule written out for one input, one hidden neuron, one output and one sample."""
    w, b, v, c = params["W1"][0, 0], params["b1"][0], params["W2"][0, 0], params["b2"][0]
    z1 = w * x + b
    if activation == "sigmoid":
        hidden = 1 / (1 + np.exp(-z1))
        slope = hidden * (1 - hidden)
    else:
        hidden = (np.exp(z1) - np.exp(-z1)) / (np.exp(z1) + np.exp(-z1))
        slope = 1 - hidden**2
    output = 1 / (1 + np.exp(-(v * hidden + c)))
    error = output - y if loss == "bce" else 2 * (output - y) * output * (1 - output)  # dL/dz2
    return {"W1": np.array([[error * v * slope * x]]), "b1": np.array([error * v * slope]),
            "W2": np.array([[error * hidden]]), "b2": np.array([error])}


def test_numerical_gradient_defaults_to_sigmoid_bce_and_a_small_step():
    params, X, Y = tiny_network()
    estimate = helpers.numerical_gradient(params, X, Y)
    expected = gradient_by_hand(params, 0.5, 1.0, "sigmoid", "bce")
    for name in expected:
        np.testing.assert_allclose(estimate[name], expected[name], rtol=1e-7)


@pytest.mark.parametrize("activation", ["sigmoid", "tanh"])
@pytest.mark.parametrize("loss", ["bce", "mse"])
def test_numerical_gradient_matches_the_chain_rule_by_hand(activation, loss):
    params, X, Y = tiny_network()
    before = {name: array.copy() for name, array in params.items()}
    estimate = helpers.numerical_gradient(params, X, Y, activation, loss, eps=1e-5)
    expected = gradient_by_hand(params, 0.5, 1.0, activation, loss)
    for name in expected:
        assert estimate[name].shape == params[name].shape
        np.testing.assert_allclose(estimate[name], expected[name], rtol=1e-7)
        np.testing.assert_array_equal(params[name], before[name])  # nudged on a copy, never in place


def test_gradient_check_is_the_relative_error_of_the_two_gradient_vectors():
    # relu's slope at exactly 0 is taken to be 0, but a centred difference across the kink sees
    # half the slope on the right. Here z1 = 0 (x = 0, b1 = 0), so:
    #   backprop:   every gradient 0 except b2: dL/dz2 = sigmoid(0) - 1 = -1/2
    #   numerical:  the same b2 = -1/2, and b1 = (L(W2 eps) - L(0)) / (2 eps) -> W2 (-1/2) / 2 = -1/2
    # relative error = |a - n| / (|a| + |n|) = (1/2) / (1/2 + sqrt(1/2)) = sqrt(2) - 1
    params = {"W1": np.array([[0.0]]), "b1": np.array([0.0]), "W2": np.array([[2.0]]), "b2": np.array([0.0])}
    error = helpers.gradient_check(params, [[0.0]], [[1.0]], "relu", "bce")
    assert error == pytest.approx(np.sqrt(2) - 1, rel=1e-5)


def test_gradient_check_is_zero_where_both_gradients_vanish():
    # zero weights, output 1/2 = the target: a stationary point. With eps a power of two, every
    # centred difference is exactly 0 as well, and 0 / 0 must read as "agree", not as NaN.
    params = {"W1": np.zeros((1, 1)), "b1": np.zeros(1), "W2": np.zeros((1, 1)), "b2": np.zeros(1)}
    assert helpers.gradient_check(params, [[1.0]], [[0.5]], "relu", "bce", eps=2.0**-20) == 0.0


@pytest.mark.parametrize("kwargs, argument", [
    ({"X": np.zeros(2)}, "X must be 2-D"), ({"Y": np.zeros((3, 1))}, "Y must have one row per sample"),
    ({"X": np.zeros((2, 3))}, r"X has 3 columns"), ({"Y": np.zeros((2, 2))}, r"Y has 2 columns .* 1 outputs"),
    ({"loss_name": "hinge"}, r"loss_name must be one of 'bce', 'mse'"), ({"eps": 0}, r"eps must be greater than 0"),
    ({"eps": -1e-6}, r"eps must be greater than 0"),
    ({"Y": np.full((2, 1), 1.5)}, r"Y must lie between 0 and 1.*'bce'"),
    ({"Y": np.full((2, 1), -0.5)}, r"Y must lie between 0 and 1.*'bce'"),
])
@pytest.mark.parametrize("function", [helpers.numerical_gradient, helpers.gradient_check])
def test_bad_gradient_check_input_names_its_argument(function, kwargs, argument):
    arguments = {"params": helpers.init_params(2, 3, 1, seed=0), "X": np.zeros((2, 2)), "Y": np.zeros((2, 1)), **kwargs}
    with pytest.raises(ValueError, match=argument):
        function(**arguments)


def test_targets_outside_0_and_1_are_checked_with_mse():
    params = helpers.init_params(2, 3, 1, seed=0)
    assert helpers.gradient_check(params, np.ones((2, 2)), np.full((2, 1), 3.0), loss_name="mse") < 1e-6
