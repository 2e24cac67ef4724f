"""Gradient descent on a network with one hidden layer, with snapshots of the weights for the plots
to scrub through.

train             full batch: every epoch is one step on the whole data set
train_in_batches  mini-batches (one step per batch) and dropout, in their own section below

Both check their settings first, record a snapshot (the weights and the loss on the whole data
set) at epoch 0, every `record_every` epochs and at the last epoch, and stop with a ValueError
naming the epoch at which a number overflowed.
"""

import math
import warnings
from dataclasses import dataclass

import numpy as np

from helpers.network import (
    ACTIVATIONS,
    LOSSES,
    PARAM_NAMES,
    backward_pass,
    check_loss_name,
    check_outputs_match,
    check_params,
    forward_pass,
    gradient_descent_step,
    hidden_layer,
    loss_from_cache,
    sigmoid,
)
from helpers.validation import check_array, check_choice, check_int, check_number, check_targets

# One run is at most this many epochs: 100,000 epochs of the course's networks take from a few
# seconds to a minute. For more, continue with train(X, Y, history.params, ...).
MAX_EPOCHS = 100_000
# The snapshots of one run may take at most this much memory (raise record_every to take fewer).
MAX_SNAPSHOT_BYTES = 500_000_000


class TrainingWarning(RuntimeWarning):
    """Training finished with finite numbers, but the loss ended far higher than it started."""


@dataclass
class History:
    """What happened during training.

    params : the final parameters (dict of W1, b1, W2, b2)
    epochs : (n_records,)                       the epoch of each snapshot; the first is 0
    loss   : (n_records,)                       the mean loss at each snapshot
    W1     : (n_records, n_inputs, n_hidden)    W1 at each snapshot (W1[0] = initial weights)
    b1     : (n_records, n_hidden)
    W2     : (n_records, n_hidden, n_outputs)
    b2     : (n_records, n_outputs)
    activation, loss_name : the settings used, so a snapshot can be run again with forward()
    """

    params: dict
    epochs: np.ndarray
    loss: np.ndarray
    W1: np.ndarray
    b1: np.ndarray
    W2: np.ndarray
    b2: np.ndarray
    activation: str
    loss_name: str

    def params_at(self, record: int) -> dict:
        """The parameters of snapshot number `record` (0 = the start, -1 = the last) as a params dict."""
        record = check_int("record", record, minimum=-len(self.epochs))
        if record >= len(self.epochs):
            raise ValueError(f"record must be below {len(self.epochs)}, the number of snapshots "
                             f"(or negative, counted from the end); got {record}")
        return {name: getattr(self, name)[record].copy() for name in PARAM_NAMES}

    def params_at_epoch(self, epoch: int) -> dict:
        """The parameters recorded at epoch `epoch` as a params dict; a ValueError names the
        recorded epochs when that one was not recorded."""
        epoch = check_int("epoch", epoch, minimum=0)
        found = np.flatnonzero(self.epochs == epoch)
        if found.size == 0:
            raise ValueError(f"epoch {epoch} was not recorded; the recorded epochs are "
                             f"{list_of_epochs(self.epochs)} (see record_every in train)")
        return self.params_at(int(found[0]))


def list_of_epochs(epochs: np.ndarray, shown: int = 4) -> str:
    """'0, 4, 8, 10', or for a long list the first and last few: '0, 1, 2, 3, ..., 2999, 3000'."""
    if len(epochs) <= 2 * shown:
        return ", ".join(str(epoch) for epoch in epochs)
    return ", ".join(str(epoch) for epoch in epochs[:shown]) + ", ..., " + \
        ", ".join(str(epoch) for epoch in epochs[-2:])


def recorded_epochs(epochs: int, record_every: int) -> np.ndarray:
    """The epochs at which a snapshot is recorded: 0, record_every, 2 record_every, ... and the last."""
    recorded = np.arange(0, epochs + 1, record_every)
    return recorded if recorded[-1] == epochs else np.append(recorded, epochs)


def empty_history(params: dict, epochs: int, record_every: int, activation: str, loss_name: str) -> History:
    """A History with room for a snapshot at each recorded epoch."""
    recorded = recorded_epochs(epochs, record_every)
    snapshot_bytes = len(recorded) * sum(array.nbytes for array in params.values())
    if snapshot_bytes > MAX_SNAPSHOT_BYTES:
        raise ValueError(f"{len(recorded):,} snapshots of this network would take {snapshot_bytes / 1e6:,.0f} MB, "
                         f"more than the {MAX_SNAPSHOT_BYTES / 1e6:,.0f} MB allowed: record fewer with a larger "
                         f"record_every (got {record_every})")
    snapshots = {name: np.empty((len(recorded),) + params[name].shape) for name in PARAM_NAMES}
    return History(params=params, epochs=recorded, loss=np.empty(len(recorded)), activation=activation,
                   loss_name=loss_name, **snapshots)


