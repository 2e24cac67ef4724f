"""Tests for helpers.symmetry (how different the hidden neurons are, and the distances between them),
and the central fact of the series: equal starts stay equal."""

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
    start = helpers.init_params(2, n_hidden, 1, init, value=0.3)
    history = helpers.train(X, Y, start, activation=activation, learning_rate=0.5, epochs=400)
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
    history = helpers.train(X, Y, helpers.init_params(2, 4, 1, "zero"), activation=activation, epochs=100)
    assert np.all(history.W1 == 0) and np.all(history.b1 == 0) and np.all(history.W2 == 0)
    assert history.b2[-1, 0] < -0.5


def test_zero_init_on_balanced_targets_starts_at_a_stationary_point():
    X, Y = logic_gate("xor")  # mean target 0.5 = sigmoid(0): every gradient is exactly zero
    history = helpers.train(X, Y, helpers.init_params(2, 4, 1, "zero"), epochs=100)
    assert np.all(history.W1 == 0) and np.all(history.W2 == 0)
    assert history.loss[-1] == pytest.approx(np.log(2), rel=1e-15)


@pytest.mark.parametrize("activation", ["sigmoid", "tanh", "relu"])
@pytest.mark.parametrize("n_hidden", [2, 4, 5])
def test_random_starts_give_all_distinct_hidden_neurons(activation, n_hidden):
    X, Y = logic_gate("xor")
    start = helpers.init_params(2, n_hidden, 1, seed=2)
    history = helpers.train(X, Y, start, activation=activation, epochs=400)
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

def test_the_distance_between_two_neurons_is_the_length_of_the_difference_of_their_columns():
    # columns (0, 0) and (3, 4): a 3-4-5 triangle
    distance = helpers.smallest_neuron_distance(np.array([[0.0, 3.0], [0.0, 4.0]]))
    assert distance == 5.0 and isinstance(distance, float)


def test_the_smallest_of_three_pairwise_distances_is_reported():
    # columns (0, 0), (6, 8), (3, 4): distances 10, 5 and 5 -> 5
    assert helpers.smallest_neuron_distance(np.array([[0.0, 6.0, 3.0], [0.0, 8.0, 4.0]])) == 5.0
    # columns (0, 0), (6, 8), (20, 0): distances 10, 20 and about 16.1 -> 10
    assert helpers.smallest_neuron_distance(np.array([[0.0, 6.0, 20.0], [0.0, 8.0, 0.0]])) == 10.0


def test_a_stack_of_snapshots_gets_one_distance_each():
    stack = np.array([[[0.0, 3.0], [0.0, 4.0]], [[1.0, 1.0], [2.0, 2.0]], [[0.0, 1.0], [0.0, 0.0]]])
    distances = helpers.smallest_neuron_distance(stack)
    assert isinstance(distances, np.ndarray) and distances.tolist() == [5.0, 0.0, 1.0]


def test_one_hidden_neuron_has_no_pair_and_the_distance_is_infinite():
    assert helpers.smallest_neuron_distance([[1.0], [2.0]]) == np.inf
    assert helpers.smallest_neuron_distance(np.ones((4, 3, 1))).tolist() == [np.inf] * 4


def test_whole_number_weights_are_numbers_not_integers_that_overflow():
    # 4e9 squared is 1.6e19, beyond the largest 64-bit integer (9.2e18)
    assert helpers.smallest_neuron_distance([[0, 4_000_000_000]]) == 4e9


# --- bad input, and sizes that must stay quick and small ---

@pytest.mark.parametrize("W1, message", [
    ([1.0, 2.0], r"W1 must be 2-D \(one row per sample\) or 3-D"), (np.zeros((0, 3)), r"W1 must not be empty"),
    (np.zeros((2, 3, 4, 5)), r"W1 must be 2-D .* or 3-D"), ([[np.nan, 1.0]], r"W1 must contain only finite numbers"),
])
def test_smallest_neuron_distance_refuses_what_is_not_a_W1_or_a_stack_of_them(W1, message):
    with pytest.raises(ValueError, match=message):
        helpers.smallest_neuron_distance(W1)
    with pytest.raises(TypeError, match=r"W1 must be an array of real numbers"):
        helpers.smallest_neuron_distance([["a", "b"]])


def test_smallest_neuron_distance_of_10_000_neurons_takes_little_memory():
    import tracemalloc

    W1 = np.random.default_rng(0).normal(size=(3, 10_000))
    tracemalloc.start()
    distance = helpers.smallest_neuron_distance(W1)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 50e6  # all pairs at once took 3.9 GB
    j = np.argmin([np.linalg.norm(W1[:, :k] - W1[:, k:k + 1], axis=0).min() for k in range(1, 10_000)]) + 1
    assert distance == pytest.approx(np.linalg.norm(W1[:, :j] - W1[:, j:j + 1], axis=0).min(), rel=1e-12)


def test_count_distinct_neurons_of_2000_neurons_is_quick():
    import time

    rng = np.random.default_rng(0)
    params = {"W1": rng.normal(size=(2, 2000)), "b1": np.zeros(2000), "W2": rng.normal(size=(2000, 1)),
              "b2": np.zeros(1)}
    params["W1"][:, 1000:] = params["W1"][:, :1000]  # the second half copies the first
    params["W2"][1000:] = params["W2"][:1000]
    started = time.process_time()
    assert helpers.count_distinct_neurons(params) == 1000
    assert time.process_time() - started < 3.0  # a Python loop over every pair took 17 s
