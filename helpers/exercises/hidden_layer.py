"""Checks for the exercises of notebook 02 · The hidden layer.

    check_hidden_shape(answer)       the shape of X @ W1 for 7 samples, 3 inputs, 5 hidden neurons
    check_xnor_weights(answer)       weights of a 2-2-1 network that computes XNOR
    mystery_network()                the network of the third exercise
    check_distinct_neurons(answer)   how many distinct hidden neurons has mystery_network()?

Each check prints one line of feedback and returns a Verdict (truthy when the answer is right).
"""

import numpy as np

from helpers import count_distinct_neurons, forward
from helpers.data import logic_gate
from helpers.exercises import (
    Verdict,
    as_numbers,
    as_whole_number,
    hint_for,
    never_raises,
    not_answered,
    right,
    shown,
    wrong,
)
from helpers.network import DECISION_THRESHOLD, PARAM_NAMES

# --- exercise 1: the shape of the hidden layer's weighted sums ---------------------------------

_N_SAMPLES, _N_INPUTS, _N_HIDDEN = 7, 3, 5


def _answer_key() -> dict:
    return {"check_hidden_shape": (_N_SAMPLES, _N_HIDDEN),
            "check_distinct_neurons": count_distinct_neurons(mystery_network())}


@never_raises
def check_hidden_shape(answer) -> Verdict:
    """Exercise 1: the shape of X @ W1 with 7 samples, 3 inputs and 5 hidden neurons, as a tuple,
    a list or an array of two whole numbers."""
    if answer is None:
        return not_answered("replace None with the shape of X @ W1, a tuple like (rows, columns).")
    if not isinstance(answer, (tuple, list, np.ndarray)):
        return wrong(f"give the shape as a tuple of two whole numbers, like (rows, columns); got {shown(answer)}.")
    values = as_numbers(answer)
    entries = [] if values is None or values.size != 2 else [as_whole_number(value) for value in values.ravel()]
    if len(entries) != 2 or None in entries:
        return wrong(f"X @ W1 is a 2-D array, so its shape is two whole numbers (rows, columns); "
                     f"got {shown(answer)}.")
    shape = tuple(entries)
    if shape == (_N_SAMPLES, _N_HIDDEN):
        return right(f"({_N_SAMPLES}, {_N_INPUTS}) @ ({_N_INPUTS}, {_N_HIDDEN}) -> {shape}: one row per sample, "
                     f"one column per hidden neuron. Adding b1 ({_N_HIDDEN},) keeps that shape.")
    mistakes = {
        (_N_HIDDEN, _N_SAMPLES): "rows and columns are swapped: samples are rows, hidden neurons are columns.",
        (_N_SAMPLES, _N_INPUTS): "that is the shape of X. The product has one column per hidden neuron, "
                                 "not per input.",
        (_N_INPUTS, _N_HIDDEN): "that is the shape of W1. The product has one row per sample.",
        (_N_SAMPLES, _N_SAMPLES): "the columns of X @ W1 are the hidden neurons, not the samples.",
    }
    return wrong(hint_for(shape, mistakes, f"{shown(shape)} is not it. (n_samples, n_inputs) @ (n_inputs, "
                                           "n_hidden) -> (n_samples, n_hidden): the inner size disappears."))


# --- exercise 2: XNOR with two hidden neurons --------------------------------------------------

# The shape each parameter of a 2-2-1 network must have; any array with the same entries in
# another orientation (b1 as (1, 2), W2 as (2,), b2 as a plain number) is accepted too.
_XNOR_SHAPES = {"W1": (2, 2), "b1": (2,), "W2": (2, 1), "b2": (1,)}
_SHAPES_TEXT = "W1 (2, 2), b1 (2,), W2 (2, 1), b2 (1,)"


