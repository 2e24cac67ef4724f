"""Checks for the exercises of notebook 07 · Swapping neurons.

    check_twin_count(answer)      exercise 1: a count for a 3-5-1 tanh network
    two_networks()                exercise 2: the two 2-4-1 networks to compare, (net_a, net_b)
    check_matching_order(answer)  exercise 2: an order of net_b's hidden neurons
    check_midpoint_count(answer)  exercise 3: your prediction of count_distinct_neurons

Each check prints one line of feedback and returns a Verdict (truthy when the answer is right).
"""

import itertools
import math

import numpy as np

from helpers.exercises import (
    Verdict,
    answer_check,
    as_numbers,
    as_whole_number,
    grade_count,
    hint_for,
    right,
    shown,
    wrong,
)
from helpers.permutations import permute_hidden

_N_INPUTS, _N_OUTPUTS = 2, 1
_TWIN_HIDDEN = 5       # the 3-5-1 tanh network of exercise 1
_MATCH_HIDDEN = 4      # the two 2-4-1 networks of exercise 2
_MIDPOINT_ORDER = (1, 2, 0, 3)  # the twin of exercise 3


def _twin_count() -> int:
    return math.factorial(_TWIN_HIDDEN) * 2 ** _TWIN_HIDDEN


def _matching_order() -> tuple:
    """The order of net_b's neurons closest to net_a: every order tried."""
    net_a, net_b = two_networks()
    return min(itertools.permutations(range(_MATCH_HIDDEN)),
               key=lambda order: _distance(net_a, permute_hidden(net_b, order)))


def _midpoint_count() -> int:
    """Distinct neurons at the midpoint: neurons that the twin's order leaves in place, plus the
    distinct pairs {j, order[j]} that the others are averaged over."""
    pairs = {frozenset((j, k)) for j, k in enumerate(_MIDPOINT_ORDER)}
    return len(pairs)


def _answer_key() -> dict:
    return {"check_twin_count": _twin_count(), "check_matching_order": _matching_order(),
            "check_midpoint_count": _midpoint_count()}


# --- exercise 1: count the twins ------------------------------------------------------------------

@answer_check(unanswered="replace None with a whole number.")
def check_twin_count(answer) -> Verdict:
    """Exercise 1: how many weight settings of a 3-5-1 tanh network (counting the network itself)
    compute the same function by reordering the hidden neurons and flipping their signs."""
    value = as_whole_number(answer)
    if value is None:
        return wrong(f"expected a whole number such as 24; got {shown(answer)}.")
    orders, flips = math.factorial(_TWIN_HIDDEN), 2 ** _TWIN_HIDDEN
    if value == _twin_count():
        return right(f"{orders} orders of the five neurons, and for each order {flips} choices of which neurons "
                     f"to flip: {orders} x {flips}.")
    output_too = ("only the hidden neurons are interchangeable: the output neuron has a sigmoid and a target of "
                  "its own.")
    multiply = "the choices multiply: every order can be combined with every choice of flips."
    mistakes = {
        _twin_count() - 1: "the question counts the network itself too (the order 0, 1, 2, 3, 4 with no flip).",
        orders: ("that counts the orders of the five neurons. With tanh, tanh(-z) = -tanh(z): what else can you "
                 "do to one neuron without changing the output?"),
        flips: "that counts the sign flips. Each choice of flips can be combined with any order of the neurons.",
        orders * 2 * flips: output_too,
        math.factorial(_TWIN_HIDDEN + 1) * flips: output_too,
        orders + flips: multiply,
        2 * orders: multiply,
        _TWIN_HIDDEN * orders: multiply,
    }
    return wrong(hint_for(value, mistakes, "count the orders of the five hidden neurons first (four neurons had "
                                           "24), then the ways to flip some of them, and combine the two."))


# --- exercise 2: which order matches? --------------------------------------------------------------

