"""Tests for helpers.plots: the figures draw what they claim, on Figures outside pyplot."""

from types import SimpleNamespace

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
    diagram = plots.draw_network(ax, params)
    widths = diagram.edges.get_linewidths()
    assert len(diagram.edges.get_segments()) == 3 * 4 + 4 * 2
    weights = np.concatenate([params["W1"].ravel(), params["W2"].ravel()])
    assert np.argmax(widths) == np.argmax(np.abs(weights))
    diagram.update(helpers.init_params(3, 4, 2, seed=1))
    assert not np.array_equal(widths, diagram.edges.get_linewidths())


def test_a_fixed_weight_scale_makes_edges_comparable_between_diagrams():
    # Two diagrams drawn against one scale: the same weight gets the same width in both, and
    # only a weight as large as the scale gets the widest edge.
    small = {"W1": np.full((2, 2), 0.5), "b1": np.zeros(2), "W2": np.full((2, 1), 0.5), "b2": np.zeros(1)}
    large = {"W1": np.full((2, 2), 2.0), "b1": np.zeros(2), "W2": np.full((2, 1), 0.5), "b2": np.zeros(1)}
    axes = Figure().subplots(1, 2)
    scale = plots.largest_weight(large["W1"], large["W2"])
    assert scale == 2.0
    widths = [plots.draw_network(ax, params, weight_scale=scale).edges.get_linewidths()
              for ax, params in zip(axes, (small, large), strict=True)]
    np.testing.assert_allclose(widths[0][-2:], widths[1][-2:])  # W2's edges: the same weights
    assert widths[1][0] == plots.EDGE_WIDTH_MAX and widths[0][0] < plots.EDGE_WIDTH_MAX


def test_draw_network_without_weights_needs_three_layer_sizes():
    ax = Figure().subplots()
    assert len(plots.draw_network(ax, layer_sizes=(3, 4, 2)).edges.get_segments()) == 20
    with pytest.raises(ValueError, match=r"layer_sizes must be three positive sizes like \(3, 4, 2\); got \(3, 4\)"):
        plots.draw_network(ax, layer_sizes=(3, 4))


# Nonzero biases, so that a figure that forgot one would show it.
BIASED_2_3_1 = {"W1": np.array([[1.0, -0.5, 0.25], [0.5, 2.0, -1.0]]), "b1": np.array([0.3, -0.7, 0.2]),
                "W2": np.array([[1.0], [-1.0], [0.5]]), "b2": np.array([0.1])}


def tanh_activations_by_hand(params, xs, ys):
    """tanh(x1 W1[0, j] + x2 W1[1, j] + b1[j]) at every grid point: (n_hidden, len(ys), len(xs)), rows along x2."""
    W1, b1 = params["W1"], params["b1"]
    sums = xs[None, None, :] * W1[0][:, None, None] + ys[None, :, None] * W1[1][:, None, None] + b1[:, None, None]
    return np.tanh(sums)


def test_plot_hidden_activations_shows_each_neurons_activation_with_its_bias():
    X, Y = logic_gate("xor")
    axes = Figure().subplots(1, 3)
    images = plots.plot_hidden_activations(axes, BIASED_2_3_1, X, Y, "tanh", resolution=5)
    xs = ys = np.array([-0.4, 0.05, 0.5, 0.95, 1.4])
    for image, expected in zip(images, tanh_activations_by_hand(BIASED_2_3_1, xs, ys), strict=True):
        np.testing.assert_allclose(image.get_array(), expected, rtol=1e-12)
    # each panel's dashed line is where its neuron's weighted sum is 0
    for j, ax in enumerate(axes):
        line = next(line for line in ax.lines if line.get_linestyle() == "--")
        np.testing.assert_allclose(line.get_xydata() @ BIASED_2_3_1["W1"][:, j] + BIASED_2_3_1["b1"][j], 0, atol=1e-12)


def test_plot_weight_history_draws_one_line_per_incoming_weight():
    X, Y = logic_gate("xor")
    history = helpers.train(X, Y, helpers.init_params(2, 3, 1, seed=0), epochs=20)
    lines = plots.plot_weight_history(Figure().subplots(), history)
    assert len(lines) == 2 * 3
    np.testing.assert_array_equal(lines[0].get_ydata(), history.W1[:, 0, 2])  # the last neuron is drawn first


