"""Checks for the exercises of notebook 03 · Backpropagation.

    check_delta2(answer)            the output error delta2 of the four-sample example (bce loss)
    check_tanh_slope(answer)        the slope f'(0) of tanh
    check_fixed_backward(function)  a repaired copy of the notebook's buggy backward pass

Each check prints one line of feedback and returns a Verdict (truthy when the answer is right).
"""

import numpy as np

from helpers import init_params
from helpers.exercises import (
    Verdict,
    as_number,
    as_numbers,
    close,
    hint_for,
    never_raises,
    not_answered,
    right,
    shown,
    wrong,
)
from helpers.network import PARAM_NAMES, backward_pass, forward_pass

# The example of the delta2 exercise: four samples, one output, bce loss (the notebook shows them).
_OUTPUT = np.array([[0.9], [0.2], [0.7], [0.4]])
_TARGETS = np.array([[1.0], [0.0], [0.0], [1.0]])
_DECIMALS = 2  # an answer rounded by hand to this many decimals is right
_DELTA2_TOLERANCE = 0.5 * 10.0 ** -_DECIMALS + 1e-9
_SLOPE_TOLERANCE = 1e-6
_GRADIENT_TOLERANCE = {"rtol": 1e-6, "atol": 1e-9}  # a correct backward pass agrees to rounding


def _delta2() -> np.ndarray:
    return (_OUTPUT - _TARGETS) / _TARGETS.size


def _tanh_slope_at_zero() -> float:
    return 1.0 - np.tanh(0.0) ** 2


def _answer_key() -> dict:
    return {"check_delta2": _delta2(), "check_tanh_slope": _tanh_slope_at_zero()}


@never_raises
def check_delta2(answer) -> Verdict:
    """Exercise 1: delta2 = dL/dz2 for the four outputs and targets of the notebook's example.

    Accepts an array of shape (4, 1) or (4,), or a list of the four numbers; each number may be
    rounded to two decimals.
    """
    if answer is None:
        return not_answered("replace None with delta2, an array of shape (4, 1): one number per sample.")
    array = as_numbers(answer)
    if array is None:
        return wrong(f"expected an array of 4 numbers (shape (4, 1)); got {shown(answer)}.")
    if array.size == 1:
        return wrong("you gave a single number, but delta2 holds one number per sample: shape (4, 1). "
                     "Do not sum or average over the samples.")
    if array.size != 4 or array.ndim > 2 or (array.ndim == 2 and array.shape[1] != 1):
        return wrong(f"expected shape (4, 1), one row per sample; got shape {shown(array.shape)}.")
    if not np.all(np.isfinite(array)):
        return wrong("your array holds nan or infinity; delta2 is made of ordinary numbers.")
    values, output, Y = array.reshape(4, 1), _OUTPUT, _TARGETS
    n = Y.size
    if close(values, _delta2(), absolute=_DELTA2_TOLERANCE):
        return right("delta2 = (output - Y) / N: for bce with a sigmoid output, the sigmoid's slope cancels "
                     "and the error is simply how far each output is off, over N.")
    sigmoid_slope = output * (1 - output)
    mistakes = [
        (output - Y, "right direction and proportions, but the loss is a mean over N = 4 entries, so every "
                     "delta2 is divided by N."),
        ((Y - output) / n, "the sign is flipped: delta2 = dL/dz2 is positive when the output is too high."),
        (Y - output, "the sign is flipped: delta2 = dL/dz2 is positive when the output is too high."),
        ((output - Y) * sigmoid_slope / n, "you multiplied by the sigmoid's slope output (1 - output). That is "
                                           "the mse formula; with bce the slope cancels against dL/d(output)."),
        (2 * (output - Y) * sigmoid_slope / n, "you multiplied by the sigmoid's slope output (1 - output). That "
                                               "is the mse formula; with bce the slope cancels against "
                                               "dL/d(output)."),
    ]
    otherwise = ("delta2 = (output - Y) / N, entry by entry, with N = Y.size = 4.")
    if close(values, _delta2(), absolute=10 * _DELTA2_TOLERANCE):
        otherwise = (f"close, but not close enough: give each entry to {_DECIMALS} decimals or more "
                     f"(each must be within {_DELTA2_TOLERANCE:.3f} of the exact value).")
    return wrong(hint_for(values, mistakes, otherwise, absolute=_DELTA2_TOLERANCE))


@never_raises
def check_tanh_slope(answer) -> Verdict:
    """Exercise 2: the slope f'(0) of f = tanh, as a number (or an array holding a single number)."""
    if answer is None:
        return not_answered("replace None with a number: the slope of tanh at z = 0.")
    if isinstance(answer, (bool, np.bool_)):
        return wrong("expected a number, not True or False.")
    value = as_number(answer)
    if value is None:
        return wrong(f"expected a single number; got {shown(answer)}.")
    if close(value, _tanh_slope_at_zero(), absolute=_SLOPE_TOLERANCE):
        return right("tanh'(0) = 1 - tanh(0)^2 = 1 - 0 = 1: at z = 0 a tanh neuron passes the error back at "
                     "full strength.")
    mistakes = {
        0.0: "0 is tanh(0), the activation itself. The slope is f'(z) = 1 - tanh(z)^2.",
        0.25: "0.25 is the slope of the sigmoid at 0, a (1 - a) with a = 0.5. For tanh, f'(z) = 1 - tanh(z)^2.",
    }
    return wrong(hint_for(value, mistakes, "use f'(z) = 1 - tanh(z)^2 and put in z = 0 (tanh(0) = 0).",
                          absolute=_SLOPE_TOLERANCE))


