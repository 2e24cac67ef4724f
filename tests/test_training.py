"""Tests for helpers.training.train: snapshots, learning, symmetry, bad settings."""

import numpy as np
import pytest

import helpers
from helpers.data import logic_gate, two_moons
from helpers.network import backward_pass, forward_pass


def test_history_records_the_start_every_few_epochs_and_the_end():
    X, Y = logic_gate("xor")
    history = helpers.train(X, Y, 3, epochs=10, record_every=4, seed=1)
    np.testing.assert_array_equal(history.epochs, [0, 4, 8, 10])
    assert history.W1.shape == (4, 2, 3) and history.b1.shape == (4, 3)
    assert history.W2.shape == (4, 3, 1) and history.b2.shape == (4, 1) and history.loss.shape == (4,)
    np.testing.assert_array_equal(history.W1[0], helpers.init_params(2, 3, 1, seed=1)["W1"])
    np.testing.assert_array_equal(history.W1[-1], history.params["W1"])


def test_train_is_plain_gradient_descent():
    X, Y = logic_gate("xor")
    params = helpers.init_params(2, 3, 1, seed=5)
    for _ in range(3):
        grads = helpers.backward(params, helpers.forward(params, X, "tanh")[1], Y, "mse")
        params = {k: params[k] - 0.7 * grads[k] for k in params}
    history = helpers.train(X, Y, 3, seed=5, activation="tanh", loss="mse", learning_rate=0.7, epochs=3)
    for name in params:
        np.testing.assert_allclose(history.params[name], params[name], rtol=1e-13, atol=1e-15)
    assert history.loss[-1] == pytest.approx(helpers.loss_value(helpers.forward(params, X, "tanh")[0], Y, "mse"))


@pytest.mark.parametrize("activation", ["sigmoid", "tanh", "relu"])
@pytest.mark.parametrize("loss", ["bce", "mse"])
def test_the_recorded_loss_is_loss_value_of_the_recorded_weights(activation, loss):
    X, Y = two_moons(60, seed=3)
    history = helpers.train(X, Y, 5, activation=activation, loss=loss, epochs=300, record_every=100)
    for record in range(len(history.epochs)):
        output = helpers.forward(history.params_at(record), X, activation)[0]
        assert history.loss[record] == pytest.approx(helpers.loss_value(output, Y, loss), rel=1e-12, abs=1e-15)


def test_params_at_epoch_finds_the_snapshot_of_that_epoch():
    X, Y = logic_gate("xor")
    history = helpers.train(X, Y, 3, epochs=10, record_every=4, seed=1)
    for record, epoch in enumerate(history.epochs):
        at_epoch = history.params_at_epoch(int(epoch))
        for name, array in history.params_at(record).items():
            np.testing.assert_array_equal(at_epoch[name], array)
    assert history.params_at_epoch(np.int64(10))["W1"] is not history.W1[-1]  # a copy


def test_params_at_epoch_names_the_recorded_epochs_when_asked_for_another():
    X, Y = logic_gate("xor")
    history = helpers.train(X, Y, 3, epochs=10, record_every=4, seed=1)
    with pytest.raises(ValueError, match=r"epoch 5 was not recorded; the recorded epochs are 0, 4, 8, 10"):
        history.params_at_epoch(5)
    long = helpers.train(X, Y, 3, epochs=3000, record_every=10)
    recorded = r"0, 10, 20, 30, \.\.\., 2990, 3000"
    with pytest.raises(ValueError, match=rf"epoch 15 was not recorded; the recorded epochs are {recorded}"):
        long.params_at_epoch(15)
    with pytest.raises(ValueError, match=r"epoch must be at least 0; got -1"):
        history.params_at_epoch(-1)


def test_train_with_given_params_leaves_them_unchanged():
    X, Y = logic_gate("xor")
    params = helpers.init_params(2, 2, 1, seed=3)
    before = {k: v.copy() for k, v in params.items()}
    helpers.train(X, Y, 2, params=params, epochs=20)
    for name in params:
        np.testing.assert_array_equal(params[name], before[name])


def test_zero_epochs_records_only_the_start():
    X, Y = logic_gate("and")
    history = helpers.train(X, Y, 2, epochs=0)
    np.testing.assert_array_equal(history.epochs, [0])


def test_a_2_4_1_network_with_random_init_learns_xor_for_most_seeds():
    X, Y = logic_gate("xor")
    solved = 0
    for seed in range(10):
        history = helpers.train(X, Y, 4, seed=seed, learning_rate=1.0, epochs=3000, record_every=3000)
        solved += helpers.accuracy(helpers.forward(history.params, X)[0], Y) == 1.0
    assert solved >= 8


