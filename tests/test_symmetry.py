"""Tests for helpers.symmetry, and the central fact of the series: equal starts stay equal."""

import numpy as np
import pytest

import helpers
from helpers.data import logic_gate, two_moons
from helpers.symmetry import neuron_signatures


def largest_relative_column_difference(W1_snapshots):
    """Largest difference between two columns of W1 at any snapshot, relative to the weights' size."""
    spread = W1_snapshots.max(axis=2) - W1_snapshots.min(axis=2)  # (n_records, n_inputs)
    size = np.abs(W1_snapshots).max()
    return 0.0 if size == 0 else spread.max() / size


# An odd number of moons on purpose: with balanced classes, zero init + sigmoid starts exactly at a
# stationary point (output 0.5 = mean target), the weights stay pure rounding noise of size 1e-10,
# and "relative to the weights' size" means nothing. test_zero_init_... below covers that case.
DATA = {"xor": logic_gate("xor"), "and": logic_gate("and"), "moons": two_moons(41, seed=1)}

# Every equal start whose weights move. A zero start moves only with sigmoid hidden neurons
# (sigmoid(0) = 0.5 feeds the output layer) and targets whose mean is not 0.5: with tanh or relu,
# or on XOR, every weight stays exactly 0 (the two tests after this one), and "identical" would
# hold without training having done anything.
EQUAL_STARTS = [("constant", activation, data) for activation in ("sigmoid", "tanh", "relu") for data in DATA]
EQUAL_STARTS += [("zero", "sigmoid", "and"), ("zero", "sigmoid", "moons")]


@pytest.mark.parametrize("init, activation, data", EQUAL_STARTS)
@pytest.mark.parametrize("n_hidden", [2, 4, 5, 6])
def test_equal_starts_keep_hidden_neurons_identical(init, activation, n_hidden, data):
    X, Y = DATA[data]
    history = helpers.train(X, Y, n_hidden, init=init, value=0.3, activation=activation,
                            learning_rate=0.5, epochs=400)
    assert np.abs(history.W1[-1] - history.W1[0]).max() > 1e-3, "the weights must move, or the test proves nothing"
    # Within rounding, not bitwise: BLAS may compute some columns with other kernels.
    assert largest_relative_column_difference(history.W1) < 1e-12
    assert helpers.count_distinct_neurons(history.params) == 1
    assert helpers.largest_neuron_difference(history.params) < 1e-9


@pytest.mark.parametrize("activation", ["tanh", "relu"])
def test_a_zero_start_with_tanh_or_relu_never_moves_the_weights(activation):
    # f(0) = 0: the output layer sees no activation, so W2 gets no gradient, and with W2 = 0 no
    # error reaches W1. Only the output bias learns (the mean target of AND is not 0.5).
    X, Y = logic_gate("and")
    history = helpers.train(X, Y, 4, init="zero", activation=activation, epochs=100)
    assert np.all(history.W1 == 0) and np.all(history.b1 == 0) and np.all(history.W2 == 0)
    assert history.b2[-1, 0] < -0.5


def test_zero_init_on_balanced_targets_starts_at_a_stationary_point():
    X, Y = logic_gate("xor")  # mean target 0.5 = sigmoid(0): every gradient is exactly zero
    history = helpers.train(X, Y, 4, init="zero", epochs=100)
    assert np.all(history.W1 == 0) and np.all(history.W2 == 0)
    assert history.loss[-1] == pytest.approx(np.log(2), rel=1e-15)


@pytest.mark.parametrize("activation", ["sigmoid", "tanh", "relu"])
@pytest.mark.parametrize("n_hidden", [2, 4, 5])
def test_random_starts_give_all_distinct_hidden_neurons(activation, n_hidden):
    X, Y = logic_gate("xor")
    history = helpers.train(X, Y, n_hidden, init="random", seed=2, activation=activation, epochs=400)
    assert helpers.count_distinct_neurons(history.params) == n_hidden
    assert helpers.smallest_neuron_distance(history.params["W1"]) > 1e-3


