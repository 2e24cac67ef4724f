"""Tests for helpers.training: train (full batch), train_in_batches (mini-batches and dropout), the
History they return, and how a run that breaks or goes wrong is reported."""

import warnings

import numpy as np
import pytest

import helpers
from helpers.data import logic_gate, two_moons
from helpers.training import MAX_EPOCHS, TrainingWarning, backward_pass_with_dropout, forward_pass_with_dropout

DIVERGED = r"training diverged: the weights, their weighted sums or the loss stopped being finite numbers at epoch"


def start(X, Y, n_hidden, init="random", seed=0, **settings):
    """Starting weights for a network fitting X and Y."""
    X, Y = np.asarray(X), np.asarray(Y).reshape(len(X), -1)
    return helpers.init_params(X.shape[1], n_hidden, Y.shape[1], init, seed=seed, **settings)


def one_neuron(W1, b1, W2, b2):
    """A 1-1-1 network with the given numbers."""
    return {"W1": np.array([[W1]]), "b1": np.array([b1]), "W2": np.array([[W2]]), "b2": np.array([b2])}


def test_history_records_the_start_every_few_epochs_and_the_end():
    X, Y = logic_gate("xor")
    history = helpers.train(X, Y, start(X, Y, 3, seed=1), epochs=10, record_every=4)
    np.testing.assert_array_equal(history.epochs, [0, 4, 8, 10])
    assert history.W1.shape == (4, 2, 3) and history.b1.shape == (4, 3)
    assert history.W2.shape == (4, 3, 1) and history.b2.shape == (4, 1) and history.loss.shape == (4,)
    np.testing.assert_array_equal(history.W1[0], helpers.init_params(2, 3, 1, seed=1)["W1"])
    np.testing.assert_array_equal(history.W1[-1], history.params["W1"])


def test_train_defaults_to_1000_epochs_recorded_every_epoch_with_sigmoid_and_bce():
    X, Y = logic_gate("xor")
    history = helpers.train(X, Y, start(X, Y, 2))
    np.testing.assert_array_equal(history.epochs, np.arange(1001))
    assert (history.activation, history.loss_name) == ("sigmoid", "bce")
    by_hand = start(X, Y, 2)
    for _ in range(1000):
        grads = helpers.backward(by_hand, helpers.forward(by_hand, X)[1], Y)
        by_hand = {name: by_hand[name] - 0.5 * grads[name] for name in by_hand}  # learning rate 0.5
    for name in by_hand:
        np.testing.assert_allclose(history.params[name], by_hand[name], rtol=1e-12, atol=1e-14)


def test_train_is_plain_gradient_descent():
    X, Y = logic_gate("xor")
    params = helpers.init_params(2, 3, 1, seed=5)
    history = helpers.train(X, Y, params, activation="tanh", loss_name="mse", learning_rate=0.7, epochs=3)
    for _ in range(3):
        grads = helpers.backward(params, helpers.forward(params, X, "tanh")[1], Y, "mse")
        params = {k: params[k] - 0.7 * grads[k] for k in params}
    for name in params:
        np.testing.assert_allclose(history.params[name], params[name], rtol=1e-13, atol=1e-15)
    assert history.loss[-1] == pytest.approx(helpers.loss_value(helpers.forward(params, X, "tanh")[0], Y, "mse"))


def test_the_history_remembers_the_activation_and_the_loss_it_was_trained_with():
    X, Y = logic_gate("or")
    history = helpers.train(X, Y, start(X, Y, 2), activation="tanh", loss_name="mse", epochs=3)
    assert (history.activation, history.loss_name) == ("tanh", "mse")


@pytest.mark.parametrize("activation", ["sigmoid", "tanh", "relu"])
@pytest.mark.parametrize("loss_name", ["bce", "mse"])
def test_the_recorded_loss_is_loss_value_of_the_recorded_weights(activation, loss_name):
    X, Y = two_moons(60, seed=3)
    history = helpers.train(X, Y, start(X, Y, 5), activation=activation, loss_name=loss_name, epochs=300,
                            record_every=100)
    for record in range(len(history.epochs)):
        output = helpers.forward(history.params_at(record), X, activation)[0]
        assert history.loss[record] == pytest.approx(helpers.loss_value(output, Y, loss_name), rel=1e-12, abs=1e-15)


