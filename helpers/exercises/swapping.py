"""Checks for the exercises of notebook 07 · Swapping neurons.

    check_twin_count(answer)      exercise 1: a count for a 3-5-1 tanh network
    two_networks()                exercise 2: the two 2-4-1 networks to compare, (net_a, net_b)
    check_matching_order(answer)  exercise 2: an order of net_b's hidden neurons
    check_midpoint_count(answer)  exercise 3: your prediction of count_distinct_neurons
"""

import itertools
import math

import numpy as np

from helpers.exercises import Verdict, as_whole_number, describe, feedback, not_answered
from helpers.permutations import check_order, permute_hidden

N_INPUTS, N_OUTPUTS = 2, 1


# --- exercise 1: count the twins ------------------------------------------------------------------

_TWIN_HIDDEN = 5  # the 3-5-1 tanh network of the exercise


def _twin_count() -> int:
    return math.factorial(_TWIN_HIDDEN) * 2 ** _TWIN_HIDDEN


def check_twin_count(answer) -> Verdict:
    """Exercise 1: how many weight settings of a 3-5-1 tanh network (counting the network itself)
    compute the same function by reordering the hidden neurons and flipping their signs."""
    if answer is None:
        return not_answered("replace None with a whole number.")
    value = as_whole_number(answer)
    if value is None:
        return feedback(False, "", f"expected a whole number such as 24; got {describe(answer)}.")
    orders, flips = math.factorial(_TWIN_HIDDEN), 2 ** _TWIN_HIDDEN
    if value == _twin_count():
        return feedback(True, f"{orders} orders of the five neurons, and for each order {flips} choices of "
                              f"which neurons to flip: {orders} x {flips}.", "")
    if value == _twin_count() - 1:
        hint = "the question counts the network itself too (the order 0, 1, 2, 3, 4 with no flip)."
    elif value == orders:
        hint = ("that counts the orders of the five neurons. With tanh, tanh(-z) = -tanh(z): what else "
                "can you do to one neuron without changing the output?")
    elif value == flips:
        hint = "that counts the sign flips. Each choice of flips can be combined with any order of the neurons."
    elif value == orders * 2 ** (_TWIN_HIDDEN + 1) or value == math.factorial(_TWIN_HIDDEN + 1) * flips:
        hint = ("only the hidden neurons are interchangeable: the output neuron has a sigmoid and a target "
                "of its own.")
    elif value in (orders + flips, orders * _TWIN_HIDDEN, 2 * orders):
        hint = "the choices multiply: every order can be combined with every choice of flips."
    else:
        hint = ("count the orders of the five hidden neurons first (four neurons had 24), then the ways to "
                "flip some of them, and combine the two.")
    return feedback(False, "", hint)


# --- exercise 2: which order matches? --------------------------------------------------------------

_MATCH_HIDDEN = 4


def two_networks() -> tuple[dict, dict]:
    """The two 2-4-1 networks of exercise 2, (net_a, net_b): net_b's hidden neurons are net_a's,
    in some order, each moved a little."""
    rng = np.random.default_rng(2104)
    net_a = {"W1": rng.normal(0.0, 2.0, (N_INPUTS, _MATCH_HIDDEN)), "b1": rng.normal(0.0, 1.0, _MATCH_HIDDEN),
             "W2": rng.normal(0.0, 2.0, (_MATCH_HIDDEN, N_OUTPUTS)), "b2": rng.normal(0.0, 1.0, N_OUTPUTS)}
    shuffled = permute_hidden(net_a, rng.permutation(_MATCH_HIDDEN))
    net_b = {name: array + rng.normal(0.0, 0.1, array.shape) for name, array in shuffled.items()}
    return net_a, net_b


def _distance(params_a: dict, params_b: dict) -> float:
    return float(sum(np.sum((params_a[name] - params_b[name]) ** 2) for name in params_a))


def check_matching_order(answer) -> Verdict:
    """Exercise 2: an order of net_b's hidden neurons (new neuron j = net_b's neuron order[j])
    that brings net_b as close as possible to net_a."""
    if answer is None:
        return not_answered("replace None with an order, a list such as [0, 1, 2, 3].")
    try:
        order = check_order(answer, _MATCH_HIDDEN)
    except (TypeError, ValueError) as error:
        return feedback(False, "", f"{error}.")
    net_a, net_b = two_networks()
    distances = {candidate: _distance(net_a, permute_hidden(net_b, candidate))
                 for candidate in itertools.permutations(range(_MATCH_HIDDEN))}
    closest = min(distances.values())
    if distances[tuple(order)] == closest:
        return feedback(True, f"Reordered like this, net_b is {closest:.2f} away from net_a (the sum of squared "
                              "differences of all its numbers); every other order leaves it much further away.", "")
    inverse = [order.index(j) for j in range(_MATCH_HIDDEN)]
    if distances[tuple(inverse)] == closest:
        hint = ("you found the right pairs, read the other way round. permute_hidden makes new neuron j out "
                "of neuron order[j] of net_b: order[j] must name the neuron of net_b that looks like neuron j "
                "of net_a.")
    else:
        hint = (f"reordered like this, net_b is still {distances[tuple(order)]:.2f} away from net_a. Compare "
                "the columns of net_a['W1'] with those of net_b['W1'], or try all 24 orders with "
                "itertools.permutations and keep the closest.")
    return feedback(False, "", hint)


# --- exercise 3: the midpoint of a different twin --------------------------------------------------

_MIDPOINT_HIDDEN = 4


def _midpoint_count() -> int:
    # new neurons 0, 1, 2 are (old 0 + old 1) / 2, (old 1 + old 2) / 2, (old 2 + old 0) / 2; neuron 3 stays
    return _MIDPOINT_HIDDEN


def check_midpoint_count(answer) -> Verdict:
    """Exercise 3: count_distinct_neurons at the midpoint between a trained 2-4-1 network with
    four distinct neurons and its twin permute_hidden(trained, [1, 2, 0, 3])."""
    if answer is None:
        return not_answered("replace None with a whole number: your prediction.")
    value = as_whole_number(answer)
    if value is None:
        return feedback(False, "", f"expected a whole number such as 2; got {describe(answer)}.")
    if value == _midpoint_count():
        return feedback(True, "The midpoint's first three neurons are the averages of neurons 1 and 2, 2 and 3, "
                              "3 and 1: three different pairs, three different averages. Only a swap puts the "
                              "same pair in two places.", "")
    if not 1 <= value <= _MIDPOINT_HIDDEN:
        hint = f"the network has 4 hidden neurons, so the count is a whole number from 1 to 4; got {value}."
    elif value == 2:
        hint = ("three neurons take part in the move, but are they averaged into one? Write the midpoint's "
                "neuron 1 as (neuron 1 + neuron 2) / 2 and do the same for its neurons 2 and 3.")
    elif value == 3:
        hint = ("a swap of two neurons gave 3. This order moves three neurons in a cycle: write the "
                "midpoint's neurons 1, 2 and 3 as averages of two of the old neurons each. Are two of them "
                "the same average?")
    else:
        hint = "write each of the midpoint's neurons as the average of two of the old neurons. Which are equal?"
    return feedback(False, "", hint)
