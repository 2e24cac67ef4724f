"""More tests for helpers.training.train: the documented defaults, what a History remembers, the
divergence check's three ways of seeing overflow, and the message of every argument check."""

import numpy as np
import pytest

import helpers
from helpers.data import logic_gate, two_moons

DIVERGED = r"^training diverged: the weights, their weighted sums or the loss stopped being finite numbers by epoch"


def one_neuron(W1, b1, W2, b2):
    """A 1-1-1 network with the given numbers."""
    return {"W1": np.array([[W1]]), "b1": np.array([b1]), "W2": np.array([[W2]]), "b2": np.array([b2])}


# --- the documented defaults ---

def test_train_defaults_to_1000_full_batch_epochs_recorded_every_epoch_from_seed_0():
    X, Y = logic_gate("xor")
    history = helpers.train(X, Y, 2)
    np.testing.assert_array_equal(history.epochs, np.arange(1001))
    np.testing.assert_array_equal(history.W1[0], helpers.init_params(2, 2, 1, seed=0)["W1"])
    assert (history.activation, history.loss_name) == ("sigmoid", "bce")


def test_a_constant_start_defaults_to_one_half():
    X, Y = logic_gate("and")
    history = helpers.train(X, Y, 3, init="constant", epochs=0)
    assert np.all(history.W1[0] == 0.5) and np.all(history.W2[0] == 0.5)


def test_dropout_masks_default_to_dropout_seed_0():
    X, Y = two_moons(21, seed=4)
    default = helpers.train(X, Y, 3, epochs=5, dropout=0.4)
    seed_0 = helpers.train(X, Y, 3, epochs=5, dropout=0.4, dropout_seed=0)
    seed_1 = helpers.train(X, Y, 3, epochs=5, dropout=0.4, dropout_seed=1)
    np.testing.assert_array_equal(default.W1, seed_0.W1)
    assert not np.array_equal(default.W1, seed_1.W1)


def test_the_history_remembers_the_activation_and_the_loss_it_was_trained_with():
    X, Y = logic_gate("or")
    history = helpers.train(X, Y, 2, activation="tanh", loss="mse", epochs=3)
    assert (history.activation, history.loss_name) == ("tanh", "mse")


# --- full batch: the order of the samples never changes ---

@pytest.mark.parametrize("batch_size", [None, 41, 100])
def test_full_batch_training_ignores_the_shuffle_seed(batch_size):
    # one batch holding every sample in the data's order: the same numbers to the last bit,
    # not a shuffled sum that agrees only to rounding
    X, Y = two_moons(41, seed=1)
    plain = helpers.train(X, Y, 4, epochs=200)
    shuffled = helpers.train(X, Y, 4, epochs=200, batch_size=batch_size, shuffle_seed=3)
    for name in ("W1", "b1", "W2", "b2"):
        np.testing.assert_array_equal(shuffled.params[name], plain.params[name])


# --- the list of recorded epochs in params_at_epoch's message ---

def test_up_to_eight_recorded_epochs_are_all_named_and_more_are_shortened():
    X, Y = logic_gate("xor")
    eight = helpers.train(X, Y, 2, epochs=7)
    with pytest.raises(ValueError, match=r"the recorded epochs are 0, 1, 2, 3, 4, 5, 6, 7 \(see record_every"):
        eight.params_at_epoch(9)
    nine = helpers.train(X, Y, 2, epochs=8)
    with pytest.raises(ValueError, match=r"the recorded epochs are 0, 1, 2, 3, \.\.\., 7, 8 \(see record_every"):
        nine.params_at_epoch(9)


# --- divergence: weights, weighted sums and the loss are each checked ---

def test_a_loss_that_overflows_while_every_sum_is_finite_counts_as_diverged():
    # z2 = 1e308 for both samples: each bce term is 1e308, finite, but their sum is not
    X, Y = np.zeros((2, 1)), np.zeros((2, 1))
    with pytest.raises(ValueError, match=DIVERGED + r" 0\."):
        helpers.train(X, Y, 1, params=one_neuron(0.0, 0.0, 0.0, 1e308), epochs=0)


def test_an_infinite_output_sum_behind_a_finite_loss_counts_as_diverged():
    # hidden = relu(1) = 1, z2 = 1e308 + 1e308 = inf, output exactly 1 = the target: mse loss 0
    with pytest.raises(ValueError, match=DIVERGED + r" 0\."):
        helpers.train([[1.0]], [[1.0]], 1, params=one_neuron(1.0, 0.0, 1e308, 1e308), activation="relu",
                      loss="mse", epochs=0)


def test_an_infinite_hidden_sum_behind_a_finite_output_counts_as_diverged():
    # z1 = 1e308 + 1e308 = inf, hidden = sigmoid(inf) = 1, z2 = 1: every later number looks fine
    with pytest.raises(ValueError, match=DIVERGED + r" 0\."):
        helpers.train([[1.0]], [[1.0]], 1, params=one_neuron(1e308, 1e308, 1.0, 0.0), epochs=0)


def test_divergence_names_the_first_recorded_epoch_that_broke():
    # Epoch 0 is finite: z1 = 1, hidden = relu(1) = 1, z2 = 1e308, bce loss 1e308 (target 0).
    # The first step, learning rate 10: dL/dz2 = 10 (sigmoid(1e308) - 0), so the hidden error is
    # 10 x W2 = 10 x 1e308 = inf and W1 becomes 1 - inf = -inf: broken from epoch 1 on.
    with pytest.raises(ValueError, match=DIVERGED + r" 1\. Try a smaller learning_rate \(got 10\)"):
        helpers.train([[1.0]], [[0.0]], 1, params=one_neuron(1.0, 0.0, 1e308, 0.0), activation="relu",
                      learning_rate=10.0, epochs=3)


# --- every argument check names its argument ---

def test_bce_targets_are_checked_only_for_bce():
    X, Y = logic_gate("xor")
    with pytest.raises(ValueError, match=r"^Y must lie between 0 and 1 for the 'bce' loss; got values from 0 to 2"):
        helpers.train(X, 2 * Y, 2, epochs=1)
    assert helpers.train(X, 2 * Y, 2, loss="mse", epochs=1).loss.shape == (2,)


@pytest.mark.parametrize("kwargs, error, message", [
    ({"X": np.zeros(4)}, ValueError, r"^X must be 2-D"),
    ({"dropout_seed": -1}, ValueError, r"^dropout_seed must be at least 0; got -1"),
    ({"params": helpers.init_params(2, 3, 1)}, ValueError,
     r"^params has 3 hidden neurons and 1 outputs, but n_hidden=2 and Y has 1 columns$"),
    ({"params": helpers.init_params(2, 2, 3)}, ValueError,
     r"^params has 2 hidden neurons and 3 outputs, but n_hidden=2 and Y has 1 columns$"),
])
def test_bad_training_settings_name_their_argument(kwargs, error, message):
    X, Y = logic_gate("xor")
    arguments = {"X": X, "Y": Y, **kwargs}
    with pytest.raises(error, match=message):
        helpers.train(arguments.pop("X"), arguments.pop("Y"), 2, **arguments)