def two_networks() -> tuple[dict, dict]:
    """The two 2-4-1 networks of exercise 2, (net_a, net_b): net_b's hidden neurons are net_a's,
    in some order, each moved a little. New arrays on every call."""
    rng = np.random.default_rng(2104)
    net_a = {"W1": rng.normal(0.0, 2.0, (_N_INPUTS, _MATCH_HIDDEN)), "b1": rng.normal(0.0, 1.0, _MATCH_HIDDEN),
             "W2": rng.normal(0.0, 2.0, (_MATCH_HIDDEN, _N_OUTPUTS)), "b2": rng.normal(0.0, 1.0, _N_OUTPUTS)}
    shuffled = permute_hidden(net_a, rng.permutation(_MATCH_HIDDEN))
    net_b = {name: array + rng.normal(0.0, 0.1, array.shape) for name, array in shuffled.items()}
    return net_a, net_b


def _distance(params_a: dict, params_b: dict) -> float:
    return float(sum(np.sum((params_a[name] - params_b[name]) ** 2) for name in params_a))


@answer_check(unanswered="replace None with an order, a list such as [0, 1, 2, 3].")
def check_matching_order(answer) -> Verdict:
    """Exercise 2: an order of net_b's hidden neurons, a list such as [0, 1, 2, 3] (new neuron j
    is net_b's neuron order[j]), that brings net_b as close as possible to net_a."""
    numbers = as_numbers(answer)
    expected = "a list naming each of the hidden neurons 0, 1, 2, 3 exactly once, such as [3, 2, 1, 0]"
    if numbers is None or numbers.ndim != 1:
        return wrong(f"expected {expected}; got {shown(answer)}.")
    if sorted(numbers.tolist()) != list(range(_MATCH_HIDDEN)):
        return wrong(f"expected {expected} (counted from 0); got {shown(answer)}.")
    order = tuple(int(entry) for entry in numbers)
    net_a, net_b = two_networks()
    distances = {candidate: _distance(net_a, permute_hidden(net_b, candidate))
                 for candidate in itertools.permutations(range(_MATCH_HIDDEN))}
    if order == _matching_order():
        return right(f"Reordered like this, net_b is {distances[order]:.2f} away from net_a (the sum of squared "
                     "differences of all its numbers); every other order leaves it much further away.")
    inverse = tuple(order.index(j) for j in range(_MATCH_HIDDEN))
    if inverse == _matching_order():
        return wrong("you found the right pairs, read the other way round. permute_hidden makes new neuron j out "
                     "of neuron order[j] of net_b: order[j] must name the neuron of net_b that looks like neuron j "
                     "of net_a.")
    return wrong(f"reordered like this, net_b is still {distances[order]:.2f} away from net_a. Compare the "
                 "columns of net_a['W1'] with those of net_b['W1'], or try all 24 orders with "
                 "itertools.permutations and keep the closest.")


# --- exercise 3: the midpoint of a different twin --------------------------------------------------

@answer_check(unanswered="replace None with a whole number: your prediction.")
def check_midpoint_count(answer) -> Verdict:
    """Exercise 3: your prediction of count_distinct_neurons at the midpoint between a trained
    2-4-1 network whose neurons all differ and its twin permute_hidden(trained, [1, 2, 0, 3]),
    as a whole number."""
    return grade_count(
        answer, n_hidden=_MATCH_HIDDEN, example=2, right_count=_midpoint_count(),
        praise="The midpoint's first three neurons are the averages of neurons 1 and 2, 2 and 3, 3 and 1: three "
               "different pairs, three different averages. Only a swap puts the same pair in two places.",
        mistakes={
            2: "three neurons take part in the move, but are they averaged into one? Write the midpoint's neuron 1 "
               "as (neuron 1 + neuron 2) / 2 and do the same for its neurons 2 and 3.",
            3: "a swap of two neurons gave 3. This order moves three neurons in a cycle: write the midpoint's "
               "neurons 1, 2 and 3 as averages of two of the old neurons each. Are two of them the same average?",
        },
        otherwise="write each of the midpoint's neurons as the average of two of the old neurons. Which are equal?")
