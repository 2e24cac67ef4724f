"""Tests for helpers.alignment: which way the hidden neurons' incoming weights point."""

import math

import numpy as np
import pytest

import helpers
from helpers.alignment import abs_cosines, count_directions, smallest_abs_cosine
from helpers.data import logic_gate


def smallest_abs_cosine_by_hand(W1):
    """The oracle: every pair of columns, one at a time, with plain Python arithmetic."""
    columns = [list(map(float, W1[:, j])) for j in range(W1.shape[1])]
    smallest = math.inf
    for j in range(len(columns)):
        for k in range(j + 1, len(columns)):
            dot = sum(a * b for a, b in zip(columns[j], columns[k], strict=True))
            lengths = math.sqrt(sum(a * a for a in columns[j])) * math.sqrt(sum(b * b for b in columns[k]))
            smallest = min(smallest, abs(dot) / lengths)
    return smallest


def test_known_directions_give_known_cosines():
    # columns: along x1, along x2, the diagonal, and the x1 direction reversed and longer
    W1 = np.array([[1.0, 0.0, 1.0, -3.0],
                   [0.0, 2.0, 1.0, 0.0]])
    expected = np.array([[1, 0, 1 / math.sqrt(2), 1],
                         [0, 1, 1 / math.sqrt(2), 0],
                         [1 / math.sqrt(2), 1 / math.sqrt(2), 1, 1 / math.sqrt(2)],
                         [1, 0, 1 / math.sqrt(2), 1]])
    np.testing.assert_allclose(abs_cosines(W1), expected, atol=1e-15)
    assert smallest_abs_cosine(W1) == pytest.approx(0.0, abs=1e-15)
    # neurons 0 and 3 share a line; 1 and 2 each have their own
    assert count_directions(W1) == 3


def test_snapshots_give_one_value_per_record_matching_the_oracle():
    rng = np.random.default_rng(3)
    snapshots = rng.normal(size=(5, 3, 4))
    values = smallest_abs_cosine(snapshots)
    assert values.shape == (5,)
    for record in range(5):
        assert values[record] == pytest.approx(smallest_abs_cosine_by_hand(snapshots[record]), rel=1e-12)


def test_parallel_columns_give_one_direction():
    W1 = np.outer([0.6, -0.8], [1.0, -2.0, 0.5, 3.0])
    assert smallest_abs_cosine(W1) == pytest.approx(1.0, abs=1e-12)
    assert count_directions(W1) == 1


def test_chained_neighbours_count_as_one_direction():
    angles = np.radians([0.0, 2.0, 4.0])   # neighbours 2 degrees apart, the ends 4 degrees apart
    W1 = np.vstack([np.cos(angles), np.sin(angles)])
    assert count_directions(W1, min_abs_cosine=math.cos(math.radians(3.0))) == 1
    assert count_directions(W1, min_abs_cosine=math.cos(math.radians(1.0))) == 3


def test_small_start_lines_the_neurons_up_on_and_and_scale_one_does_not():
    X, Y = logic_gate("and")
    small = helpers.train(X, Y, helpers.init_params(2, 4, 1, "random", scale=0.01, seed=0),
                          learning_rate=1.0, epochs=50)
    large = helpers.train(X, Y, helpers.init_params(2, 4, 1, "random", scale=1.0, seed=0),
                          learning_rate=1.0, epochs=50)
    # the same draw, shrunk: at epoch 0 both fan out alike
    start = smallest_abs_cosine_by_hand(small.W1[0])
    assert start < 0.8
    assert smallest_abs_cosine_by_hand(large.W1[0]) == pytest.approx(start, rel=1e-12)
    # after 50 epochs the small start's columns are on one line; scale 1's are not
    assert smallest_abs_cosine_by_hand(small.W1[-1]) > 0.999
    assert smallest_abs_cosine_by_hand(large.W1[-1]) < 0.9
    assert smallest_abs_cosine(small.W1[-1]) == pytest.approx(smallest_abs_cosine_by_hand(small.W1[-1]), rel=1e-12)
    assert smallest_abs_cosine(large.W1[-1]) == pytest.approx(smallest_abs_cosine_by_hand(large.W1[-1]), rel=1e-12)
    assert count_directions(small.W1[-1]) == 1
    assert count_directions(large.W1[-1]) > 1


@pytest.mark.parametrize("W1, error, words", [
    (np.ones(3), ValueError, "W1 must be 2-D"),
    (np.ones((2, 2, 2, 2)), ValueError, "W1 must be 2-D"),
    (np.ones((2, 1)), ValueError, "at least 2 columns"),
    (np.array([[1.0, 0.0], [1.0, 0.0]]), ValueError, "column of zeros (hidden neuron 1"),
    (np.array([[1.0, np.nan], [1.0, 2.0]]), ValueError, "W1 must contain only finite numbers"),
    (np.zeros((2, 0)), ValueError, "W1 must not be empty"),
    ("weights", TypeError, "W1 must be an array of numbers"),
    ([[1.0, 2.0], [3.0]], TypeError, "W1 must be an array of numbers"),
])
def test_bad_weights_are_refused_by_name(W1, error, words):
    with pytest.raises(error) as raised:
        smallest_abs_cosine(W1)
    assert words in str(raised.value)


@pytest.mark.parametrize("threshold, error", [(0.0, ValueError), (1.5, ValueError), ("high", TypeError),
                                              (float("nan"), ValueError)])
def test_bad_threshold_is_refused_by_name(threshold, error):
    with pytest.raises(error, match="min_abs_cosine"):
        count_directions(np.eye(2), min_abs_cosine=threshold)


def test_count_directions_takes_one_snapshot_only():
    with pytest.raises(ValueError, match="W1 must be 2-D"):
        count_directions(np.ones((3, 2, 2)))
