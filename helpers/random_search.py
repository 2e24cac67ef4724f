"""Learning without backpropagation: try many random weight sets and keep the best one.

This is how some classic forum answers "train" a small network. It needs nothing but the forward
pass, which makes it a fair baseline for backpropagation: count forward passes for both.
"""

from dataclasses import dataclass

import numpy as np

from helpers.network import ACTIVATIONS, LOSSES, PARAM_NAMES, check_loss_name, check_params, sigmoid
from helpers.validation import check_array, check_choice, check_int, check_number, check_targets

MAX_TRIES = 10_000_000   # one loss per try is kept: 80 MB at most
MAX_CHUNK = 100_000      # weight sets evaluated together; more gains no speed, only memory
DISCARD_PIECE = 1_000_000  # draws skipped at a time (see draw_weight_sets)


@dataclass
class SearchResult:
    """params: the best weight set found; best_loss: (n_tries,) the best loss after each try
    (try k costs one forward pass over the data set, so try k is forward pass k + 1)."""

    params: dict
    best_loss: np.ndarray


def draw_weight_sets(rng: np.random.Generator, shapes: dict, scale: float, count: int, chunk: int) -> dict:
    """The first `count` of `chunk` weight sets drawn from `rng`, one parameter after the other
    (all chunk W1s, then all b1s, ...), without holding the other chunk - count: their draws are
    made and thrown away a piece at a time, so that weight set k is the same for any count."""
    sets = {}
    for index, (name, shape) in enumerate(shapes.items()):
        sets[name] = rng.normal(0.0, scale, size=(count,) + shape)
        unused = (chunk - count) * int(np.prod(shape))
        while unused > 0 and index < len(shapes) - 1:  # the last parameter's leftovers are never needed
            rng.normal(0.0, scale, size=min(unused, DISCARD_PIECE))
            unused -= DISCARD_PIECE
    return sets


def losses_of_weight_sets(sets: dict, X: np.ndarray, Y: np.ndarray, activation: str, loss_name: str) -> np.ndarray:
    """The loss of each of a stack of networks, (count,).

    The same forward pass as network.forward_pass, written for a stack: W1 is (count, n_inputs,
    n_hidden), and X @ W1 multiplies X by each network's W1 at once; the biases get an axis for
    the samples, (count, 1, n), so that they add to every row. The loss is then the network
    module's own, one network at a time.
    """
    z1 = X @ sets["W1"] + sets["b1"][:, None, :]
    hidden = ACTIVATIONS[activation].function(z1)
    z2 = hidden @ sets["W2"] + sets["b2"][:, None, :]
    output = sigmoid(z2)
    return np.array([LOSSES[loss_name].value(z2[k], output[k], Y) for k in range(len(z2))])


def random_search(X, Y, n_hidden: int, *, n_tries: int = 10_000, scale: float = 1.0, seed: int = 0,
                  activation: str = "sigmoid", loss_name: str = "mse", start: dict | None = None,
                  chunk: int = 2_000) -> SearchResult:
    """Draw `n_tries` weight sets (weights and biases from a normal distribution with standard
    deviation `scale`) and keep the one with the lowest loss.

    Weight sets are drawn and evaluated `chunk` at a time (at most MAX_CHUNK); chunk number c
    draws from np.random.default_rng([seed, c]), so try k is the same weight set whatever n_tries
    is (a longer search only adds tries). With `start`, try 0 is that weight set, so that a search
    and a backpropagation run can begin from the same point.
    """
    X = check_array("X", X, ndim=2)
    Y = check_targets("Y", Y, X.shape[0])
    n_hidden = check_int("n_hidden", n_hidden, minimum=1)
    n_tries = check_int("n_tries", n_tries, minimum=1)
    if n_tries > MAX_TRIES:
        raise ValueError(f"n_tries must be at most {MAX_TRIES:,}; got {n_tries:,}")
    scale = check_number("scale", scale, positive=True)
    seed = check_int("seed", seed, minimum=0)
    check_choice("activation", activation, ACTIVATIONS)
    check_loss_name(loss_name, Y)
    chunk = check_int("chunk", chunk, minimum=1)
    if chunk > MAX_CHUNK:
        raise ValueError(f"chunk must be at most {MAX_CHUNK:,}; got {chunk:,}")
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
        sets = draw_weight_sets(np.random.default_rng([seed, first // chunk]), shapes, scale, count, chunk)
        if first == 0 and start is not None:
            for name in PARAM_NAMES:
                sets[name][0] = start[name]
        with np.errstate(over="ignore", invalid="ignore"):  # a wild draw just scores badly
            chunk_losses = losses_of_weight_sets(sets, X, Y, activation, loss_name)
        losses[first:first + count] = np.where(np.isfinite(chunk_losses), chunk_losses, np.inf)
        k = int(np.argmin(losses[first:first + count]))
        if losses[first + k] < best_value:
            best_value = losses[first + k]
            best = {name: sets[name][k].copy() for name in PARAM_NAMES}
    if best is None:  # every draw overflowed: there is no best weight set to return
        raise ValueError(f"all {n_tries} weight sets drawn with scale={scale} have an infinite or undefined loss "
                         "(their weighted sums overflow); choose a smaller scale")
    return SearchResult(params=best, best_loss=np.minimum.accumulate(losses))
