"""Checks for the exercises of notebook 03 (backpropagation).

    check_delta2(answer)            the output error delta2 of a four-sample example (bce loss)
    check_tanh_slope(answer)        the slope f'(0) of tanh
    check_fixed_backward(function)  a repaired copy of the notebook's buggy backward pass

Each check prints one line of feedback and returns True or False; none of them raises on an
answer of the wrong type or shape.
"""

import numpy as np

from helpers.exercises import Verdict, as_number, as_numbers, describe, feedback, not_answered
from helpers.network import PARAM_NAMES, backward_pass, forward_pass, init_params

# The example of the delta2 exercise: four samples, one output, bce loss (the notebook shows them).
DELTA2_OUTPUT = np.array([[0.9], [0.2], [0.7], [0.4]])
DELTA2_TARGETS = np.array([[1.0], [0.0], [0.0], [1.0]])
DELTA2_TOLERANCE = {"rtol": 1e-3, "atol": 1e-4}  # a delta2 rounded to three decimals is right
SLOPE_TOLERANCE = 1e-6
GRADIENT_TOLERANCE = {"rtol": 1e-6, "atol": 1e-9}  # a correct backward pass agrees to rounding


def check_delta2(answer) -> Verdict:
    """delta2 = dL/dz2 = (output - Y) / N for the example DELTA2_OUTPUT, DELTA2_TARGETS (N = 4).

    Accepts an array of shape (4, 1) or (4,), or a list of the four numbers, within 1e-4.
    """
    if answer is None:
        return not_answered("replace None with delta2, an array of shape (4, 1): one number per sample.")
    array = as_numbers(answer)
    if array is None:
        return feedback(False, "", f"expected an array of 4 numbers (shape (4, 1)); got a {type(answer).__name__}.")
    if array.size == 1:
        return feedback(False, "", "you gave a single number, but delta2 holds one number per sample: "
                                   "shape (4, 1). Do not sum or average over the samples.")
    if array.size != 4 or array.ndim > 2 or (array.ndim == 2 and array.shape[1] != 1):
        return feedback(False, "", f"expected shape (4, 1), one row per sample; got shape {array.shape}.")
    if not np.all(np.isfinite(array)):
        return feedback(False, "", "your array holds nan or infinity; delta2 is made of ordinary numbers.")
    values = array.reshape(4, 1)
    output, Y = DELTA2_OUTPUT, DELTA2_TARGETS
    n = Y.size
    close = lambda expected: np.allclose(values, expected, **DELTA2_TOLERANCE)  # noqa: E731
    if close((output - Y) / n):
        return feedback(True, "delta2 = (output - Y) / N: for bce with a sigmoid output, the sigmoid's "
                              "slope cancels and the error is simply how far each output is off, over N.", "")
    if close(output - Y):
        return feedback(False, "", "right direction and proportions, but the loss is a mean over N = 4 "
                                   "entries, so every delta2 is divided by N.")
    if close((Y - output) / n) or close(Y - output):
        return feedback(False, "", "the sign is flipped: delta2 = dL/dz2 is (output - Y) / N, positive when "
                                   "the output is too high.")
    if close((output - Y) * output * (1 - output) / n) or close(2 * (output - Y) * output * (1 - output) / n):
        return feedback(False, "", "you multiplied by the sigmoid's slope output (1 - output). That is the "
                                   "mse formula; with bce the slope cancels against dL/d(output).")
    return feedback(False, "", "delta2 = (output - Y) / N, entry by entry, with N = Y.size = 4.")


def check_tanh_slope(answer) -> Verdict:
    """f'(0) for f = tanh: 1 - tanh(0)^2 = 1. Accepts any number (or one-element array) within 1e-6."""
    if answer is None:
        return not_answered("replace None with a number: the slope of tanh at z = 0.")
    if isinstance(answer, bool):
        return feedback(False, "", "expected a number, not True or False.")
    value = as_number(answer)
    if value is None:
        return feedback(False, "", f"expected a single number; got {describe(answer)}.")
    if abs(value - 1.0) <= SLOPE_TOLERANCE:
        return feedback(True, "tanh'(0) = 1 - tanh(0)^2 = 1 - 0 = 1: at z = 0 a tanh neuron passes the "
                              "error back at full strength.", "")
    if abs(value) <= SLOPE_TOLERANCE:
        return feedback(False, "", "0 is tanh(0), the activation itself. The slope is f'(z) = 1 - tanh(z)^2.")
    if abs(value - 0.25) <= SLOPE_TOLERANCE:
        return feedback(False, "", "0.25 is the slope of the sigmoid at 0, a (1 - a) with a = 0.5. "
                                   "For tanh, f'(z) = 1 - tanh(z)^2.")
    return feedback(False, "", "use f'(z) = 1 - tanh(z)^2 and put in z = 0 (tanh(0) = 0).")