def test_params_at_epoch_finds_the_snapshot_of_that_epoch():
    X, Y = logic_gate("xor")
    history = helpers.train(X, Y, start(X, Y, 3, seed=1), epochs=10, record_every=4)
    for record, epoch in enumerate(history.epochs):
        at_epoch = history.params_at_epoch(int(epoch))
        for name, array in history.params_at(record).items():
            np.testing.assert_array_equal(at_epoch[name], array)
    assert history.params_at_epoch(np.int64(10))["W1"] is not history.W1[-1]  # a copy


def test_params_at_counts_negative_records_from_the_end_and_names_the_number_of_snapshots():
    X, Y = logic_gate("xor")
    history = helpers.train(X, Y, start(X, Y, 3), epochs=10, record_every=4)
    np.testing.assert_array_equal(history.params_at(-1)["W1"], history.W1[3])
    np.testing.assert_array_equal(history.params_at(-4)["W1"], history.W1[0])
    with pytest.raises(ValueError, match=r"record must be below 4.*got 4"):
        history.params_at(4)
    with pytest.raises(ValueError, match=r"record must be at least -4; got -5"):
        history.params_at(-5)
    with pytest.raises(TypeError, match=r"record must be a whole number"):
        history.params_at(1.0)


def test_params_at_epoch_names_the_recorded_epochs_when_asked_for_another():
    X, Y = logic_gate("xor")
    history = helpers.train(X, Y, start(X, Y, 3, seed=1), epochs=10, record_every=4)
    with pytest.raises(ValueError, match=r"epoch 5 was not recorded; the recorded epochs are 0, 4, 8, 10"):
        history.params_at_epoch(5)
    long = helpers.train(X, Y, start(X, Y, 3), epochs=3000, record_every=10)
    with pytest.raises(ValueError, match=r"epoch 15 was not recorded; the recorded epochs are 0, 10, 20, 30, \.\.\., "
                                         r"2990, 3000"):
        long.params_at_epoch(15)
    with pytest.raises(ValueError, match=r"epoch must be at least 0; got -1"):
        history.params_at_epoch(-1)


def test_up_to_eight_recorded_epochs_are_all_named_and_more_are_shortened():
    X, Y = logic_gate("xor")
    eight = helpers.train(X, Y, start(X, Y, 2), epochs=7)
    with pytest.raises(ValueError, match=r"the recorded epochs are 0, 1, 2, 3, 4, 5, 6, 7 \(see record_every"):
        eight.params_at_epoch(9)
    nine = helpers.train(X, Y, start(X, Y, 2), epochs=8)
    with pytest.raises(ValueError, match=r"the recorded epochs are 0, 1, 2, 3, \.\.\., 7, 8 \(see record_every"):
        nine.params_at_epoch(9)


@pytest.mark.parametrize("train", [helpers.train, lambda *args, **kwargs: helpers.train_in_batches(
    *args, batch_size=3, dropout=0.2, **kwargs)])
def test_training_leaves_the_starting_weights_unchanged(train):
    X, Y = logic_gate("xor")
    params = helpers.init_params(2, 2, 1, seed=3)
    before = {k: v.copy() for k, v in params.items()}
    history = train(X, Y, params, epochs=20)
    for name in params:
        np.testing.assert_array_equal(params[name], before[name])
        np.testing.assert_array_equal(history.params_at(0)[name], before[name])


def test_zero_epochs_records_only_the_start():
    X, Y = logic_gate("and")
    history = helpers.train(X, Y, start(X, Y, 2), epochs=0)
    np.testing.assert_array_equal(history.epochs, [0])


def test_a_2_4_1_network_with_random_init_learns_xor_for_most_seeds():
    X, Y = logic_gate("xor")
    solved = 0
    for seed in range(10):
        history = helpers.train(X, Y, start(X, Y, 4, seed=seed), learning_rate=1.0, epochs=3000, record_every=3000)
        solved += helpers.accuracy(helpers.forward(history.params, X)[0], Y) == 1.0
    assert solved >= 8


