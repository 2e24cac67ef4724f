"""Gradient descent on a network with one hidden layer, with snapshots of the weights for the plots
to scrub through.

train() tells its story in four pieces: check the settings and set up the start; take one epoch's
steps (one_epoch); record a snapshot (record_snapshot); and check at the end that nothing
overflowed (raise_if_diverged).
"""

from dataclasses import dataclass

import numpy as np

from helpers.network import (
    ACTIVATIONS,
    INITS,
    LOSSES,
    PARAM_NAMES,
    backward_pass,
    check_init_settings,
    check_params,
    draw_params,
    forward_pass,
    loss_from_cache,
)
from helpers.validation import check_array, check_bce_targets, check_choice, check_int, check_number, check_targets


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
        """The parameters of snapshot number `record` (0 = the start) as a params dict."""
        return {name: getattr(self, name)[record].copy() for name in PARAM_NAMES}

    def params_at_epoch(self, epoch: int) -> dict:
        """The parameters recorded at epoch `epoch` as a params dict; a ValueError names the
        recorded epochs when that one was not recorded."""
        epoch = check_int("epoch", epoch, minimum=0)
        found = np.flatnonzero(self.epochs == epoch)
        if found.size == 0:
            raise ValueError(f"epoch {epoch} was not recorded; the recorded epochs are "
                             f"{_list_of_epochs(self.epochs)} (see record_every in train)")
        return self.params_at(int(found[0]))


def _list_of_epochs(epochs: np.ndarray, shown: int = 4) -> str:
    """'0, 4, 8, 10', or for a long list the first and last few: '0, 1, 2, 3, ..., 2999, 3000'."""
    if len(epochs) <= 2 * shown:
        return ", ".join(str(epoch) for epoch in epochs)
    return ", ".join(str(epoch) for epoch in epochs[:shown]) + ", ..., " + \
        ", ".join(str(epoch) for epoch in epochs[-2:])


def empty_history(params: dict, epochs: np.ndarray, activation: str, loss: str) -> History:
    """A History with room for a snapshot at each of `epochs`; its params is the dict that
    training changes in place, so that at the end it holds the final weights."""
    snapshots = {name: np.empty((len(epochs),) + params[name].shape) for name in PARAM_NAMES}
    return History(params=params, epochs=epochs, loss=np.empty(len(epochs)), activation=activation,
                   loss_name=loss, **snapshots)


def record_snapshot(history: History, record: int, params: dict, cache: dict, Y: np.ndarray, loss: str) -> None:
    """Write snapshot number `record`: the weights, and the mean loss of `cache`, a forward pass
    on the whole data set."""
    history.loss[record] = loss_from_cache(cache, Y, loss)
    for name in PARAM_NAMES:
        getattr(history, name)[record] = params[name]


def recorded_epochs(epochs: int, record_every: int) -> np.ndarray:
    """The epochs at which train() records a snapshot: 0, record_every, 2 record_every, ... and the last."""
    recorded = list(range(0, epochs + 1, record_every))
    if recorded[-1] != epochs:
        recorded.append(epochs)
    return np.array(recorded)


def gradient_step(params: dict, cache: dict, Y: np.ndarray, loss: str, learning_rate: float) -> None:
    """W <- W - learning_rate * dL/dW for every parameter, in place, from one forward pass's cache.

    learning_rate * dL/dW is the gradient of learning_rate * L, so the backward pass multiplies
    the output error by the learning rate once instead of every gradient afterwards.
    """
    steps = backward_pass(params, cache, Y, loss, scale=learning_rate)
    for name in PARAM_NAMES:
        params[name] -= steps[name]


def dropout_mask(rng: np.random.Generator, n_samples: int, n_hidden: int, dropout: float) -> np.ndarray:
    """Inverted dropout: each entry 0 with probability `dropout`, else 1 / (1 - dropout), so that
    the expected input of the output layer stays the same."""
    return (rng.random((n_samples, n_hidden)) >= dropout) / (1.0 - dropout)


def one_epoch(X: np.ndarray, Y: np.ndarray, activation: str, loss: str, learning_rate: float, *,
              batch_size: int | None, dropout: float, shuffle_seed: int | None, dropout_seed: int):
    """The function that trains for one epoch, epoch(params, cache), changing params in place.

    Full batch (the default): one gradient step on the whole data set, reusing `cache` when it
    holds the forward pass that recording just made at these weights (None otherwise).
    Mini-batches or dropout: one step per batch, each with its own forward pass.
    """
    n_samples = len(X)
    if dropout == 0 and (batch_size is None or batch_size >= n_samples):
        def full_batch_epoch(params: dict, cache: dict | None) -> None:
            if cache is None:
                cache = forward_pass(params, X, activation)[1]
            gradient_step(params, cache, Y, loss, learning_rate)
        return full_batch_epoch

    size = n_samples if batch_size is None else batch_size
    order_rng = None if shuffle_seed is None else np.random.default_rng(shuffle_seed)
    mask_rng = np.random.default_rng(dropout_seed)

    def mini_batch_epoch(params: dict, cache: dict | None) -> None:
        order = np.arange(n_samples) if order_rng is None else order_rng.permutation(n_samples)
        for start in range(0, n_samples, size):
            rows = order[start:start + size]
            keep = None
            if dropout > 0:
                keep = dropout_mask(mask_rng, len(rows), params["W1"].shape[1], dropout)
            batch_cache = forward_pass(params, X[rows], activation, keep)[1]
            gradient_step(params, batch_cache, Y[rows], loss, learning_rate)
    return mini_batch_epoch


