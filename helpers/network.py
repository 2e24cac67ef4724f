"""A network with one hidden layer: the math of notebook 03 on one page, then its checked public API.

Shapes follow one convention everywhere (samples are rows):

    X  : (n_samples, n_inputs)     one row per sample
    W1 : (n_inputs, n_hidden)      column j holds the incoming weights of hidden neuron j
    b1 : (n_hidden,)               b1[j] is the bias of hidden neuron j
    W2 : (n_hidden, n_outputs)     row j holds the outgoing weights of hidden neuron j
    b2 : (n_outputs,)
    Y  : (n_samples, n_outputs)    targets between 0 and 1

    z1 = X W1 + b1,   hidden = f(z1),   z2 = hidden W2 + b2,   output = sigmoid(z2)

The rule: every function above the line of ===== trusts its arguments (float arrays of fitting
shapes, names from the tables), so that training can call it thousands of times; every function
below it checks its arguments first, with messages that help, and then calls the ones above.
"""

from collections.abc import Callable
from typing import NamedTuple

import numpy as np

from helpers.validation import (
    check_array,
    check_bce_targets,
    check_between_0_and_1,
    check_choice,
    check_int,
    check_number,
    check_targets,
)

PARAM_NAMES = ("W1", "b1", "W2", "b2")


class Activation(NamedTuple):
    function: Callable  # a = f(z)
    slope: Callable     # f'(z), given z and a = f(z)


class Loss(NamedTuple):
    value: Callable  # the mean loss L over all entries, given z2, output = sigmoid(z2) and Y
    error: Callable  # the output error dL/dz2, given output and Y


def sigmoid(z):
    """1 / (1 + e^(-z)), written as (1 + tanh(z / 2)) / 2: the same function, but it never overflows."""
    return 0.5 * (1.0 + np.tanh(0.5 * z))


def sigmoid_slope(z, a):
    return a * (1.0 - a)


def tanh_slope(z, a):
    return 1.0 - a * a


def relu(z):
    return np.maximum(z, 0.0)


def relu_slope(z, a):
    return (z > 0).astype(np.float64)  # the slope at exactly z = 0 is taken to be 0


ACTIVATIONS = {"sigmoid": Activation(sigmoid, sigmoid_slope),
               "tanh": Activation(np.tanh, tanh_slope),
               "relu": Activation(relu, relu_slope)}


def bce(z2, output, Y):
    """Binary cross-entropy -mean(Y log(output) + (1 - Y) log(1 - output)), written with z2 as
    mean(log(1 + e^z2) - Y z2): the same number, without 1 - output losing digits near 1."""
    return (np.logaddexp(0.0, z2) - Y * z2).mean()


def bce_error(output, Y):
    return (output - Y) / Y.size  # the sigmoid's slope cancels against dL/d(output)


def mse(z2, output, Y):
    """Mean squared error mean((output - Y)^2)."""
    return ((output - Y) ** 2).mean()


def mse_error(output, Y):
    return 2.0 * (output - Y) * output * (1.0 - output) / Y.size


LOSSES = {"bce": Loss(bce, bce_error), "mse": Loss(mse, mse_error)}


def hidden_layer(params, X, activation):
    """z1 = X W1 + b1 and hidden = f(z1), both (n_samples, n_hidden): column j is hidden neuron j."""
    z1 = X @ params["W1"] + params["b1"]
    return z1, ACTIVATIONS[activation].function(z1)


def forward_pass(params, X, activation):
    """Returns (output, cache); the cache holds X, z1, hidden, z2, output and the activation's name."""
    z1, hidden = hidden_layer(params, X, activation)
    z2 = hidden @ params["W2"] + params["b2"]
    output = sigmoid(z2)
    return output, {"X": X, "z1": z1, "hidden": hidden, "z2": z2, "output": output, "activation": activation}


