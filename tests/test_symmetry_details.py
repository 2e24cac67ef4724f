"""More tests for helpers.symmetry.smallest_neuron_distance: distances by hand, one snapshot or a stack."""

import numpy as np

import helpers


def test_the_distance_between_two_neurons_is_the_length_of_the_difference_of_their_columns():
    # columns (0, 0) and (3, 4): a 3-4-5 triangle
    distance = helpers.smallest_neuron_distance(np.array([[0.0, 3.0], [0.0, 4.0]]))
    assert distance == 5.0 and isinstance(distance, float)


def test_the_smallest_of_three_pairwise_distances_is_reported():
    # columns (0, 0), (6, 8), (3, 4): distances 10, 5 and 5 -> 5
    assert helpers.smallest_neuron_distance(np.array([[0.0, 6.0, 3.0], [0.0, 8.0, 4.0]])) == 5.0
    # columns (0, 0), (6, 8), (20, 0): distances 10, 20 and about 16.1 -> 10
    assert helpers.smallest_neuron_distance(np.array([[0.0, 6.0, 20.0], [0.0, 8.0, 0.0]])) == 10.0


def test_a_stack_of_snapshots_gets_one_distance_each():
    stack = np.array([[[0.0, 3.0], [0.0, 4.0]], [[1.0, 1.0], [2.0, 2.0]], [[0.0, 1.0], [0.0, 0.0]]])
    distances = helpers.smallest_neuron_distance(stack)
    assert isinstance(distances, np.ndarray) and distances.tolist() == [5.0, 0.0, 1.0]


def test_one_hidden_neuron_has_no_pair_and_the_distance_is_infinite():
    assert helpers.smallest_neuron_distance([[1.0], [2.0]]) == np.inf
    assert helpers.smallest_neuron_distance(np.ones((4, 3, 1))).tolist() == [np.inf] * 4


def test_whole_number_weights_are_numbers_not_integers_that_overflow():
    # 4e9 squared is 1.6e19, beyond the largest 64-bit integer (9.2e18)
    assert helpers.smallest_neuron_distance([[0, 4_000_000_000]]) == 4e9
