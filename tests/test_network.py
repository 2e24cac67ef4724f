"""Tests for helpers.network: parameters, forward and backward pass, loss."""

import numpy as np
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import helpers
from helpers.network import ACTIVATIONS as ACTIVATION_TABLE
from helpers.network import (
    activate,
    activation_slope,
    backward_pass,
    bce,
    forward_pass,
    hidden_layer,
    loss_from_cache,
    mse,
    sigmoid,
)

ACTIVATIONS = ["sigmoid", "tanh", "relu"]
LOSSES = ["bce", "mse"]


def random_problem(seed, n_samples, n_inputs, n_hidden, n_outputs):
    params = helpers.init_params(n_inputs, n_hidden, n_outputs, seed=seed)
    rng = np.random.default_rng([seed, 1])  # a different stream from the weights' one
    params["b1"] = rng.normal(size=n_hidden)
    params["b2"] = rng.normal(size=n_outputs)
    X = rng.normal(size=(n_samples, n_inputs))
    Y = rng.uniform(size=(n_samples, n_outputs))
    return params, X, Y


# --- init_params ---

def test_init_params_shapes_follow_the_convention():
    params = helpers.init_params(3, 4, 2)
    assert {k: v.shape for k, v in params.items()} == {"W1": (3, 4), "b1": (4,), "W2": (4, 2), "b2": (2,)}
    assert all(v.dtype == np.float64 for v in params.values())


def test_zero_and_constant_init_fill_every_weight_and_leave_biases_at_zero():
    zero = helpers.init_params(3, 4, 2, "zero")
    constant = helpers.init_params(3, 4, 2, "constant", value=0.25)
    assert all(np.all(v == 0) for v in zero.values())
    assert np.all(constant["W1"] == 0.25) and np.all(constant["W2"] == 0.25)
    assert np.all(constant["b1"] == 0) and np.all(constant["b2"] == 0)


def test_random_init_uses_default_rng_with_the_seed_and_the_scale():
    params = helpers.init_params(3, 4, 2, "random", scale=0.1, seed=7)
    rng = np.random.default_rng(7)
    np.testing.assert_array_equal(params["W1"], rng.normal(0, 0.1, size=(3, 4)))
    np.testing.assert_array_equal(params["W2"], rng.normal(0, 0.1, size=(4, 2)))
    big = helpers.init_params(200, 200, 1, scale=2.0, seed=0)["W1"]
    assert abs(big.std() - 2.0) < 0.05


# --- activations and forward ---

def test_sigmoid_neither_overflows_nor_warns_at_plus_minus_ten_thousand():
    with np.errstate(all="raise"):
        values = sigmoid(np.array([-10_000.0, -50.0, 0.0, 50.0, 10_000.0]))
    assert values[0] == 0.0 and values[2] == 0.5 and values[4] == 1.0
    # deep in the left tail the tanh form gives 0 instead of e^-50 (about 2e-22): below 1e-16, as documented
    assert abs(values[1] - np.exp(-50.0) / (1 + np.exp(-50.0))) < 1e-16 and values[3] == 1.0


def test_the_tanh_form_of_the_sigmoid_agrees_with_the_logaddexp_form_to_rounding():
    z = np.linspace(-40.0, 40.0, 100_001)
    logaddexp_form = np.exp(-np.logaddexp(0.0, -z))
    difference = np.abs(sigmoid(z) - logaddexp_form)
    assert difference.max() <= np.finfo(np.float64).eps  # about 2.2e-16 absolutely, everywhere
    right_half = z >= 0
    assert (difference[right_half] / logaddexp_form[right_half]).max() <= 2 * np.finfo(np.float64).eps


def test_sigmoid_of_a_number_is_a_number_and_leaves_its_argument_alone():
    z = np.array([-1.0, 0.0, 2.0])
    sigmoid(z)
    np.testing.assert_array_equal(z, [-1.0, 0.0, 2.0])
    assert sigmoid(0.0) == 0.5 and sigmoid(3) == pytest.approx(1 / (1 + np.exp(-3)), rel=1e-15)