def all_finite(cache: dict, loss: float) -> bool:
    """Whether the weighted sums of a forward pass and its loss are all finite numbers. A weight
    that is not finite makes the sums it enters infinite or NaN, so this checks the weights too;
    and the sums are checked, not only the loss, because the sigmoid turns an infinite sum into a
    tidy 0 or 1."""
    return bool(math.isfinite(loss) and np.isfinite(cache["z1"]).all() and np.isfinite(cache["z2"]).all())


def diverged(epoch: int, learning_rate: float) -> ValueError:
    return ValueError(f"training diverged: the weights, their weighted sums or the loss stopped being finite "
                      f"numbers at epoch {epoch}. Try a smaller learning_rate (got {learning_rate:g}) or "
                      "smaller starting weights.")


def warn_if_worse(history: History, learning_rate: float) -> None:
    """Warn when the loss ended more than ten times higher than it started: gradient descent with
    a small enough learning rate lowers the loss, so this usually means a learning rate too large.
    (A loss that rises a little, as under dropout, is not warned about.)"""
    if history.loss[-1] > 10 * history.loss[0]:
        warnings.warn(TrainingWarning(
            f"the loss rose more than tenfold, from {history.loss[0]:.4g} at epoch 0 to {history.loss[-1]:.4g} at "
            f"epoch {history.epochs[-1]}: learning_rate={learning_rate:g} is probably too large; try a smaller one"),
            stacklevel=3)


def check_training(X, Y, params, activation, loss_name, learning_rate, epochs, record_every) -> tuple:
    """The checked settings shared by train and train_in_batches; params comes back as a copy."""
    X = check_array("X", X, ndim=2)
    Y = check_targets("Y", Y, X.shape[0])
    params = {name: array.copy() for name, array in check_params(params, X).items()}
    check_outputs_match(Y, params)
    check_choice("activation", activation, ACTIVATIONS)
    check_loss_name(loss_name, Y)
    learning_rate = check_number("learning_rate", learning_rate, positive=True)
    epochs = check_int("epochs", epochs, minimum=0)
    if epochs > MAX_EPOCHS:
        raise ValueError(f"epochs must be at most {MAX_EPOCHS:,} (one run of that many takes up to a minute); "
                         f"got {epochs:,}. To train longer, continue from history.params in another call")
    record_every = check_int("record_every", record_every, minimum=1)
    return X, Y, params, learning_rate, epochs, record_every


# --- full batch ----------------------------------------------------------------------------------

def train(X, Y, params: dict, *, activation: str = "sigmoid", loss_name: str = "bce",
          learning_rate: float = 0.5, epochs: int = 1000, record_every: int = 1) -> History:
    """Train a network with one hidden layer by full-batch gradient descent, from the weights
    `params` (made by init_params; they are copied, never changed).

    X: (n_samples, n_inputs); Y: (n_samples, n_outputs), or (n_samples,) for one output.
    Every epoch:  forward pass -> (record) -> backward pass -> W <- W - learning_rate * dL/dW.
    A snapshot (the weights, and the loss on the whole data set) is recorded at epoch 0, every
    `record_every` epochs, and at the last epoch. At most MAX_EPOCHS epochs per call.
    """
    X, Y, params, learning_rate, epochs, record_every = check_training(
        X, Y, params, activation, loss_name, learning_rate, epochs, record_every)
    history = empty_history(params, epochs, record_every, activation, loss_name)
    record, due = 0, history.epochs.tolist()
    with np.errstate(all="ignore"):  # overflow is reported below, with advice
        for epoch in range(epochs + 1):
            output, cache = forward_pass(params, X, activation)
            if epoch == due[record]:
                loss = loss_from_cache(cache, Y, loss_name)
                if not all_finite(cache, loss):
                    raise diverged(first_broken_epoch(history, record, X, Y, learning_rate), learning_rate)
                record_snapshot(history, record, params, loss)
                record += 1
            if epoch < epochs:
                grads = backward_pass(params, cache, Y, loss_name)
                params = gradient_descent_step(params, grads, learning_rate)
    history.params = params
    warn_if_worse(history, learning_rate)
    return history


def record_snapshot(history: History, record: int, params: dict, loss: float) -> None:
    history.loss[record] = loss
    for name in PARAM_NAMES:
        getattr(history, name)[record] = params[name]


def first_broken_epoch(history: History, record: int, X, Y, learning_rate: float) -> int:
    """The first epoch whose numbers are not all finite, given that snapshot `record` is the first
    broken one: full-batch training repeats exactly, so the epochs since the last good snapshot are
    run again, one check each."""
    if record == 0:
        return 0
    params = history.params_at(record - 1)
    for epoch in range(history.epochs[record - 1], history.epochs[record]):
        cache = forward_pass(params, X, history.activation)[1]
        if not all_finite(cache, loss_from_cache(cache, Y, history.loss_name)):
            return epoch
        params = gradient_descent_step(params, backward_pass(params, cache, Y, history.loss_name), learning_rate)
    return int(history.epochs[record])