def test_training_lowers_the_loss_on_two_moons():
    X, Y = two_moons(100, noise=0.1, seed=0)
    history = helpers.train(X, Y, start(X, Y, 8), epochs=1000, learning_rate=1.0, record_every=100)
    assert history.loss[-1] < 0.5 * history.loss[0]
    assert helpers.accuracy(helpers.forward(history.params, X)[0], Y) > 0.85


# --- a run that breaks: the epoch where it broke ---

@pytest.mark.parametrize("learning_rate", [1e6, 1e12])
def test_diverging_training_raises_a_clear_error_not_nan(learning_rate):
    X, Y = two_moons(50, seed=0)
    with pytest.raises(ValueError, match=DIVERGED + r" \d+\. Try a smaller learning_rate \(got 1e\+\d+\)"):
        helpers.train(X * 100, Y, start(X, Y, 4, "constant", value=50.0), activation="relu",
                      learning_rate=learning_rate, epochs=50)


@pytest.mark.parametrize("value", [1e200, -1e300])
def test_weights_so_large_that_the_sums_overflow_count_as_diverged(value):
    # the loss alone would look fine here: the sigmoid turns an infinite sum into exactly 0 or 1
    X, Y = two_moons(20, seed=0)
    with pytest.raises(ValueError, match=DIVERGED + r" 0\."):
        helpers.train(X, Y, start(X, Y, 4, "constant", value=value), activation="relu", epochs=5)


def test_a_loss_that_overflows_while_every_sum_is_finite_counts_as_diverged():
    # z2 = 1e308 for both samples: each bce term is 1e308, finite, but their sum is not
    X, Y = np.zeros((2, 1)), np.zeros((2, 1))
    with pytest.raises(ValueError, match=DIVERGED + r" 0\."):
        helpers.train(X, Y, one_neuron(0.0, 0.0, 0.0, 1e308), epochs=0)


def test_an_infinite_output_sum_behind_a_finite_loss_counts_as_diverged():
    # hidden = relu(1) = 1, z2 = 1e308 + 1e308 = inf, output exactly 1 = the target: mse loss 0
    with pytest.raises(ValueError, match=DIVERGED + r" 0\."):
        helpers.train([[1.0]], [[1.0]], one_neuron(1.0, 0.0, 1e308, 1e308), activation="relu", loss_name="mse",
                      epochs=0)


def test_an_infinite_hidden_sum_behind_a_finite_output_counts_as_diverged():
    # z1 = 1e308 + 1e308 = inf, hidden = sigmoid(inf) = 1, z2 = 1: every later number looks fine
    with pytest.raises(ValueError, match=DIVERGED + r" 0\."):
        helpers.train([[1.0]], [[1.0]], one_neuron(1e308, 1e308, 1.0, 0.0), epochs=0)


@pytest.mark.parametrize("record_every", [1, 2, 3, 50])
def test_divergence_names_the_epoch_it_broke_whatever_is_recorded(record_every):
    # Epoch 0 is finite: z1 = 1, hidden = relu(1) = 1, z2 = 1e308, bce loss 1e308 (target 0).
    # The first step, learning rate 10: dL/dz2 = sigmoid(1e308) - 0 = 1, so W1's step is
    # 10 x W2 = 10 x 1e308 = inf and W1 becomes 1 - inf = -inf: broken from epoch 1 on.
    with pytest.raises(ValueError, match=DIVERGED + r" 1\. Try a smaller learning_rate \(got 10\)"):
        helpers.train([[1.0]], [[0.0]], one_neuron(1.0, 0.0, 1e308, 0.0), activation="relu", learning_rate=10.0,
                      epochs=100, record_every=record_every)