def test_every_activation_comes_from_the_one_table_and_an_unknown_name_is_an_error():
    z = np.linspace(-3, 3, 7)
    assert set(ACTIVATION_TABLE) == set(ACTIVATIONS)
    for name, (function, slope) in ACTIVATION_TABLE.items():
        np.testing.assert_array_equal(activate(z, name), function(z))
        np.testing.assert_array_equal(activation_slope(z, function(z), name), slope(z, function(z)))
    with pytest.raises(KeyError):  # inside: a KeyError, never silently another activation
        activate(z, "softmax")
    with pytest.raises(KeyError):
        hidden_layer(helpers.init_params(1, 2, 1), z[:, None], "Relu")


def test_unknown_activations_are_rejected_at_every_public_door():
    X, Y = helpers.data.logic_gate("xor")
    params = helpers.init_params(2, 3, 1, seed=0)
    message = r"activation must be one of 'sigmoid', 'tanh', 'relu'; got 'softplus'"
    for call in (lambda: helpers.forward(params, X, "softplus"),
                 lambda: helpers.train(X, Y, 3, activation="softplus"),
                 lambda: helpers.gradient_check(params, X, Y, "softplus"),
                 lambda: helpers.random_search(X, Y, 3, activation="softplus")):
        with pytest.raises(ValueError, match=message):
            call()


def test_activation_slopes_are_the_derivatives():
    z = np.linspace(-3, 3, 13) + 0.05  # no relu kink at exactly 0
    step = 1e-6
    for name in ACTIVATIONS:
        numerical = (activate(z + step, name) - activate(z - step, name)) / (2 * step)
        np.testing.assert_allclose(activation_slope(z, activate(z, name), name), numerical, rtol=1e-8, atol=1e-9)


def test_the_relu_slope_at_exactly_zero_is_zero():
    # relu has no derivative at its kink; we take 0 there (as documented), so a neuron whose weighted
    # sum is exactly 0 (all weights and its bias 0) gets no error and no update
    assert activation_slope(np.array([0.0, -0.0]), np.zeros(2), "relu").tolist() == [0.0, 0.0]
    params = {"W1": np.zeros((2, 3)), "b1": np.zeros(3), "W2": np.ones((3, 1)), "b2": np.zeros(1)}
    X, Y = helpers.data.logic_gate("and")
    grads = helpers.backward(params, helpers.forward(params, X, "relu")[1], Y)
    assert np.all(grads["W1"] == 0) and np.all(grads["b1"] == 0)


def test_activations_match_their_textbook_formulas():
    z = np.linspace(-5, 5, 11)
    np.testing.assert_allclose(activate(z, "sigmoid"), 1 / (1 + np.exp(-z)), rtol=1e-14)
    np.testing.assert_allclose(activate(z, "tanh"), (np.exp(z) - np.exp(-z)) / (np.exp(z) + np.exp(-z)), rtol=1e-12)
    np.testing.assert_array_equal(activate(z, "relu"), np.where(z > 0, z, 0.0))


def test_forward_computes_the_two_layers_by_hand():
    params = {"W1": np.array([[1.0, -1.0], [2.0, 0.5]]), "b1": np.array([0.5, -0.5]),
              "W2": np.array([[1.0], [-2.0]]), "b2": np.array([0.25])}
    X = np.array([[1.0, 2.0]])
    hidden = np.tanh(np.array([1 + 4 + 0.5, -1 + 1 - 0.5]))
    expected = 1 / (1 + np.exp(-(hidden[0] - 2 * hidden[1] + 0.25)))
    output, cache = helpers.forward(params, X, activation="tanh")
    assert output.shape == (1, 1)
    np.testing.assert_allclose(output[0, 0], expected, rtol=1e-14)
    np.testing.assert_allclose(cache["hidden"][0], hidden, rtol=1e-14)


# --- loss ---

