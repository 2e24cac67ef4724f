"""A network with one hidden layer: the math of notebook 03 on one page, then its checked public API.

Shapes follow one convention everywhere (samples are rows):

    X  : (n_samples, n_inputs)     one row per sample
    W1 : (n_inputs, n_hidden)      column j holds the incoming weights of hidden neuron j
    b1 : (n_hidden,)               b1[j] is the bias of hidden neuron j
    W2 : (n_hidden, n_outputs)     row j holds the outgoing weights of hidden neuron j
    b2 : (n_outputs,)
    Y  : (n_samples, n_outputs)    targets between 0 and 1

    z1 = X W1 + b1,   hidden = f(z1),   z2 = hidden W2 + b2,   output = sigmoid(z2)

The first part is that arithmetic and nothing else: no argument checks, so that a training loop
can call it thousands of times. Its callers pass float arrays of fitting shapes and names from
the tables (an unknown name is a KeyError, never another activation). The second part, the
public API (forward, backward, loss_value, init_params, ...), checks its arguments once, with
messages that help, and then calls the first part.
"""

import numpy as np

from helpers.validation import check_array, check_bce_targets, check_choice, check_int, check_number, check_targets

PARAM_NAMES = ("W1", "b1", "W2", "b2")


# --- activations: each function f beside its slope f'(z), given z and a = f(z) ---------------

def sigmoid(z: np.ndarray) -> np.ndarray:
    """1 / (1 + e^(-z)), elementwise, computed as (1 + tanh(z / 2)) / 2, the same function.

    Unlike 1 / (1 + exp(-z)) it never overflows (z = -10,000 or +10,000 gives exactly 0.0 or 1.0,
    without a warning), and it is several times faster than exp(-logaddexp(0, -z)), which does
    not overflow either. It is accurate to about 1e-16 absolutely; deep in the left tail (z below
    about -37) it gives 0.0 instead of a number under 1e-16, which no loss here needs: the loss
    is computed from z itself (see bce).
    """
    a = np.tanh(np.multiply(z, 0.5))  # a new array, then finished in place
    a += 1.0
    a *= 0.5
    return a


def sigmoid_slope(z: np.ndarray, a: np.ndarray) -> np.ndarray:
    return a * (1.0 - a)


def tanh_slope(z: np.ndarray, a: np.ndarray) -> np.ndarray:
    return 1.0 - a * a


def relu(z: np.ndarray) -> np.ndarray:
    """max(0, z), elementwise."""
    return np.maximum(z, 0.0)


def relu_slope(z: np.ndarray, a: np.ndarray) -> np.ndarray:
    return (z > 0).astype(np.float64)  # the slope at exactly z = 0 is taken to be 0


ACTIVATIONS = {"sigmoid": (sigmoid, sigmoid_slope), "tanh": (np.tanh, tanh_slope), "relu": (relu, relu_slope)}


def activate(z: np.ndarray, activation: str) -> np.ndarray:
    """f(z) for the activation named `activation` (a key of ACTIVATIONS)."""
    return ACTIVATIONS[activation][0](z)


def activation_slope(z: np.ndarray, a: np.ndarray, activation: str) -> np.ndarray:
    """f'(z) for the activation named `activation`, given z and a = f(z)."""
    return ACTIVATIONS[activation][1](z, a)


# --- losses: each mean loss L beside the error dL/dz2 it sends back ----------------------------
# The mean runs over the last two axes (samples and outputs), so that a stack of networks
# (random_search) gets one loss each. N = Y.size, the number of entries averaged. The error
# comes multiplied by `scale` (1 for the gradient itself; gradient descent passes its learning
# rate, and then every gradient of the backward pass comes out already multiplied by it).

def bce(z2: np.ndarray, output: np.ndarray, Y: np.ndarray) -> np.ndarray:
    """Binary cross-entropy -mean(Y log(output) + (1 - Y) log(1 - output)), written with the
    logits z2 (output = sigmoid(z2)) as mean(log(1 + e^z2) - Y z2): the same number, but it never
    loses digits where the sigmoid saturates, as 1 - output does."""
    return (np.logaddexp(0.0, z2) - Y * z2).mean(axis=(-2, -1))


def bce_error(output: np.ndarray, Y: np.ndarray, scale: float) -> np.ndarray:
    return (output - Y) * (scale / Y.size)  # the sigmoid's slope cancels against dL/d(output)


def mse(z2: np.ndarray, output: np.ndarray, Y: np.ndarray) -> np.ndarray:
    """Mean squared error mean((output - Y)^2)."""
    return ((output - Y) ** 2).mean(axis=(-2, -1))


