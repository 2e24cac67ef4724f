"""Checks for the exercises of notebook 04 · Symmetry breaking.

    check_constant_count(answer)     how many distinct neurons does a constant start leave?  (1)
    check_symmetry_breaker(params)   a 2-4-1 start whose neurons end up different after training
    candidate_inits()                the six starts of the third exercise, by label
    check_which_break(answer)        which of those starts break the symmetry?  ({"C", "E", "F"})
"""

import numpy as np

from helpers.data import logic_gate
from helpers.exercises import Verdict, as_labels, as_number, describe, feedback, not_answered
from helpers.network import PARAM_NAMES, check_params, init_params
from helpers.symmetry import SAME_NEURON_ATOL, count_distinct_neurons, largest_neuron_difference
from helpers.training import train

# The network and training of the notebook: 2-4-1, sigmoid, BCE, learning rate 1.0, on XOR.
N_INPUTS, N_HIDDEN, N_OUTPUTS = 2, 4, 1
LEARNING_RATE = 1.0
EPOCHS = 2000
MAX_WEIGHT = 100.0  # larger starting weights only saturate the sigmoids
CHANGED = 1e-12  # a starting number counts as changed when it moved more than this


# --- exercise 1: predict the count ---------------------------------------------------------------

def check_constant_count(answer) -> Verdict:
    """Exercise 1: count_distinct_neurons after training a 2-6-1 network on XOR from a constant
    start (value 0.1). The answer is 1: identical starts get identical updates."""
    if answer is None:
        return not_answered("replace None with a whole number: your prediction of count_distinct_neurons.")
    value = as_number(answer)
    if value is None:
        return feedback(False, "", f"expected a whole number such as 3; got {describe(answer)}.")
    if value == 1:
        return feedback(True, "All six neurons start identical, so every update is identical, and "
                              "they end as six copies of one neuron.", "")
    if value == 6:
        hint = ("6 would mean every neuron ended up different. They all start with the same "
                "numbers: what does the induction step say about the update they receive?")
    elif not value.is_integer() or not 1 <= value <= 6:
        hint = (f"count_distinct_neurons counts groups of identical neurons, so for 6 hidden neurons "
                f"it is a whole number from 1 to 6; got {answer}.")
    else:
        hint = ("Is there anything that could make some neurons differ while others stay alike? "
                "Every neuron starts with the same numbers and gets the same update.")
    return feedback(False, "", hint)


# --- exercise 2: break the symmetry with the smallest change -------------------------------------

def _constant_start() -> dict:
    return init_params(N_INPUTS, N_HIDDEN, N_OUTPUTS, init="constant", value=0.5)


def check_symmetry_breaker(params) -> Verdict:
    """Exercise 2: a 2-4-1 start (a params dict) whose hidden neurons are not all alike after
    training on XOR (sigmoid, BCE, learning rate 1.0, 2000 epochs). Any such start is right;
    the feedback says how many of the constant start's 17 numbers it changed."""
    if params is None:
        return not_answered("replace None with a params dict: a copy of `start` with a small change.")
    try:
        params = check_params(params)
    except (TypeError, ValueError) as error:
        return feedback(False, "", f"expected a params dict like `start` (keys {', '.join(PARAM_NAMES)}); {error}")
    expected = {name: array.shape for name, array in _constant_start().items()}
    wrong = [f"{name} {params[name].shape}" for name in PARAM_NAMES if params[name].shape != expected[name]]
    if wrong:
        shapes = ", ".join(f"{name} {shape}" for name, shape in expected.items())
        return feedback(False, "", f"expected the shapes of a 2-4-1 network ({shapes}); got {', '.join(wrong)}.")

    largest = max(float(np.abs(array).max()) for array in params.values())
    if largest > MAX_WEIGHT:
        return feedback(False, "", f"keep every starting number between -{MAX_WEIGHT:g} and {MAX_WEIGHT:g} "
                                   f"(the smallest change is a small one); got {largest:.3g}.")

    X, Y = logic_gate("xor")
    try:
        with np.errstate(all="ignore"):
            history = train(X, Y, N_HIDDEN, params=params, learning_rate=LEARNING_RATE,
                            epochs=EPOCHS, record_every=EPOCHS)
    except ValueError:
        return feedback(False, "", "training diverged from this start; keep the weights moderate "
                                   "(between -5 and 5, say).")
    distinct = count_distinct_neurons(history.params)
    start = _constant_start()
    changed = sum(int(np.sum(np.abs(params[name] - start[name]) > CHANGED)) for name in PARAM_NAMES)
    if distinct > 1:
        praise = (f"After training, {distinct} of the 4 hidden neurons are distinct; you changed "
                  f"{changed} of the 17 numbers of `start`.")
        if distinct < N_HIDDEN:
            praise += " The neurons you left alike stayed alike: the symmetry breaks only where you break it."
        return feedback(True, praise, "")
    if largest_neuron_difference(params) > 0:
        hint = (f"your neurons start different, but by so little that they still agree within {SAME_NEURON_ATOL:g} "
                "after training. Make the change bigger, say 0.1.")
    elif changed == 0:
        hint = ("this is still the constant start. Change one number that belongs to one neuron "
                "only; changing a single outgoing weight, one entry of W2, is enough.")
    else:
        hint = ("every neuron still starts with the same incoming weights, bias and outgoing weight "
                "(b2 is shared by all of them, and changing every neuron the same way keeps them "
                "alike). Change one number of one neuron only; a single entry of W2 is enough.")
    return feedback(False, "", hint)


