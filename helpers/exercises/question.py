"""Checks for the exercises of notebook 00 · The question.

Each check prints one line of feedback and returns True (right) or False (wrong or unanswered).
"""

import numpy as np

from helpers.exercises import Verdict, as_whole_number, feedback, not_answered
from helpers.network import check_params, hidden_layer

# The network of the exercises: 3 inputs, 4 hidden neurons, 2 outputs.
LAYER_SIZES = (3, 4, 2)


def check_weight_count(answer) -> Verdict:
    """Exercise 1: how many numbers (weights and biases) does the 3-4-2 network learn? 26."""
    if answer is None:
        return not_answered("replace None with the number of weights, biases included, of the 3-4-2 network.")
    count = as_whole_number(answer)
    if count is None:
        return feedback(False, "", f"expected a whole number such as 10; got {answer!r}.")
    n_inputs, n_hidden, n_outputs = LAYER_SIZES
    edges = n_inputs * n_hidden + n_hidden * n_outputs  # 12 + 8 = 20 lines in the diagram
    correct = edges + n_hidden + n_outputs              # one bias per hidden and output neuron
    answer = count
    hints = {
        edges: f"{edges} counts the lines of the diagram (3·4 + 4·2). Every hidden and every output "
               "neuron also has its own bias.",
        edges + n_hidden: "you added the 4 hidden biases; the 2 output neurons have a bias too.",
        edges + n_outputs: "you added the 2 output biases; the 4 hidden neurons have a bias too.",
        correct + n_inputs: "the inputs are not neurons: they only pass the numbers on, so they "
                            "have no bias.",
        n_inputs + n_hidden + n_outputs: "that counts the circles (neurons). Count the lines "
                                         "(weights) and add one bias per hidden and output neuron.",
        n_inputs * n_hidden: "that is the first layer only (W1). Add the second layer (W2) and the biases.",
    }
    hint = hints.get(answer, "count the lines: each of the 3 inputs goes to each of the 4 hidden neurons, "
                             "each hidden neuron goes to each of the 2 outputs; then add one bias per "
                             "hidden and output neuron.")
    return feedback(answer == correct,
                    f"3·4 + 4·2 = {edges} weights and 4 + 2 = 6 biases: {correct} numbers to learn.",
                    hint)


def hidden_outputs(params: dict, x) -> np.ndarray:
    """What each hidden neuron outputs for one input x (n_inputs,): sigmoid(x W1 + b1), shape (n_hidden,)."""
    return hidden_layer(params, np.asarray(x, dtype=np.float64).reshape(1, -1), "sigmoid")[1][0]


def check_strongest_neuron(answer, params) -> Verdict:
    """Exercise 2: which hidden neuron (numbered from 1) outputs the most for x = [1, 0, 0]?

    `params` is the random network of the notebook. Every neuron sharing the largest output is accepted.
    """
    if answer is None:
        return not_answered(f"replace None with the number (1 to {LAYER_SIZES[1]}) of the hidden neuron "
                            "with the largest output for x = [1, 0, 0].")
    try:
        params = check_params(params)
    except (TypeError, ValueError) as error:
        return feedback(False, "", f"the second argument must be the network `params_random` of this "
                                   f"notebook ({error}).")
    n_inputs, n_hidden = params["W1"].shape
    if n_inputs != LAYER_SIZES[0]:
        return feedback(False, "", f"the second argument must be the 3-4-2 network `params_random`; "
                                   f"this one has {n_inputs} inputs.")
    number = as_whole_number(answer)
    if number is None:
        return feedback(False, "", f"expected the number of a hidden neuron, 1 to {n_hidden}; got {answer!r}.")
    answer = number
    if not 1 <= answer <= n_hidden:
        return feedback(False, "", f"the hidden neurons are numbered 1 to {n_hidden}, as in the figures "
                                   f"(numpy's argmax counts from 0: add 1); got {answer}.")
    outputs = hidden_outputs(params, [1.0, 0.0, 0.0])
    best = [j + 1 for j in np.flatnonzero(outputs == outputs.max())]
    if answer in best:
        j = answer - 1
        return feedback(True, f"hidden neuron {answer} outputs {outputs[j]:.4f}, the most of all {n_hidden}. "
                              f"With x = [1, 0, 0] its weighted sum is its weight from x1 plus its bias: "
                              f"{params['W1'][0, j]:.4f} + {params['b1'][j]:.4f}.", "")
    if answer + 1 in best:
        hint = ("close: the figures number the neurons from 1, while numpy's argmax counts from 0. "
                "Add 1 to the index.")
    else:
        hint = (f"hidden neuron {answer} outputs {outputs[answer - 1]:.4f}; another neuron outputs more. "
                "With x = [1, 0, 0], neuron j's weighted sum is W1[0, j] + b1[j] (its weight from x1 plus "
                "its bias, and a new network's biases are 0); the sigmoid grows with the sum: look at the "
                "first row of W1.")
    return feedback(False, "", hint)
