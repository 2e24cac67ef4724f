"""PNG bytes from a figure's pixels, fast: the widgets' one speed trick, kept out of the lesson.

A widget sends the browser a PNG at every slider step. Pillow's writer, the plain way,

    buffer = io.BytesIO()
    PIL.Image.fromarray(rgba[:, :, :3]).save(buffer, format="png", compress_level=1)

takes about four times as long as png_from_rgba below, which writes the pixels into PNG's rows as
they are and packs them with zlib in two threads. png_with_pillow() is that plain way, the
fallback if this module ever misbehaves: the widgets show the same pixels with either.

Threads are a help, not a need: the pool is made on first use, and where no thread can start
(Python in the browser, Pyodide, raises "can't start new thread") the pieces are packed one after
the other in the calling thread, into the same bytes.
"""

import io
import struct
import zlib
from concurrent.futures import ThreadPoolExecutor

import numpy as np
from PIL import Image

# zlib's fastest level: plots are mostly flat colour, which even level 1 packs about 15:1.
PNG_COMPRESS_LEVEL = 1
ZLIB_HEADER = b"\x78\x01"  # deflate with a 32 kB window, made at the fastest level (RFC 1950)
PACKING_THREADS = 2        # zlib lets go of Python's lock while it packs: two pieces side by side

_pool = None               # the threads, made on first use
_threads_can_start = True  # False once starting one failed: pack in the calling thread from then on


def _pack(piece: np.ndarray, last: bool) -> bytes:
    """Raw deflate data of one piece; every piece but the last ends with a full flush."""
    packer = zlib.compressobj(PNG_COMPRESS_LEVEL, zlib.DEFLATED, -zlib.MAX_WBITS)  # deflate data only
    return packer.compress(piece) + packer.flush(zlib.Z_FINISH if last else zlib.Z_FULL_FLUSH)


def _pack_all(parts: list) -> list[bytes]:
    """Pack the parts in threads if threads can start, else one after the other: the same bytes."""
    global _pool, _threads_can_start
    jobs = [(part, k == len(parts) - 1) for k, part in enumerate(parts)]
    if _threads_can_start:
        try:
            if _pool is None:
                _pool = ThreadPoolExecutor(max_workers=PACKING_THREADS)
            packed = [_pool.submit(_pack, *job) for job in jobs]
            return [future.result() for future in packed]
        except RuntimeError:  # "can't start new thread": no threads here (Pyodide), so none from now on
            _threads_can_start = False
    return [_pack(*job) for job in jobs]


def deflate_in_parallel(data: np.ndarray, pieces: int = PACKING_THREADS) -> bytes:
    """A zlib stream of `data` (zlib.decompress gives it back), made nearly twice as fast as
    zlib.compress(data, PNG_COMPRESS_LEVEL) on two free cores.

    A zlib stream is a header, deflate data, and the Adler-32 checksum of the whole input. Deflate
    data may be cut where the packer "fully flushes" (the data so far is complete, byte-aligned,
    and nothing later refers back to it): each piece but the last ends with one, so the pieces,
    packed on their own, join into one stream.
    """
    parts = np.array_split(np.ascontiguousarray(data), pieces)
    checksum = struct.pack(">I", zlib.adler32(data))
    return ZLIB_HEADER + b"".join(_pack_all(parts)) + checksum


def png_from_rgba(rgba: np.ndarray) -> bytes:
    """Encode an opaque (height, width, 4) uint8 image as PNG bytes (RGB, 8 bits per channel).

    The pixels go into PNG's rows as they are (each row starts with filter byte 0, "none"), and
    deflate_in_parallel packs them.
    """
    rgba = np.asarray(rgba)
    height, width = rgba.shape[:2]
    rows = np.zeros((height, 1 + 3 * width), dtype=np.uint8)
    pixels = rows[:, 1:].reshape(height, width, 3)
    for channel in range(3):  # one channel at a time: several times faster than rgba[:, :, :3] at once
        pixels[:, :, channel] = rgba[:, :, channel]

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8 bits, RGB, no interlacing
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", deflate_in_parallel(rows)) + chunk(b"IEND", b""))


def png_with_pillow(rgba: np.ndarray) -> bytes:
    """The plain way to the same picture: Pillow's PNG writer (about four times slower)."""
    buffer = io.BytesIO()
    Image.fromarray(np.asarray(rgba)[:, :, :3]).save(buffer, format="png", compress_level=PNG_COMPRESS_LEVEL)
    return buffer.getvalue()
