"""Checks for the exercises of notebook 04 · Symmetry breaking.

    check_constant_count(answer)     how many distinct neurons does training leave from a constant start?
    check_symmetry_breaker(params)   a 2-4-1 start whose neurons end up different after training
    candidate_inits()                the six starts of the third exercise, by label
    check_which_break(answer)        which of those starts break the symmetry?

Each check prints one line of feedback and returns a Verdict (truthy when the answer is right).
"""

from functools import lru_cache

import numpy as np

from helpers import count_distinct_neurons, init_params, largest_neuron_difference, train
from helpers.data import logic_gate
from helpers.exercises import (
    Verdict,
    answer_check,
    as_numbers,
    grade_count,
    grade_labels,
    right,
    shown,
    wrong,
)
from helpers.network import PARAM_NAMES

# The network and training of the notebook: 2-4-1, sigmoid, BCE, learning rate 1.0, on XOR.
_N_INPUTS, _N_HIDDEN, _N_OUTPUTS = 2, 4, 1
_LEARNING_RATE = 1.0
_EPOCHS = 2000
_MAX_WEIGHT = 100.0  # larger starting weights only saturate the sigmoids
_CHANGED = 1e-12     # a starting number counts as changed when it moved more than this


@lru_cache(maxsize=1)
def _constant_count() -> int:
    """What training a 2-6-1 network on XOR from the constant start 0.1 leaves (exercise 1)."""
    X, Y = logic_gate("xor")
    start = init_params(_N_INPUTS, 6, _N_OUTPUTS, init="constant", value=0.1)
    return count_distinct_neurons(train(X, Y, start, learning_rate=_LEARNING_RATE, epochs=_EPOCHS,
                                        record_every=_EPOCHS).params)


def _answer_key() -> dict:
    return {"check_constant_count": _constant_count(), "check_which_break": _breakers()}


# --- exercise 1: predict the count ---------------------------------------------------------------

@answer_check(unanswered="replace None with a whole number: your prediction of count_distinct_neurons.")
def check_constant_count(answer) -> Verdict:
    """Exercise 1: your prediction of count_distinct_neurons after training a 2-6-1 network on
    XOR from a constant start (value 0.1), as a whole number."""
    return grade_count(
        answer, n_hidden=6, example=3, right_count=_constant_count(),
        praise="All six neurons start identical, so every update is identical, and they end as six copies of "
               "one neuron.",
        mistakes={6: "6 would mean every neuron ended up different. They all start with the same numbers: "
                     "what does the induction step say about the update they receive?"},
        otherwise="Is there anything that could make some neurons differ while others stay alike? Every neuron "
                  "starts with the same numbers and gets the same update.")


# --- exercise 2: break the symmetry with the smallest change -------------------------------------

def _constant_start() -> dict:
    return init_params(_N_INPUTS, _N_HIDDEN, _N_OUTPUTS, init="constant", value=0.5)


def _read_start(params) -> tuple[dict | None, str]:
    """The student's start as a dict of float arrays shaped like the constant start, or what is wrong."""
    expected = _constant_start()
    shapes = ", ".join(f"{name} {array.shape}" for name, array in expected.items())
    if not isinstance(params, dict):
        return None, f"expected a params dict like `start` (keys {', '.join(PARAM_NAMES)}); got {shown(params)}."
    missing = [name for name in PARAM_NAMES if name not in params]
    if missing:
        return None, f"the dict is missing {missing}; a params dict like `start` has the keys {PARAM_NAMES}."
    start = {}
    for name in PARAM_NAMES:
        start[name] = as_numbers(params[name])
        if start[name] is None:
            return None, f"params['{name}'] must be an array of numbers; got {shown(params[name])}."
        if start[name].shape != expected[name].shape:
            return None, (f"expected the shapes of a 2-4-1 network ({shapes}); params['{name}'] has shape "
                          f"{start[name].shape}.")
        if not np.all(np.isfinite(start[name])):
            return None, f"params['{name}'] contains NaN or infinity; use finite numbers."
    return start, ""


