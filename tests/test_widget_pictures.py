"""Tests of what the widgets' pictures show, all in one place: the decoded pixels of the PNG a
student sees, its size and text under the default and the projector style, and its labels.
(Each picture is also compared with its baseline in test_figure_baselines.py.)

Most look at the image itself, because a figure can hold every artist and still hide one under
another (the perceptron explorer once drew its shaded region over the four points).
"""

import io

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.text import Text
from PIL import Image

from helpers import plots
from helpers.widgets import perceptron_explorer, symmetry_dashboard

PROJECTOR = "helpers.projector"
PROJECTOR_MIN_PT = 14   # the smallest text the style allows
DEFAULT_MIN_PT = 10     # without the style: matplotlib's default text size

DARK = 80  # a pixel darker than this (0-255, every channel) is ink: a marker's fill or edge


def pixels(widget) -> np.ndarray:
    """The widget's current picture as an (height, width, 3) array of 0-255 values."""
    return np.asarray(Image.open(io.BytesIO(bytes(widget.image.value))).convert("RGB"))


def below_title(explorer, picture: np.ndarray) -> np.ndarray:
    """The part of the picture from the top of the axes down (the title changes with the gate)."""
    top = explorer.figure.ax.get_window_extent().y1
    return picture[int(picture.shape[0] - top) + 1:]


def text_sizes(figure) -> list[float]:
    """The size in points of every visible, non-empty piece of text in the figure."""
    return [text.get_fontsize() for text in figure.findobj(Text)
            if text.get_visible() and text.get_text().strip() and text.get_figure(root=True) is figure]


def ink_near(explorer, picture: np.ndarray, point, radius_px: int | None = None) -> bool:
    """Is there dark ink within radius_px pixels of the data point (x1, x2)? (Default: just beyond
    the rim of a marker, whose size in pixels follows the style's font and the figure's dpi.)"""
    if radius_px is None:
        marker = explorer.figure.points[0]
        radius_px = int(np.ceil((marker.get_markersize() + marker.get_markeredgewidth()) / 2
                                * explorer.figure.figure.dpi / 72)) + 1
    x, y = explorer.figure.ax.transData.transform(point)
    row, column = int(round(picture.shape[0] - y)), int(round(x))
    window = picture[row - radius_px:row + radius_px + 1, column - radius_px:column + radius_px + 1]
    return bool((window < DARK).all(axis=-1).any())


@pytest.mark.parametrize("gate", ["and", "or", "xor"])
@pytest.mark.parametrize("weights, bias", [((1.0, 1.0), -1.5), ((1.0, 1.0), -0.5), ((-1.0, 2.0), 0.5)])
def test_every_point_of_the_gate_is_visible_on_top_of_the_shaded_region(gate, weights, bias):
    explorer = perceptron_explorer(weights=weights, bias=bias, gate=gate)
    picture = pixels(explorer)
    for point in explorer.X:
        assert ink_near(explorer, picture, point), f"no marker visible at {point} over {gate.upper()}"


def test_the_same_line_over_and_and_over_or_draws_different_points():
    # AND and OR have the same four inputs and different labels: only the points' markers differ.
    explorer = perceptron_explorer(weights=(1.0, 1.0), bias=-1.5, gate="and")
    over_and = below_title(explorer, pixels(explorer))
    explorer.controls["gate"].value = "or"
    over_or = below_title(explorer, pixels(explorer))
    assert over_and.shape == over_or.shape
    assert (over_and != over_or).any(axis=-1).sum() > 50, "the two gates' points look the same"


def test_the_two_classes_differ_in_marker_shape_not_only_in_colour():
    explorer = perceptron_explorer(gate="xor")
    zeros, ones = explorer.figure.points
    assert zeros.get_marker() != ones.get_marker()
    assert zeros.get_markerfacecolor() != ones.get_markerfacecolor()


def test_the_explorer_axis_labels_fit_inside_the_picture():
    explorer = perceptron_explorer()
    figure = explorer.figure.figure
    renderer = explorer.figure.canvas.get_renderer()
    for label in (explorer.figure.ax.xaxis.label, explorer.figure.ax.yaxis.label, explorer.figure.ax.title):
        box = label.get_window_extent(renderer)
        assert box.x0 >= 0 and box.y0 >= 0, label.get_text()
        assert box.x1 <= figure.bbox.width and box.y1 <= figure.bbox.height, label.get_text()


def test_the_dashboard_shows_the_samples_on_every_activation_panel():
    dashboard = symmetry_dashboard(init="random")
    picture = pixels(dashboard)
    figure = dashboard.figure
    for ax in figure.panels:
        for point in dashboard.X:
            x, y = ax.transData.transform(point)
            row, column = int(round(picture.shape[0] - y)), int(round(x))
            window = picture[row - 3:row + 4, column - 3:column + 4]
            assert (window < DARK).all(axis=-1).any(), f"no marker at {point}"


