"""Tests for helpers.random_search: learning by trying random weight sets."""

import sys

import numpy as np
import pytest

import helpers
from helpers.data import seven_samples


def test_the_best_loss_never_rises_and_belongs_to_the_returned_weights():
    X, Y = seven_samples()
    result = helpers.random_search(X, Y, 3, n_tries=3_000, seed=1, chunk=700)
    assert result.best_loss.shape == (3_000,)
    assert np.all(np.diff(result.best_loss) <= 0)
    output, _ = helpers.forward(result.params, X)
    assert helpers.loss_value(output, Y, "mse") == pytest.approx(result.best_loss[-1], rel=1e-12)


def test_each_try_is_one_forward_pass_of_a_weight_set_drawn_with_the_seed():
    X, Y = seven_samples()
    result = helpers.random_search(X, Y, 2, n_tries=1, seed=4, scale=0.5, loss_name="bce", chunk=10)
    rng = np.random.default_rng([4, 0])
    drawn = {"W1": rng.normal(0, 0.5, (10, 2, 2)), "b1": rng.normal(0, 0.5, (10, 2)),
             "W2": rng.normal(0, 0.5, (10, 2, 1)), "b2": rng.normal(0, 0.5, (10, 1))}
    for name in drawn:
        np.testing.assert_array_equal(result.params[name], drawn[name][0])
    assert result.best_loss[0] == pytest.approx(helpers.loss_value(helpers.forward(result.params, X)[0], Y, "bce"))


def test_a_search_can_start_from_given_weights():
    X, Y = seven_samples()
    start = helpers.init_params(2, 3, 1, seed=9)
    result = helpers.random_search(X, Y, 3, n_tries=50, start=start)
    assert result.best_loss[0] == pytest.approx(helpers.loss_value(helpers.forward(start, X)[0], Y, "mse"))


def test_more_tries_never_do_worse_with_the_same_seed():
    X, Y = seven_samples()
    few = helpers.random_search(X, Y, 3, n_tries=200, seed=2)
    many = helpers.random_search(X, Y, 3, n_tries=5_000, seed=2)
    assert many.best_loss[-1] <= few.best_loss[-1]
    np.testing.assert_array_equal(many.best_loss[:200], few.best_loss)


@pytest.mark.parametrize("kwargs, message", [
    ({"n_tries": 0}, r"n_tries must be at least 1"), ({"scale": 0}, r"scale must be greater than 0"),
    ({"loss_name": "l1"}, r"loss_name must be one of 'bce', 'mse'"),
    ({"start": helpers.init_params(2, 4, 1)}, r"start has shapes .* but n_hidden=3"),
    ({"n_tries": 10**10}, r"n_tries must be at most 10,000,000"), ({"chunk": 10**9}, r"chunk must be at most 100,000"),
    ({"X": np.zeros(7)}, r"X must be 2-D"), ({"Y": np.zeros((3, 1))}, r"Y must have one row per sample of X"),
    ({"n_hidden": 0}, r"n_hidden must be at least 1"), ({"seed": -1}, r"seed must be at least 0"),
    ({"chunk": 0}, r"chunk must be at least 1"), ({"start": helpers.init_params(3, 3, 1)}, r"X has 2 columns"),
])
def test_bad_search_settings_name_their_argument(kwargs, message):
    X, Y = seven_samples()
    arguments = {"X": X, "Y": Y, "n_hidden": 3, **kwargs}
    with pytest.raises(ValueError, match=message):
        helpers.random_search(arguments.pop("X"), arguments.pop("Y"), arguments.pop("n_hidden"), **arguments)


@pytest.mark.parametrize("Y", [[[2.0]] * 7, [[-1.0]] * 7])
def test_bce_targets_outside_0_and_1_are_refused_instead_of_giving_a_negative_loss(Y):
    X, _ = seven_samples()
    with pytest.raises(ValueError, match=r"Y must lie between 0 and 1.*'bce'"):
        helpers.random_search(X, Y, 3, n_tries=10, loss_name="bce")
    assert helpers.random_search(X, Y, 3, n_tries=10, loss_name="mse").best_loss[-1] > 0


