"""Argument checks for the public functions of `helpers`.

Every public function checks its arguments once, at the door, with these helpers, so that a
mistake gets a message naming the argument, what was given and what is allowed, instead of a
numpy traceback from deep inside the arithmetic.
"""

import numbers

import numpy as np


def _describe(value) -> str:
    """A short description of `value` for an error message."""
    if isinstance(value, np.ndarray):
        return f"an array of shape {value.shape}"
    try:
        text = repr(value)
    except Exception:  # an object whose repr fails is still described
        return f"a {type(value).__name__}"
    return text if len(text) <= 60 else text[:57] + "..."


def _as_float_array(name: str, value) -> np.ndarray:
    """Convert `value` to a float64 array, or raise a TypeError naming the argument.

    Only real numbers count: a string such as "1.5" is not parsed and a complex number is not
    cut down to its real part (numpy would do both silently)."""
    try:
        array = np.asarray(value)
    except (TypeError, ValueError):  # a ragged list, or an object numpy cannot hold
        array = None
    if array is not None and array.dtype.kind == "O":
        flat = array.ravel().tolist()
        if all(isinstance(entry, numbers.Real) for entry in flat):
            array = np.asarray(flat, dtype=np.float64).reshape(array.shape)
    if array is None or array.dtype.kind not in "biuf":
        raise TypeError(f"{name} must be an array of real numbers (int or float); got {_describe(value)}")
    return array.astype(np.float64, copy=False)


def check_choice(name: str, value, allowed: tuple) -> str:
    """Return `value` if it is one of `allowed`, else raise a ValueError listing the choices."""
    if not isinstance(value, str) or value not in allowed:
        choices = ", ".join(repr(option) for option in allowed)
        raise ValueError(f"{name} must be one of {choices}; got {_describe(value)}")
    return value


def check_int(name: str, value, minimum: int) -> int:
    """Return `value` as an int if it is a whole number >= `minimum`."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be a whole number (int); got {_describe(value)}")
    if value < minimum:
        raise ValueError(f"{name} must be at least {minimum}; got {value}")
    return int(value)


def check_number(name: str, value, *, positive: bool = False, non_negative: bool = False) -> float:
    """Return `value` as a float if it is a finite real number (and positive if asked)."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a number; got {_describe(value)}")
    try:
        value = float(value)
    except OverflowError:  # an int or Fraction beyond the largest float
        raise ValueError(f"{name} must be a finite number; got {_describe(value)}") from None
    if not np.isfinite(value):
        raise ValueError(f"{name} must be a finite number; got {value}")
    if positive and value <= 0:
        raise ValueError(f"{name} must be greater than 0; got {value}")
    if non_negative and value < 0:
        raise ValueError(f"{name} must be 0 or more; got {value}")
    return value


def check_array(name: str, value, ndim: int | tuple) -> np.ndarray:
    """Return `value` as a float64 array with `ndim` dimensions (or one of several) and only finite entries."""
    array = _as_float_array(name, value)
    allowed = (ndim,) if isinstance(ndim, int) else ndim
    if array.ndim not in allowed:
        kinds = {1: "1-D (one number per entry)", 2: "2-D (one row per sample)", 3: "3-D (a stack of 2-D arrays)"}
        expected = " or ".join(kinds[n] for n in allowed)
        raise ValueError(f"{name} must be {expected}; got an array of shape {array.shape}")
    if array.size == 0:
        raise ValueError(f"{name} must not be empty; got an array of shape {array.shape}")
    if not np.all(np.isfinite(array)):
        raise ValueError(f"{name} must contain only finite numbers; it contains NaN or infinity")
    return array


def check_targets(name: str, value, n_rows: int, rows_of: str = "X") -> np.ndarray:
    """Return targets as a 2-D float64 array (a 1-D vector becomes one column).

    The number of rows must match `n_rows`, the number of samples in `rows_of`.
    """
    array = _as_float_array(name, value)
    if array.ndim == 1:
        array = array.reshape(-1, 1)
    array = check_array(name, array, ndim=2)
    if array.shape[0] != n_rows:
        raise ValueError(
            f"{name} must have one row per sample of {rows_of} ({n_rows} rows); "
            f"got {array.shape[0]} rows (shape {array.shape})"
        )
    return array


def check_between_0_and_1(name: str, array: np.ndarray, advice: str = "") -> np.ndarray:
    """Return `array` if every entry lies between 0 and 1, else raise a ValueError."""
    if array.min() < 0 or array.max() > 1:
        raise ValueError(f"{name} must lie between 0 and 1; got values from {array.min():g} to {array.max():g}"
                         + advice)
    return array


def check_bce_targets(name: str, array: np.ndarray) -> None:
    """Raise a ValueError unless every target lies between 0 and 1, as binary cross-entropy needs."""
    check_between_0_and_1(name, array, " (the 'bce' loss needs that: scale the targets, or use loss_name='mse')")
