"""More tests for helpers.network: layer_weights, the documented defaults, dropout in the forward pass,
what backward needs from its cache, and the message of every argument check."""

import numpy as np
import pytest

import helpers
from helpers.network import forward_pass


def small_params():
    return {"W1": np.array([[1.0, -1.0], [2.0, 0.5]]), "b1": np.array([0.5, -0.5]),
            "W2": np.array([[1.0], [-2.0]]), "b2": np.array([0.25])}


# --- layer_weights and init_params: defaults ---

def test_layer_weights_defaults_to_normal_draws_with_standard_deviation_one_from_the_given_rng():
    weights = helpers.layer_weights(3, 4, rng=np.random.default_rng(5))
    np.testing.assert_array_equal(weights, np.random.default_rng(5).normal(0.0, 1.0, size=(3, 4)))


def test_layer_weights_without_an_rng_draws_fresh_weights_each_call():
    first, second = helpers.layer_weights(30, 20), helpers.layer_weights(30, 20)
    assert first.shape == second.shape == (30, 20)
    assert np.all(np.isfinite(first)) and not np.array_equal(first, second)


def test_constant_weights_default_to_one_half():
    assert np.all(helpers.layer_weights(2, 3, "constant") == 0.5)
    params = helpers.init_params(2, 3, 1, "constant")
    assert np.all(params["W1"] == 0.5) and np.all(params["W2"] == 0.5)


def test_constant_and_zero_layers_follow_their_value():
    np.testing.assert_array_equal(helpers.layer_weights(2, 3, "constant", value=-1.25), np.full((2, 3), -1.25))
    np.testing.assert_array_equal(helpers.layer_weights(3, 2, "zero", value=7.0), np.zeros((3, 2)))


def test_a_layer_of_one_weight_is_allowed():
    assert helpers.layer_weights(1, 1, "constant", value=2.0).tolist() == [[2.0]]
    assert helpers.init_params(1, 1, 1, "zero")["W2"].shape == (1, 1)


# --- forward_pass with a dropout mask ---

def test_a_dropout_mask_multiplies_the_hidden_layer_on_its_way_to_the_output():
    params, X = small_params(), np.array([[1.0, 2.0], [0.0, -1.0]])
    keep = np.array([[2.0, 0.0], [0.0, 2.0]])  # sample 0 keeps neuron 0, sample 1 keeps neuron 1 (rate 1/2)
    hidden = np.tanh(np.array([[1 + 4 + 0.5, -1 + 1 - 0.5], [0 - 2 + 0.5, 0 - 0.5 - 0.5]]))
    z2 = np.array([2 * hidden[0, 0] * 1.0, 2 * hidden[1, 1] * -2.0]) + 0.25
    output, cache = forward_pass(params, X, "tanh", keep)
    np.testing.assert_allclose(output[:, 0], 1 / (1 + np.exp(-z2)), rtol=1e-14)
    np.testing.assert_allclose(cache["hidden"], hidden, rtol=1e-14)  # the cache keeps the undropped layer
    assert cache["keep"] is keep


# --- backward: what it needs from the cache ---

def test_backward_needs_only_what_the_backward_pass_reads_from_the_cache():
    params, X, Y = small_params(), np.array([[1.0, 2.0], [0.5, -1.0]]), np.array([[1.0], [0.0]])
    cache = helpers.forward(params, X)[1]
    full = helpers.backward(params, cache, Y)
    without_z2 = helpers.backward(params, {key: value for key, value in cache.items() if key != "z2"}, Y)
    for name in full:
        np.testing.assert_array_equal(without_z2[name], full[name])


# --- accuracy: the same threshold for predictions and targets ---

def test_a_soft_target_of_exactly_one_half_counts_as_class_0_like_an_output_of_one_half():
    assert helpers.accuracy(np.array([[0.5], [0.7]]), np.array([[0.5], [0.5]])) == 0.5
    assert helpers.accuracy(np.array([[0.2, 0.9]]), np.array([[0.5, 0.51]])) == 1.0


# --- every argument check names its argument ---

def fitting_cache():
    return helpers.forward(helpers.init_params(2, 3, 1, seed=0), np.zeros((4, 2)))[1]


@pytest.mark.parametrize("call, error, message", [
    (lambda: helpers.layer_weights(0, 3), ValueError, r"^n_in must be at least 1; got 0"),
    (lambda: helpers.layer_weights(2, 0), ValueError, r"^n_out must be at least 1; got 0"),
    (lambda: helpers.layer_weights(2, 3, "ones"),
     ValueError, r"^rule must be one of 'zero', 'constant', 'random', 'xavier', 'he'; got 'ones'"),
    (lambda: helpers.layer_weights(2, 3, "constant", value="a"), TypeError, r"^value must be a number; got 'a'"),
    (lambda: helpers.layer_weights(2, 3, scale=-0.5), ValueError, r"^scale must be 0 or more; got -0\.5"),
    (lambda: helpers.init_params(0, 3, 1), ValueError, r"^n_inputs must be at least 1; got 0"),
    (lambda: helpers.init_params(2, 3, 0), ValueError, r"^n_outputs must be at least 1; got 0"),
    (lambda: helpers.init_params(2, 3, 1, seed=-1), ValueError, r"^seed must be at least 0; got -1"),
    (lambda: helpers.forward([1, 2], [[0, 1]]),
     TypeError, r"^params must be a dict with keys \('W1', 'b1', 'W2', 'b2'\); got list$"),
    (lambda: helpers.forward({**small_params(), "W1": np.zeros(2)}, [[0, 1]]),
     ValueError, r"^params\['W1'\] must be 2-D"),
    (lambda: helpers.forward({**small_params(), "b1": np.zeros((2, 1))}, [[0, 1]]),
     ValueError, r"^params\['b1'\] must be 1-D"),
    (lambda: helpers.forward({**small_params(), "W2": np.zeros(2)}, [[0, 1]]),
     ValueError, r"^params\['W2'\] must be 2-D"),
    (lambda: helpers.forward({**small_params(), "b2": np.zeros((1, 1))}, [[0, 1]]),
     ValueError, r"^params\['b2'\] must be 1-D"),
    (lambda: helpers.forward(small_params(), np.zeros(2)), ValueError, r"^X must be 2-D"),
    (lambda: helpers.backward(helpers.init_params(2, 3, 1), "cache", [[1.0]]),
     ValueError, r"^cache must be the second value returned by forward\(params, X\)$"),
    (lambda: helpers.backward(helpers.init_params(3, 3, 1), fitting_cache(), np.zeros((4, 1))),
     ValueError, r"^X has 2 columns \(inputs\), but params\['W1'\] has shape \(3, 3\), which expects 3 inputs"),
    (lambda: helpers.backward(helpers.init_params(2, 3, 1), fitting_cache(), np.zeros((4, 1)), loss="l1"),
     ValueError, r"^loss must be one of 'bce', 'mse'; got 'l1'"),
    (lambda: helpers.loss_value([0.5, 0.5], [[1.0]]), ValueError, r"^output must be 2-D"),
    (lambda: helpers.loss_value([[0.5, 0.5]], [[1.0]]),
     ValueError, r"^Y has shape \(1, 1\) but output has shape \(1, 2\); they must match$"),
    (lambda: helpers.accuracy([0.5, 0.5], [[1.0]]), ValueError, r"^output must be 2-D"),
    (lambda: helpers.accuracy([[0.5], [0.5]], [[1.0]]),
     ValueError, r"^Y must have one row per sample of output \(2 rows\); got 1 rows"),
])
def test_every_argument_check_names_its_argument(call, error, message):
    with pytest.raises(error, match=message):
        call()