def test_training_lowers_the_loss_on_two_moons():
    X, Y = two_moons(100, noise=0.1, seed=0)
    history = helpers.train(X, Y, 8, epochs=1000, learning_rate=1.0, record_every=100)
    assert history.loss[-1] < 0.5 * history.loss[0]
    assert helpers.accuracy(helpers.forward(history.params, X)[0], Y) > 0.85


@pytest.mark.parametrize("learning_rate", [1e6, 1e12])
def test_diverging_training_raises_a_clear_error_not_nan(learning_rate):
    X, Y = two_moons(50, seed=0)
    with pytest.raises(ValueError, match=r"training diverged.*smaller learning_rate \(got 1e\+\d+\)"):
        helpers.train(X * 100, Y, 4, activation="relu", learning_rate=learning_rate,
                      init="constant", value=50.0, epochs=50)


@pytest.mark.parametrize("value", [1e200, -1e300])
def test_weights_so_large_that_the_sums_overflow_count_as_diverged(value):
    # the loss alone would look fine here: the sigmoid turns an infinite sum into exactly 0 or 1
    X, Y = two_moons(20, seed=0)
    diverged = r"training diverged: the weights, their weighted sums or the loss .* by epoch 0\."
    with pytest.raises(ValueError, match=diverged):
        helpers.train(X, Y, 4, activation="relu", init="constant", value=value, epochs=5)


@pytest.mark.parametrize("kwargs, error, message", [
    ({"epochs": -1}, ValueError, r"epochs must be at least 0; got -1"),
    ({"learning_rate": 0}, ValueError, r"learning_rate must be greater than 0; got 0\.0"),
    ({"learning_rate": -0.5}, ValueError, r"learning_rate must be greater than 0; got -0\.5"),
    ({"n_hidden": 0}, ValueError, r"n_hidden must be at least 1; got 0"),
    ({"init": "Random"}, ValueError, r"init must be one of 'zero', 'constant', 'random', 'xavier', 'he'; got 'Random'"),
    ({"activation": "step"}, ValueError, r"activation must be one of 'sigmoid', 'tanh', 'relu'; got 'step'"),
    ({"loss": "ce"}, ValueError, r"loss must be one of 'bce', 'mse'; got 'ce'"),
    ({"record_every": 0}, ValueError, r"record_every must be at least 1; got 0"),
    ({"Y": np.zeros((3, 1))}, ValueError, r"Y must have one row per sample of X \(4 rows\); got 3 rows"),
    ({"X": np.zeros(4)}, ValueError, r"X must be 2-D \(one row per sample\); got an array of shape \(4,\)"),
    ({"X": np.full((4, 2), np.inf)}, ValueError, r"X must contain only finite numbers"),
    ({"params": helpers.init_params(3, 4, 1)}, ValueError,
     r"X has 2 columns \(inputs\), but params\['W1'\] has shape \(3, 4\), which expects 3 inputs"),
])
def test_bad_training_settings_get_a_clear_message(kwargs, error, message):
    X, Y = logic_gate("xor")
    arguments = {"X": X, "Y": Y, "n_hidden": 4, **kwargs}
    with pytest.raises(error, match=message):
        helpers.train(arguments.pop("X"), arguments.pop("Y"), arguments.pop("n_hidden"), **arguments)


# --- mini-batches, shuffling, dropout ---

def test_a_batch_as_large_as_the_data_set_is_full_batch_training():
    X, Y = two_moons(30, seed=2)
    full = helpers.train(X, Y, 3, epochs=50)
    batched = helpers.train(X, Y, 3, epochs=50, batch_size=30)
    np.testing.assert_array_equal(full.W1, batched.W1)


def test_mini_batches_take_one_step_per_batch_in_order():
    X, Y = two_moons(10, seed=2)
    params = helpers.init_params(2, 3, 1, seed=1)
    for rows in (slice(0, 4), slice(4, 8), slice(8, 10)):
        grads = helpers.backward(params, helpers.forward(params, X[rows])[1], Y[rows])
        params = {k: params[k] - 0.5 * grads[k] for k in params}
    history = helpers.train(X, Y, 3, seed=1, epochs=1, batch_size=4)
    for name in params:
        np.testing.assert_allclose(history.params[name], params[name], rtol=1e-12, atol=1e-15)


def test_shuffled_mini_batches_follow_the_shuffle_seed():
    X, Y = two_moons(40, seed=2)
    a = helpers.train(X, Y, 3, epochs=5, batch_size=8, shuffle_seed=1)
    b = helpers.train(X, Y, 3, epochs=5, batch_size=8, shuffle_seed=1)
    c = helpers.train(X, Y, 3, epochs=5, batch_size=8, shuffle_seed=2)
    np.testing.assert_array_equal(a.W1, b.W1)
    assert not np.array_equal(a.W1, c.W1)


