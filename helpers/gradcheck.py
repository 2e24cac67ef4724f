"""Check backpropagation against centred finite differences."""

import numpy as np

from helpers.network import (
    ACTIVATIONS,
    PARAM_NAMES,
    backward_pass,
    check_loss_name,
    check_outputs_match,
    check_params,
    forward_pass,
    loss_from_cache,
)
from helpers.validation import check_array, check_choice, check_number, check_targets


def check_arguments(params, X, Y, activation, loss_name, eps):
    """Validate the arguments shared by the two public functions below."""
    X = check_array("X", X, ndim=2)
    Y = check_targets("Y", Y, X.shape[0])
    params = check_params(params, X)
    check_outputs_match(Y, params)
    check_choice("activation", activation, ACTIVATIONS)
    check_loss_name(loss_name, Y)
    eps = check_number("eps", eps, positive=True)
    return params, X, Y, eps


def finite_differences(params: dict, X: np.ndarray, Y: np.ndarray, activation: str, loss_name: str,
                       eps: float) -> dict:
    """Estimate every partial derivative of the mean loss by a centred finite difference (unchecked).

    dL/dw ~ (L(w + eps) - L(w - eps)) / (2 eps), one weight at a time. Slow, but obviously
    right: it needs only the forward pass and the loss. Returns a dict shaped like `params`.
    """
    params = {name: array.copy() for name, array in params.items()}  # nudged in place below

    def mean_loss() -> float:
        return float(loss_from_cache(forward_pass(params, X, activation)[1], Y, loss_name))

    estimate = {}
    for name in PARAM_NAMES:
        array = params[name]
        estimate[name] = np.zeros_like(array)
        for index in np.ndindex(array.shape):
            original = array[index]
            array[index] = original + eps
            loss_plus = mean_loss()
            array[index] = original - eps
            loss_minus = mean_loss()
            array[index] = original
            estimate[name][index] = (loss_plus - loss_minus) / (2 * eps)
    return estimate


def numerical_gradient(params: dict, X, Y, activation: str = "sigmoid", loss_name: str = "bce",
                       eps: float = 1e-6) -> dict:
    """Estimate every partial derivative of the mean loss by a centred finite difference.

    dL/dw ~ (L(w + eps) - L(w - eps)) / (2 eps), one weight at a time. Returns a dict shaped
    like `params`.
    """
    params, X, Y, eps = check_arguments(params, X, Y, activation, loss_name, eps)
    return finite_differences(params, X, Y, activation, loss_name, eps)


def gradient_check(params: dict, X, Y, activation: str = "sigmoid", loss_name: str = "bce",
                   eps: float = 1e-6) -> float:
    """The relative error between backward() and finite differences, over all parameters.

    relative error = |g_backprop - g_numerical| / (|g_backprop| + |g_numerical|), where |.| is
    the Euclidean length of all gradients put together in one vector. Around 1e-9 means the
    backward pass is right; above 1e-4 means a bug.
    """
    params, X, Y, eps = check_arguments(params, X, Y, activation, loss_name, eps)
    numerical = finite_differences(params, X, Y, activation, loss_name, eps)
    analytic = backward_pass(params, forward_pass(params, X, activation)[1], Y, loss_name)
    a = np.concatenate([analytic[name].ravel() for name in PARAM_NAMES])
    n = np.concatenate([numerical[name].ravel() for name in PARAM_NAMES])
    size = np.linalg.norm(a) + np.linalg.norm(n)
    return 0.0 if size == 0 else float(np.linalg.norm(a - n) / size)