def test_loss_value_matches_the_definitions():
    output = np.array([[0.9], [0.2], [0.6]])
    Y = np.array([[1.0], [0.0], [1.0]])
    bce = -(np.log(0.9) + np.log(0.8) + np.log(0.6)) / 3
    mse = (0.01 + 0.04 + 0.16) / 3
    assert helpers.loss_value(output, Y, "bce") == pytest.approx(bce, rel=1e-14)
    assert helpers.loss_value(output, Y, "mse") == pytest.approx(mse, rel=1e-14)


def test_bce_of_a_saturated_output_is_large_but_finite():
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        value = helpers.loss_value(np.array([[0.0], [1.0]]), np.array([[1.0], [0.0]]))
    assert np.isfinite(value) and value > 30


def test_loss_value_and_the_loss_of_a_forward_pass_are_one_formula():
    # loss_value receives probabilities and turns them back into logits; the forward pass keeps its logits
    params, X, Y = random_problem(3, 6, 3, 4, 2)
    for activation in ACTIVATIONS:
        for loss in LOSSES:
            output, cache = forward_pass(params, X, activation)
            from_the_pass = float(loss_from_cache(cache, Y, loss))
            assert helpers.loss_value(output, Y, loss) == pytest.approx(from_the_pass, rel=1e-13)


def test_bce_on_logits_equals_the_textbook_formula_where_it_is_well_conditioned():
    z2 = np.array([[-3.0, 0.5], [2.0, -0.25]])
    Y = np.array([[0.0, 1.0], [1.0, 0.3]])
    p = 1 / (1 + np.exp(-z2))
    textbook = -np.mean(Y * np.log(p) + (1 - Y) * np.log(1 - p))
    assert float(bce(z2, p, Y)) == pytest.approx(textbook, rel=1e-14)
    assert float(mse(z2, p, Y)) == pytest.approx(np.mean((p - Y) ** 2), rel=1e-14)


def test_a_stack_of_networks_gets_one_loss_each():
    z2 = np.random.default_rng(0).normal(size=(5, 7, 2))
    Y = np.random.default_rng(1).uniform(size=(7, 2))
    output = sigmoid(z2)
    for function in (bce, mse):
        stacked = function(z2, output, Y)
        assert stacked.shape == (5,)
        for k in range(5):
            assert stacked[k] == function(z2[k], output[k], Y)


# --- backward ---

@pytest.mark.parametrize("activation", ACTIVATIONS)
@pytest.mark.parametrize("loss", LOSSES)
@given(seed=st.integers(0, 2**31 - 1), n_samples=st.integers(1, 6), n_inputs=st.integers(1, 4),
       n_hidden=st.integers(1, 5), n_outputs=st.integers(1, 3))
def test_backward_agrees_with_finite_differences(activation, loss, seed, n_samples, n_inputs, n_hidden, n_outputs):
    params, X, Y = random_problem(seed, n_samples, n_inputs, n_hidden, n_outputs)
    if activation == "relu":  # relu has a kink at 0: finite differences across it are meaningless
        assume(np.abs(X @ params["W1"] + params["b1"]).min() > 1e-3)
    assert helpers.gradient_check(params, X, Y, activation, loss) < 1e-6


def test_gradient_check_catches_a_wrong_backward_pass(monkeypatch):
    params, X, Y = random_problem(0, 5, 3, 4, 2)
    assert helpers.gradient_check(params, X, Y) < 1e-6
    import helpers.gradcheck as gradcheck
    real_backward = gradcheck.backward_pass

    def forgets_the_slope(params, cache, Y, loss):  # a classic bug: delta1 = delta2 W2^T, without * f'(z1)
        grads = real_backward(params, cache, Y, loss)
        delta2 = (cache["output"] - Y) / Y.size  # the output error of bce, gradient_check's default loss
        delta1 = delta2 @ params["W2"].T  # the bug: never multiplied by the slope f'(z1)
        grads["W1"], grads["b1"] = cache["X"].T @ delta1, delta1.sum(axis=0)
        return grads

    monkeypatch.setattr(gradcheck, "backward_pass", forgets_the_slope)
    assert helpers.gradient_check(params, X, Y) > 1e-3