def test_count_distinct_neurons_groups_neurons_that_agree_within_atol():
    params = {"W1": np.array([[1.0, 1.0, 2.0, 1.0 + 1e-12]]), "b1": np.zeros(4),
              "W2": np.array([[0.5], [0.5], [0.5], [0.5]]), "b2": np.zeros(1)}
    assert helpers.count_distinct_neurons(params) == 2
    assert helpers.count_distinct_neurons(params, atol=0.0) == 3
    params["W2"][1, 0] = -0.5  # same incoming weights, different outgoing: not the same neuron
    assert helpers.count_distinct_neurons(params) == 3
    params["b1"][3] = 0.1  # a different bias makes a different neuron too
    assert helpers.count_distinct_neurons(params) == 4


def test_neurons_a_hundred_millionth_apart_are_distinct_and_a_trillionth_apart_are_one():
    # The default tolerance (1e-9) sits between rounding noise (1e-12 and below, what equal starts
    # accumulate) and any difference that training could have made on purpose.
    params = {"W1": np.array([[1.0, 1.0 + 1e-8, 1.0 + 1e-12]]), "b1": np.zeros(3),
              "W2": np.full((3, 1), 0.5), "b2": np.zeros(1)}
    assert helpers.count_distinct_neurons(params) == 2  # neurons 1 and 3 are one; neuron 2 differs
    params["W1"][0] = 1.0
    params["b1"][2] = 1e-8  # the same holds for a bias ...
    params["W2"][1, 0] = 0.5 + 1e-8  # ... and for an outgoing weight
    assert helpers.count_distinct_neurons(params) == 3


def test_largest_neuron_difference_looks_at_incoming_weights_bias_and_outgoing_weights():
    params = {"W1": np.array([[1.0, 1.5, 1.25], [0.0, 0.0, 0.0]]), "b1": np.zeros(3),
              "W2": np.array([[0.5, 0.0], [0.5, 0.0], [0.5, 0.0]]), "b2": np.zeros(2)}
    assert helpers.largest_neuron_difference(params) == 0.5  # incoming: 1.5 - 1.0
    params["b1"] = np.array([0.0, -0.5, 0.25])
    assert helpers.largest_neuron_difference(params) == 0.75  # bias: 0.25 - (-0.5)
    params["W2"][:, 1] = [2.0, 1.0, 0.0]
    assert helpers.largest_neuron_difference(params) == 2.0  # second outgoing weight: 2.0 - 0.0
    params["W2"][:, 1] = 0.0
    params["W1"] = np.full((2, 3), 1.0)
    params["b1"] = np.zeros(3)
    assert helpers.largest_neuron_difference(params) == 0.0  # identical neurons


def test_neuron_signatures_and_distances():
    params = helpers.init_params(3, 4, 2, seed=0)
    signatures = neuron_signatures(params)
    assert signatures.shape == (4, 3 + 1 + 2)
    np.testing.assert_array_equal(signatures[2], np.concatenate([params["W1"][:, 2], [0.0], params["W2"][2]]))
    expected = min(np.linalg.norm(params["W1"][:, i] - params["W1"][:, j]) for i in range(4) for j in range(i + 1, 4))
    assert helpers.smallest_neuron_distance(params["W1"]) == pytest.approx(expected, rel=1e-12)
    stack = np.stack([params["W1"], 2 * params["W1"]])
    np.testing.assert_allclose(helpers.smallest_neuron_distance(stack), [expected, 2 * expected], rtol=1e-12)
    assert helpers.smallest_neuron_distance(np.zeros((2, 1))) == np.inf


def test_count_distinct_neurons_rejects_a_negative_tolerance():
    with pytest.raises(ValueError, match=r"atol must be 0 or more; got -1"):
        helpers.count_distinct_neurons(helpers.init_params(2, 2, 1), atol=-1)


def test_huge_weights_are_compared_without_overflow_warnings():
    params = {"W1": np.array([[1e308, -1e308]]), "b1": np.zeros(2), "W2": np.ones((2, 1)), "b2": np.zeros(1)}
    assert helpers.count_distinct_neurons(params) == 2
    assert helpers.largest_neuron_difference(params) == np.inf