def test_shuffled_mini_batches_keep_identical_neurons_identical():
    X, Y = two_moons(41, seed=1)  # every neuron sees the same batch, so symmetry survives
    history = helpers.train(X, Y, 4, init="constant", value=0.3, epochs=100, batch_size=8, shuffle_seed=0)
    assert helpers.count_distinct_neurons(history.params) == 1


def test_dropout_breaks_the_symmetry_of_a_constant_start():
    X, Y = two_moons(41, seed=1)
    history = helpers.train(X, Y, 4, init="constant", value=0.3, epochs=100, dropout=0.3, dropout_seed=0)
    assert helpers.count_distinct_neurons(history.params) == 4


def dropout_gradients_by_hand(params, X, Y, keep):
    """The gradient of the mean bce loss of a tanh network whose hidden layer is multiplied by the
    dropout mask `keep` on its way to the output: the chain rule one sample and one weight at a
    time, written apart from helpers' matrix form of the backward pass."""
    n_samples, (n_inputs, n_hidden) = len(X), params["W1"].shape
    grads = {name: np.zeros_like(array) for name, array in params.items()}
    for n in range(n_samples):
        z1 = [sum(X[n, i] * params["W1"][i, j] for i in range(n_inputs)) + params["b1"][j] for j in range(n_hidden)]
        hidden = np.tanh(z1)
        z2 = sum(hidden[j] * keep[n, j] * params["W2"][j, 0] for j in range(n_hidden)) + params["b2"][0]
        output_error = (1 / (1 + np.exp(-z2)) - Y[n, 0]) / n_samples  # dL/dz2 of the mean bce
        grads["b2"][0] += output_error
        for j in range(n_hidden):
            grads["W2"][j, 0] += output_error * hidden[j] * keep[n, j]
            # neuron j's error passes back through its mask: a dropped neuron (keep 0) gets none
            hidden_error = output_error * params["W2"][j, 0] * keep[n, j] * (1 - hidden[j] ** 2)
            grads["b1"][j] += hidden_error
            for i in range(n_inputs):
                grads["W1"][i, j] += hidden_error * X[n, i]
    return grads


XOR_NETWORK = {"W1": np.array([[0.5, -0.3, 0.8], [0.2, 0.4, -0.6]]), "b1": np.array([0.1, -0.2, 0.3]),
               "W2": np.array([[0.7], [-0.5], [0.9]]), "b2": np.array([0.05])}


def test_dropout_gives_a_dropped_neuron_no_gradient_and_scales_the_kept_ones():
    X, Y = logic_gate("xor")
    # rate 0.5: a kept neuron's activation is doubled, a dropped one's is 0. Neuron 2 (the middle
    # column) is dropped for every sample; the others are dropped for some samples only.
    keep = np.array([[2.0, 0.0, 0.0], [0.0, 0.0, 2.0], [2.0, 0.0, 2.0], [2.0, 0.0, 0.0]])
    grads = backward_pass(XOR_NETWORK, forward_pass(XOR_NETWORK, X, "tanh", keep)[1], Y, "bce")
    expected = dropout_gradients_by_hand(XOR_NETWORK, X, Y, keep)
    for name in XOR_NETWORK:
        np.testing.assert_allclose(grads[name], expected[name], rtol=1e-12, atol=1e-15)
    assert np.all(grads["W1"][:, 1] == 0) and grads["b1"][1] == 0 and grads["W2"][1, 0] == 0


def test_a_dropout_step_in_train_uses_the_masks_of_the_dropout_seed():
    X, Y = logic_gate("xor")
    # train draws one mask per step, from default_rng(dropout_seed): entry kept where random() >= rate
    keep = (np.random.default_rng(5).random((4, 3)) >= 0.5) / 0.5
    expected = dropout_gradients_by_hand(XOR_NETWORK, X, Y, keep)
    history = helpers.train(X, Y, 3, params=XOR_NETWORK, activation="tanh", learning_rate=0.5, epochs=1,
                            dropout=0.5, dropout_seed=5)
    for name in XOR_NETWORK:
        np.testing.assert_allclose(history.params[name], XOR_NETWORK[name] - 0.5 * expected[name], rtol=1e-12)


@pytest.mark.parametrize("kwargs, error, message", [
    ({"dropout": 1.0}, ValueError, r"dropout must be below 1 \(the probability of dropping a neuron\); got 1\.0"),
    ({"dropout": -0.1}, ValueError, r"dropout must be 0 or more; got -0\.1"),
    ({"batch_size": 0}, ValueError, r"batch_size must be at least 1; got 0"),
    ({"shuffle_seed": -1}, ValueError, r"shuffle_seed must be at least 0; got -1"),
    ({"output_init": "ones"}, ValueError, r"output_init must be one of"),
])
def test_bad_batch_and_dropout_settings_get_a_clear_message(kwargs, error, message):
    X, Y = logic_gate("xor")
    with pytest.raises(error, match=message):
        helpers.train(X, Y, 4, **kwargs)