@pytest.mark.parametrize("loss", LOSSES)
def test_a_scaled_backward_pass_is_the_gradient_times_the_scale(loss):
    # gradient descent passes its learning rate as the scale: learning_rate * dL/dW in one go
    params, X, Y = random_problem(2, 5, 3, 4, 2)
    cache = forward_pass(params, X, "tanh")[1]
    grads = helpers.backward(params, cache, Y, loss)
    scaled = backward_pass(params, cache, Y, loss, scale=0.3)
    for name in grads:
        np.testing.assert_allclose(scaled[name], 0.3 * grads[name], rtol=1e-13, atol=1e-17)


def test_backward_returns_the_same_keys_and_shapes_as_params():
    params, X, Y = random_problem(1, 5, 3, 4, 2)
    grads = helpers.backward(params, helpers.forward(params, X)[1], Y)
    assert {k: v.shape for k, v in grads.items()} == {k: v.shape for k, v in params.items()}


def test_hidden_neurons_with_different_outgoing_weights_get_different_errors():
    # the key mechanism of the series: delta_j = (sum_k delta_k W2[j,k]) f'(z_j)
    params = helpers.init_params(2, 2, 1, "constant", value=0.5)
    params["W2"] = np.array([[1.0], [-1.0]])
    X, Y = helpers.data.logic_gate("xor")
    grads = helpers.backward(params, helpers.forward(params, X)[1], Y)
    np.testing.assert_allclose(grads["W1"][:, 0], -grads["W1"][:, 1], rtol=1e-12)
    assert np.abs(grads["W1"][:, 0]).max() > 1e-3


def test_accuracy_thresholds_at_one_half():
    assert helpers.accuracy(np.array([[0.6], [0.4], [0.51]]), np.array([1, 0, 0])) == pytest.approx(2 / 3)


def test_an_output_of_exactly_one_half_predicts_class_0():
    # "above 0.5 predicts 1": a network that cannot decide (zero weights give exactly 0.5) says 0
    assert helpers.accuracy(np.array([[0.5]]), np.array([0])) == 1.0
    assert helpers.accuracy(np.array([[0.5]]), np.array([1])) == 0.0


# --- bad input: every message names the argument, what was given and what is allowed ---

