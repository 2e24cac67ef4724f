"""Tests for helpers.exercises.question: the checks of notebook 00's exercises."""

import numpy as np
import pytest

import helpers
from helpers.exercises import question as ex

# --- Exercise 1: the number of weights and biases of the 3-4-2 network -----------------------------

@pytest.mark.parametrize("answer", [26, np.int64(26), 26.0, np.array([26])])
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


# --- Exercise 2: the hidden neuron with the largest output for x = [1, 0, 0] ----------------------

@pytest.fixture
def params_random():
    """The notebook's network: params_random = helpers.init_params(3, 4, 2, seed=SEED) with SEED = 0."""
    return helpers.init_params(3, 4, 2, seed=0)


def strongest(params) -> int:
    """The answer worked out by hand: with x = [1, 0, 0], neuron j's sum is W1[0, j] + b1[j]."""
    sums = params["W1"][0] + params["b1"]
    assert np.sort(sums)[-1] > np.sort(sums)[-2]  # no tie in the notebook's network
    return int(np.argmax(sums)) + 1


def test_strongest_neuron_accepts_the_right_neuron_numbered_from_1(params_random, capsys):
    best = strongest(params_random)
    assert ex.check_strongest_neuron(best, params_random).correct is True
    output = 1 / (1 + np.exp(-params_random["W1"][0, best - 1]))
    assert capsys.readouterr().out.startswith(f"Correct! hidden neuron {best} outputs {output:.4f}, the most of all 4.")


def test_strongest_neuron_explains_numbering_from_0(params_random, capsys):
    index = strongest(params_random) - 1
    assert ex.check_strongest_neuron(index, params_random).correct is False
    out = capsys.readouterr().out
    assert "numpy's argmax counts from 0" in out and ("Add 1 to the index." in out or "got 0" in out)


def test_strongest_neuron_rejects_a_weaker_neuron_with_a_hint(params_random, capsys):
    weaker = [j for j in (1, 2, 3, 4) if j not in (strongest(params_random), strongest(params_random) - 1)]
    for neuron in weaker:
        assert ex.check_strongest_neuron(neuron, params_random).correct is False
        out = capsys.readouterr().out
        assert out.startswith(f"Not yet. Hint: hidden neuron {neuron} outputs ") and "first row of W1" in out


@pytest.mark.parametrize("answer", [0, 5, -1])
def test_strongest_neuron_says_how_the_neurons_are_numbered(params_random, answer, capsys):
    assert ex.check_strongest_neuron(answer, params_random).correct is False
    assert "numbered 1 to 4, as in the figures" in capsys.readouterr().out


@pytest.mark.parametrize("network", [
    helpers.init_params(3, 4, 2, init="constant"),   # all four neurons tied
    helpers.init_params(3, 4, 2, seed=1),            # another random network
    helpers.init_params(2, 4, 1, seed=0),            # another shape
])
def test_strongest_neuron_never_accepts_a_network_other_than_the_notebooks(network, capsys):
    assert not any(ex.check_strongest_neuron(j, network) for j in (1, 2, 3, 4))
    for line in capsys.readouterr().out.splitlines():
        assert line.startswith("Not yet. Hint: the second argument must be the notebook's network `params_random`")


def test_strongest_neuron_notices_a_single_changed_weight(params_random, capsys):
    changed = {name: array.copy() for name, array in params_random.items()}
    changed["W1"][0, 0] = 10.0  # now neuron 1 would win
    assert ex.check_strongest_neuron(1, changed).correct is False
    assert "unchanged" in capsys.readouterr().out
