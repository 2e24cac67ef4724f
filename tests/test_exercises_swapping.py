"""Tests for the exercise checks of notebook 07 · Swapping neurons."""

import itertools

import numpy as np
import pytest

import helpers
from helpers.exercises import swapping as ex
from helpers.permutations import permute_hidden

# --- exercise 1: 5! orders times 2^5 choices of flips ---------------------------------------------


def test_twin_count_is_unanswered_for_the_placeholder(capsys):
    assert ex.check_twin_count(None).correct is False
    assert capsys.readouterr().out.startswith("Not answered yet: ")


@pytest.mark.parametrize("answer", [3840, 3840.0, np.int64(3840), np.array([3840])])
def test_twin_count_accepts_3840_in_any_numeric_form(answer, capsys):
    assert ex.check_twin_count(answer).correct is True
    assert capsys.readouterr().out.startswith("Correct! 120 orders of the five neurons, and for each order 32")


@pytest.mark.parametrize("answer, hint", [
    (3839, "counts the network itself too"),
    (120, "that counts the orders of the five neurons. With tanh"),
    (32, "that counts the sign flips"),
    (7680, "only the hidden neurons are interchangeable"),
    (23040, "only the hidden neurons are interchangeable"),
    (152, "the choices multiply"),
    (240, "the choices multiply"),
    (100, "count the orders of the five hidden neurons first"),
])
def test_twin_count_gives_a_hint_that_fits_the_mistake(answer, hint, capsys):
    assert ex.check_twin_count(answer).correct is False
    out = capsys.readouterr().out
    assert out.startswith("Not yet. Hint: ") and hint in out


@pytest.mark.parametrize("answer", ["3840", True, [3840], 3840.5, float("nan")])
def test_twin_count_rejects_what_is_not_a_whole_number_without_crashing(answer, capsys):
    assert ex.check_twin_count(answer).correct is False
    assert capsys.readouterr().out.startswith("Not yet. Hint: expected a whole number such as 24")


# --- exercise 2: the order that matches net_b to net_a ----------------------------------------------

MATCHING_ORDER = [2, 0, 3, 1]


def test_the_two_networks_are_the_same_neurons_in_another_order_each_moved_a_little():
    net_a, net_b = ex.two_networks()
    matched = permute_hidden(net_b, MATCHING_ORDER)
    for name in net_a:
        assert np.abs(matched[name] - net_a[name]).max() < 0.5
    assert helpers.count_distinct_neurons(net_a) == 4
    # without reordering, no neuron of net_b sits where its partner in net_a does
    assert all(np.abs(net_b["W1"][:, j] - net_a["W1"][:, j]).max() > 1.0 for j in range(4))


def test_two_networks_gives_fresh_copies_every_call():
    first, _ = ex.two_networks()
    first["W1"][:] = 0.0
    assert np.abs(ex.two_networks()[0]["W1"]).max() > 0


def test_matching_order_is_unanswered_for_the_placeholder(capsys):
    assert ex.check_matching_order(None).correct is False
    assert capsys.readouterr().out.startswith("Not answered yet: ")


@pytest.mark.parametrize("answer", [MATCHING_ORDER, tuple(MATCHING_ORDER), np.array(MATCHING_ORDER)])
def test_matching_order_accepts_the_closest_order_as_list_tuple_or_array(answer, capsys):
    assert ex.check_matching_order(answer).correct is True
    assert capsys.readouterr().out.startswith("Correct! Reordered like this, net_b is 0.29 away from net_a")


def test_matching_order_recognises_the_order_read_the_other_way_round(capsys):
    inverse = [MATCHING_ORDER.index(j) for j in range(4)]
    assert inverse != MATCHING_ORDER
    assert ex.check_matching_order(inverse).correct is False
    assert "you found the right pairs, read the other way round" in capsys.readouterr().out


def test_every_other_order_is_wrong_and_the_hint_says_how_far_it_leaves_net_b(capsys):
    inverse = [MATCHING_ORDER.index(j) for j in range(4)]
    for order in itertools.permutations(range(4)):
        if list(order) in (MATCHING_ORDER, inverse):
            continue
        assert ex.check_matching_order(list(order)).correct is False
        out = capsys.readouterr().out
        assert out.startswith("Not yet. Hint: reordered like this, net_b is still ") and "away from net_a" in out


@pytest.mark.parametrize("answer", [[0, 0, 1, 2], [0, 1, 2], [1, 2, 3, 4], [0.5, 1, 2, 3], [[0, 1], [2, 3]],
                                    "2031", 7, {0, 1, 2, 3}, [float("nan")] * 4])
def test_matching_order_explains_an_answer_that_is_not_an_order(answer, capsys):
    assert ex.check_matching_order(answer).correct is False
    out = capsys.readouterr().out
    assert out.startswith("Not yet. Hint: expected a list naming each of the hidden neurons 0, 1, 2, 3 exactly "
                          "once, such as [3, 2, 1, 0]")
    assert out.count("\n") == 1


# --- exercise 3: a cycle of three neurons leaves four distinct neurons at the midpoint -------------

def test_the_midpoint_of_a_cycle_has_four_distinct_neurons_as_the_check_expects(capsys):
    start = helpers.init_params(2, 4, 1, "random", seed=0)
    trained = helpers.train(*helpers.data.logic_gate("xor"), start, learning_rate=1.0, epochs=2000,
                            record_every=2000).params
    twin = permute_hidden(trained, [1, 2, 0, 3])
    midpoint = {name: (trained[name] + twin[name]) / 2 for name in trained}
    assert helpers.count_distinct_neurons(midpoint) == 4
    assert ex.check_midpoint_count(4).correct is True


def test_midpoint_count_is_unanswered_for_the_placeholder(capsys):
    assert ex.check_midpoint_count(None).correct is False
    assert capsys.readouterr().out.startswith("Not answered yet: ")


@pytest.mark.parametrize("answer", [4, 4.0, np.int64(4)])
def test_midpoint_count_accepts_four(answer, capsys):
    assert ex.check_midpoint_count(answer).correct is True
    assert capsys.readouterr().out.startswith("Correct! The midpoint's first three neurons are the averages")


@pytest.mark.parametrize("answer, hint", [
    (2, "are they averaged into one?"),
    (3, "a swap of two neurons gave 3. This order moves three neurons in a cycle"),
    (1, "write each of the midpoint's neurons as the average of two of the old neurons"),
    (0, "a whole number from 1 to 4; got 0"),
    (5, "a whole number from 1 to 4; got 5"),
])
def test_midpoint_count_gives_a_hint_that_fits_the_mistake(answer, hint, capsys):
    assert ex.check_midpoint_count(answer).correct is False
    out = capsys.readouterr().out
    assert out.startswith("Not yet. Hint: ") and hint in out


@pytest.mark.parametrize("answer", ["4", False, [4]])
def test_midpoint_count_rejects_what_is_not_a_whole_number_without_crashing(answer, capsys):
    assert ex.check_midpoint_count(answer).correct is False
    assert capsys.readouterr().out.startswith("Not yet. Hint: expected a whole number such as 2")


@pytest.mark.parametrize("answer", [3.5, 0, 5])
def test_midpoint_count_says_a_count_lies_between_1_and_the_number_of_neurons(answer, capsys):
    assert ex.check_midpoint_count(answer).correct is False
    assert "a whole number from 1 to 4" in capsys.readouterr().out


def test_the_answer_key_holds_the_answers_the_checks_accept(capsys):
    assert ex._answer_key() == {"check_twin_count": 3840, "check_matching_order": tuple(MATCHING_ORDER),
                                "check_midpoint_count": 4}