# --- exercise 3: which starts break the symmetry? ------------------------------------------------

CORRECT_BREAKERS = frozenset({"C", "E", "F"})
LABELS = ("A", "B", "C", "D", "E", "F")


def candidate_inits() -> dict:
    """The six starts of the third exercise, label -> params dict of a 2-4-1 network.

    A every weight 0                    B every weight 0.5
    C every weight random (seed 0)      D one random neuron, copied to all four
    E like B, but W2 random             F like B, but b1 = [0, 0.1, 0.2, 0.3]
    """
    rng = np.random.default_rng(0)
    one_neuron = {"W1": rng.normal(size=(N_INPUTS, 1)), "b1": rng.normal(size=1),
                  "W2": rng.normal(size=(1, N_OUTPUTS))}
    copied = {"W1": np.tile(one_neuron["W1"], (1, N_HIDDEN)), "b1": np.tile(one_neuron["b1"], N_HIDDEN),
              "W2": np.tile(one_neuron["W2"], (N_HIDDEN, 1)), "b2": np.zeros(N_OUTPUTS)}
    random_outgoing = _constant_start()
    random_outgoing["W2"] = np.random.default_rng(1).normal(size=(N_HIDDEN, N_OUTPUTS))
    different_biases = _constant_start()
    different_biases["b1"] = np.array([0.0, 0.1, 0.2, 0.3])
    return {
        "A": init_params(N_INPUTS, N_HIDDEN, N_OUTPUTS, init="zero"),
        "B": _constant_start(),
        "C": init_params(N_INPUTS, N_HIDDEN, N_OUTPUTS, init="random", seed=0),
        "D": copied,
        "E": random_outgoing,
        "F": different_biases,
    }


def check_which_break(answer) -> Verdict:
    """Exercise 3: the set of candidate starts (labels A-F) whose hidden neurons end up
    different after training. Right: {"C", "E", "F"} in any order or container."""
    if answer is None:
        return not_answered('replace None with a set of labels, e.g. {"A", "B"}.')
    labels, problem = as_labels(answer, LABELS)
    if problem:
        return feedback(False, "", problem)
    if labels == CORRECT_BREAKERS:
        return feedback(True, "C, E and F each give some neuron a number of its own (incoming weights, "
                              "outgoing weight or bias); A, B and D give every neuron the same numbers, "
                              "random or not.", "")
    hints = []
    if labels - CORRECT_BREAKERS:
        hints.append("at least one of your labels starts with all four neurons identical: compare "
                     "each neuron's incoming weights, bias and outgoing weight (random numbers that "
                     "are copied are still the same numbers).")
    if CORRECT_BREAKERS - labels:
        hints.append("you missed at least one: a single difference anywhere in a neuron's incoming "
                     "weights, bias or outgoing weight is enough.")
    hints.append("Try helpers.count_distinct_neurons(candidates[label]) on each start.")
    return feedback(False, "", " ".join(hints))