def test_one_try_draws_one_weight_set_not_a_whole_chunk(monkeypatch):
    drawn = []
    real_normal, real_default_rng = np.random.Generator.normal, np.random.default_rng

    class CountingGenerator:
        def __init__(self, seed):
            self.generator = real_default_rng(seed)

        def normal(self, loc, scale, size):
            drawn.append(int(np.prod(size)))
            return real_normal(self.generator, loc, scale, size)

    module = sys.modules["helpers.random_search"]  # helpers.random_search is the function of that name
    monkeypatch.setattr(module.np.random, "default_rng", CountingGenerator)
    X, Y = seven_samples()
    helpers.random_search(X, Y, 3, n_tries=1, chunk=100_000)
    assert max(drawn) <= module.DISCARD_PIECE  # never a whole chunk's weights at once (that was 1.3 million)


def test_the_last_short_chunk_draws_the_same_weight_sets_as_a_full_one():
    X, Y = seven_samples()
    full = helpers.random_search(X, Y, 3, n_tries=300, chunk=100, seed=1)
    short = helpers.random_search(X, Y, 3, n_tries=250, chunk=100, seed=1)
    np.testing.assert_array_equal(full.best_loss[:250], short.best_loss)


def draw_try(seed, k, scale, shapes):
    """Try k of a search with chunk=1: chunk k is that one try, drawn from default_rng([seed, k])."""
    rng = np.random.default_rng([seed, k])
    return {name: rng.normal(0.0, scale, size=(1,) + shape)[0] for name, shape in shapes.items()}


def test_the_defaults_are_the_documented_ones():
    X, Y = seven_samples()
    default = helpers.random_search(X, Y, 2)
    documented = helpers.random_search(X, Y, 2, n_tries=10_000, scale=1.0, seed=0, chunk=2_000, loss_name="mse")
    assert default.best_loss.shape == (10_000,)
    np.testing.assert_array_equal(default.best_loss, documented.best_loss)
    for name in documented.params:
        np.testing.assert_array_equal(default.params[name], documented.params[name])


def test_one_hidden_neuron_and_chunks_of_one_try_are_allowed():
    X, Y = seven_samples()
    shapes = {"W1": (2, 1), "b1": (1,), "W2": (1, 1), "b2": (1,)}
    result = helpers.random_search(X, Y, 1, n_tries=3, seed=5, chunk=1)
    losses = [helpers.loss_value(helpers.forward(draw_try(5, k, 1.0, shapes), X)[0], Y, "mse") for k in range(3)]
    np.testing.assert_allclose(result.best_loss, np.minimum.accumulate(losses), rtol=1e-12)


def test_of_equally_good_tries_the_first_is_kept():
    # weights of size 1000 saturate every output to exactly 0 or 1, so on XOR the mse loss is a
    # multiple of 1/4 and many tries tie; with chunk=1 each try is its own chunk
    X, Y = helpers.data.logic_gate("xor")
    shapes = {"W1": (2, 2), "b1": (2,), "W2": (2, 1), "b2": (1,)}
    result = helpers.random_search(X, Y, 2, n_tries=60, scale=1e3, seed=0, chunk=1)
    losses = np.array([helpers.loss_value(helpers.forward(draw_try(0, k, 1e3, shapes), X)[0], Y, "mse")
                       for k in range(60)])
    best = np.flatnonzero(losses == losses.min())
    assert len(best) > 1  # a real tie, or this test proves nothing
    for name, array in draw_try(0, best[0], 1e3, shapes).items():
        np.testing.assert_array_equal(result.params[name], array)


@pytest.mark.parametrize("loss", ["mse", "bce"])
def test_wild_draws_score_badly_without_warnings_or_nan(loss):
    # weights near 1e308 overflow their sums to infinity and NaN; such a try scores infinity
    X, Y = helpers.data.logic_gate("xor")
    result = helpers.random_search(X, Y, 2, n_tries=50, scale=1e308, loss_name=loss, chunk=10)
    assert not np.any(np.isnan(result.best_loss)) and np.isfinite(result.best_loss[-1])


def test_a_search_whose_every_draw_overflows_says_so_instead_of_returning_no_weights():
    # One try at scale 1e308 on XOR: its weighted sums overflow, so there is no best weight set.
    X, Y = helpers.data.logic_gate("xor")
    with pytest.raises(ValueError, match=r"all 1 weight sets drawn with scale=1e\+308 .* choose a smaller scale"):
        helpers.random_search(X, Y, 2, n_tries=1, scale=1e308, loss_name="bce")
