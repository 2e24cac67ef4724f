"""Tests of what the widgets' pictures show: decoded pixels of the PNG a student sees.

These look at the image itself, because a figure can hold every artist and still hide one
under another (the perceptron explorer once drew its shaded region over the four points).
"""

import io

import numpy as np
import pytest
from PIL import Image

from helpers.widgets import perceptron_explorer, symmetry_dashboard

DARK = 80  # a pixel darker than this (0-255, every channel) is ink: a marker's fill or edge


def pixels(widget) -> np.ndarray:
    """The widget's current picture as an (height, width, 3) array of 0-255 values."""
    return np.asarray(Image.open(io.BytesIO(bytes(widget.image.value))).convert("RGB"))


def below_title(explorer, picture: np.ndarray) -> np.ndarray:
    """The part of the picture from the top of the axes down (the title changes with the gate)."""
    top = explorer.figure.ax.get_window_extent().y1
    return picture[int(picture.shape[0] - top) + 1:]


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
