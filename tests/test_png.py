"""Tests for helpers.png: the widgets' PNG encoder, against Pillow as the oracle."""

import io
import platform
import zlib

import numpy as np
from PIL import Image

from helpers import png
from helpers.png import png_from_rgba, png_with_pillow


def plot_like_pixels(seed: int = 0) -> np.ndarray:
    """An opaque (60, 80, 4) picture of mostly flat colour with some noise, like a plot's."""
    rng = np.random.default_rng(seed)
    rgba = np.repeat(rng.integers(0, 256, size=(20, 80, 4), dtype=np.uint8), 3, axis=0)
    rgba[::7] = rng.integers(0, 256, size=rgba[::7].shape, dtype=np.uint8)
    rgba[:, :, 3] = 255
    return rgba


def decoded(png_bytes: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png_bytes)))


def test_png_from_rgba_decodes_to_the_same_pixels_as_pillows_png():
    rgba = plot_like_pixels()
    ours = decoded(png_from_rgba(rgba))
    assert ours.shape == (60, 80, 3)
    np.testing.assert_array_equal(ours, rgba[:, :, :3])
    np.testing.assert_array_equal(ours, decoded(png_with_pillow(rgba)))


def test_the_standard_librarys_zlib_makes_the_same_pixels(monkeypatch):
    # where isal has no wheel, helpers.png packs with zlib.compress
    rgba = plot_like_pixels(1)
    monkeypatch.setattr(png, "compress", zlib.compress)
    np.testing.assert_array_equal(decoded(png_from_rgba(rgba)), rgba[:, :, :3])


def test_the_encoder_packs_with_isal_where_it_has_a_wheel_and_with_zlib_elsewhere():
    # the dependency's marker in pyproject.toml names the machines isal has wheels for
    expected = "isal" if platform.machine() in ("x86_64", "AMD64", "aarch64", "arm64") else "zlib"
    assert png.compress.__module__.split(".")[0] == expected