# --- mini-batches and dropout ---------------------------------------------------------------------

def train_in_batches(X, Y, params: dict, *, batch_size: int, shuffle_seed: int | None = None,
                     dropout: float = 0.0, dropout_seed: int = 0, activation: str = "sigmoid",
                     loss_name: str = "bce", learning_rate: float = 0.5, epochs: int = 1000,
                     record_every: int = 1) -> History:
    """Gradient descent with one step per mini-batch of `batch_size` samples (the last batch of an
    epoch may be smaller), optionally with dropout; otherwise the same as train.

    shuffle_seed  None: batches in the data's order; a number: a new random order every epoch,
                  from np.random.default_rng(shuffle_seed)
    dropout       the probability of dropping each hidden neuron for one sample in one step
                  (inverted dropout: kept activations are divided by 1 - dropout); the masks
                  come from np.random.default_rng(dropout_seed)
    The snapshots' loss is the loss on the whole data set without dropout.
    """
    X, Y, params, learning_rate, epochs, record_every = check_training(
        X, Y, params, activation, loss_name, learning_rate, epochs, record_every)
    batch_size = check_int("batch_size", batch_size, minimum=1)
    shuffle_seed = None if shuffle_seed is None else check_int("shuffle_seed", shuffle_seed, minimum=0)
    dropout = check_number("dropout", dropout, non_negative=True)
    if dropout >= 1:
        raise ValueError(f"dropout must be below 1 (the probability of dropping a neuron); got {dropout}")
    dropout_seed = check_int("dropout_seed", dropout_seed, minimum=0)
    order_rng = None if shuffle_seed is None else np.random.default_rng(shuffle_seed)
    mask_rng = np.random.default_rng(dropout_seed)

    history = empty_history(params, epochs, record_every, activation, loss_name)
    n_samples, n_hidden = len(X), params["W1"].shape[1]
    record = 0
    with np.errstate(all="ignore"):
        for epoch in range(epochs + 1):
            if epoch == history.epochs[record]:
                cache = forward_pass(params, X, activation)[1]
                loss = loss_from_cache(cache, Y, loss_name)
                if not all_finite(cache, loss):
                    raise diverged(epoch, learning_rate)
                record_snapshot(history, record, params, loss)
                record += 1
            if epoch == epochs:
                break
            order = np.arange(n_samples) if order_rng is None else order_rng.permutation(n_samples)
            for start in range(0, n_samples, batch_size):
                rows = order[start:start + batch_size]
                if dropout == 0:
                    cache = forward_pass(params, X[rows], activation)[1]
                    grads = backward_pass(params, cache, Y[rows], loss_name)
                else:
                    keep = dropout_mask(mask_rng, len(rows), n_hidden, dropout)
                    cache = forward_pass_with_dropout(params, X[rows], activation, keep)
                    grads = backward_pass_with_dropout(params, cache, Y[rows], loss_name)
                if not all_finite(cache, 0.0):  # the sums of this batch
                    raise diverged(epoch, learning_rate)
                params = gradient_descent_step(params, grads, learning_rate)
    history.params = params
    warn_if_worse(history, learning_rate)
    return history


def dropout_mask(rng: np.random.Generator, n_samples: int, n_hidden: int, dropout: float) -> np.ndarray:
    """Inverted dropout: each entry 0 with probability `dropout`, else 1 / (1 - dropout), so that
    the expected input of the output layer stays the same."""
    return (rng.random((n_samples, n_hidden)) >= dropout) / (1.0 - dropout)


def forward_pass_with_dropout(params: dict, X, activation: str, keep: np.ndarray) -> dict:
    """The forward pass with the hidden layer multiplied by the mask `keep` on its way to the output.
    Returns the cache of forward_pass, plus keep and kept = hidden * keep."""
    z1, hidden = hidden_layer(params, X, activation)
    kept = hidden * keep
    z2 = kept @ params["W2"] + params["b2"]
    return {"X": X, "z1": z1, "hidden": hidden, "kept": kept, "keep": keep, "z2": z2, "output": sigmoid(z2),
            "activation": activation}


def backward_pass_with_dropout(params: dict, cache: dict, Y, loss_name: str) -> dict:
    """backward_pass for forward_pass_with_dropout: the output layer saw `kept`, and a dropped
    neuron (keep 0) passes no error back."""
    delta2 = LOSSES[loss_name].error(cache["output"], Y)
    dW2 = cache["kept"].T @ delta2
    db2 = delta2.sum(axis=0)
    slope = ACTIVATIONS[cache["activation"]].slope(cache["z1"], cache["hidden"])
    delta1 = (delta2 @ params["W2"].T) * (slope * cache["keep"])
    dW1 = cache["X"].T @ delta1
    db1 = delta1.sum(axis=0)
    return {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}
