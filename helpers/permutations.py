"""Reordering the hidden neurons of a network with one hidden layer.

Hidden neuron j is its incoming weights (column j of W1), its bias (b1[j]) and its outgoing
weights (row j of W2). permute_hidden moves all three of every neuron to a new position.
"""

import numbers
import reprlib

import numpy as np

from helpers.network import check_params


def check_order(order, n_hidden: int) -> list[int]:
    """Return `order` as a list of ints if it lists every hidden neuron 0, 1, ..., n_hidden - 1 exactly once."""
    allowed = f"each of the hidden neurons 0 to {n_hidden - 1} exactly once, e.g. {list(range(n_hidden))[::-1]}"
    if isinstance(order, (str, bytes, dict, set, frozenset)) or not np.iterable(order):
        raise TypeError(f"order must be a list of whole numbers naming {allowed}; got {reprlib.repr(order)}")
    entries = order.tolist() if isinstance(order, np.ndarray) else list(order)
    if not all(isinstance(entry, numbers.Integral) and not isinstance(entry, (bool, np.bool_)) for entry in entries):
        raise TypeError(f"order must be a list of whole numbers naming {allowed}; got {reprlib.repr(order)}")
    entries = [int(entry) for entry in entries]
    if sorted(entries) != list(range(n_hidden)):
        raise ValueError(f"order must name {allowed} (the network has {n_hidden} hidden neurons); "
                         f"got {reprlib.repr(entries)}")
    return entries


def permute_hidden(params: dict, order) -> dict:
    """A new network made of the hidden neurons of `params`, listed in a new order.

    order: a list naming every hidden neuron once (counted from 0); new neuron j is old neuron
           order[j]. For a 2-4-1 network, [1, 0, 2, 3] swaps the first two neurons.
    Returns a new params dict (the arrays are copies):
        W1: (n_inputs, n_hidden)   the columns of W1 in the new order
        b1: (n_hidden,)            the entries of b1 in the new order
        W2: (n_hidden, n_outputs)  the rows of W2 in the new order
        b2: (n_outputs,)           unchanged (it belongs to the output neurons)
    """
    params = check_params(params)
    order = check_order(order, params["W1"].shape[1])
    return {"W1": params["W1"][:, order], "b1": params["b1"][order],
            "W2": params["W2"][order, :], "b2": params["b2"].copy()}
