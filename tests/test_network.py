"""Tests for helpers.network: the starting weights, the activation and loss tables, the forward and
backward pass, the update, and what the checked functions refuse."""

import numpy as np
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import helpers
from helpers.network import ACTIVATIONS as ACTIVATION_TABLE
from helpers.network import LOSSES as LOSS_TABLE
from helpers.network import (
    PARAM_NAMES,
    backward_pass,
    bce,
    forward_pass,
    gradient_descent_step,
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


def activate(z, name):
    return ACTIVATION_TABLE[name].function(z)


def activation_slope(z, a, name):
    return ACTIVATION_TABLE[name].slope(z, a)


def test_every_activation_and_loss_is_a_named_pair_in_one_table_and_an_unknown_name_is_an_error():
    assert list(ACTIVATION_TABLE) == ACTIVATIONS and list(LOSS_TABLE) == LOSSES
    assert ACTIVATION_TABLE["sigmoid"].function is sigmoid and ACTIVATION_TABLE["tanh"].function is np.tanh
    assert LOSS_TABLE["bce"].value is bce and LOSS_TABLE["mse"].value is mse
    with pytest.raises(KeyError):  # inside: a KeyError, never silently another activation
        activate(np.zeros(2), "softmax")
    with pytest.raises(KeyError):
        hidden_layer(helpers.init_params(1, 2, 1), np.zeros((3, 1)), "Relu")


def test_unknown_activations_are_rejected_at_every_public_door():
    X, Y = helpers.data.logic_gate("xor")
    params = helpers.init_params(2, 3, 1, seed=0)
    message = r"activation must be one of 'sigmoid', 'tanh', 'relu'; got 'softplus'"
    for call in (lambda: helpers.forward(params, X, "softplus"),
                 lambda: helpers.train(X, Y, params, activation="softplus"),
                 lambda: helpers.train_in_batches(X, Y, params, batch_size=2, activation="softplus"),
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
            from_the_pass = loss_from_cache(cache, Y, loss)
            assert helpers.loss_value(output, Y, loss) == pytest.approx(from_the_pass, rel=1e-13)


def test_bce_on_logits_equals_the_textbook_formula_where_it_is_well_conditioned():
    z2 = np.array([[-3.0, 0.5], [2.0, -0.25]])
    Y = np.array([[0.0, 1.0], [1.0, 0.3]])
    p = 1 / (1 + np.exp(-z2))
    textbook = -np.mean(Y * np.log(p) + (1 - Y) * np.log(1 - p))
    assert float(bce(z2, p, Y)) == pytest.approx(textbook, rel=1e-14)
    assert float(mse(z2, p, Y)) == pytest.approx(np.mean((p - Y) ** 2), rel=1e-14)


def test_each_loss_averages_plainly_over_every_entry():
    z2 = np.array([[-1.0, 2.0], [0.5, 3.0], [-2.0, 0.0]])
    Y = np.array([[0.0, 1.0], [1.0, 0.25], [0.5, 0.0]])
    output = 1 / (1 + np.exp(-z2))
    entries_bce = [np.log1p(np.exp(z)) - y * z for z, y in zip(z2.ravel(), Y.ravel(), strict=True)]
    assert bce(z2, output, Y) == pytest.approx(sum(entries_bce) / 6, rel=1e-14)
    assert mse(z2, output, Y) == pytest.approx(sum((output.ravel() - Y.ravel()) ** 2) / 6, rel=1e-14)


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

    def forgets_the_slope(params, cache, Y, loss_name):  # a classic bug: delta1 = delta2 W2^T, without * f'(z1)
        grads = real_backward(params, cache, Y, loss_name)
        delta2 = (cache["output"] - Y) / Y.size  # the output error of bce, gradient_check's default loss
        delta1 = delta2 @ params["W2"].T  # the bug: never multiplied by the slope f'(z1)
        grads["W1"], grads["b1"] = cache["X"].T @ delta1, delta1.sum(axis=0)
        return grads

    monkeypatch.setattr(gradcheck, "backward_pass", forgets_the_slope)
    assert helpers.gradient_check(params, X, Y) > 1e-3


@pytest.mark.parametrize("loss", LOSSES)
def test_the_output_error_is_the_derivative_of_the_mean_loss_with_respect_to_z2(loss):
    rng = np.random.default_rng(4)
    z2, Y = rng.normal(size=(5, 2)), rng.uniform(size=(5, 2))
    step = 1e-6
    numerical = np.zeros_like(z2)
    for index in np.ndindex(z2.shape):
        plus, minus = z2.copy(), z2.copy()
        plus[index] += step
        minus[index] -= step
        numerical[index] = (LOSS_TABLE[loss].value(plus, sigmoid(plus), Y)
                            - LOSS_TABLE[loss].value(minus, sigmoid(minus), Y)) / (2 * step)
    np.testing.assert_allclose(LOSS_TABLE[loss].error(sigmoid(z2), Y), numerical, rtol=1e-6, atol=1e-10)


def test_the_backward_pass_reads_as_notebook_03s_equations():
    params, X, Y = random_problem(2, 5, 3, 4, 2)
    cache = forward_pass(params, X, "tanh")[1]
    delta2 = (cache["output"] - Y) / Y.size
    delta1 = (delta2 @ params["W2"].T) * (1 - np.tanh(X @ params["W1"] + params["b1"]) ** 2)
    expected = {"W1": X.T @ delta1, "b1": delta1.sum(axis=0), "W2": cache["hidden"].T @ delta2,
                "b2": delta2.sum(axis=0)}
    grads = backward_pass(params, cache, Y, "bce")
    for name in PARAM_NAMES:
        np.testing.assert_allclose(grads[name], expected[name], rtol=1e-13, atol=1e-16)


def test_a_gradient_descent_step_moves_every_weight_against_its_gradient_and_keeps_the_old_weights():
    params, X, Y = random_problem(2, 5, 3, 4, 2)
    before = {name: array.copy() for name, array in params.items()}
    grads = {name: np.full_like(array, 2.0) for name, array in params.items()}
    stepped = gradient_descent_step(params, grads, 0.25)
    for name in PARAM_NAMES:
        np.testing.assert_array_equal(stepped[name], before[name] - 0.5)
        np.testing.assert_array_equal(params[name], before[name])


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


# --- layer_weights and init_params: defaults ---

def test_layer_weights_defaults_to_normal_draws_with_standard_deviation_one_from_the_given_rng():
    weights = helpers.layer_weights(3, 4, rng=np.random.default_rng(5))
    np.testing.assert_array_equal(weights, np.random.default_rng(5).normal(0.0, 1.0, size=(3, 4)))


def test_layer_weights_without_an_rng_draws_fresh_weights_each_call():
    first, second = helpers.layer_weights(30, 20), helpers.layer_weights(30, 20)
    assert first.shape == second.shape == (30, 20)
    assert np.all(np.isfinite(first)) and not np.array_equal(first, second)


def test_constant_weights_default_to_one_half():
    assert np.all(helpers.layer_weights(2, 3, "constant") == 0.5)
    params = helpers.init_params(2, 3, 1, "constant")
    assert np.all(params["W1"] == 0.5) and np.all(params["W2"] == 0.5)


def test_constant_and_zero_layers_follow_their_value():
    np.testing.assert_array_equal(helpers.layer_weights(2, 3, "constant", value=-1.25), np.full((2, 3), -1.25))
    np.testing.assert_array_equal(helpers.layer_weights(3, 2, "zero", value=7.0), np.zeros((3, 2)))


def test_a_layer_of_one_weight_is_allowed():
    assert helpers.layer_weights(1, 1, "constant", value=2.0).tolist() == [[2.0]]
    assert helpers.init_params(1, 1, 1, "zero")["W2"].shape == (1, 1)


def test_a_fraction_as_value_or_scale_is_a_number_and_a_string_is_refused_before_anything_is_drawn():
    from fractions import Fraction

    assert np.all(helpers.init_params(2, 3, 1, "constant", value=Fraction(1, 4))["W1"] == 0.25)
    assert helpers.init_params(2, 3, 1, scale=Fraction(1, 2), seed=0)["W1"].std() > 0
    with pytest.raises(TypeError, match=r"value must be a number; got '0.5'"):
        helpers.init_params(2, 3, 1, "constant", value="0.5")
    with pytest.raises(ValueError, match=r"scale must be a finite number"):
        helpers.init_params(2, 3, 1, scale=10**400)


# --- accuracy: the same threshold for predictions and targets ---

def test_a_soft_target_of_exactly_one_half_counts_as_class_0_like_an_output_of_one_half():
    assert helpers.accuracy(np.array([[0.5], [0.7]]), np.array([[0.5], [0.5]])) == 0.5
    assert helpers.accuracy(np.array([[0.2, 0.9]]), np.array([[0.5, 0.51]])) == 1.0


# --- what the checked functions refuse, beyond types and shapes (see test_validation.py) ---

def test_backward_refuses_bce_targets_outside_0_and_1_but_mse_takes_them():
    X, Y = helpers.data.logic_gate("xor")
    params = helpers.init_params(2, 3, 1, seed=0)
    cache = helpers.forward(params, X)[1]
    with pytest.raises(ValueError, match=r"Y must lie between 0 and 1.*got values from 0 to 2.*'bce'"):
        helpers.backward(params, cache, 2 * Y)
    assert helpers.backward(params, cache, 2 * Y, loss_name="mse")["W1"].shape == (2, 3)


@pytest.mark.parametrize("function", [helpers.loss_value, helpers.accuracy])
def test_loss_value_and_accuracy_refuse_outputs_outside_0_and_1(function):
    with pytest.raises(ValueError, match=r"output must lie between 0 and 1; got values from -0.5 to 1"):
        function([[-0.5], [1.0]], [[0.0], [1.0]])
    with pytest.raises(ValueError, match=r"output must lie between 0 and 1; got values from 0.2 to 3"):
        function([[0.2], [3.0]], [[0.0], [1.0]])


@pytest.mark.parametrize("function", [helpers.loss_value, helpers.accuracy])
def test_loss_value_and_accuracy_refuse_targets_of_another_shape_instead_of_broadcasting(function):
    with pytest.raises(ValueError, match=r"Y has shape \(3, 1\) but output has shape \(3, 2\)"):
        function(np.full((3, 2), 0.5), [[1.0], [0.0], [1.0]])


def test_accuracy_refuses_targets_outside_0_and_1():
    with pytest.raises(ValueError, match=r"Y must lie between 0 and 1; got values from 0 to 2"):
        helpers.accuracy([[0.7], [0.2]], [[2.0], [0.0]])


@pytest.mark.parametrize("X, given", [([["1.5", "2"]], r"\[\['1.5', '2'\]\]"),
                                      ([[1 + 2j, 0.0]], r"\[\[\(1\+2j\), 0.0\]\]"),
                                      (np.array([[1.5, 2.0]], dtype=complex), "an array of shape")])
def test_forward_refuses_strings_and_complex_numbers_instead_of_parsing_or_dropping_them(X, given):
    with pytest.raises(TypeError, match=rf"X must be an array of real numbers \(int or float\); got {given}"):
        helpers.forward(helpers.init_params(2, 3, 1, seed=0), X)


def test_forward_takes_whole_numbers_booleans_and_fractions_as_numbers():
    from fractions import Fraction

    params = helpers.init_params(2, 3, 1, seed=0)
    expected = helpers.forward(params, [[1.0, 0.5]])[0]
    for X in ([[1, Fraction(1, 2)]], np.array([[1, 0.5]], dtype=object)):
        np.testing.assert_array_equal(helpers.forward(params, X)[0], expected)
    np.testing.assert_array_equal(helpers.forward(params, [[True, False]])[0], helpers.forward(params, [[1, 0]])[0])


def test_backward_with_the_cache_of_another_network_says_so():
    X, Y = helpers.data.logic_gate("xor")
    three = helpers.init_params(2, 3, 1, seed=0)
    five = helpers.init_params(2, 5, 1, seed=0)
    with pytest.raises(ValueError, match=r"cache does not belong to this network: cache\['z1'\] .* shape \(4, 5\)"):
        helpers.backward(five, helpers.forward(three, X)[1], Y)
    two_outputs = helpers.init_params(2, 3, 2, seed=0)
    with pytest.raises(ValueError, match=r"cache\['z2'\] should have shape \(4, 2\)"):
        helpers.backward(two_outputs, helpers.forward(three, X)[1], np.hstack([Y, Y]))


def test_backward_needs_the_whole_cache_of_forward():
    X, Y = helpers.data.logic_gate("xor")
    params = helpers.init_params(2, 3, 1, seed=0)
    cache = helpers.forward(params, X)[1]
    for missing in ("z1", "z2", "X", "activation"):
        with pytest.raises(ValueError, match=r"cache must be the second value returned by forward\(params, X\)"):
            helpers.backward(params, {key: value for key, value in cache.items() if key != missing}, Y)
    with pytest.raises(ValueError, match=r"cache\['activation'\] must be one of 'sigmoid', 'tanh', 'relu'"):
        helpers.backward(params, {**cache, "activation": "step"}, Y)