@pytest.mark.parametrize("record_every", [1, 7, 1000])
def test_divergence_after_several_good_epochs_names_that_epoch(record_every):
    # learning rate 1e6 on two moons scaled by 100: finite for a few epochs, then the sums overflow
    X, Y = two_moons(50, seed=0)
    params = start(X, Y, 4, "constant", value=50.0)
    with pytest.raises(ValueError) as every_epoch:
        helpers.train(X * 100, Y, params, activation="relu", learning_rate=1e6, epochs=1000)
    broke_at = int(str(every_epoch.value).split("at epoch ")[1].split(".")[0])
    assert broke_at >= 2  # a test of the replay needs at least one good step before the break
    with pytest.raises(ValueError, match=DIVERGED + rf" {broke_at}\."):
        helpers.train(X * 100, Y, params, activation="relu", learning_rate=1e6, epochs=1000, record_every=record_every)


# --- a finite run that went wrong, and runs too long to ask for ---

def test_a_run_whose_loss_ends_above_its_start_warns_with_the_learning_rate():
    X, Y = logic_gate("xor")
    with pytest.warns(TrainingWarning, match=r"the loss rose more than tenfold, from .* at epoch 0 to .* at epoch 100: "
                                             r"learning_rate=1e\+06 is probably too large"):
        history = helpers.train(X, Y, start(X, Y, 3), learning_rate=1e6, epochs=100)
    assert np.isfinite(history.loss).all() and history.loss[-1] > 100 * history.loss[0]
    assert issubclass(TrainingWarning, RuntimeWarning)


def test_a_run_that_lowers_the_loss_or_raises_it_less_than_tenfold_does_not_warn():
    X, Y = logic_gate("xor")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        helpers.train(X, Y, start(X, Y, 3), learning_rate=1.0, epochs=100)
        rose = helpers.train_in_batches(X, Y, helpers.init_params(2, 2, 1, seed=3), batch_size=3, dropout=0.2,
                                        epochs=20)
    assert rose.loss[0] < rose.loss[-1] < 10 * rose.loss[0]


def test_epochs_beyond_the_limit_are_refused_at_once_with_the_limit_and_what_to_do():
    X, Y = logic_gate("xor")
    for epochs in (MAX_EPOCHS + 1, 10**10):
        with pytest.raises(ValueError, match=rf"epochs must be at most {MAX_EPOCHS:,}.*continue from history.params"):
            helpers.train(X, Y, start(X, Y, 3), epochs=epochs)
    assert MAX_EPOCHS == 100_000


def test_snapshots_that_would_not_fit_in_memory_are_refused_and_record_every_named():
    X = np.zeros((1, 500))
    params = helpers.init_params(500, 500, 1, "zero")  # 2 MB a snapshot
    with pytest.raises(ValueError, match=r"snapshots of this network would take .* MB.*larger record_every \(got 1\)"):
        helpers.train(X, [[0.5]], params, epochs=1000)


@pytest.mark.parametrize("kwargs, argument", [
    ({"epochs": -1}, "epochs"), ({"epochs": 2.5}, "epochs"), ({"learning_rate": 0}, "learning_rate"),
    ({"learning_rate": "fast"}, "learning_rate"), ({"activation": "step"}, "activation"),
    ({"loss_name": "ce"}, "loss_name"), ({"record_every": 0}, "record_every"), ({"Y": np.zeros((3, 1))}, "Y"),
    ({"Y": 2 * np.ones((4, 1))}, "Y"), ({"X": np.full((4, 2), np.inf)}, "X"),
    ({"params": helpers.init_params(3, 4, 1)}, "X"), ({"params": helpers.init_params(2, 4, 2)}, "Y"),
])
def test_bad_training_settings_name_their_argument(kwargs, argument):
    X, Y = logic_gate("xor")
    arguments = {"X": X, "Y": Y, "params": start(X, Y, 4), **kwargs}
    for train in (helpers.train, lambda *args, **kw: helpers.train_in_batches(*args, batch_size=2, **kw)):
        with pytest.raises((ValueError, TypeError), match=argument):
            train(arguments["X"], arguments["Y"], arguments["params"],
                  **{k: v for k, v in arguments.items() if k not in ("X", "Y", "params")})


