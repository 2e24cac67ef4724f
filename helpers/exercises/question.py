"""Checks for the exercises of notebook 00 · The question.

    check_weight_count(answer)              how many numbers does the 3-4-2 network learn?
    check_strongest_neuron(answer, params)  which hidden neuron of params_random responds most to x = [1, 0, 0]?

Each check prints one line of feedback and returns a Verdict (truthy when the answer is right).
"""

import numpy as np

from helpers import init_params
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
from helpers.network import PARAM_NAMES, hidden_layer

_LAYER_SIZES = (3, 4, 2)  # the network of both exercises
_SEED = 0                 # params_random = helpers.init_params(3, 4, 2, seed=SEED) in the notebook
_X = np.array([[1.0, 0.0, 0.0]])


def _weight_count() -> int:
    n_inputs, n_hidden, n_outputs = _LAYER_SIZES
    return n_inputs * n_hidden + n_hidden * n_outputs + n_hidden + n_outputs


def _notebook_network() -> dict:
    return init_params(*_LAYER_SIZES, seed=_SEED)


def _hidden_outputs() -> np.ndarray:
    """The hidden neurons' outputs for x = [1, 0, 0] in the notebook's network, shape (n_hidden,)."""
    return hidden_layer(_notebook_network(), _X, "sigmoid")[1][0]


def _answer_key() -> dict:
    return {"check_weight_count": _weight_count(),
            "check_strongest_neuron": int(np.argmax(_hidden_outputs())) + 1}


@never_raises
def check_weight_count(answer) -> Verdict:
    """Exercise 1: how many numbers (weights and biases) does the 3-4-2 network learn?"""
    if answer is None:
        return not_answered("replace None with the number of weights, biases included, of the 3-4-2 network.")
    count = as_whole_number(answer)
    if count is None:
        return wrong(f"expected a whole number such as 10; got {shown(answer)}.")
    n_inputs, n_hidden, n_outputs = _LAYER_SIZES
    edges = n_inputs * n_hidden + n_hidden * n_outputs  # the lines of the diagram
    if count == _weight_count():
        return right(f"3·4 + 4·2 = {edges} weights and 4 + 2 = 6 biases: {count} numbers to learn.")
    mistakes = {
        edges: f"{edges} counts the lines of the diagram (3·4 + 4·2). Every hidden and every output "
               "neuron also has its own bias.",
        edges + n_hidden: "you added the 4 hidden biases; the 2 output neurons have a bias too.",
        edges + n_outputs: "you added the 2 output biases; the 4 hidden neurons have a bias too.",
        _weight_count() + n_inputs: "the inputs are not neurons: they only pass the numbers on, so they "
                                    "have no bias.",
        n_inputs + n_hidden + n_outputs: "that counts the circles (neurons). Count the lines "
                                         "(weights) and add one bias per hidden and output neuron.",
        n_inputs * n_hidden: "that is the first layer only (W1). Add the second layer (W2) and the biases.",
    }
    return wrong(hint_for(count, mistakes, "count the lines: each of the 3 inputs goes to each of the 4 hidden "
                                           "neurons, each hidden neuron goes to each of the 2 outputs; then add "
                                           "one bias per hidden and output neuron."))


def _is_notebook_network(params) -> bool:
    """Whether `params` holds exactly the numbers of the notebook's params_random."""
    if not isinstance(params, dict) or any(name not in params for name in PARAM_NAMES):
        return False
    reference = _notebook_network()
    for name in PARAM_NAMES:
        array = as_numbers(params[name])
        if array is None or array.shape != reference[name].shape or not np.array_equal(array, reference[name]):
            return False
    return True


@never_raises
def check_strongest_neuron(answer, params) -> Verdict:
    """Exercise 2: which hidden neuron (numbered from 1, as in the figures) of the notebook's
    `params_random` gives the largest output for x = [1, 0, 0]? Pass params_random unchanged
    as the second argument: the check compares it with the network the notebook made."""
    n_hidden = _LAYER_SIZES[1]
    if answer is None:
        return not_answered(f"replace None with the number (1 to {n_hidden}) of the hidden neuron "
                            "with the largest output for x = [1, 0, 0].")
    if not _is_notebook_network(params):
        return wrong("the second argument must be the notebook's network `params_random`, unchanged "
                     "(re-run the cell that makes it if you changed it); this exercise is about that "
                     f"network. Got {shown(params)}.")
    number = as_whole_number(answer)
    if number is None:
        return wrong(f"expected the number of a hidden neuron, 1 to {n_hidden}; got {shown(answer)}.")
    if not 1 <= number <= n_hidden:
        return wrong(f"the hidden neurons are numbered 1 to {n_hidden}, as in the figures "
                     f"(numpy's argmax counts from 0: add 1); got {shown(number)}.")
    outputs = _hidden_outputs()
    best = int(np.argmax(outputs)) + 1
    if number == best:
        W1, b1 = _notebook_network()["W1"], _notebook_network()["b1"]
        return right(f"hidden neuron {number} outputs {outputs[number - 1]:.4f}, the most of all {n_hidden}. "
                     f"With x = [1, 0, 0] its weighted sum is its weight from x1 plus its bias: "
                     f"{W1[0, number - 1]:.4f} + {b1[number - 1]:.4f}.")
    if number + 1 == best:
        return wrong("close: the figures number the neurons from 1, while numpy's argmax counts from 0. "
                     "Add 1 to the index.")
    return wrong(f"hidden neuron {number} outputs {outputs[number - 1]:.4f}; another neuron outputs more. "
                 "With x = [1, 0, 0], neuron j's weighted sum is W1[0, j] + b1[j] (its weight from x1 plus "
                 "its bias, and a new network's biases are 0); the sigmoid grows with the sum: look at the "
                 "first row of W1.")
