"""Tests for helpers.live: the layered figures and their PNG encoding."""

import io
import zlib

import numpy as np
import pytest
from PIL import Image

from helpers.live import deflate_in_parallel, png_from_rgba
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


@pytest.mark.parametrize("pieces", [1, 2, 3, 20])
def test_deflate_in_parallel_makes_one_zlib_stream_of_the_whole_data(pieces):
    # 15 rows of mostly flat colour with some noise, like a plot's; 20 pieces: some are empty
    rng = np.random.default_rng(pieces)
    data = np.repeat(rng.integers(0, 256, size=(5, 1 + 3 * 40), dtype=np.uint8), 3, axis=0)
    data[::4] = rng.integers(0, 256, size=data[::4].shape, dtype=np.uint8)
    packed = deflate_in_parallel(data, pieces)
    assert zlib.decompress(packed) == data.tobytes()  # zlib checks the Adler-32 checksum too