def test_plot_loss_draws_the_recorded_loss_over_the_recorded_epochs():
    X, Y = logic_gate("xor")
    history = helpers.train(X, Y, helpers.init_params(2, 3, 1, seed=0), epochs=20, record_every=5)
    ax = Figure().subplots()
    plots.plot_loss(ax, history)
    line, = ax.lines
    np.testing.assert_array_equal(line.get_xdata(), [0, 5, 10, 15, 20])
    np.testing.assert_array_equal(line.get_ydata(), history.loss)
    assert ax.get_yscale() == "log" and ax.get_xlabel() == "epoch" and ax.get_ylabel() == "mean loss (bce)"


def test_plot_decision_regions_draws_the_boundary_where_the_output_is_one_half():
    X, Y = logic_gate("xor")
    # relu is linear wherever its sum is positive, as it is everywhere in this plane (x1 + 1 > 0,
    # x2 + 0.5 > 0): z2 = (x1 + 1) - (x2 + 0.5) + 0.25, so the output is 1/2 on the line x2 = x1 + 0.75.
    params = {"W1": np.eye(2), "b1": np.array([1.0, 0.5]), "W2": np.array([[1.0], [-1.0]]), "b2": np.array([0.25])}
    ax = Figure().subplots()
    shading = plots.plot_decision_regions(ax, params, X, Y, activation="relu")
    boundaries = [contours for contours in ax.collections if list(contours.levels) == [0.5]]
    assert len(boundaries) == 1, "one black line where the output crosses 1/2"
    points = np.vstack([path.vertices for path in boundaries[0].get_paths()])
    np.testing.assert_allclose(points[:, 1] - points[:, 0], 0.75, atol=1e-6)
    assert points[:, 0].min() == pytest.approx(-0.4) and points[:, 1].max() == pytest.approx(1.4)
    # the shading: each band of 0.1 holds the points whose output lies in it, e.g. sigmoid(1.75) = 0.85
    for point, z2 in (((1.0, 0.0), 1.75), ((0.0, 1.0), -0.25), ((0.5, 0.5), 0.75)):
        bands = [k for k, path in enumerate(shading.get_paths()) if path.contains_point(point)]
        assert bands == [int(10 / (1 + np.exp(-z2)))]
    circles, squares = ax.lines  # the samples: class 0 as circles, class 1 as squares
    np.testing.assert_array_equal(circles.get_xydata(), [[0, 0], [1, 1]])
    np.testing.assert_array_equal(squares.get_xydata(), [[0, 1], [1, 0]])


def test_input_grid_needs_two_inputs():
    with pytest.raises(ValueError, match=r"X must have two columns to be drawn in the plane; got shape \(4, 3\)"):
        plots.input_grid(np.zeros((4, 3)))


def test_label_text_is_white_only_on_fills_darker_than_its_contrast_with_black():
    assert plots.text_color_on("#000000") == "white" and plots.text_color_on("#ffffff") == "black"
    assert plots.text_color_on("#0072B2") == "white"  # Okabe-Ito blue: contrast 5.2 with white, 4.0 with black
    assert plots.text_color_on("#F0E442") == "black"
    artists = plots.draw_network(Figure().subplots(), layer_sizes=(2, 8, 1))
    hidden_labels = artists.labels[2:10]
    assert [label.get_color() for label in hidden_labels] == [plots.text_color_on(c) for c in plots.NEURON_COLORS]


def test_edges_end_at_the_rims_of_their_nodes():
    figure = Figure(dpi=72)
    ax = figure.subplots()
    diagram = plots.draw_network(ax, layer_sizes=(2, 3, 1), node_size=400)
    centres = [np.array(segment) for segment in diagram.edges.get_segments()]
    diagram.end_edges_at_nodes()
    rim = np.sqrt(400) / 2 + 1.5 / 2  # the radius in points (= pixels at 72 dpi), and half the outline
    for centre, trimmed in zip(centres, diagram.edges.get_segments(), strict=True):
        gaps = np.linalg.norm(ax.transData.transform(trimmed) - ax.transData.transform(centre), axis=1)
        np.testing.assert_allclose(gaps, rim, rtol=1e-9)