def backward_pass(params, cache, Y, loss_name):
    """The gradient of the mean loss with respect to every parameter, shaped like `params`."""
    delta2 = LOSSES[loss_name].error(cache["output"], Y)               # the output error dL/dz2
    dW2 = cache["hidden"].T @ delta2
    db2 = delta2.sum(axis=0)
    slope = ACTIVATIONS[cache["activation"]].slope(cache["z1"], cache["hidden"])
    delta1 = (delta2 @ params["W2"].T) * slope  # neuron j's own error: its own W2[j] and slope
    dW1 = cache["X"].T @ delta1
    db1 = delta1.sum(axis=0)
    return {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}


def gradient_descent_step(params, grads, learning_rate):
    """W <- W - learning_rate * dL/dW for every parameter; returns the new params dict."""
    return {name: params[name] - learning_rate * grads[name] for name in PARAM_NAMES}


def loss_from_cache(cache, Y, loss_name):
    """The mean loss of a forward pass, a float."""
    return float(LOSSES[loss_name].value(cache["z2"], cache["output"], Y))


def draw_weights(n_in, n_out, rule, value, scale, rng):
    """The weights of one layer, (n_in, n_out), by one of the rules in INITS (see layer_weights)."""
    if rule == "zero":
        return np.zeros((n_in, n_out))
    if rule == "constant":
        return np.full((n_in, n_out), value)
    deviation = {"random": scale, "xavier": np.sqrt(2.0 / (n_in + n_out)), "he": np.sqrt(2.0 / n_in)}[rule]
    return rng.normal(0.0, deviation, size=(n_in, n_out))


# =================================================================================================
# Below this line every function checks its arguments, then runs the math above.
# =================================================================================================

INITS = ("zero", "constant", "random", "xavier", "he")
DECISION_THRESHOLD = 0.5  # an output above it predicts class 1
# A sigmoid can round to exactly 0.0 or 1.0, whose logit is infinite: loss_value keeps its
# probabilities one rounding step inside the interval.
ONE_ROUNDING_STEP = np.finfo(np.float64).eps  # the gap between 1.0 and the next float


def init_params(n_inputs: int, n_hidden: int, n_outputs: int, init: str = "random", *,
                value: float = 0.5, scale: float = 1.0, seed: int | None = None,
                output_init: str | None = None) -> dict:
    """Create the weights of an n_inputs - n_hidden - n_outputs network.

    init: the rule for the hidden layer's weights W1 (see layer_weights):
          "zero"     every weight is 0
          "constant" every weight equals `value`
          "random"   normal, mean 0, standard deviation `scale`
          "xavier", "he"  normal, with the standard deviation of those scaled rules
    output_init: the rule for the output layer's weights W2; None means the same as `init`.
    Random draws come from np.random.default_rng(seed), W1 first. Biases always start at 0.
    seed=None (the default, as in numpy) gives fresh weights on every call.

    Returns {"W1": (n_inputs, n_hidden), "b1": (n_hidden,),
             "W2": (n_hidden, n_outputs), "b2": (n_outputs,)}, all float64.
    """
    n_inputs = check_int("n_inputs", n_inputs, minimum=1)
    n_hidden = check_int("n_hidden", n_hidden, minimum=1)
    n_outputs = check_int("n_outputs", n_outputs, minimum=1)
    check_choice("init", init, INITS)
    output_init = init if output_init is None else check_choice("output_init", output_init, INITS)
    value = check_number("value", value)
    scale = check_number("scale", scale, non_negative=True)
    rng = np.random.default_rng(None if seed is None else check_int("seed", seed, minimum=0))
    return {"W1": draw_weights(n_inputs, n_hidden, init, value, scale, rng), "b1": np.zeros(n_hidden),
            "W2": draw_weights(n_hidden, n_outputs, output_init, value, scale, rng), "b2": np.zeros(n_outputs)}