def test_the_explorer_rings_the_points_its_line_gets_wrong():
    # OR's line over XOR is wrong on (1, 1) only: a dashed ring there, none around (0, 0).
    explorer = perceptron_explorer(weights=(1.0, 1.0), bias=-0.5, gate="xor")
    picture = pixels(explorer)
    ring_radius = int(np.sqrt(explorer.figure.perceptron.rings.get_sizes()[0]) / 2 * explorer.figure.figure.dpi / 72)
    for point, ringed in (((1.0, 1.0), True), ((0.0, 0.0), False)):
        x, y = explorer.figure.ax.transData.transform(point)
        row, column = int(round(picture.shape[0] - y)), int(round(x))
        ring_row = picture[row, column + ring_radius - 2:column + ring_radius + 3]  # where the ring crosses
        assert (ring_row < DARK).all(axis=-1).any() == ringed, f"ring at {point}: expected {ringed}"


@pytest.mark.parametrize("init", ["zero", "constant", "random"])
def test_the_dashboard_keeps_every_value_axis_label_inside_its_picture(init):
    # A zero start's weights get tick labels ("-0.04") wider than other runs'; the label "weight"
    # must not be pushed past the picture's left edge by them.
    dashboard = symmetry_dashboard(init=init)
    figure = dashboard.figure
    renderer = figure.canvas.get_renderer()
    width, _ = figure.canvas.get_width_height()
    for ax in figure.per_run_axes:
        label = ax.yaxis.label
        if label.get_text():
            box = label.get_window_extent(renderer)
            assert 0 <= box.x0 and box.x1 <= width, \
                f"{init}: the label {label.get_text()!r} spans {box.x0:.0f}-{box.x1:.0f} px"


def picture_text(widget) -> tuple[bytes, list[float], float]:
    """The widget's picture, its text sizes (points) and its first x label's height (pixels). (The
    label, not the title: the room's dashboard sets its titles a step smaller, to fit its narrower picture.)"""
    label = widget.figure.figure.axes[0].xaxis.label
    assert label.get_text()
    height = label.get_window_extent(widget.figure.canvas.get_renderer()).height
    return bytes(widget.image.value), text_sizes(widget.figure.figure), height


@pytest.mark.parametrize("make", [symmetry_dashboard, perceptron_explorer], ids=["dashboard", "explorer"])
def test_a_widget_made_inside_the_style_draws_a_different_picture_with_larger_text(make):
    default_picture, default_sizes, default_height = picture_text(make())  # read before the next one closes it
    with plt.style.context(PROJECTOR):
        styled = make()
        picture, styled_sizes, styled_height = picture_text(styled)
        dpi = plt.rcParams["figure.dpi"]
    assert picture != default_picture
    assert min(styled_sizes) >= PROJECTOR_MIN_PT
    assert min(styled_sizes) > min(default_sizes)
    # and the text really is taller on the picture: the rendered labels' heights in pixels
    assert styled_height > 1.2 * default_height
    # 14 pt at the style's dpi, in pixels: a widget drawn at a lower dpi would show smaller text
    assert styled.figure.figure.dpi == dpi
    assert styled_height >= PROJECTOR_MIN_PT * dpi / 72


@pytest.mark.parametrize("style", ["default", PROJECTOR])
@pytest.mark.parametrize("make", [symmetry_dashboard, perceptron_explorer], ids=["dashboard", "explorer"])
def test_widget_pictures_fit_a_notebook_cell_and_keep_their_text_inside(style, make):
    with plt.style.context(style):
        widget = make()
    picture = Image.open(io.BytesIO(bytes(widget.image.value)))
    assert picture.width <= plots.CELL_WIDTH_PX
    figure = widget.figure.figure
    renderer = widget.figure.canvas.get_renderer()
    assert min(text_sizes(figure)) >= (PROJECTOR_MIN_PT if style == PROJECTOR else DEFAULT_MIN_PT)
    # Each axes' tight box holds everything of it that is drawn: title, labels, tick labels, key.
    for ax in figure.axes:
        box = ax.get_tightbbox(renderer)
        name = ax.get_title() or ax.get_ylabel() or ax.get_xlabel()
        assert box.x0 >= -1 and box.y0 >= -1, f"{name!r}: cut at the left or bottom"
        assert box.x1 <= figure.bbox.width + 1 and box.y1 <= figure.bbox.height + 1, (
            f"{name!r}: cut at the right or top")


def test_the_dashboard_labels_its_activation_panels_and_keys_their_colours():
    dashboard = symmetry_dashboard()
    figure = dashboard.figure
    for ax in figure.panels:
        assert ax.get_xlabel(), "an activation panel without an axis label"
    assert figure.ax_key.get_ylabel() == "activation"
    assert figure.ax_network.get_legend() is not None, "no key for the weight colours"
