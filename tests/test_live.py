"""Tests for helpers.live: the layered figures and their PNG encoding."""

import io

import numpy as np
from PIL import Image

from helpers.live import png_from_rgba


def test_png_from_rgba_decodes_to_the_same_pixels():
    rgba = np.random.default_rng(0).integers(0, 256, size=(7, 5, 4), dtype=np.uint8)
    rgba[:, :, 3] = 255
    decoded = np.asarray(Image.open(io.BytesIO(png_from_rgba(rgba))))
    assert decoded.shape == (7, 5, 3)
    np.testing.assert_array_equal(decoded, rgba[:, :, :3])
