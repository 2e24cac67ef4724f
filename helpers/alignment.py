"""Which way do the hidden neurons' incoming weights point?

Hidden neuron j's incoming weights are column j of W1, a vector in input space. Its length says
how steep the neuron's response is; its direction says which combination of the inputs it reacts
to. Two columns on one line (pointing the same way or opposite ways) react to the same
combination: their |cosine| is 1. Perpendicular columns have |cosine| 0.

    |cos(w_j, w_k)| = |w_j . w_k| / (||w_j|| ||w_k||)
"""

import numpy as np

from helpers.validation import check_array, check_number


def check_weight_columns(W1) -> np.ndarray:
    """W1 as a float array of shape (n_records, n_inputs, n_hidden), every column non-zero.

    Accepts one W1 (n_inputs, n_hidden) or a stack of snapshots (n_records, n_inputs, n_hidden).
    """
    try:
        array = np.asarray(W1, dtype=np.float64)
    except (TypeError, ValueError):
        raise TypeError(f"W1 must be an array of numbers; got {type(W1).__name__}") from None
    if array.ndim not in (2, 3):
        raise ValueError(f"W1 must be 2-D (n_inputs, n_hidden) or 3-D (n_records, n_inputs, n_hidden); "
                         f"got an array of shape {array.shape}")
    check_array("W1", array.reshape(-1), ndim=1)   # not empty, only finite numbers
    stack = array[None] if array.ndim == 2 else array
    if stack.shape[2] < 2:
        raise ValueError(f"W1 must have at least 2 columns (hidden neurons) to compare; got shape {array.shape}")
    lengths = np.linalg.norm(stack, axis=1)          # (n_records, n_hidden)
    if np.any(lengths == 0):
        record, neuron = np.argwhere(lengths == 0)[0]
        raise ValueError(f"W1 has a column of zeros (hidden neuron {neuron}, snapshot {record}): "
                         f"a zero vector has no direction")
    return stack


def abs_cosines(W1) -> np.ndarray:
    """|cosine| between every pair of columns of W1.

    W1: (n_inputs, n_hidden) -> (n_hidden, n_hidden); or snapshots (n_records, n_inputs, n_hidden)
    -> (n_records, n_hidden, n_hidden). Entry [j, k] is 1 when neurons j and k lie on one line.
    """
    stack = check_weight_columns(W1)
    directions = stack / np.linalg.norm(stack, axis=1, keepdims=True)   # unit columns
    cosines = np.abs(np.swapaxes(directions, 1, 2) @ directions)
    cosines = np.minimum(cosines, 1.0)   # a rounding error must not give |cos| = 1.0000000000000002
    return cosines[0] if np.ndim(W1) == 2 else cosines


def smallest_abs_cosine(W1) -> np.ndarray | float:
    """The smallest |cosine| between the incoming weights of two hidden neurons.

    1 means every column of W1 lies on one line; values near 0 mean at least two neurons react to
    nearly perpendicular combinations of the inputs.
    W1: (n_inputs, n_hidden) -> a float; or snapshots (n_records, n_inputs, n_hidden) -> (n_records,).
    """
    cosines = abs_cosines(W1)
    n_hidden = cosines.shape[-1]
    upper = np.triu_indices(n_hidden, k=1)
    smallest = cosines[..., upper[0], upper[1]].min(axis=-1)
    return float(smallest) if np.ndim(W1) == 2 else smallest


def count_directions(W1, min_abs_cosine: float = 0.999) -> int:
    """How many different directions the columns of W1 point in: the effective number of neurons.

    Two neurons share a direction when their |cosine| is at least `min_abs_cosine`; neurons linked
    by a chain of such pairs form one group. W1: (n_inputs, n_hidden) -> the number of groups.
    """
    min_abs_cosine = check_number("min_abs_cosine", min_abs_cosine)
    if not 0 < min_abs_cosine <= 1:
        raise ValueError(f"min_abs_cosine must lie in (0, 1]; got {min_abs_cosine}")
    if np.ndim(W1) != 2:
        raise ValueError(f"W1 must be 2-D (n_inputs, n_hidden); got shape {np.shape(W1)}")
    close = abs_cosines(W1) >= min_abs_cosine
    unassigned = set(range(close.shape[0]))
    groups = 0
    while unassigned:
        groups += 1
        waiting = [unassigned.pop()]
        while waiting:
            neuron = waiting.pop()
            linked = {other for other in unassigned if close[neuron, other]}
            unassigned -= linked
            waiting.extend(linked)
    return groups