def mse_error(output: np.ndarray, Y: np.ndarray, scale: float) -> np.ndarray:
    return (output - Y) * output * (1.0 - output) * (2.0 * scale / Y.size)


LOSSES = {"bce": (bce, bce_error), "mse": (mse, mse_error)}


# --- the forward pass, its loss, and the backward pass ----------------------------------------

def hidden_layer(params: dict, X: np.ndarray, activation: str) -> tuple[np.ndarray, np.ndarray]:
    """z1 = X W1 + b1 and hidden = f(z1), both (n_samples, n_hidden): column j is hidden neuron j."""
    z1 = X @ params["W1"]
    z1 += params["b1"]  # in place: one array fewer to allocate on every step of training
    return z1, ACTIVATIONS[activation][0](z1)


def forward_pass(params: dict, X: np.ndarray, activation: str,
                 keep: np.ndarray | None = None) -> tuple[np.ndarray, dict]:
    """output = sigmoid(z2) with z2 = hidden W2 + b2; returns (output, cache), where the cache
    holds X, z1, hidden, z2, output (the names of the equations above), activation and keep.

    keep: an optional dropout mask (n_samples, n_hidden) that multiplies the hidden layer on its
    way to the output: 0 for a dropped neuron, 1 / (1 - rate) for a kept one.
    """
    z1, hidden = hidden_layer(params, X, activation)
    z2 = (hidden if keep is None else hidden * keep) @ params["W2"]
    z2 += params["b2"]
    output = sigmoid(z2)
    return output, {"X": X, "z1": z1, "hidden": hidden, "z2": z2, "output": output,
                    "activation": activation, "keep": keep}


def loss_from_cache(cache: dict, Y: np.ndarray, loss: str) -> np.ndarray:
    """The mean loss of a forward pass (a 0-d float; one per network for a stack of networks)."""
    return LOSSES[loss][0](cache["z2"], cache["output"], Y)


def backward_pass(params: dict, cache: dict, Y: np.ndarray, loss: str, scale: float = 1.0) -> dict:
    """The gradient of scale x the mean loss with respect to every parameter, shaped like `params`.

    delta2 = dL/dz2                                  the output error (see the loss table)
    delta1 = (delta2 W2^T) * f'(z1)                  each hidden neuron j's own error, from its
                                                     own outgoing weights W2[j] and slope f'(z1[:, j])
    dW2 = hidden^T delta2,  db2 = delta2 summed over the samples
    dW1 = X^T delta1,       db1 = delta1 summed over the samples
    """
    delta2 = LOSSES[loss][1](cache["output"], Y, scale)
    hidden, keep = cache["hidden"], cache["keep"]
    slope = ACTIVATIONS[cache["activation"]][1](cache["z1"], hidden)
    if keep is not None:  # the output layer saw hidden * keep; a dropped neuron gets no error
        hidden, slope = hidden * keep, slope * keep
    delta1 = delta2 @ params["W2"].T
    delta1 *= slope
    return {"W1": cache["X"].T @ delta1, "b1": delta1.sum(axis=0),
            "W2": hidden.T @ delta2, "b2": delta2.sum(axis=0)}


# --- starting weights --------------------------------------------------------------------------

def draw_weights(n_in: int, n_out: int, rule: str, value: float, scale: float,
                 rng: np.random.Generator) -> np.ndarray:
    """The weights of one layer, (n_in, n_out), by one of the rules in INITS (see layer_weights)."""
    if rule == "zero":
        return np.zeros((n_in, n_out))
    if rule == "constant":
        return np.full((n_in, n_out), value)
    deviation = {"random": scale, "xavier": np.sqrt(2.0 / (n_in + n_out)), "he": np.sqrt(2.0 / n_in)}[rule]
    return rng.normal(0.0, deviation, size=(n_in, n_out))


def draw_params(n_inputs: int, n_hidden: int, n_outputs: int, init: str, output_init: str, value: float,
                scale: float, seed: int | None) -> dict:
    """A new params dict: W1 by `init`, W2 by `output_init`, both from one default_rng(seed), W1 first; biases 0."""
    rng = np.random.default_rng(seed)
    return {"W1": draw_weights(n_inputs, n_hidden, init, value, scale, rng), "b1": np.zeros(n_hidden),
            "W2": draw_weights(n_hidden, n_outputs, output_init, value, scale, rng), "b2": np.zeros(n_outputs)}


# =================================================================================================
# The public API: every function checks its arguments once, here, then runs the math above.
# =================================================================================================

