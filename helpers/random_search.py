"""Learning without backpropagation: try many random weight sets and keep the best one.

This is how some classic forum answers "train" a small network. It needs nothing but the forward
pass, which makes it a fair baseline for backpropagation: count forward passes for both.
"""

from dataclasses import dataclass

import numpy as np

from helpers.network import ACTIVATIONS, LOSSES, PARAM_NAMES, check_params, forward_pass, loss_from_cache
from helpers.validation import check_array, check_choice, check_int, check_number, check_targets


@dataclass
class SearchResult:
    """params: the best weight set found; best_loss: (n_tries,) the best loss after each try
    (try k costs one forward pass over the data set, so try k is forward pass k + 1)."""

    params: dict
    best_loss: np.ndarray


def random_search(X, Y, n_hidden: int, *, n_tries: int = 10_000, scale: float = 1.0, seed: int = 0,
                  activation: str = "sigmoid", loss: str = "mse", start: dict | None = None,
                  chunk: int = 2_000) -> SearchResult:
    """Draw `n_tries` weight sets (weights and biases from a normal distribution with standard
    deviation `scale`) and keep the one with the lowest loss.

    Weight sets are drawn and evaluated `chunk` at a time, with stacked matrix products; chunk
    number c draws from np.random.default_rng([seed, c]), so try k is the same weight set
    whatever n_tries is (a longer search only adds tries). With `start`, try 0 is that weight
    set, so that a search and a backpropagation run can begin from the same point.
    """
    X = check_array("X", X, ndim=2)
    Y = check_targets("Y", Y, X.shape[0])
    n_hidden = check_int("n_hidden", n_hidden, minimum=1)
    n_tries = check_int("n_tries", n_tries, minimum=1)
    scale = check_number("scale", scale, positive=True)
    seed = check_int("seed", seed, minimum=0)
    check_choice("activation", activation, ACTIVATIONS)
    check_choice("loss", loss, LOSSES)
    chunk = check_int("chunk", chunk, minimum=1)
    shapes = {"W1": (X.shape[1], n_hidden), "b1": (n_hidden,), "W2": (n_hidden, Y.shape[1]), "b2": (Y.shape[1],)}
    if start is not None:
        start = check_params(start, X)
        wrong = {name: start[name].shape for name in PARAM_NAMES if start[name].shape != shapes[name]}
        if wrong:
            raise ValueError(f"start has shapes {wrong}, but n_hidden={n_hidden} and Y's columns ask for {shapes}")

    losses = np.empty(n_tries)
    best, best_value = None, np.inf
    for first in range(0, n_tries, chunk):
        count = min(chunk, n_tries - first)
        rng = np.random.default_rng([seed, first // chunk])
        sets = {name: rng.normal(0.0, scale, size=(chunk,) + shape)[:count] for name, shape in shapes.items()}
        if first == 0 and start is not None:
            for name in PARAM_NAMES:
                sets[name][0] = start[name]
        # A stack of networks runs through the same forward pass and loss as one network: the
        # biases get an axis for the samples, (count, 1, n), so that they broadcast over them.
        stack = {**sets, "b1": sets["b1"][:, None, :], "b2": sets["b2"][:, None, :]}
        with np.errstate(over="ignore", invalid="ignore"):  # a wild draw just scores badly
            chunk_losses = loss_from_cache(forward_pass(stack, X, activation)[1], Y, loss)
        losses[first:first + count] = np.where(np.isfinite(chunk_losses), chunk_losses, np.inf)
        k = int(np.argmin(losses[first:first + count]))
        if losses[first + k] < best_value:
            best_value = losses[first + k]
            best = {name: sets[name][k].copy() for name in PARAM_NAMES}
    if best is None:  # every draw overflowed: there is no best weight set to return
        raise ValueError(f"all {n_tries} weight sets drawn with scale={scale} have an infinite or undefined loss "
                         "(their weighted sums overflow); choose a smaller scale")
    return SearchResult(params=best, best_loss=np.minimum.accumulate(losses))