@pytest.mark.parametrize("call, error, message", [
    (lambda: helpers.init_params(2, 3, 1, init="ones"),
     ValueError, r"init must be one of 'zero', 'constant', 'random', 'xavier', 'he'; got 'ones'"),
    (lambda: helpers.init_params(2, 0, 1), ValueError, r"n_hidden must be at least 1; got 0"),
    (lambda: helpers.init_params(2, 2.5, 1), TypeError, r"n_hidden must be a whole number \(int\); got 2\.5"),
    (lambda: helpers.init_params(2, 3, 1, "random", scale=-1), ValueError, r"scale must be 0 or more; got -1"),
    (lambda: helpers.init_params(2, 3, 1, "constant", value=float("nan")),
     ValueError, r"value must be a finite number; got nan"),
    (lambda: helpers.forward(helpers.init_params(2, 3, 1), np.zeros(2)),
     ValueError, r"X must be 2-D \(one row per sample\); got an array of shape \(2,\)"),
    (lambda: helpers.forward(helpers.init_params(2, 3, 1), np.zeros((4, 3))),
     ValueError, r"X has 3 columns \(inputs\), but params\['W1'\] has shape \(2, 3\), which expects 2 inputs"),
    (lambda: helpers.forward(helpers.init_params(2, 3, 1), [[0, np.nan]]),
     ValueError, r"X must contain only finite numbers; it contains NaN or infinity"),
    (lambda: helpers.forward(helpers.init_params(2, 3, 1), [[0, 1]], activation="softmax"),
     ValueError, r"activation must be one of 'sigmoid', 'tanh', 'relu'; got 'softmax'"),
    (lambda:
     helpers.forward({"W1": np.zeros((2, 3)), "b1": np.zeros(4), "W2": np.zeros((3, 1)), "b2": np.zeros(1)}, [[0, 1]]),
     ValueError, r"params\['b1'\] has shape \(4,\), but W1 has shape \(2, 3\) so params\['b1'\] "
                 r"must have shape \(3,\)"),
    (lambda: helpers.forward({"W1": np.zeros((2, 3))}, [[0, 1]]),
     ValueError, r"params is missing \['b1', 'W2', 'b2'\]"),
    (lambda: helpers.forward([1, 2], [[0, 1]]), TypeError, r"params must be a dict"),
    (lambda: helpers.forward(helpers.init_params(2, 3, 1), [["a", "b"]]),
     TypeError, r"X must be an array of numbers; got \[\['a', 'b'\]\]"),
    (lambda: helpers.loss_value([[0.5]], [[0.5]], loss="hinge"),
     ValueError, r"loss must be one of 'bce', 'mse'; got 'hinge'"),
    (lambda: helpers.loss_value([[0.5], [0.5]], [[1.0]]),
     ValueError, r"Y must have one row per sample of output \(2 rows\); got 1 rows"),
    (lambda: helpers.loss_value([[0.5]], [[3.0]]),
     ValueError, r"Y must lie between 0 and 1 for the 'bce' loss; got values from 3 to 3"),
    (lambda: helpers.backward(helpers.init_params(2, 3, 1), {}, [[1.0]]),
     ValueError, r"cache must be the second value returned by forward"),
    (lambda:
     helpers.backward(helpers.init_params(2, 3, 1), helpers.forward(helpers.init_params(2, 3, 1), np.zeros((4, 2)))[1],
                      np.zeros((3, 1))),
     ValueError, r"Y must have one row per sample of X \(4 rows\); got 3 rows"),
    (lambda:
     helpers.backward(helpers.init_params(2, 3, 1), helpers.forward(helpers.init_params(2, 3, 1), np.zeros((4, 2)))[1],
                      np.zeros((4, 2))),
     ValueError, r"Y has shape \(4, 2\) but the network has 1 outputs, so Y must have shape \(4, 1\)"),
])
def test_bad_input_gets_a_clear_message(call, error, message):
    with pytest.raises(error, match=message):
        call()


# --- the output layer's own rule, and the scaled rules ---

def test_output_init_sets_the_output_layer_apart_and_none_means_the_same_rule():
    params = helpers.init_params(3, 4, 2, "constant", value=0.5, output_init="random", seed=3)
    assert np.all(params["W1"] == 0.5)
    np.testing.assert_array_equal(params["W2"], np.random.default_rng(3).normal(0, 1.0, size=(4, 2)))
    same = helpers.init_params(3, 4, 2, "constant", value=0.5, output_init=None)
    assert np.all(same["W2"] == 0.5)
    hidden_random = helpers.init_params(3, 4, 2, "random", seed=3, output_init="zero")
    assert np.all(hidden_random["W2"] == 0) and np.std(hidden_random["W1"]) > 0


@pytest.mark.parametrize("rule, n_in, n_out, variance", [
    ("xavier", 300, 100, 2 / 400), ("he", 300, 100, 2 / 300), ("random", 300, 100, 0.7**2)])
def test_scaled_rules_draw_with_their_variance(rule, n_in, n_out, variance):
    weights = helpers.layer_weights(n_in, n_out, rule, scale=0.7, rng=np.random.default_rng(0))
    assert weights.shape == (n_in, n_out)
    assert weights.var() == pytest.approx(variance, rel=0.03)  # 30,000 draws: ~1% standard error
    assert abs(weights.mean()) < 0.01


def test_bad_output_init_gets_a_clear_message():
    message = r"output_init must be one of 'zero', 'constant', 'random', 'xavier', 'he'; got 'glorot'"
    with pytest.raises(ValueError, match=message):
        helpers.init_params(2, 3, 1, output_init="glorot")


# --- the package's layering ---

def test_no_module_imports_another_modules_underscore_names():
    import ast
    import pathlib

    package = pathlib.Path(helpers.__file__).parent
    private = []
    for path in sorted(package.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("helpers"):
                private += [f"{path.name}: {alias.name}" for alias in node.names if alias.name.startswith("_")]
    assert private == []
