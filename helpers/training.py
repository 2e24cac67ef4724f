"""Full-batch gradient descent, with snapshots of the weights for the plots to scrub through."""

from dataclasses import dataclass

import numpy as np

from helpers.network import (ACTIVATIONS, INITS, LOSSES, PARAM_NAMES, _backward, _check_between_0_and_1,
                             _forward, _loss_value, check_params, init_params)
from helpers.validation import check_array, check_choice, check_int, check_number, check_targets


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
          seed: int | None = 0, activation: str = "sigmoid", loss: str = "bce",
          learning_rate: float = 0.5, epochs: int = 1000, record_every: int = 1,
          params: dict | None = None) -> History:
    """Train a network with one hidden layer by full-batch gradient descent.

    X: (n_samples, n_inputs); Y: (n_samples, n_outputs), or (n_samples,) for one output.
    The starting weights come from init_params(n_inputs, n_hidden, n_outputs, init, value=value,
    scale=scale, seed=seed), unless `params` gives them (they are copied, never changed).
    Every epoch:  forward pass -> loss -> backward pass -> W <- W - learning_rate * dL/dW.
    A snapshot is recorded at epoch 0, every `record_every` epochs, and at the last epoch.
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
    if params is None:
        params = init_params(X.shape[1], n_hidden, Y.shape[1], init, value=value, scale=scale, seed=seed)
    else:
        params = {name: array.copy() for name, array in check_params(params, X).items()}
        if params["W1"].shape[1] != n_hidden or params["W2"].shape[1] != Y.shape[1]:
            raise ValueError(
                f"params has {params['W1'].shape[1]} hidden neurons and {params['W2'].shape[1]} "
                f"outputs, but n_hidden={n_hidden} and Y has {Y.shape[1]} columns"
            )

    recorded = list(range(0, epochs + 1, record_every))
    if recorded[-1] != epochs:
        recorded.append(epochs)
    snapshots = {name: np.empty((len(recorded),) + params[name].shape) for name in PARAM_NAMES}
    losses = np.empty(len(recorded))

    record = 0
    overflowed = np.zeros(len(recorded), dtype=bool)
    # Overflow (e.g. relu with a huge learning rate) is caught below, at the snapshots, with a
    # message that says what to change; numpy's own warnings would only add noise.
    with np.errstate(over="ignore", invalid="ignore"):
        for epoch in range(epochs + 1):
            output, cache = _forward(params, X, activation)
            if epoch == recorded[record]:
                losses[record] = _loss_value(output, Y, loss)
                for name in PARAM_NAMES:
                    snapshots[name][record] = params[name]
                # The sigmoid turns an infinite weighted sum into a tidy 0 or 1: check the sums too.
                overflowed[record] = not (np.isfinite(cache["z1"]).all() and np.isfinite(cache["z2"]).all())
                record += 1
            if epoch == epochs:
                break
            grads = _backward(params, cache, Y, loss)
            for name in PARAM_NAMES:
                params[name] -= learning_rate * grads[name]

    broken = overflowed | ~np.isfinite(losses)
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
