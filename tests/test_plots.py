"""Tests for helpers.plots: the figures draw what they claim, on Figures outside pyplot."""

import numpy as np
import pytest
from matplotlib.figure import Figure

import helpers
from helpers import plots
from helpers.data import logic_gate


def test_every_hidden_neuron_keeps_its_colour_and_colours_are_distinct():
    assert len(set(plots.NEURON_COLORS)) == len(plots.NEURON_COLORS)
    assert plots.neuron_color(0) == plots.neuron_color(len(plots.NEURON_COLORS))


def test_draw_network_has_one_edge_per_weight_and_update_changes_widths():
    ax = Figure().subplots()
    params = helpers.init_params(3, 4, 2, seed=0)
    artists = plots.draw_network(ax, params)
    widths = artists["edges"].get_linewidths()
    assert len(artists["edges"].get_segments()) == 3 * 4 + 4 * 2
    weights = np.concatenate([params["W1"].ravel(), params["W2"].ravel()])
    assert np.argmax(widths) == np.argmax(np.abs(weights))
    plots.update_network(artists, helpers.init_params(3, 4, 2, seed=1))
    assert not np.array_equal(widths, artists["edges"].get_linewidths())


def test_draw_network_without_weights_needs_three_layer_sizes():
    ax = Figure().subplots()
    assert len(plots.draw_network(ax, layer_sizes=(3, 4, 2))["edges"].get_segments()) == 20
    with pytest.raises(ValueError, match=r"layer_sizes must be three positive sizes like \(3, 4, 2\); got \(3, 4\)"):
        plots.draw_network(ax, layer_sizes=(3, 4))


def test_hidden_activation_grids_are_the_neurons_activations_on_the_grid():
    X, _ = logic_gate("xor")
    params = helpers.init_params(2, 3, 1, seed=0)
    xs, ys, sums, grids = plots.hidden_activation_grids(params, X, "tanh", resolution=5)
    assert grids.shape == (3, 5, 5)
    point = np.array([xs[2], ys[4]])
    np.testing.assert_allclose(grids[1, 4, 2], np.tanh(point @ params["W1"][:, 1]), rtol=1e-12)
    np.testing.assert_allclose(sums[1, 4, 2], point @ params["W1"][:, 1], rtol=1e-12)


def test_plots_draw_one_line_per_weight_and_one_panel_per_neuron():
    X, Y = logic_gate("xor")
    history = helpers.train(X, Y, 3, epochs=20)
    figure = Figure()
    axes = figure.subplots(1, 5)
    assert len(plots.plot_weight_history(axes[0], history)) == 2 * 3
    plots.plot_loss(axes[1], history)
    assert len(plots.plot_hidden_activations(axes[2:], history.params, X, Y)) == 3
    plots.plot_decision_regions(axes[0], history.params, X, Y)


def test_input_grid_needs_two_inputs():
    with pytest.raises(ValueError, match=r"X must have two columns to be drawn in the plane; got shape \(4, 3\)"):
        plots.input_grid(np.zeros((4, 3)))
