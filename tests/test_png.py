"""Tests for helpers.png: the widgets' PNG encoder, against Pillow as the oracle."""

import io
import threading
import zlib

import numpy as np
import pytest
from PIL import Image

from helpers import png
from helpers.png import deflate_in_parallel, png_from_rgba, png_with_pillow


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


@pytest.mark.parametrize("pieces", [1, 2, 3, 20])
def test_deflate_in_parallel_makes_one_zlib_stream_of_the_whole_data(pieces):
    # 15 rows of mostly flat colour with some noise; 20 pieces: some are empty
    rng = np.random.default_rng(pieces)
    data = np.repeat(rng.integers(0, 256, size=(5, 1 + 3 * 40), dtype=np.uint8), 3, axis=0)
    data[::4] = rng.integers(0, 256, size=data[::4].shape, dtype=np.uint8)
    packed = deflate_in_parallel(data, pieces)
    assert zlib.decompress(packed) == data.tobytes()  # zlib checks the Adler-32 checksum too


def test_importing_the_encoder_starts_no_thread():
    import importlib
    before = threading.active_count()
    fresh = importlib.reload(png)
    assert fresh._pool is None
    assert threading.active_count() == before


def test_where_no_thread_can_start_the_encoder_makes_the_same_bytes_in_one_thread(monkeypatch):
    # As in Pyodide (Python in the browser): starting a thread raises RuntimeError.
    rgba = plot_like_pixels(1)
    with_threads = png_from_rgba(rgba)

    def cannot_start(self):
        raise RuntimeError("can't start new thread")

    monkeypatch.setattr(png, "_pool", None)             # as after import: no thread started yet
    monkeypatch.setattr(png, "_threads_can_start", True)
    monkeypatch.setattr(threading.Thread, "start", cannot_start)
    assert png_from_rgba(rgba) == with_threads
    assert png._threads_can_start is False
    assert png_from_rgba(rgba) == with_threads           # and again, without trying threads