def _test_cases():
    """Small random networks (one per activation) on which a student's backward pass is run."""
    rng = np.random.default_rng(3)
    cases = []
    for activation in ("sigmoid", "tanh", "relu"):
        params = init_params(2, 3, 1, "random", seed=int(rng.integers(1000)))
        # random biases too, so that no relu neuron sits exactly on its kink at z = 0
        params["b1"] = rng.normal(0.0, 0.5, size=3)
        params["b2"] = rng.normal(0.0, 0.5, size=1)
        X = rng.normal(size=(5, 2))
        Y = rng.integers(0, 2, size=(5, 1)).astype(np.float64)
        cases.append((activation, params, X, Y))
    return cases


def check_fixed_backward(function) -> Verdict:
    """Run `function(params, cache, Y)` on small random networks (sigmoid, tanh and relu hidden
    layers, bce loss) and compare its gradients with helpers.backward.

    The hint names the gradients that differ and what that suggests; errors raised by the
    student's function are reported as a hint, never passed on.
    """
    if function is None:
        return not_answered("replace None with your repaired function.")
    if not callable(function):
        return feedback(False, "", f"expected a function taking (params, cache, Y); got a {type(function).__name__}.")
    wrong = {}  # activation -> names of the wrong gradients
    for activation, params, X, Y in _test_cases():
        _, cache = forward_pass(params, X, activation)
        expected = backward_pass(params, cache, Y, "bce")
        params_copy = {name: array.copy() for name, array in params.items()}
        cache_copy = {name: (value.copy() if isinstance(value, np.ndarray) else value)
                      for name, value in cache.items()}
        try:
            grads = function(params_copy, cache_copy, Y.copy())
        except Exception as error:  # noqa: BLE001 - any error of the student's code becomes a hint
            return feedback(False, "", f"your function raised {type(error).__name__}: {error} "
                                       f"(on a 2-3-1 network with a {activation} hidden layer).")
        if grads is None:
            return not_answered("your function still returns None: copy buggy_backward's body into it, "
                                "fix it, and return the dict of gradients.")
        if not isinstance(grads, dict):
            return feedback(False, "", f"your function must return a dict with keys {PARAM_NAMES}; "
                                       f"it returned a {type(grads).__name__}.")
        missing = [name for name in PARAM_NAMES if name not in grads]
        if missing:
            return feedback(False, "", f"the returned dict is missing {missing}; it needs the keys {PARAM_NAMES}.")
        wrong_here = []
        for name in PARAM_NAMES:
            value = as_numbers(grads[name])
            if value is None or value.shape != expected[name].shape:
                shape = "not an array of numbers" if value is None else f"shape {value.shape}"
                return feedback(False, "", f"grads['{name}'] has {shape}; it must have the shape of "
                                           f"params['{name}'], {expected[name].shape}.")
            if not np.allclose(value, expected[name], **GRADIENT_TOLERANCE):
                wrong_here.append(name)
        if wrong_here:
            wrong[activation] = wrong_here
    if not wrong:
        return feedback(True, "your backward pass matches helpers.backward for sigmoid, tanh and relu "
                              "hidden layers.", "")
    names = sorted({name for names in wrong.values() for name in names}, key=PARAM_NAMES.index)
    activations = ", ".join(wrong)
    if {"W2", "b2"} & set(names):
        return feedback(False, "", f"{names} differ ({activations}). Even the output layer is off: check "
                                   "delta2 = (output - Y) / N, dW2 = hidden.T @ delta2 and db2 = delta2.sum(axis=0).")
    if len(wrong) < 3:
        right = ", ".join(a for a in ("sigmoid", "tanh", "relu") if a not in wrong)
        return feedback(False, "", f"{names} are right for {right} but wrong for {activations}: the slope "
                                   "f'(z1) depends on cache['activation'].")
    return feedback(False, "", f"dW2 and db2 are right, but {names} differ: the error reaching the hidden "
                               "layer is off. Each hidden neuron's error delta1 must be multiplied by the "
                               "slope of its activation, f'(z1).")