_ACTIVATIONS = ("sigmoid", "tanh", "relu")


def _test_cases():
    """Small random networks (one per activation) on which a student's backward pass is run."""
    rng = np.random.default_rng(3)
    cases = []
    for activation in _ACTIVATIONS:
        params = init_params(2, 3, 1, "random", seed=int(rng.integers(1000)))
        # random biases too, so that no relu neuron sits exactly on its kink at z = 0
        params["b1"] = rng.normal(0.0, 0.5, size=3)
        params["b2"] = rng.normal(0.0, 0.5, size=1)
        X = rng.normal(size=(5, 2))
        Y = rng.integers(0, 2, size=(5, 1)).astype(np.float64)
        cases.append((activation, params, X, Y))
    return cases


def _copy(value):
    return value.copy() if isinstance(value, np.ndarray) else value


def _error_text(error: Exception) -> str:
    """What an exception raised by the student's function says, shortened; never raises."""
    try:
        message = str(error)
    except Exception:  # noqa: BLE001 - an exception whose str() raises
        message = ""
    message = message if len(message) <= 80 else message[:77] + "..."
    return f"{type(error).__name__}: {message}" if message else type(error).__name__


@never_raises
def check_fixed_backward(function) -> Verdict:
    """Exercise 3: run `function(params, cache, Y)` on small random networks (sigmoid, tanh and
    relu hidden layers, bce loss) and compare its gradients with helpers.backward.

    The hint names the gradients that differ and what that suggests; errors raised by the
    student's function are reported as a hint, never passed on.
    """
    if function is None:
        return not_answered("replace None with your repaired function.")
    if not callable(function):
        return wrong(f"expected a function taking (params, cache, Y); got {shown(function)}.")
    wrong_names = {}       # activation -> names of the wrong gradients
    z1_for_hidden = set()  # activations where the hidden gradients are those of slope(z1, z1, ...)
    for activation, params, X, Y in _test_cases():
        _, cache = forward_pass(params, X, activation)
        expected = backward_pass(params, cache, Y, "bce")
        try:
            grads = function({name: _copy(array) for name, array in params.items()},
                             {name: _copy(value) for name, value in cache.items()}, Y.copy())
        except Exception as error:  # noqa: BLE001 - any error of the student's code becomes a hint
            return wrong(f"your function raised {_error_text(error)} (on a 2-3-1 network with a "
                         f"{activation} hidden layer).")
        if grads is None:
            return not_answered("your function still returns None: copy buggy_backward's body into it, "
                                "fix it, and return the dict of gradients.")
        if not isinstance(grads, dict):
            return wrong(f"your function must return a dict with keys {PARAM_NAMES}; it returned {shown(grads)}.")
        missing = [name for name in PARAM_NAMES if name not in grads]
        if missing:
            return wrong(f"the returned dict is missing {missing}; it needs the keys {PARAM_NAMES}.")
        values = {}
        for name in PARAM_NAMES:
            values[name] = as_numbers(grads[name])
            if values[name] is None or values[name].shape != expected[name].shape:
                shape = "not an array of numbers" if values[name] is None else f"shape {values[name].shape}"
                return wrong(f"grads['{name}'] has {shape}; it must have the shape of params['{name}'], "
                             f"{expected[name].shape}.")
        wrong_here = [name for name in PARAM_NAMES
                      if not np.allclose(values[name], expected[name], **_GRADIENT_TOLERANCE)]
        if wrong_here:
            wrong_names[activation] = wrong_here
            # the gradients of W1 and b1 a backward pass gives with slope(z1, z1, activation)
            mistaken = backward_pass(params, {**cache, "hidden": cache["z1"]}, Y, "bce")
            if all(np.allclose(values[name], mistaken[name], **_GRADIENT_TOLERANCE) for name in ("W1", "b1")):
                z1_for_hidden.add(activation)
    if not wrong_names:
        return right("your backward pass matches helpers.backward for sigmoid, tanh and relu hidden layers.")
    names = sorted({name for found in wrong_names.values() for name in found}, key=PARAM_NAMES.index)
    activations = ", ".join(wrong_names)
    if {"W2", "b2"} & set(names):
        return wrong(f"{names} differ ({activations}). Even the output layer is off: check "
                     "delta2 = (output - Y) / N, dW2 = hidden.T @ delta2 and db2 = delta2.sum(axis=0).")
    if z1_for_hidden and z1_for_hidden == set(wrong_names):
        return wrong(f"{names} are wrong for {activations}: your slope gets the weighted sums z1 where it "
                     "expects the neurons' outputs. slope(z1, hidden, activation) takes both: the sigmoid's "
                     "slope a (1 - a) and tanh's 1 - a^2 are written with the output a = cache['hidden'] "
                     "(relu's uses z1 only, which is why relu comes out right).")
    if len(wrong_names) < len(_ACTIVATIONS):
        right_ones = ", ".join(a for a in _ACTIVATIONS if a not in wrong_names)
        return wrong(f"{names} are right for {right_ones} but wrong for {activations}: the slope f'(z1) "
                     "depends on cache['activation'].")
    return wrong(f"dW2 and db2 are right, but {names} differ: the error reaching the hidden layer is off. "
                 "Each hidden neuron's error delta1 must be multiplied by the slope of its activation, f'(z1).")