def layer_weights(n_in: int, n_out: int, rule: str = "random", *, value: float = 0.5, scale: float = 1.0,
                  rng: np.random.Generator | None = None) -> np.ndarray:
    """The weights of one layer, shape (n_in, n_out), by one of the rules in INITS.

    zero: 0; constant: `value`; random: normal with standard deviation `scale`;
    xavier: normal with variance 2 / (n_in + n_out)  (Glorot & Bengio 2010, for sigmoid and tanh);
    he:     normal with variance 2 / n_in            (He et al. 2015, for relu).
    """
    n_in = check_int("n_in", n_in, minimum=1)
    n_out = check_int("n_out", n_out, minimum=1)
    check_choice("rule", rule, INITS)
    value = check_number("value", value)
    scale = check_number("scale", scale, non_negative=True)
    if rng is None:
        rng = np.random.default_rng()
    elif not isinstance(rng, np.random.Generator):
        raise TypeError(f"rng must be a numpy Generator (np.random.default_rng(seed)); got {type(rng).__name__}")
    return draw_weights(n_in, n_out, rule, value, scale, rng)


def check_params(params, X: np.ndarray | None = None) -> dict:
    """Check that `params` holds W1, b1, W2, b2 with shapes that fit together (and fit X)."""
    if not isinstance(params, dict):
        raise TypeError(f"params must be a dict with keys {PARAM_NAMES}; got {type(params).__name__}")
    missing = [name for name in PARAM_NAMES if name not in params]
    if missing:
        raise ValueError(f"params is missing {missing}; it must have the keys {PARAM_NAMES}")
    W1 = check_array("params['W1']", params["W1"], ndim=2)
    b1 = check_array("params['b1']", params["b1"], ndim=1)
    W2 = check_array("params['W2']", params["W2"], ndim=2)
    b2 = check_array("params['b2']", params["b2"], ndim=1)
    n_inputs, n_hidden = W1.shape
    expected = {"b1": (n_hidden,), "W2": (n_hidden, W2.shape[1]), "b2": (W2.shape[1],)}
    for name, array in (("b1", b1), ("W2", W2), ("b2", b2)):
        if array.shape != expected[name]:
            raise ValueError(
                f"params['{name}'] has shape {array.shape}, but W1 has shape {W1.shape} "
                f"so params['{name}'] must have shape {expected[name]}"
            )
    if X is not None and X.shape[1] != n_inputs:
        raise ValueError(
            f"X has {X.shape[1]} columns (inputs), but params['W1'] has shape {W1.shape}, "
            f"which expects {n_inputs} inputs"
        )
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}


def check_outputs_match(Y: np.ndarray, params: dict) -> None:
    """Raise a ValueError unless Y has one column per output of the network."""
    if Y.shape[1] != params["W2"].shape[1]:
        raise ValueError(f"Y has {Y.shape[1]} columns but the network has {params['W2'].shape[1]} outputs "
                         f"(params['W2'] has shape {params['W2'].shape}); they must match")


def check_loss_name(loss_name, Y: np.ndarray) -> str:
    """Check the loss's name, and for 'bce' that every target lies between 0 and 1."""
    check_choice("loss_name", loss_name, LOSSES)
    if loss_name == "bce":
        check_bce_targets("Y", Y)
    return loss_name


def forward(params: dict, X, activation: str = "sigmoid") -> tuple[np.ndarray, dict]:
    """Run the network on the samples X (n_samples, n_inputs).

    Returns (output, cache): output (n_samples, n_outputs); cache holds what the backward pass
    needs: X, z1, hidden = f(z1), z2, output and the activation's name.
    """
    X = check_array("X", X, ndim=2)
    params = check_params(params, X)
    check_choice("activation", activation, ACTIVATIONS)
    return forward_pass(params, X, activation)


CACHE_KEYS = ("X", "z1", "hidden", "z2", "output", "activation")


