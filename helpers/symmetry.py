"""How different are the hidden neurons? Measures used by the tests, the notebooks and the dashboard.

A hidden neuron is fully described by three things: its incoming weights (a column of W1), its
bias (an entry of b1) and its outgoing weights (a row of W2). Two neurons with all three equal
compute the same feature and send it on in the same way: one of them is redundant.
"""

import numpy as np

from helpers.network import check_params
from helpers.validation import check_array, check_number

SAME_NEURON_ATOL = 1e-9  # two neurons whose numbers all agree this closely count as one


def neuron_signatures(params: dict) -> np.ndarray:
    """One row per hidden neuron: its incoming weights, its bias, then its outgoing weights.

    Returns shape (n_hidden, n_inputs + 1 + n_outputs).
    """
    params = check_params(params)
    return np.column_stack([params["W1"].T, params["b1"], params["W2"]])


def count_distinct_neurons(params: dict, atol: float = SAME_NEURON_ATOL) -> int:
    """How many hidden neurons really differ.

    Two neurons count as the same when every entry of their signatures (incoming weights,
    bias, outgoing weights) agrees within `atol`. Each neuron joins the first group whose
    first member it matches; the answer is the number of groups.
    """
    atol = check_number("atol", atol, non_negative=True)
    signatures = neuron_signatures(params)
    first_members = np.empty_like(signatures)
    n_groups = 0
    with np.errstate(over="ignore"):  # weights near +-1e308: an infinite difference is simply "different"
        for signature in signatures:
            differences = np.abs(first_members[:n_groups] - signature)
            if not np.any(np.all(differences <= atol, axis=1)):
                first_members[n_groups] = signature
                n_groups += 1
    return n_groups


def largest_neuron_difference(params: dict) -> float:
    """The largest difference between any entry of any two neurons' signatures.

    0 when all hidden neurons are identical. Under zero or constant initialization it stays at
    rounding level (see the notebooks for why it is not always exactly 0).
    """
    signatures = neuron_signatures(params)
    with np.errstate(over="ignore"):
        return float(np.max(signatures.max(axis=0) - signatures.min(axis=0)))


def smallest_neuron_distance(W1) -> np.ndarray | float:
    """The smallest distance between the incoming weight vectors of two hidden neurons.

    W1: (n_inputs, n_hidden) -> a float; or a stack of snapshots (n_records, n_inputs, n_hidden)
    -> (n_records,). With one hidden neuron there is no pair, and the answer is infinity.
    """
    W1 = check_array("W1", W1, ndim=(2, 3))
    stack = W1[None] if W1.ndim == 2 else W1
    smallest = np.full(len(stack), np.inf)
    with np.errstate(over="ignore"):
        for j in range(1, stack.shape[2]):  # neuron j against every neuron before it, all snapshots at once
            differences = stack[:, :, :j] - stack[:, :, j:j + 1]
            distances = np.sqrt(np.sum(differences**2, axis=1))
            smallest = np.minimum(smallest, distances.min(axis=1))
    return float(smallest[0]) if W1.ndim == 2 else smallest
