"""Tests for helpers.permutations: reordering the hidden neurons of a network."""

import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import helpers
from helpers.permutations import permute_hidden


@st.composite
def networks_and_orders(draw):
    """A random network (1-4 inputs, 1-6 hidden neurons, 1-3 outputs, random biases) and an order."""
    n_inputs = draw(st.integers(1, 4))
    n_hidden = draw(st.integers(1, 6))
    n_outputs = draw(st.integers(1, 3))
    seed = draw(st.integers(0, 2**32 - 1))
    rng = np.random.default_rng(seed)
    params = {"W1": rng.normal(0, 2, (n_inputs, n_hidden)), "b1": rng.normal(0, 2, n_hidden),
              "W2": rng.normal(0, 2, (n_hidden, n_outputs)), "b2": rng.normal(0, 2, n_outputs)}
    order = draw(st.permutations(range(n_hidden)))
    X = rng.normal(0, 2, (draw(st.integers(1, 8)), n_inputs))
    return params, list(order), X


@settings(max_examples=200, deadline=None)
@given(networks_and_orders(), st.sampled_from(["sigmoid", "tanh", "relu"]))
def test_permuting_the_hidden_neurons_leaves_the_output_unchanged(case, activation):
    params, order, X = case
    before, _ = helpers.forward(params, X, activation)
    after, _ = helpers.forward(permute_hidden(params, order), X, activation)
    # The output sums the same terms in another order: equal up to rounding.
    np.testing.assert_allclose(after, before, rtol=0, atol=1e-12)


@settings(max_examples=100, deadline=None)
@given(networks_and_orders())
def test_new_neuron_j_is_old_neuron_order_j(case):
    params, order, _ = case
    permuted = permute_hidden(params, order)
    for new, old in enumerate(order):
        assert np.array_equal(permuted["W1"][:, new], params["W1"][:, old])
        assert permuted["b1"][new] == params["b1"][old]
        assert np.array_equal(permuted["W2"][new], params["W2"][old])
    assert np.array_equal(permuted["b2"], params["b2"])


def test_permute_hidden_returns_copies_and_leaves_its_argument_alone():
    params = helpers.init_params(2, 4, 1, seed=3)
    saved = {name: array.copy() for name, array in params.items()}
    permuted = permute_hidden(params, [0, 1, 2, 3])
    for name in params:
        permuted[name] += 1.0
        assert np.array_equal(params[name], saved[name])


def test_twin_midpoint_has_the_two_swapped_neurons_identical():
    params = helpers.init_params(2, 4, 1, seed=0)
    params["b1"] = np.array([0.3, -0.2, 0.1, 0.4])
    twin = permute_hidden(params, [1, 0, 2, 3])
    midpoint = {name: (params[name] + twin[name]) / 2 for name in params}
    assert helpers.count_distinct_neurons(params) == 4
    assert helpers.count_distinct_neurons(midpoint) == 3
    assert np.array_equal(midpoint["W1"][:, 0], midpoint["W1"][:, 1])
    assert midpoint["b1"][0] == midpoint["b1"][1]
    assert np.array_equal(midpoint["W2"][0], midpoint["W2"][1])
    # the neurons that were not swapped keep their own numbers
    assert np.array_equal(midpoint["W1"][:, 2:], params["W1"][:, 2:])


def test_all_24_orders_of_four_neurons_give_24_different_weight_matrices():
    params = helpers.init_params(2, 4, 1, seed=1)
    matrices = {permute_hidden(params, order)["W1"].tobytes() for order in itertools.permutations(range(4))}
    assert len(matrices) == 24


@pytest.mark.parametrize("order", [[0, 0, 1, 2], [0, 1, 2], [0, 1, 2, 3, 4], [1, 2, 3, 4], [-1, 0, 1, 2]])
def test_an_order_that_is_not_a_permutation_is_a_value_error_naming_what_is_allowed(order):
    with pytest.raises(ValueError, match=r"order must name each of the hidden neurons 0 to 3 exactly once.*"
                                         r"the network has 4 hidden neurons.*got"):
        permute_hidden(helpers.init_params(2, 4, 1, seed=0), order)


@pytest.mark.parametrize("order", ["0123", 3, None, [0, 1, 2, 3.0], [True, False, 2, 3],
                                   np.array([3.0, 2.0, 1.0, 0.0]), np.array([[0, 1], [2, 3]]), {0, 1, 2, 3}])
def test_an_order_that_is_not_a_list_of_whole_numbers_is_a_type_error(order):
    with pytest.raises(TypeError, match=r"order must be a list of whole numbers naming each of the hidden "
                                        r"neurons 0 to 3 exactly once, e\.g\. \[3, 2, 1, 0\]; got"):
        permute_hidden(helpers.init_params(2, 4, 1, seed=0), order)


def test_numpy_orders_and_tuples_are_accepted():
    params = helpers.init_params(2, 3, 1, seed=0)
    expected = params["W1"][:, [2, 0, 1]]
    assert np.array_equal(permute_hidden(params, np.array([2, 0, 1]))["W1"], expected)
    assert np.array_equal(permute_hidden(params, (2, 0, 1))["W1"], expected)


def test_bad_params_get_the_usual_params_message():
    with pytest.raises(ValueError, match=r"params is missing \['b2'\]"):
        permute_hidden({"W1": np.ones((2, 2)), "b1": np.zeros(2), "W2": np.ones((2, 1))}, [1, 0])
