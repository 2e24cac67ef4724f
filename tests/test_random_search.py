"""Tests for helpers.random_search: learning by trying random weight sets."""

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
    result = helpers.random_search(X, Y, 2, n_tries=1, seed=4, scale=0.5, loss="bce", chunk=10)
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
    ({"n_tries": 0}, r"n_tries must be at least 1; got 0"),
    ({"scale": 0}, r"scale must be greater than 0; got 0\.0"),
    ({"loss": "l1"}, r"loss must be one of 'bce', 'mse'; got 'l1'"),
    ({"start": helpers.init_params(2, 4, 1)}, r"start has shapes .* but n_hidden=3"),
])
def test_bad_search_settings_get_a_clear_message(kwargs, message):
    X, Y = seven_samples()
    with pytest.raises(ValueError, match=message):
        helpers.random_search(X, Y, 3, **kwargs)