def raise_if_diverged(history: History, final_cache: dict, advice: str) -> None:
    """Raise a ValueError naming the first recorded epoch at which a weight, a weighted sum or
    the loss stopped being a finite number.

    The sums of the final pass are checked too: the sigmoid turns an infinite weighted sum into a
    tidy 0 or 1, so a finite loss can hide overflow (and weights that big stay big).
    """
    broken = ~np.isfinite(history.loss)
    broken[-1] |= not (np.isfinite(final_cache["z1"]).all() and np.isfinite(final_cache["z2"]).all())
    for name in PARAM_NAMES:
        broken |= ~np.isfinite(getattr(history, name)).reshape(len(broken), -1).all(axis=1)
    if broken.any():
        raise ValueError(
            f"training diverged: the weights, their weighted sums or the loss stopped being finite "
            f"numbers by epoch {history.epochs[np.argmax(broken)]}. {advice}"
        )


def _given_params(params, X: np.ndarray, Y: np.ndarray, n_hidden: int) -> dict:
    """A checked copy of starting weights given to train(), so that training never changes them."""
    params = {name: array.copy() for name, array in check_params(params, X).items()}
    if params["W1"].shape[1] != n_hidden or params["W2"].shape[1] != Y.shape[1]:
        raise ValueError(
            f"params has {params['W1'].shape[1]} hidden neurons and {params['W2'].shape[1]} "
            f"outputs, but n_hidden={n_hidden} and Y has {Y.shape[1]} columns"
        )
    return params


def train(X, Y, n_hidden: int, *, init: str = "random", value: float = 0.5, scale: float = 1.0,
          seed: int | None = 0, output_init: str | None = None, activation: str = "sigmoid",
          loss: str = "bce", learning_rate: float = 0.5, epochs: int = 1000, record_every: int = 1,
          params: dict | None = None, dropout: float = 0.0, batch_size: int | None = None,
          shuffle_seed: int | None = None, dropout_seed: int = 0) -> History:
    """Train a network with one hidden layer by gradient descent.

    X: (n_samples, n_inputs); Y: (n_samples, n_outputs), or (n_samples,) for one output.
    The starting weights come from init_params(n_inputs, n_hidden, n_outputs, init, value=value,
    scale=scale, seed=seed, output_init=output_init), unless `params` gives them (they are
    copied, never changed). The seed defaults to 0 here (init_params: None), so that the same
    call trains the same network every time.
    Every step:  forward pass -> loss -> backward pass -> W <- W - learning_rate * dL/dW.

    By default each epoch is one step on the whole data set (full batch). Options:
      batch_size    one step per mini-batch of this many samples (the last one may be smaller)
      shuffle_seed  None: mini-batches in the data's order; a number: a new random order every
                    epoch, from np.random.default_rng(shuffle_seed)
      dropout       the probability of dropping each hidden neuron for one sample in one step
                    (inverted dropout: kept activations are divided by 1 - dropout); masks come
                    from np.random.default_rng(dropout_seed)
    A snapshot (weights, and the loss on the whole data set without dropout) is recorded at
    epoch 0, every `record_every` epochs, and at the last epoch.
    """
    # 1. Setup: check every setting once, and the starting weights.
    X = check_array("X", X, ndim=2)
    Y = check_targets("Y", Y, X.shape[0])
    n_hidden = check_int("n_hidden", n_hidden, minimum=1)
    check_choice("init", init, INITS)
    check_choice("activation", activation, ACTIVATIONS)
    check_choice("loss", loss, LOSSES)
    if loss == "bce":
        check_bce_targets("Y", Y)
    learning_rate = check_number("learning_rate", learning_rate, positive=True)
    epochs = check_int("epochs", epochs, minimum=0)
    record_every = check_int("record_every", record_every, minimum=1)
    dropout = check_number("dropout", dropout, non_negative=True)
    if dropout >= 1:
        raise ValueError(f"dropout must be below 1 (the probability of dropping a neuron); got {dropout}")
    batch_size = None if batch_size is None else check_int("batch_size", batch_size, minimum=1)
    shuffle_seed = None if shuffle_seed is None else check_int("shuffle_seed", shuffle_seed, minimum=0)
    dropout_seed = check_int("dropout_seed", dropout_seed, minimum=0)
    if params is None:
        settings = check_init_settings(init, output_init, value, scale, seed)
        params = draw_params(X.shape[1], n_hidden, Y.shape[1], *settings)
    else:
        params = _given_params(params, X, Y, n_hidden)

    epoch_of_steps = one_epoch(X, Y, activation, loss, learning_rate, batch_size=batch_size,
                               dropout=dropout, shuffle_seed=shuffle_seed, dropout_seed=dropout_seed)
    history = empty_history(params, recorded_epochs(epochs, record_every), activation, loss)

    # 2. The epochs. A recorded epoch starts with a forward pass on the whole data set, which
    # full-batch training then reuses for its step. Overflow is not a numpy warning here: step 3
    # reports it with advice.
    record, due = 0, history.epochs.tolist()
    with np.errstate(over="ignore", invalid="ignore"):
        for epoch in range(epochs + 1):
            cache = None
            if epoch == due[record]:
                cache = forward_pass(params, X, activation)[1]
                record_snapshot(history, record, params, cache, Y, loss)
                record += 1
            if epoch < epochs:
                epoch_of_steps(params, cache)

    # 3. The divergence check (the last epoch is always recorded, so `cache` is its forward pass).
    raise_if_diverged(history, cache, f"Try a smaller learning_rate (got {learning_rate:g}) or smaller "
                                      f"starting weights (init={init!r}, value={value:g}, scale={scale:g}).")
    return history