@answer_check(unanswered="replace None with a params dict: a copy of `start` with a small change.")
def check_symmetry_breaker(params) -> Verdict:
    """Exercise 2: a 2-4-1 start (a params dict) whose hidden neurons are not all alike after
    training on XOR (sigmoid, BCE, learning rate 1.0, 2000 epochs). Any such start is right;
    the feedback says how many of the constant start's 17 numbers it changed."""
    params, problem = _read_start(params)
    if params is None:
        return wrong(problem)
    largest = max(float(np.abs(array).max()) for array in params.values())
    if largest > _MAX_WEIGHT:
        return wrong(f"keep every starting number between -{_MAX_WEIGHT:g} and {_MAX_WEIGHT:g} "
                     f"(the smallest change is a small one); got {largest:.3g}.")

    X, Y = logic_gate("xor")
    try:
        with np.errstate(all="ignore"):
            history = train(X, Y, params, learning_rate=_LEARNING_RATE, epochs=_EPOCHS, record_every=_EPOCHS)
    except ValueError:
        return wrong("training diverged from this start; keep the weights moderate (between -5 and 5, say).")
    distinct = count_distinct_neurons(history.params)
    start = _constant_start()
    changed = sum(int(np.sum(np.abs(params[name] - start[name]) > _CHANGED)) for name in PARAM_NAMES)
    if distinct > 1:
        praise = (f"After training, {distinct} of the 4 hidden neurons are distinct; you changed "
                  f"{changed} of the 17 numbers of `start`.")
        if distinct < _N_HIDDEN:
            praise += " The neurons you left alike stayed alike: the symmetry breaks only where you break it."
        return right(praise)
    if largest_neuron_difference(params) > 0:
        hint = ("your neurons start different, but by so little that they still count as the same after "
                "training (count_distinct_neurons allows for rounding). Make the change bigger, say 0.1.")
    elif changed == 0:
        hint = ("this is still the constant start. Change one number that belongs to one neuron "
                "only; changing a single outgoing weight, one entry of W2, is enough.")
    else:
        hint = ("every neuron still starts with the same incoming weights, bias and outgoing weight "
                "(b2 is shared by all of them, and changing every neuron the same way keeps them "
                "alike). Change one number of one neuron only; a single entry of W2 is enough.")
    return wrong(hint)


# --- exercise 3: which starts break the symmetry? ------------------------------------------------

_LABELS = ("A", "B", "C", "D", "E", "F")


def candidate_inits() -> dict:
    """The six starts of the third exercise, label -> params dict of a 2-4-1 network.

    A every weight 0                    B every weight 0.5
    C every weight random (seed 0)      D one random neuron, copied to all four
    E like B, but W2 random             F like B, but b1 = [0, 0.1, 0.2, 0.3]
    """
    rng = np.random.default_rng(0)
    one_neuron = {"W1": rng.normal(size=(_N_INPUTS, 1)), "b1": rng.normal(size=1),
                  "W2": rng.normal(size=(1, _N_OUTPUTS))}
    copied = {"W1": np.tile(one_neuron["W1"], (1, _N_HIDDEN)), "b1": np.tile(one_neuron["b1"], _N_HIDDEN),
              "W2": np.tile(one_neuron["W2"], (_N_HIDDEN, 1)), "b2": np.zeros(_N_OUTPUTS)}
    random_outgoing = _constant_start()
    random_outgoing["W2"] = np.random.default_rng(1).normal(size=(_N_HIDDEN, _N_OUTPUTS))
    different_biases = _constant_start()
    different_biases["b1"] = np.array([0.0, 0.1, 0.2, 0.3])
    return {
        "A": init_params(_N_INPUTS, _N_HIDDEN, _N_OUTPUTS, init="zero"),
        "B": _constant_start(),
        "C": init_params(_N_INPUTS, _N_HIDDEN, _N_OUTPUTS, init="random", seed=0),
        "D": copied,
        "E": random_outgoing,
        "F": different_biases,
    }


def _breakers() -> frozenset:
    """The labels whose hidden neurons are not all identical at the start (training keeps that)."""
    return frozenset(label for label, params in candidate_inits().items() if count_distinct_neurons(params) > 1)


@answer_check(unanswered='replace None with a set of labels, e.g. {"A", "B"}.')
def check_which_break(answer) -> Verdict:
    """Exercise 3: the set of candidate starts (labels A-F) whose hidden neurons end up
    different after training, in any container or spelling ({"A", "B"}, ["a", "b"], "A, B", "AB")."""
    return grade_labels(
        answer, _LABELS, _breakers(),
        praise="C, E and F each give some neuron a number of its own (incoming weights, outgoing weight or "
               "bias); A, B and D give every neuron the same numbers, random or not.",
        chosen_wrongly=lambda labels: ("at least one of your labels starts with all four neurons identical: "
                                       "compare each neuron's incoming weights, bias and outgoing weight "
                                       "(random numbers that are copied are still the same numbers)."),
        missed=lambda count: ("you missed at least one: a single difference anywhere in a neuron's incoming "
                              "weights, bias or outgoing weight is enough."),
        closing="Try helpers.count_distinct_neurons(candidates[label]) on each start.")
