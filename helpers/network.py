"""A network with one hidden layer: its parameters, forward pass, backward pass and loss.

Shapes follow one convention everywhere (samples are rows):

    X  : (n_samples, n_inputs)     one row per sample
    W1 : (n_inputs, n_hidden)      column j holds the incoming weights of hidden neuron j
    b1 : (n_hidden,)               b1[j] is the bias of hidden neuron j
    W2 : (n_hidden, n_outputs)     row j holds the outgoing weights of hidden neuron j
    b2 : (n_outputs,)
    Y  : (n_samples, n_outputs)    targets between 0 and 1

The notebooks derive each formula here by hand first; this module is the same arithmetic.
"""

import numpy as np

from helpers.validation import check_array, check_choice, check_int, check_number, check_targets

INITS = ("zero", "constant", "random", "xavier", "he")
ACTIVATIONS = ("sigmoid", "tanh", "relu")
LOSSES = ("bce", "mse")
PARAM_NAMES = ("W1", "b1", "W2", "b2")
_TINY = np.finfo(np.float64).eps  # the gap between 1.0 and the next float


# --- activations -----------------------------------------------------------------------------

def sigmoid(z: np.ndarray) -> np.ndarray:
    """The logistic function 1 / (1 + e^(-z)), elementwise.

    Written as exp(-log(1 + e^(-z))) with numpy's logaddexp, which never overflows: even
    z = -10,000 or +10,000 gives 0.0 or 1.0 without a warning.
    """
    return np.exp(-np.logaddexp(0.0, -z))


def relu(z: np.ndarray) -> np.ndarray:
    """max(0, z), elementwise."""
    return np.maximum(z, 0.0)


def activate(z: np.ndarray, activation: str) -> np.ndarray:
    """Apply the hidden layer's activation function `activation` to the pre-activations `z`."""
    if activation == "sigmoid":
        return sigmoid(z)
    if activation == "tanh":
        return np.tanh(z)
    return relu(z)


def activation_slope(z: np.ndarray, a: np.ndarray, activation: str) -> np.ndarray:
    """The derivative f'(z) of the activation, given z and a = f(z) (whichever is cheaper).

    sigmoid: f' = a (1 - a);  tanh: f' = 1 - a^2;  relu: f' = 1 where z > 0, else 0
    (we take the slope at exactly z = 0 to be 0).
    """
    if activation == "sigmoid":
        return a * (1.0 - a)
    if activation == "tanh":
        return 1.0 - a * a
    return (z > 0).astype(np.float64)


# --- parameters ------------------------------------------------------------------------------

def layer_weights(n_in: int, n_out: int, rule: str = "random", *, value: float = 0.5, scale: float = 1.0,
                  rng: np.random.Generator | None = None) -> np.ndarray:
    """The weights of one layer, shape (n_in, n_out), by one of the rules in INITS.

    zero: 0; constant: `value`; random: normal with standard deviation `scale`;
    xavier: normal with variance 2 / (n_in + n_out)  (Glorot & Bengio 2010, for sigmoid and tanh);
    he:     normal with variance 2 / n_in            (He et al. 2015, for relu).
    """
    check_choice("rule", rule, INITS)
    if rule == "zero":
        return np.zeros((n_in, n_out))
    if rule == "constant":
        return np.full((n_in, n_out), float(value))
    deviation = {"random": scale, "xavier": np.sqrt(2.0 / (n_in + n_out)), "he": np.sqrt(2.0 / n_in)}[rule]
    rng = np.random.default_rng() if rng is None else rng
    return rng.normal(0.0, deviation, size=(n_in, n_out))


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
    if seed is not None:
        seed = check_int("seed", seed, minimum=0)

    rng = np.random.default_rng(seed)
    W1 = layer_weights(n_inputs, n_hidden, init, value=value, scale=scale, rng=rng)
    W2 = layer_weights(n_hidden, n_outputs, output_init, value=value, scale=scale, rng=rng)
    return {"W1": W1, "b1": np.zeros(n_hidden), "W2": W2, "b2": np.zeros(n_outputs)}


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


# --- forward pass, loss, backward pass ------------------------------------------------------

def forward(params: dict, X, activation: str = "sigmoid") -> tuple[np.ndarray, dict]:
    """Run the network on the samples X.

    z1 = X W1 + b1,  hidden = f(z1),  z2 = hidden W2 + b2,  output = sigmoid(z2)

    Returns (output, cache): output has shape (n_samples, n_outputs); cache keeps what the
    backward pass needs (X, z1, activated = f(z1), hidden, z2, output, the activation's name; and
    keep, the dropout mask, None here).
    """
    X = check_array("X", X, ndim=2)
    params = check_params(params, X)
    check_choice("activation", activation, ACTIVATIONS)
    return _forward(params, X, activation)


def _forward(params: dict, X: np.ndarray, activation: str, keep: np.ndarray | None = None) -> tuple[np.ndarray, dict]:
    """forward() without the argument checks, for training loops.

    keep: an optional dropout mask (n_samples, n_hidden) that multiplies the hidden activations:
    0 for a dropped neuron, 1 / (1 - rate) for a kept one (so the expected sum is unchanged).
    """
    z1 = X @ params["W1"] + params["b1"]
    activated = activate(z1, activation)
    hidden = activated if keep is None else activated * keep
    z2 = hidden @ params["W2"] + params["b2"]
    output = sigmoid(z2)
    cache = {"X": X, "z1": z1, "activated": activated, "keep": keep, "hidden": hidden, "z2": z2,
             "output": output, "activation": activation}
    return output, cache


