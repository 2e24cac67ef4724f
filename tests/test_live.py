"""Tests for helpers.live: the layered figures and their PNG encoding."""

import io

import numpy as np
import pytest
from PIL import Image

from helpers.live import png_from_rgba
from helpers.widgets import symmetry_dashboard


def test_png_from_rgba_decodes_to_the_same_pixels():
    rgba = np.random.default_rng(0).integers(0, 256, size=(7, 5, 4), dtype=np.uint8)
    rgba[:, :, 3] = 255
    decoded = np.asarray(Image.open(io.BytesIO(png_from_rgba(rgba))))
    assert decoded.shape == (7, 5, 3)
    np.testing.assert_array_equal(decoded, rgba[:, :, :3])


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