def _params_from(answer) -> tuple[dict | None, str]:
    """Turn the student's answer into a params dict of float arrays, or say what is wrong."""
    if not isinstance(answer, dict):
        return None, (f"the answer must be a dict with the keys 'W1', 'b1', 'W2', 'b2' "
                      f"(like xor_params in the notebook); got {shown(answer)}.")
    missing = [name for name in PARAM_NAMES if name not in answer]
    if missing:
        return None, f"the dict is missing {missing}; it needs the keys 'W1', 'b1', 'W2', 'b2'."
    params = {}
    for name, shape in _XNOR_SHAPES.items():
        array = as_numbers(answer[name])
        if array is None:
            return None, f"answer['{name}'] must hold numbers only; got {shown(answer[name])}."
        if name == "W1" and array.shape != shape:
            return None, (f"answer['W1'] has shape {array.shape}; a 2-2-1 network needs {_SHAPES_TEXT} "
                          f"(W1 is inputs x hidden neurons).")
        if array.size != int(np.prod(shape)):
            return None, f"answer['{name}'] has shape {shown(array.shape)}; a 2-2-1 network needs {_SHAPES_TEXT}."
        if not np.all(np.isfinite(array)):
            return None, f"answer['{name}'] contains NaN or infinity; use finite numbers."
        params[name] = array.reshape(shape)
    return params, ""


@never_raises
def check_xnor_weights(answer) -> Verdict:
    """Exercise 2: weights of a 2-2-1 sigmoid network whose output is above 0.5 exactly on the
    inputs where XNOR is 1. Any weights that do this are accepted."""
    if answer is None:
        return not_answered("replace None with a dict {'W1': ..., 'b1': ..., 'W2': ..., 'b2': ...} "
                            f"of weights for a 2-2-1 network ({_SHAPES_TEXT}).")
    params, problem = _params_from(answer)
    if params is None:
        return wrong(problem)
    X, xor = logic_gate("xor")
    xnor = 1 - xor[:, 0].astype(int)
    # Huge weights may overflow a weighted sum to +-infinity; the sigmoid still gives 0 or 1
    # (never NaN: every sum has at most two finite terms plus a finite bias), so no warning.
    with np.errstate(over="ignore"):
        output = forward(params, X)[0][:, 0]
    shown_output = "[" + ", ".join(f"{value:.2f}" for value in output) + "]"
    predictions = (output > DECISION_THRESHOLD).astype(int)
    if np.array_equal(predictions, xnor):
        return right(f"on (0,0), (0,1), (1,0), (1,1) your network outputs {shown_output}: "
                     f"above 0.5 exactly where XNOR is 1.")
    missed = [f"({a:.0f},{b:.0f})" for (a, b), p, t in zip(X, predictions, xnor, strict=True) if p != t]
    return wrong(f"on (0,0), (0,1), (1,0), (1,1) your network outputs {shown_output}; XNOR wants above 0.5, "
                 f"below, below, above. Wrong on {', '.join(missed)}. XNOR is NOT XOR: start from "
                 f"xor_params. Which neuron must change to turn every answer around?")


# --- exercise 3: how many distinct neurons? ----------------------------------------------------

def mystery_network() -> dict:
    """The 2-5-1 network of the third exercise (a fresh copy on every call)."""
    return {
        "W1": np.array([[2.0, -1.0, 2.0, 2.0, -1.0],
                        [-1.0, 2.0, -1.0, -1.0, 2.0]]),
        "b1": np.array([0.5, 0.5, 0.5, -0.5, 0.5]),
        "W2": np.array([[1.0], [-3.0], [1.0], [1.0], [-3.0]]),
        "b2": np.array([0.0]),
    }


@never_raises
def check_distinct_neurons(answer) -> Verdict:
    """Exercise 3: the number of distinct hidden neurons of mystery_network()."""
    if answer is None:
        return not_answered("replace None with a whole number: how many hidden neurons of "
                            "mystery really differ?")
    count = as_whole_number(answer)
    if count is None:
        return wrong(f"the answer is a whole number of neurons, like 2; got {shown(answer)}.")
    params = mystery_network()
    expected = count_distinct_neurons(params)
    n_hidden = params["W1"].shape[1]
    if count == expected:
        return right("neurons 1 and 3 are copies, so are 2 and 5; neuron 4 has neuron 1's incoming and "
                     "outgoing weights but its own bias. Three distinct neurons.")
    if count == n_hidden:
        hint = "some neurons are copies of others: compare the columns of W1 one by one."
    elif count < 1 or count > n_hidden:
        hint = f"the network has {n_hidden} hidden neurons, so the answer lies between 1 and {n_hidden}."
    elif count < expected:
        hint = ("two neurons are the same only if everything matches: the column of W1, the entry "
                "of b1 AND the row of W2. Look at the biases again.")
    else:
        hint = ("a neuron is its column of W1, its entry of b1 and its row of W2; neurons whose three "
                "parts all match count once.")
    return wrong(hint)
