"""Rosenblatt's perceptron: one neuron with a step activation and its learning rule."""

from typing import NamedTuple

import numpy as np

from helpers.validation import check_array, check_int, check_number

MAX_EPOCHS = 100_000  # a run that never stops making mistakes (XOR) takes seconds at this length


class PerceptronResult(NamedTuple):
    """weights: (n_inputs,); bias: a float; errors: (n_epochs_run,) mistakes made in each epoch."""

    weights: np.ndarray
    bias: float
    errors: np.ndarray


def _check_labels(y, n_samples: int) -> np.ndarray:
    y = check_array("y", y, ndim=(1, 2))
    if y.ndim == 2:
        if y.shape[1] != 1:
            raise ValueError(f"y must be 1-D (one label per sample) or one column; got an array of shape {y.shape}")
        y = y[:, 0]
    if len(y) != n_samples:
        raise ValueError(f"y must have one label per row of X ({n_samples}); got {len(y)} labels")
    if not np.all((y == 0) | (y == 1)):
        raise ValueError(f"y must contain only the labels 0 and 1; got the values {sorted(set(y.tolist()))[:10]}")
    return y


def perceptron_predict(weights, bias: float, X) -> np.ndarray:
    """The perceptron's outputs: 1 where weights . x + bias > 0, else 0. Shape (n_samples,)."""
    X = check_array("X", X, ndim=2)
    weights = check_array("weights", weights, ndim=1)
    bias = check_number("bias", bias)
    if len(weights) != X.shape[1]:
        raise ValueError(f"weights has {len(weights)} entries but X has {X.shape[1]} columns; they must match")
    return (X @ weights + bias > 0).astype(np.int64)


def perceptron_train(X, y, *, learning_rate: float = 1.0, epochs: int = 100,
                     seed: int | None = None) -> PerceptronResult:
    """Rosenblatt's learning rule, one sample at a time.

    For each sample x with label t (0 or 1) and prediction p = step(weights . x + bias):
        weights <- weights + learning_rate * (t - p) * x
        bias    <- bias    + learning_rate * (t - p)
    Nothing changes when p = t; a mistake moves the line towards classifying x correctly.
    Weights and bias start at 0. With seed=None the samples are visited in order; with a seed
    they are shuffled each epoch by np.random.default_rng(seed). Training stops after the first
    epoch without a mistake, or after `epochs` epochs.
    """
    X = check_array("X", X, ndim=2)
    y = _check_labels(y, X.shape[0])
    learning_rate = check_number("learning_rate", learning_rate, positive=True)
    epochs = check_int("epochs", epochs, minimum=0, maximum=MAX_EPOCHS)
    rng = None if seed is None else np.random.default_rng(check_int("seed", seed, minimum=0))

    weights, bias = np.zeros(X.shape[1]), 0.0
    errors = []
    for _ in range(epochs):
        order = np.arange(len(X)) if rng is None else rng.permutation(len(X))
        mistakes = 0
        for i in order:
            prediction = 1.0 if X[i] @ weights + bias > 0 else 0.0
            change = learning_rate * (y[i] - prediction)
            weights = weights + change * X[i]
            bias += change
            mistakes += int(change != 0)
        errors.append(mistakes)
        if mistakes == 0:
            break
    return PerceptronResult(weights, float(bias), np.array(errors, dtype=np.int64))