def test_bce_targets_are_checked_only_for_bce():
    X, Y = logic_gate("xor")
    with pytest.raises(ValueError, match=r"Y must lie between 0 and 1; got values from 0 to 2.*'bce'"):
        helpers.train(X, 2 * Y, start(X, Y, 2), epochs=1)
    assert helpers.train(X, 2 * Y, start(X, Y, 2), loss_name="mse", epochs=1).loss.shape == (2,)


# --- mini-batches, shuffling, dropout ---

def test_a_batch_as_large_as_the_data_set_is_full_batch_training():
    X, Y = two_moons(30, seed=2)
    full = helpers.train(X, Y, start(X, Y, 3), epochs=50)
    for batch_size in (30, 100):
        batched = helpers.train_in_batches(X, Y, start(X, Y, 3), epochs=50, batch_size=batch_size, shuffle_seed=None)
        np.testing.assert_array_equal(full.W1, batched.W1)
        np.testing.assert_array_equal(full.loss, batched.loss)


def test_mini_batches_take_one_step_per_batch_in_order():
    X, Y = two_moons(10, seed=2)
    params = helpers.init_params(2, 3, 1, seed=1)
    history = helpers.train_in_batches(X, Y, params, epochs=1, batch_size=4)
    for rows in (slice(0, 4), slice(4, 8), slice(8, 10)):
        grads = helpers.backward(params, helpers.forward(params, X[rows])[1], Y[rows])
        params = {k: params[k] - 0.5 * grads[k] for k in params}
    for name in params:
        np.testing.assert_allclose(history.params[name], params[name], rtol=1e-12, atol=1e-15)


def test_shuffled_mini_batches_follow_the_shuffle_seed():
    X, Y = two_moons(40, seed=2)
    a, b, c = (helpers.train_in_batches(X, Y, start(X, Y, 3), epochs=5, batch_size=8, shuffle_seed=seed)
               for seed in (1, 1, 2))
    np.testing.assert_array_equal(a.W1, b.W1)
    assert not np.array_equal(a.W1, c.W1)


def test_a_shuffled_batch_is_the_shuffle_seeds_permutation():
    X, Y = two_moons(6, seed=2)
    params = helpers.init_params(2, 3, 1, seed=1)
    history = helpers.train_in_batches(X, Y, params, epochs=1, batch_size=6, shuffle_seed=4, learning_rate=1.0)
    rows = np.random.default_rng(4).permutation(6)
    grads = helpers.backward(params, helpers.forward(params, X[rows])[1], Y[rows])
    np.testing.assert_allclose(history.params["W1"], params["W1"] - grads["W1"], rtol=1e-13, atol=1e-16)


def test_shuffled_mini_batches_keep_identical_neurons_identical():
    X, Y = two_moons(41, seed=1)  # every neuron sees the same batch, so symmetry survives
    history = helpers.train_in_batches(X, Y, start(X, Y, 4, "constant", value=0.3), epochs=100, batch_size=8,
                                       shuffle_seed=0)
    assert helpers.count_distinct_neurons(history.params) == 1


def test_dropout_breaks_the_symmetry_of_a_constant_start():
    X, Y = two_moons(41, seed=1)
    history = helpers.train_in_batches(X, Y, start(X, Y, 4, "constant", value=0.3), batch_size=41, epochs=100,
                                       dropout=0.3, dropout_seed=0)
    assert helpers.count_distinct_neurons(history.params) == 4


def test_dropout_masks_default_to_dropout_seed_0():
    X, Y = two_moons(21, seed=4)
    default, seed_0, seed_1 = (helpers.train_in_batches(X, Y, start(X, Y, 3), batch_size=21, epochs=5, dropout=0.4,
                                                        **seed) for seed in ({}, {"dropout_seed": 0},
                                                                             {"dropout_seed": 1}))
    np.testing.assert_array_equal(default.W1, seed_0.W1)
    assert not np.array_equal(default.W1, seed_1.W1)


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