def test_each_panel_draws_empty_and_its_update_shows_the_run():
    X, Y = logic_gate("xor")
    history = helpers.train(X, Y, helpers.init_params(2, 3, 1, seed=0), epochs=20, record_every=5)
    axes = Figure().subplots(1, 6)
    weight_lines = plots.draw_weight_history(axes[0], 2, 3)
    assert all(len(line.get_xdata()) == 0 for lines in weight_lines for line in lines)
    plots.update_weight_history(weight_lines, history)
    np.testing.assert_array_equal(weight_lines[2][1].get_ydata(), history.W1[:, 1, 2])
    assert axes[0].get_xlim() == (0, 20)
    loss_line = plots.draw_loss(axes[1])
    plots.update_loss(loss_line, history)
    assert axes[1].get_yscale() == "log" and loss_line.get_ydata() is not None
    distance_line = plots.draw_neuron_distance(axes[2])
    plots.update_neuron_distance(distance_line, history.epochs, np.zeros(len(history.epochs)))
    assert axes[2].get_ylim() == (0, plots.DISTANCE_AXIS_MIN)  # identical neurons: a line at 0, not noise
    panels = plots.ActivationPanels(axes[3:], 3)
    assert all(image.get_array().shape == (2, 2) for image in panels.images)
    panels.show_samples(X, Y, resolution=7)
    panels.update(BIASED_2_3_1, "tanh")
    xs = ys = np.linspace(-0.4, 1.4, 7)  # the points' range 0..1, 0.4 beyond it
    for image, expected in zip(panels.images, tanh_activations_by_hand(BIASED_2_3_1, xs, ys), strict=True):
        np.testing.assert_allclose(image.get_array(), expected, rtol=1e-12)


def test_weight_histories_on_shared_axes_all_fit():
    X, Y = logic_gate("xor")
    small = helpers.train(X, Y, helpers.init_params(2, 2, 1, scale=0.1, seed=0), epochs=10)
    large = helpers.train(X, Y, helpers.init_params(2, 2, 1, scale=3.0, seed=0), epochs=10)
    axes = Figure().subplots(1, 2, sharey=True)
    plots.plot_weight_history(axes[0], large)
    plots.plot_weight_history(axes[1], small)
    low, high = axes[0].get_ylim()
    assert low <= large.W1.min() and large.W1.max() <= high


def test_the_perceptron_panel_shades_the_half_plane_that_says_one_under_the_points():
    X, Y = logic_gate("and")
    ax = Figure().subplots()
    panel = plots.plot_perceptron(ax, (1.0, 1.0), -1.5, X, Y)
    region = panel.region.get_path()
    assert region.contains_point((1.4, 1.4)) and not region.contains_point((1.0, 0.4))  # x1 + x2 > 1.5
    assert all(points.get_zorder() > panel.region.get_zorder() for points in panel.points)
    np.testing.assert_allclose(panel.line.get_xydata() @ [1.0, 1.0] - 1.5, 0, atol=1e-12)


