"""Tests for helpers.exercises.question: the checks of notebook 00's exercises."""

import numpy as np
import pytest

import helpers
from helpers.exercises import question as ex

# --- Exercise 1: the number of weights and biases of the 3-4-2 network -----------------------------

@pytest.mark.parametrize("answer", [26, np.int64(26), 26.0])
def test_weight_count_accepts_26_in_any_numeric_form(answer, capsys):
    assert ex.check_weight_count(answer).correct is True
    assert capsys.readouterr().out == (
        "Correct! 3·4 + 4·2 = 20 weights and 4 + 2 = 6 biases: 26 numbers to learn.\n")


@pytest.mark.parametrize("answer, hint", [
    (20, "20 counts the lines of the diagram"),
    (24, "the 2 output neurons have a bias too"),
    (22, "the 4 hidden neurons have a bias too"),
    (29, "the inputs are not neurons"),
    (9, "that counts the circles (neurons)"),
    (12, "that is the first layer only (W1)"),
    (25, "count the lines: each of the 3 inputs"),
])
def test_weight_count_rejects_wrong_counts_with_a_hint_that_fits_the_mistake(answer, hint, capsys):
    assert ex.check_weight_count(answer).correct is False
    out = capsys.readouterr().out
    assert out.startswith("Not yet. Hint: ") and hint in out


@pytest.mark.parametrize("answer", ["26", [26], 26.5, True, float("nan")])
def test_weight_count_says_what_it_expects_for_a_wrong_type(answer, capsys):
    assert ex.check_weight_count(answer).correct is False
    assert capsys.readouterr().out == f"Not yet. Hint: expected a whole number such as 10; got {answer!r}.\n"


def test_weight_count_unanswered_does_not_raise(capsys):
    assert ex.check_weight_count(None).correct is False
    assert capsys.readouterr().out.startswith("Not answered yet: replace None with the number of weights")


# --- Exercise 2: the hidden neuron with the largest output for x = [1, 0, 0] ----------------------

@pytest.fixture
def params():
    """A 3-4-2 network whose neuron 3 has the largest weight from x1 (a hand-made W1)."""
    network = helpers.init_params(3, 4, 2, seed=0)
    network["W1"] = np.array([[0.1, -0.5, 0.9, 0.3],
                              [2.0, 0.0, 0.0, 0.0],
                              [0.0, 3.0, 0.0, 0.0]])
    return network


def test_strongest_neuron_accepts_the_right_neuron_numbered_from_1(params, capsys):
    assert ex.check_strongest_neuron(3, params).correct is True
    out = capsys.readouterr().out
    assert out.startswith("Correct! hidden neuron 3 outputs 0.7109, the most of all 4.")
    assert "0.9000 + 0.0000" in out


def test_strongest_neuron_uses_the_bias_too(params, capsys):
    params["b1"] = np.array([0.0, 2.0, 0.0, 0.0])  # now neuron 2: -0.5 + 2 = 1.5 beats 0.9
    assert ex.check_strongest_neuron(2, params).correct is True
    assert ex.check_strongest_neuron(3, params).correct is False
    capsys.readouterr()


def test_strongest_neuron_accepts_every_neuron_tied_for_the_largest_output(capsys):
    constant = helpers.init_params(3, 4, 2, init="constant")
    assert all(ex.check_strongest_neuron(j, constant) for j in (1, 2, 3, 4))
    capsys.readouterr()


def test_strongest_neuron_explains_numbering_from_0(params, capsys):
    assert ex.check_strongest_neuron(2, params).correct is False
    assert "numpy's argmax counts from 0. Add 1 to the index." in capsys.readouterr().out
    params["W1"][0] = [0.9, 0.1, 0.2, 0.3]  # neuron 1 is the strongest; its argmax index is 0
    assert ex.check_strongest_neuron(0, params).correct is False
    assert "numbered 1 to 4, as in the figures (numpy's argmax counts from 0: add 1); got 0." in \
        capsys.readouterr().out


def test_strongest_neuron_rejects_a_weaker_neuron_with_a_hint(params, capsys):
    assert ex.check_strongest_neuron(1, params).correct is False
    out = capsys.readouterr().out
    assert out.startswith("Not yet. Hint: hidden neuron 1 outputs 0.5250; another neuron outputs more.")
    assert "look at the first row of W1" in out


@pytest.mark.parametrize("answer, message", [
    (5, "numbered 1 to 4"),
    ("3", "expected the number of a hidden neuron, 1 to 4; got '3'."),
    (2.5, "expected the number of a hidden neuron, 1 to 4; got 2.5."),
])
def test_strongest_neuron_says_what_it_expects(params, answer, message, capsys):
    assert ex.check_strongest_neuron(answer, params).correct is False
    assert message in capsys.readouterr().out


@pytest.mark.parametrize("network", [None, {"W1": np.ones((3, 4))}, helpers.init_params(2, 4, 1)])
def test_strongest_neuron_with_a_wrong_network_says_so_instead_of_crashing(network, capsys):
    assert ex.check_strongest_neuron(3, network).correct is False
    assert capsys.readouterr().out.startswith("Not yet. Hint: the second argument must be the")


def test_strongest_neuron_unanswered_does_not_raise(params, capsys):
    assert ex.check_strongest_neuron(None, params).correct is False
    assert capsys.readouterr().out == ("Not answered yet: replace None with the number (1 to 4) of the "
                                       "hidden neuron with the largest output for x = [1, 0, 0].\n")