def test_a_dropout_mask_multiplies_the_hidden_layer_on_its_way_to_the_output():
    params = {"W1": np.array([[1.0, -1.0], [2.0, 0.5]]), "b1": np.array([0.5, -0.5]),
              "W2": np.array([[1.0], [-2.0]]), "b2": np.array([0.25])}
    X = np.array([[1.0, 2.0], [0.0, -1.0]])
    keep = np.array([[2.0, 0.0], [0.0, 2.0]])  # sample 0 keeps neuron 0, sample 1 keeps neuron 1 (rate 1/2)
    hidden = np.tanh(np.array([[1 + 4 + 0.5, -1 + 1 - 0.5], [0 - 2 + 0.5, 0 - 0.5 - 0.5]]))
    z2 = np.array([2 * hidden[0, 0] * 1.0, 2 * hidden[1, 1] * -2.0]) + 0.25
    cache = forward_pass_with_dropout(params, X, "tanh", keep)
    np.testing.assert_allclose(cache["output"][:, 0], 1 / (1 + np.exp(-z2)), rtol=1e-14)
    np.testing.assert_allclose(cache["hidden"], hidden, rtol=1e-14)  # the cache keeps the undropped layer
    assert cache["keep"] is keep


def test_dropout_gives_a_dropped_neuron_no_gradient_and_scales_the_kept_ones():
    X, Y = logic_gate("xor")
    # rate 0.5: a kept neuron's activation is doubled, a dropped one's is 0. Neuron 2 (the middle
    # column) is dropped for every sample; the others are dropped for some samples only.
    keep = np.array([[2.0, 0.0, 0.0], [0.0, 0.0, 2.0], [2.0, 0.0, 2.0], [2.0, 0.0, 0.0]])
    grads = backward_pass_with_dropout(XOR_NETWORK, forward_pass_with_dropout(XOR_NETWORK, X, "tanh", keep), Y, "bce")
    expected = dropout_gradients_by_hand(XOR_NETWORK, X, Y, keep)
    for name in XOR_NETWORK:
        np.testing.assert_allclose(grads[name], expected[name], rtol=1e-12, atol=1e-15)
    assert np.all(grads["W1"][:, 1] == 0) and grads["b1"][1] == 0 and grads["W2"][1, 0] == 0


def test_a_dropout_step_uses_the_masks_of_the_dropout_seed():
    X, Y = logic_gate("xor")
    # one mask per step, from default_rng(dropout_seed): entry kept where random() >= rate
    keep = (np.random.default_rng(5).random((4, 3)) >= 0.5) / 0.5
    expected = dropout_gradients_by_hand(XOR_NETWORK, X, Y, keep)
    history = helpers.train_in_batches(X, Y, XOR_NETWORK, batch_size=4, activation="tanh", learning_rate=0.5,
                                       epochs=1, dropout=0.5, dropout_seed=5)
    for name in XOR_NETWORK:
        np.testing.assert_allclose(history.params[name], XOR_NETWORK[name] - 0.5 * expected[name], rtol=1e-12)


def test_divergence_in_batches_names_the_epoch_it_broke():
    # as in the full-batch test above: finite at epoch 0, infinite weights after the first step
    for record_every in (1, 50):
        with pytest.raises(ValueError, match=DIVERGED + r" 1\."):
            helpers.train_in_batches([[1.0]], [[0.0]], one_neuron(1.0, 0.0, 1e308, 0.0), batch_size=1,
                                     activation="relu", learning_rate=10.0, epochs=100, record_every=record_every)


@pytest.mark.parametrize("kwargs, argument", [
    ({"dropout": 1.0}, "dropout"), ({"dropout": -0.1}, "dropout"), ({"batch_size": 0}, "batch_size"),
    ({"batch_size": None}, "batch_size"), ({"shuffle_seed": -1}, "shuffle_seed"),
    ({"dropout_seed": -1}, "dropout_seed"),
])
def test_bad_batch_and_dropout_settings_name_their_argument(kwargs, argument):
    X, Y = logic_gate("xor")
    with pytest.raises((ValueError, TypeError), match=argument):
        helpers.train_in_batches(X, Y, start(X, Y, 4), **{"batch_size": 2, **kwargs})
