"""The dashboard's training loop: helpers.training.train with its parameters kept in one vector.

Read training.train to learn how the network trains; this module adds nothing to that. It exists
because the dashboard retrains 1,000 epochs at every click, and most of an epoch's time is the
overhead of about thirty small numpy calls, not their arithmetic. train_fast takes train's
arguments, runs its checks, and does every epoch's arithmetic with the same numpy operations on
the same numbers in the same order, so it returns the same History, to the last bit
(tests/test_fast_training.py). What differs is only where the numbers live:

  - W1, b1, W2 and b2 are views into one flat vector `theta`, and their gradients into one flat
    vector `grad`, so the update W <- W - learning_rate * dW is one line for all four, and
  - no dict of parameters or gradients is made at each epoch.
"""

import numpy as np

from helpers.network import ACTIVATIONS, LOSSES, sigmoid
from helpers.training import (
    History,
    all_finite,
    check_training,
    diverged,
    empty_history,
    first_broken_epoch,
    record_snapshot,
    warn_if_worse,
)


def as_views(vector: np.ndarray, n_inputs: int, n_hidden: int, n_outputs: int) -> dict:
    """W1 (n_inputs, n_hidden), b1, W2 (n_hidden, n_outputs) and b2 as views into `vector`,
    which holds them one after the other, each row by row."""
    W1, b1, W2, b2 = np.split(vector, np.cumsum([n_inputs * n_hidden, n_hidden, n_hidden * n_outputs]))
    return {"W1": W1.reshape(n_inputs, n_hidden), "b1": b1, "W2": W2.reshape(n_hidden, n_outputs), "b2": b2}


def train_fast(X, Y, params: dict, *, activation: str = "sigmoid", loss_name: str = "bce",
               learning_rate: float = 0.5, epochs: int = 1000, record_every: int = 1) -> History:
    """training.train (full batch) with fewer numpy calls per epoch; see the module's docstring."""
    X, Y, params, learning_rate, epochs, record_every = check_training(
        X, Y, params, activation, loss_name, learning_rate, epochs, record_every)
    history = empty_history(params, epochs, record_every, activation, loss_name)
    f, slope = ACTIVATIONS[activation]
    loss = LOSSES[loss_name]
    shape = (*params["W1"].shape, params["W2"].shape[1])  # n_inputs, n_hidden, n_outputs

    theta = np.concatenate([params[name].ravel() for name in ("W1", "b1", "W2", "b2")])
    grad = np.empty_like(theta)
    current, gradients = as_views(theta, *shape), as_views(grad, *shape)
    W1, b1, W2, b2 = current["W1"], current["b1"], current["W2"], current["b2"]

    record, due = 0, history.epochs.tolist()
    with np.errstate(all="ignore"):  # as in train: all_finite reports an overflow, with advice
        for epoch in range(epochs + 1):
            z1 = X @ W1 + b1                      # forward_pass
            hidden = f(z1)
            z2 = hidden @ W2 + b2
            output = sigmoid(z2)
            if epoch == due[record]:
                value = float(loss.value(z2, output, Y))
                if not all_finite({"z1": z1, "z2": z2}, value):
                    raise diverged(first_broken_epoch(history, record, X, Y, learning_rate), learning_rate)
                record_snapshot(history, record, current, value)
                record += 1
            if epoch < epochs:
                delta2 = loss.error(output, Y)   # backward_pass, writing into grad
                np.matmul(hidden.T, delta2, out=gradients["W2"])
                delta2.sum(axis=0, out=gradients["b2"])
                delta1 = (delta2 @ W2.T) * slope(z1, hidden)
                np.matmul(X.T, delta1, out=gradients["W1"])
                delta1.sum(axis=0, out=gradients["b1"])
                theta -= learning_rate * grad     # gradient_descent_step, for all four at once
    history.params = {name: array.copy() for name, array in current.items()}
    warn_if_worse(history, learning_rate)
    return history
