"""helpers.fast_training.train_fast, the dashboard's loop, against the readable helpers.train.

The oracle is train itself: every setting the dashboard offers must give the same History, to the
last bit (train_fast does the same numpy operations in the same order), the same errors and the
same warning. Bit for bit matters: a zero start on two moons waits at a saddle, and the epoch at
which it leaves depends on rounding, so "equal to rounding" would show a different run."""

import itertools
import warnings

import numpy as np
import pytest

from helpers import data, init_params, train
from helpers.fast_training import train_fast
from helpers.symmetry import count_distinct_neurons
from helpers.training import TrainingWarning

FIELDS = ("epochs", "loss", "W1", "b1", "W2", "b2")
STARTS = {  # the dashboard's starts: (init, output_init)
    "zero": ("zero", None), "constant": ("constant", None), "random": ("random", None),
    "constant, output random": ("constant", "random"), "zero, output random": ("zero", "random"),
}


def both(X, Y, params, **settings):
    return train(X, Y, params, **settings), train_fast(X, Y, params, **settings)


def assert_same_history(readable, fast):
    for field in FIELDS:
        np.testing.assert_array_equal(getattr(fast, field), getattr(readable, field), err_msg=field)
    for name, array in readable.params.items():
        np.testing.assert_array_equal(fast.params[name], array, err_msg=name, strict=True)
    assert (fast.activation, fast.loss_name) == (readable.activation, readable.loss_name)
    assert count_distinct_neurons(fast.params) == count_distinct_neurons(readable.params)


@pytest.mark.parametrize("dataset, start, activation, learning_rate", [
    *itertools.product(("xor", "moons", "circles", "seven"), STARTS, ("sigmoid",), (1.0,)),
    *itertools.product(("xor", "moons", "circles"), ("random", "zero"), ("tanh", "relu"), (0.1, 1.0, 5.0)),
])
def test_every_dashboard_setting_gives_trains_history(dataset, start, activation, learning_rate):
    X, Y = data.load(dataset, n_samples=100, noise=0.1, seed=0)
    init, output_init = STARTS[start]
    params = init_params(2, 4, 1, init, seed=0, output_init=output_init)
    readable, fast = both(X, Y, params, activation=activation, learning_rate=learning_rate,
                          epochs=1000, record_every=10)
    assert_same_history(readable, fast)


def test_other_shapes_losses_and_records_give_trains_history():
    X, Y = data.load("moons", n_samples=60, noise=0.2, seed=1)
    Y2 = np.hstack([Y, 1 - Y])
    params = init_params(2, 7, 2, "random", seed=4, scale=0.5)
    for loss_name, record_every, epochs in (("bce", 1, 30), ("mse", 7, 200), ("bce", 50, 120)):
        assert_same_history(*both(X, Y2, params, loss_name=loss_name, learning_rate=0.8, epochs=epochs,
                                  record_every=record_every))


def test_the_start_is_copied_not_changed():
    X, Y = data.logic_gate("xor")
    params = init_params(2, 4, 1, "random", seed=0)
    before = {name: array.copy() for name, array in params.items()}
    history = train_fast(X, Y, params, epochs=5)
    for name in params:
        np.testing.assert_array_equal(params[name], before[name])
        assert not np.shares_memory(history.params[name], params[name])


def test_a_divergence_names_the_same_epoch_as_train():
    X, Y = data.load("circles", n_samples=100, noise=0.1, seed=0)
    params = init_params(2, 4, 1, "random", seed=0)
    messages = []
    for function in (train, train_fast):  # it breaks at epoch 1, between two snapshots
        with pytest.raises(ValueError, match="diverged") as caught:
            function(X, Y, params, activation="relu", learning_rate=1e200, epochs=200, record_every=10)
        messages.append(str(caught.value))
    assert messages[0] == messages[1]


def test_a_loss_that_rises_tenfold_warns_as_train_does():
    X, Y = data.logic_gate("xor")
    params = init_params(2, 4, 1, "random", seed=0)
    caught = []
    for function in (train, train_fast):
        with warnings.catch_warnings(record=True) as found:
            warnings.simplefilter("always")
            function(X, Y, params, learning_rate=1e6, epochs=50)
        caught.append([str(w.message) for w in found if issubclass(w.category, TrainingWarning)])
    assert caught[0] and caught[0] == caught[1]


def test_bad_settings_get_trains_error():
    X, Y = data.logic_gate("xor")
    params = init_params(2, 4, 1, "random", seed=0)
    for bad in ({"epochs": -1}, {"activation": "softmax"}, {"learning_rate": 0}):
        with pytest.raises(ValueError, match=next(iter(bad))):
            train_fast(X, Y, params, **bad)