def test_the_perceptron_panel_rings_exactly_the_points_it_gets_wrong():
    X, Y = logic_gate("xor")
    panel = plots.plot_perceptron(Figure().subplots(), (1.0, 1.0), -0.5, X, Y)  # OR's line over XOR
    np.testing.assert_array_equal(panel.rings.get_offsets(), [[1.0, 1.0]])
    panel.update((1.0, 1.0), -1.5)  # AND's line: right on (0, 0) only
    np.testing.assert_array_equal(panel.rings.get_offsets(), [[0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    assert [handle.get_label() for handle in panel.legend_handles()] == ["output 1", "class 0", "class 1", "wrong"]


@pytest.mark.parametrize("weights, bias, area", [
    ((1.0, 1.0), -1.5, 0.5 * 1.5 * 1.5),   # a triangle at the top right corner
    ((0.0, 1.0), -0.5, 2.0 * 1.0),         # the upper half of the box
    ((0.0, 0.0), 1.0, 4.0),                # no line, positive bias: says 1 everywhere
    ((0.0, 0.0), -1.0, 0.0),               # no line, negative bias: says 0 everywhere
])
def test_the_shaded_half_plane_is_exactly_the_part_of_the_box_that_says_one(weights, bias, area):
    corners = plots.half_plane_in_box(weights, bias, plots.GATE_BOX)
    x, y = corners.T if len(corners) else (np.zeros(0), np.zeros(0))
    shoelace = 0.5 * abs(np.dot(x, np.roll(y, 1)) - np.dot(y, np.roll(x, 1)))
    np.testing.assert_allclose(shoelace, area, atol=1e-12)
    assert np.all(corners @ np.asarray(weights) + bias >= -1e-12)


@pytest.mark.parametrize("losses, labelled", [
    ((0.87, 0.69), ["0.7", "0.8"]),       # no 0.2, 0.3 or 0.5 in view: every tick is labelled
    ((0.9, 0.15), ["0.2", "0.3", "0.5"]),  # some in view: only those, so that 0.7, 0.8, 0.9 do not crowd
])
def test_a_log_loss_axis_within_one_decade_always_labels_some_ticks(losses, labelled):
    ax = Figure().subplots()
    line = plots.draw_loss(ax)
    plots.update_loss(line, SimpleNamespace(epochs=np.array([0, 10]), loss=np.array(losses)))
    ax.figure.canvas.draw()
    low, high = ax.get_ylim()
    shown = [label.get_text() for label in ax.yaxis.get_ticklabels(minor=True) + ax.yaxis.get_ticklabels()
             if label.get_text() and low <= float(label.get_text()) <= high]
    assert sorted(shown) == labelled


def test_figure_size_puts_panels_side_by_side_within_a_cell_and_leaves_room_for_text():
    single = plots.figure_size()
    three = plots.figure_size(3, 1)
    assert three[0] <= plots.CELL_WIDTH_PX / 100 and three[0] > single[0]
    assert plots.figure_size(2, 2)[1] > plots.figure_size(2, 1)[1]
    assert plots.figure_size(2, 1, extra_lines=2)[1] > plots.figure_size(2, 1)[1]


# --- bad input: every plot function a notebook calls names the argument it cannot use -----------

_X, _Y = logic_gate("xor")
_PARAMS = helpers.init_params(2, 4, 1, seed=0)


def _axes(n: int = 1):
    figure = Figure()
    return figure.subplots(1, n) if n > 1 else figure.subplots()


BAD_CALLS = {
    "figure_size, no columns": (lambda: plots.figure_size(0), "columns"),
    "figure_size, text for columns": (lambda: plots.figure_size("a"), "columns"),
    "figure_size, negative aspect": (lambda: plots.figure_size(1, 1, panel_aspect=-1), "panel_aspect"),
    "neuron_color, negative": (lambda: plots.neuron_color(-1), "j"),
    "neuron_color, fraction": (lambda: plots.neuron_color(1.5), "j"),
    "plot_points, 1-D X": (lambda: plots.plot_points(_axes(), _X[:, 0], _Y), "X"),
    "plot_points, NaN": (lambda: plots.plot_points(_axes(), _X * np.nan, _Y), "X"),
    "plot_points, three inputs": (lambda: plots.plot_points(_axes(), np.ones((4, 3)), _Y), "X"),
    "plot_points, Y too short": (lambda: plots.plot_points(_axes(), _X, _Y[:2]), "Y"),
    "input_grid, resolution 0": (lambda: plots.input_grid(_X, 0), "resolution"),
    "input_grid, negative margin": (lambda: plots.input_grid(_X, 10, -1), "margin"),
    "decision regions, unknown activation": (
        lambda: plots.plot_decision_regions(_axes(), _PARAMS, _X, _Y, activation="foo"), "activation"),
    "decision regions, resolution 0": (
        lambda: plots.plot_decision_regions(_axes(), _PARAMS, _X, _Y, resolution=0), "resolution"),
    "perceptron, three weights": (lambda: plots.plot_perceptron(_axes(), np.ones(3), 0.0, _X, _Y), "weights"),
    "perceptron, text bias": (lambda: plots.plot_perceptron(_axes(), np.ones(2), "a", _X, _Y), "bias"),
    "activations, too few axes": (lambda: plots.plot_hidden_activations(_axes(2), _PARAMS, _X, _Y), "axes"),
    "activations, unknown activation": (
        lambda: plots.plot_hidden_activations(_axes(4), _PARAMS, _X, _Y, activation="foo"), "activation"),
    "weight history, not a History": (lambda: plots.plot_weight_history(_axes(), {"W1": 1}), "history"),
    "loss, not a History": (lambda: plots.plot_loss(_axes(), None), "history"),
    "network, text sizes": (lambda: plots.draw_network(_axes(), layer_sizes="abc"), "layer_sizes"),
    "network, zero weight scale": (lambda: plots.draw_network(_axes(), _PARAMS, weight_scale=0), "weight_scale"),
}


@pytest.mark.parametrize("call, argument", BAD_CALLS.values(), ids=BAD_CALLS.keys())
def test_a_plot_given_bad_input_names_the_argument(call, argument):
    with pytest.raises((ValueError, TypeError)) as error:
        call()
    assert str(error.value).startswith(f"{argument} "), str(error.value)