def loss_value(output, Y, loss: str = "bce") -> float:
    """The mean loss of the predictions `output` against the targets `Y`, both (n_samples, n_outputs).

    bce: -mean(Y log(output) + (1 - Y) log(1 - output))   (binary cross-entropy)
    mse:  mean((output - Y)^2)
    Both means run over all samples and all outputs.
    """
    output = check_array("output", output, ndim=2)
    Y = check_targets("Y", Y, output.shape[0], rows_of="output")
    if Y.shape != output.shape:
        raise ValueError(f"Y has shape {Y.shape} but output has shape {output.shape}; they must match")
    check_choice("loss", loss, LOSSES)
    if loss == "bce":
        _check_between_0_and_1("Y", Y)
    return _loss_value(output, Y, loss)


def _loss_value(output: np.ndarray, Y: np.ndarray, loss: str) -> float:
    """loss_value() without the argument checks."""
    if loss == "mse":
        return float(np.mean((output - Y) ** 2))
    # A sigmoid can round to exactly 0.0 or 1.0, and log(0) is -infinity: keep it one
    # rounding step inside the interval instead.
    output = np.clip(output, _TINY, 1.0 - _TINY)
    return float(-np.mean(Y * np.log(output) + (1.0 - Y) * np.log(1.0 - output)))


def _loss_from_cache(cache: dict, Y: np.ndarray, loss: str) -> float:
    """The mean loss from a forward pass's cache. For bce it uses the logits z2:
    -[y log s(z) + (1 - y) log(1 - s(z))] = log(1 + e^z) - y z, which never loses digits,
    whereas 1 - output does once the sigmoid saturates."""
    if loss == "mse":
        return _loss_value(cache["output"], Y, loss)
    z2 = cache["z2"]
    return float(np.mean(np.logaddexp(0.0, z2) - Y * z2))


def backward(params: dict, cache: dict, Y, loss: str = "bce") -> dict:
    """The gradient of the mean loss with respect to every parameter (backpropagation).

    Let N = number of entries of Y (samples x outputs), f the hidden activation.
    Output error   delta2 = dL/dz2 = (output - Y) / N                      for bce
                                   = 2 (output - Y) output (1 - output) / N  for mse
    Hidden error   delta1 = (delta2 W2^T) * f'(z1)   -- each hidden neuron j gets its own
                   error from its own outgoing weights W2[j, :] and its own slope f'(z1[:, j])
    Gradients      dW2 = hidden^T delta2, db2 = sum of delta2 over samples,
                   dW1 = X^T delta1,      db1 = sum of delta1 over samples.

    Returns a dict with the same keys and shapes as `params`.
    """
    if not isinstance(cache, dict) or not {"X", "z1", "activated", "keep", "hidden", "output", "activation"} <= set(cache):
        raise ValueError("cache must be the second value returned by forward(params, X)")
    params = check_params(params, cache["X"])
    Y = check_targets("Y", Y, cache["X"].shape[0])
    if Y.shape != cache["output"].shape:
        raise ValueError(
            f"Y has shape {Y.shape} but the network has {cache['output'].shape[1]} outputs, "
            f"so Y must have shape {cache['output'].shape}"
        )
    check_choice("loss", loss, LOSSES)
    return _backward(params, cache, Y, loss)


def _backward(params: dict, cache: dict, Y: np.ndarray, loss: str) -> dict:
    """backward() without the argument checks, for training loops."""
    output = cache["output"]
    if loss == "bce":
        delta2 = (output - Y) / Y.size
    else:
        delta2 = 2.0 * (output - Y) * output * (1.0 - output) / Y.size
    slope = activation_slope(cache["z1"], cache["activated"], cache["activation"])
    if cache["keep"] is not None:  # a dropped neuron passed nothing on, so it gets no error
        slope = slope * cache["keep"]
    delta1 = (delta2 @ params["W2"].T) * slope
    return {
        "W1": cache["X"].T @ delta1,
        "b1": delta1.sum(axis=0),
        "W2": cache["hidden"].T @ delta2,
        "b2": delta2.sum(axis=0),
    }


def predict(params: dict, X, activation: str = "sigmoid") -> np.ndarray:
    """Class predictions 0 or 1 (output above one half), shape (n_samples, n_outputs)."""
    output, _ = forward(params, X, activation)
    return (output > 0.5).astype(np.int64)


def accuracy(output, Y) -> float:
    """The fraction of entries where the prediction (output > 0.5) equals the 0/1 target."""
    output = check_array("output", output, ndim=2)
    Y = check_targets("Y", Y, output.shape[0], rows_of="output")
    return float(np.mean((output > 0.5) == (Y > 0.5)))


def _check_between_0_and_1(name: str, array: np.ndarray) -> None:
    if array.min() < 0 or array.max() > 1:
        raise ValueError(
            f"{name} must lie between 0 and 1 for the 'bce' loss; got values from "
            f"{array.min():g} to {array.max():g} (scale the targets, or use loss='mse')"
        )
