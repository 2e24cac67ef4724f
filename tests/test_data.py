"""Tests for helpers.data: the gates, the seven-sample example, the generated sets."""

import numpy as np
import pytest

from helpers import data


def test_logic_gates_are_their_truth_tables():
    X, Y = data.logic_gate("xor")
    np.testing.assert_array_equal(X, [[0, 0], [0, 1], [1, 0], [1, 1]])
    assert Y[:, 0].tolist() == [0, 1, 1, 0]
    assert data.logic_gate("and")[1][:, 0].tolist() == [0, 0, 0, 1]
    assert data.logic_gate("or")[1][:, 0].tolist() == [0, 1, 1, 1]


def test_seven_samples_are_scaled_by_their_own_largest_value():
    X, Y = data.seven_samples()
    assert X.shape == (7, 2) and Y.shape == (7, 1)
    np.testing.assert_array_equal(X[0], [1.0, 5 / 8])
    np.testing.assert_array_equal(X[3], [1.0, 1 / 8])
    np.testing.assert_array_equal(Y[:, 0], [1.0, 0.9, 0.88, 0.6, 0.5, 0.45, 0.4])


@pytest.mark.parametrize("maker", [data.two_moons, data.circles])
def test_generated_sets_are_balanced_reproducible_and_seeded(maker):
    X, Y = maker(n_samples=101, noise=0.05, seed=3)
    assert X.shape == (101, 2) and Y.shape == (101, 1)
    assert set(Y[:, 0].tolist()) == {0.0, 1.0} and Y.sum() == 51
    np.testing.assert_array_equal(X, maker(n_samples=101, noise=0.05, seed=3)[0])
    assert not np.array_equal(X, maker(n_samples=101, noise=0.05, seed=4)[0])


def test_noiseless_circles_have_radius_one_and_factor():
    X, Y = data.circles(n_samples=50, noise=0.0, factor=0.3)
    radius = np.hypot(X[:, 0], X[:, 1])
    np.testing.assert_allclose(radius[Y[:, 0] == 0], 1.0)
    np.testing.assert_allclose(radius[Y[:, 0] == 1], 0.3)


def test_noiseless_moons_lie_on_their_half_circles():
    X, Y = data.two_moons(n_samples=40, noise=0.0)
    upper, lower = X[Y[:, 0] == 0], X[Y[:, 0] == 1]
    np.testing.assert_allclose(np.hypot(upper[:, 0], upper[:, 1]), 1.0)
    np.testing.assert_allclose(np.hypot(lower[:, 0] - 1, lower[:, 1] - 0.5), 1.0)
    assert upper[:, 1].min() >= -1e-12 and lower[:, 1].max() <= 0.5 + 1e-12


# What load(name, n_samples=30, noise=0.05, seed=2) must return: the points of the function that makes that set.
MAKERS = {
    "xor": lambda: data.logic_gate("xor"), "and": lambda: data.logic_gate("and"),
    "or": lambda: data.logic_gate("or"), "seven": data.seven_samples,
    "moons": lambda: data.two_moons(n_samples=30, noise=0.05, seed=2),
    "circles": lambda: data.circles(n_samples=30, noise=0.05, seed=2),
}


@pytest.mark.parametrize("name", MAKERS)
def test_load_finds_every_data_set_by_name(name):
    X, Y = data.load(name, n_samples=30, noise=0.05, seed=2)
    expected_X, expected_Y = MAKERS[name]()
    np.testing.assert_array_equal(X, expected_X)
    np.testing.assert_array_equal(Y, expected_Y)


def test_every_data_set_that_load_knows_is_checked_above():
    assert set(MAKERS) == set(data.DATASETS)


@pytest.mark.parametrize("call, error, message", [
    (lambda: data.logic_gate("nand"), ValueError, r"name must be one of 'and', 'or', 'xor'; got 'nand'"),
    (lambda: data.load("spirals"), ValueError,
     r"name must be one of 'xor', 'and', 'or', 'moons', 'circles', 'seven'; got 'spirals'"),
    (lambda: data.two_moons(n_samples=1), ValueError, r"n_samples must be at least 2; got 1"),
    (lambda: data.two_moons(noise=-0.1), ValueError, r"noise must be 0 or more; got -0\.1"),
    (lambda: data.circles(seed=1.5), TypeError, r"seed must be a whole number \(int\); got 1\.5"),
    (lambda: data.circles(factor=1.5), ValueError, r"factor must be below 1 \(the inner circle's radius\); got 1\.5"),
])
def test_bad_data_arguments_get_a_clear_message(call, error, message):
    with pytest.raises(error, match=message):
        call()