def check_cache(cache, params) -> tuple[dict, dict]:
    """Checked (params, cache), where `cache` must be what forward(params, X) returned for this network."""
    if not isinstance(cache, dict) or not set(CACHE_KEYS) <= set(cache):
        raise ValueError("cache must be the second value returned by forward(params, X)")
    check_choice("cache['activation']", cache["activation"], ACTIVATIONS)
    X = check_array("cache['X']", cache["X"], ndim=2)
    params = check_params(params, X)
    n_samples, (n_hidden, n_outputs) = X.shape[0], params["W2"].shape
    expected = {"z1": (n_samples, n_hidden), "hidden": (n_samples, n_hidden),
                "z2": (n_samples, n_outputs), "output": (n_samples, n_outputs)}
    checked = {"X": X, "activation": cache["activation"]}
    for name, shape in expected.items():
        if not isinstance(cache[name], np.ndarray) or cache[name].shape != shape:
            raise ValueError(f"cache does not belong to this network: cache['{name}'] should have shape {shape} "
                             f"for params with W1 {params['W1'].shape} and W2 {params['W2'].shape}; "
                             "pass the cache of forward(params, X) with the same params")
        checked[name] = check_array(f"cache['{name}']", cache[name], ndim=2)
    return params, checked


def backward(params: dict, cache: dict, Y, loss_name: str = "bce") -> dict:
    """The gradient of the mean loss with respect to every parameter (backpropagation), from the
    cache of forward(params, X). Returns a dict with the same keys and shapes as `params`.

    Let N = number of entries of Y (samples x outputs), f the hidden activation.
    Output error   delta2 = dL/dz2 = (output - Y) / N                        for bce
                                   = 2 (output - Y) output (1 - output) / N  for mse
    Hidden error   delta1 = (delta2 W2^T) * f'(z1)   -- each hidden neuron j gets its own
                   error from its own outgoing weights W2[j, :] and its own slope f'(z1[:, j])
    Gradients      dW2 = hidden^T delta2, db2 = sum of delta2 over samples,
                   dW1 = X^T delta1,      db1 = sum of delta1 over samples.
    """
    params, cache = check_cache(cache, params)
    Y = check_targets("Y", Y, cache["X"].shape[0])
    check_outputs_match(Y, params)
    loss_name = check_loss_name(loss_name, Y)
    return backward_pass(params, cache, Y, loss_name)


def logit(p: np.ndarray) -> np.ndarray:
    """The inverse of the sigmoid: z = log(p) - log(1 - p), for p strictly between 0 and 1."""
    return np.log(p) - np.log1p(-p)


def check_output_and_targets(output, Y) -> tuple[np.ndarray, np.ndarray]:
    """output: probabilities (n_samples, n_outputs); Y: targets of exactly the same shape."""
    output = check_between_0_and_1("output", check_array("output", output, ndim=2))
    Y = check_targets("Y", Y, output.shape[0], rows_of="output")
    if Y.shape != output.shape:
        raise ValueError(f"Y has shape {Y.shape} but output has shape {output.shape}; they must match")
    return output, Y


def loss_value(output, Y, loss_name: str = "bce") -> float:
    """The mean loss of the predictions `output` against the targets `Y`, both (n_samples, n_outputs).

    bce: -mean(Y log(output) + (1 - Y) log(1 - output))   (binary cross-entropy)
    mse:  mean((output - Y)^2)
    Both means run over all samples and all outputs; every output must lie between 0 and 1.

    One formula for each loss: this is the same function that training records (bce and mse in
    the tables above). bce works on logits, so the probabilities are turned back into them,
    z = logit(output); an output that rounded to exactly 0 or 1 is first moved one rounding step
    inside the interval, so that a confidently wrong prediction costs about 36, not infinity.
    """
    output, Y = check_output_and_targets(output, Y)
    loss_name = check_loss_name(loss_name, Y)
    z2 = logit(np.clip(output, ONE_ROUNDING_STEP, 1.0 - ONE_ROUNDING_STEP))
    return float(LOSSES[loss_name].value(z2, output, Y))


def accuracy(output, Y) -> float:
    """The fraction of entries where the prediction (output > 0.5) equals the 0/1 target.
    output and Y: (n_samples, n_outputs), both between 0 and 1."""
    output, Y = check_output_and_targets(output, Y)
    check_between_0_and_1("Y", Y)
    return float(np.mean((output > DECISION_THRESHOLD) == (Y > DECISION_THRESHOLD)))
