"""Full-batch gradient descent, with snapshots of the weights for the plots to scrub through."""

from dataclasses import dataclass

import numpy as np

from helpers.network import (ACTIVATIONS, INITS, LOSSES, PARAM_NAMES, _backward, _check_between_0_and_1,
                             _forward, _loss_from_cache, check_params, init_params)
from helpers.validation import check_array, check_choice, check_int, check_number, check_targets


def _copy_of_given_params(params: dict, X: np.ndarray, Y: np.ndarray, n_hidden: int) -> dict:
    """A checked copy of starting weights given to train(), so that training never changes them."""
    params = {name: array.copy() for name, array in check_params(params, X).items()}
    if params["W1"].shape[1] != n_hidden or params["W2"].shape[1] != Y.shape[1]:
        raise ValueError(
            f"params has {params['W1'].shape[1]} hidden neurons and {params['W2'].shape[1]} "
            f"outputs, but n_hidden={n_hidden} and Y has {Y.shape[1]} columns"
        )
    return params


def _gradient_step(params: dict, cache: dict, Y: np.ndarray, loss: str, learning_rate: float) -> None:
    """One step of gradient descent on the samples of `cache`, changing `params` in place."""
    grads = _backward(params, cache, Y, loss)
    for name in PARAM_NAMES:
        params[name] -= learning_rate * grads[name]


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


def train(X, Y, n_hidden: int, *, init: str = "random", value: float = 0.5, scale: float = 1.0,
          seed: int | None = 0, output_init: str | None = None, activation: str = "sigmoid",
          loss: str = "bce", learning_rate: float = 0.5, epochs: int = 1000, record_every: int = 1,
          params: dict | None = None, dropout: float = 0.0, batch_size: int | None = None,
          shuffle_seed: int | None = None, dropout_seed: int = 0) -> History:
    """Train a network with one hidden layer by gradient descent.

    X: (n_samples, n_inputs); Y: (n_samples, n_outputs), or (n_samples,) for one output.
    The starting weights come from init_params(n_inputs, n_hidden, n_outputs, init, value=value,
    scale=scale, seed=seed, output_init=output_init), unless `params` gives them (they are
    copied, never changed).
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
    X = check_array("X", X, ndim=2)
    Y = check_targets("Y", Y, X.shape[0])
    n_hidden = check_int("n_hidden", n_hidden, minimum=1)
    check_choice("init", init, INITS)
    check_choice("activation", activation, ACTIVATIONS)
    check_choice("loss", loss, LOSSES)
    if loss == "bce":
        _check_between_0_and_1("Y", Y)
    learning_rate = check_number("learning_rate", learning_rate, positive=True)
    epochs = check_int("epochs", epochs, minimum=0)
    record_every = check_int("record_every", record_every, minimum=1)
    dropout = check_number("dropout", dropout, non_negative=True)
    if dropout >= 1:
        raise ValueError(f"dropout must be below 1 (the probability of dropping a neuron); got {dropout}")
    if batch_size is not None:
        batch_size = check_int("batch_size", batch_size, minimum=1)
    if shuffle_seed is not None:
        shuffle_seed = check_int("shuffle_seed", shuffle_seed, minimum=0)
    dropout_seed = check_int("dropout_seed", dropout_seed, minimum=0)
    if params is None:
        params = init_params(X.shape[1], n_hidden, Y.shape[1], init, value=value, scale=scale, seed=seed,
                             output_init=output_init)
    else:
        params = _copy_of_given_params(params, X, Y, n_hidden)

    recorded = list(range(0, epochs + 1, record_every))
    if recorded[-1] != epochs:
        recorded.append(epochs)
    snapshots = {name: np.empty((len(recorded),) + params[name].shape) for name in PARAM_NAMES}
    losses = np.empty(len(recorded))

    record = 0
    n_samples = len(X)
    full_batch = dropout == 0 and (batch_size is None or batch_size >= n_samples)
    size = n_samples if batch_size is None else batch_size
    order_rng = None if shuffle_seed is None else np.random.default_rng(shuffle_seed)
    mask_rng = np.random.default_rng(dropout_seed)
    # Overflow (e.g. relu with a huge learning rate) is caught below, at the snapshots, with a
    # message that says what to change; numpy's own warnings would only add noise.
    with np.errstate(over="ignore", invalid="ignore"):
        for epoch in range(epochs + 1):
            recording = epoch == recorded[record]
            if full_batch or recording:
                _, cache = _forward(params, X, activation)
            if recording:
                losses[record] = _loss_from_cache(cache, Y, loss)
                for name in PARAM_NAMES:
                    snapshots[name][record] = params[name]
                record += 1
            if epoch == epochs:
                # The sigmoid turns an infinite weighted sum into a tidy 0 or 1, so a finite loss
                # can hide overflow: check the sums of the final pass too (weights that big stay big).
                sums_overflowed = not (np.isfinite(cache["z1"]).all() and np.isfinite(cache["z2"]).all())
                break
            if full_batch:  # the common case: reuse the forward pass made above
                _gradient_step(params, cache, Y, loss, learning_rate)
                continue
            order = np.arange(n_samples) if order_rng is None else order_rng.permutation(n_samples)
            for start in range(0, n_samples, size):
                rows = order[start:start + size]
                keep = None
                if dropout > 0:
                    keep = (mask_rng.random((len(rows), n_hidden)) >= dropout) / (1.0 - dropout)
                _, batch_cache = _forward(params, X[rows], activation, keep)
                _gradient_step(params, batch_cache, Y[rows], loss, learning_rate)

    broken = ~np.isfinite(losses)
    broken[-1] |= sums_overflowed
    for name in PARAM_NAMES:
        broken |= ~np.isfinite(snapshots[name]).reshape(len(recorded), -1).all(axis=1)
    if broken.any():
        first = recorded[int(np.argmax(broken))]
        raise ValueError(
            f"training diverged: the weights, their weighted sums or the loss stopped being finite "
            f"numbers by epoch {first}. Try a smaller learning_rate (got {learning_rate:g}) or smaller "
            f"starting weights (init={init!r}, value={value:g}, scale={scale:g})."
        )
    return History(params=params, epochs=np.array(recorded), loss=losses, activation=activation,
                   loss_name=loss, **snapshots)