INITS = ("zero", "constant", "random", "xavier", "he")
DECISION_THRESHOLD = 0.5  # an output above it predicts class 1
# A sigmoid can round to exactly 0.0 or 1.0, whose logit is infinite: loss_value keeps its
# probabilities one rounding step inside the interval.
ONE_ROUNDING_STEP = np.finfo(np.float64).eps  # the gap between 1.0 and the next float


def check_init_settings(init: str, output_init: str | None, value, scale, seed) -> tuple:
    """Checked (init, output_init, value, scale, seed) for init_params and train; output_init
    None becomes `init`. The seed is None (fresh weights every call) or a whole number >= 0."""
    check_choice("init", init, INITS)
    output_init = init if output_init is None else check_choice("output_init", output_init, INITS)
    value = check_number("value", value)
    scale = check_number("scale", scale, non_negative=True)
    seed = None if seed is None else check_int("seed", seed, minimum=0)
    return init, output_init, value, scale, seed


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
    seed=None (the default, as in numpy) gives fresh weights on every call; train() instead
    defaults to seed=0, so that a training run repeats exactly.

    Returns {"W1": (n_inputs, n_hidden), "b1": (n_hidden,),
             "W2": (n_hidden, n_outputs), "b2": (n_outputs,)}, all float64.
    """
    n_inputs = check_int("n_inputs", n_inputs, minimum=1)
    n_hidden = check_int("n_hidden", n_hidden, minimum=1)
    n_outputs = check_int("n_outputs", n_outputs, minimum=1)
    settings = check_init_settings(init, output_init, value, scale, seed)
    return draw_params(n_inputs, n_hidden, n_outputs, *settings)


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
    rng = np.random.default_rng() if rng is None else rng
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


def forward(params: dict, X, activation: str = "sigmoid") -> tuple[np.ndarray, dict]:
    """Run the network on the samples X (n_samples, n_inputs).

    Returns (output, cache): output (n_samples, n_outputs); cache holds what the backward pass
    needs: X, z1, hidden = f(z1), z2, output, the activation's name, and keep (no dropout: None).
    """
    X = check_array("X", X, ndim=2)
    params = check_params(params, X)
    check_choice("activation", activation, ACTIVATIONS)
    return forward_pass(params, X, activation)


def backward(params: dict, cache: dict, Y, loss: str = "bce") -> dict:
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
    if not isinstance(cache, dict) or not {"X", "z1", "hidden", "keep", "output", "activation"} <= set(cache):
        raise ValueError("cache must be the second value returned by forward(params, X)")
    params = check_params(params, cache["X"])
    Y = check_targets("Y", Y, cache["X"].shape[0])
    if Y.shape != cache["output"].shape:
        raise ValueError(
            f"Y has shape {Y.shape} but the network has {cache['output'].shape[1]} outputs, "
            f"so Y must have shape {cache['output'].shape}"
        )
    check_choice("loss", loss, LOSSES)
    return backward_pass(params, cache, Y, loss)


def logit(p: np.ndarray) -> np.ndarray:
    """The inverse of the sigmoid: z = log(p) - log(1 - p), for p strictly between 0 and 1."""
    return np.log(p) - np.log1p(-p)


def loss_value(output, Y, loss: str = "bce") -> float:
    """The mean loss of the predictions `output` against the targets `Y`, both (n_samples, n_outputs).

    bce: -mean(Y log(output) + (1 - Y) log(1 - output))   (binary cross-entropy)
    mse:  mean((output - Y)^2)
    Both means run over all samples and all outputs.

    One formula for each loss: this is the same function that training records (bce and mse in
    the tables above). bce works on logits, so the probabilities are turned back into them,
    z = logit(output); an output that rounded to exactly 0 or 1 is first moved one rounding step
    inside the interval, so that a confidently wrong prediction costs about 36, not infinity.
    """
    output = check_array("output", output, ndim=2)
    Y = check_targets("Y", Y, output.shape[0], rows_of="output")
    if Y.shape != output.shape:
        raise ValueError(f"Y has shape {Y.shape} but output has shape {output.shape}; they must match")
    check_choice("loss", loss, LOSSES)
    if loss == "bce":
        check_bce_targets("Y", Y)
    z2 = logit(np.clip(output, ONE_ROUNDING_STEP, 1.0 - ONE_ROUNDING_STEP))
    return float(LOSSES[loss][0](z2, output, Y))


def accuracy(output, Y) -> float:
    """The fraction of entries where the prediction (output > 0.5) equals the 0/1 target."""
    output = check_array("output", output, ndim=2)
    Y = check_targets("Y", Y, output.shape[0], rows_of="output")
    return float(np.mean((output > DECISION_THRESHOLD) == (Y > DECISION_THRESHOLD)))


