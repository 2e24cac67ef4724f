"""The contract of every public math function: hostile input gets a ValueError or TypeError that
names the argument, never a numpy traceback from inside, a warning, a hang or a silent answer.

Every function below is called with good arguments except one, which gets each hostile value of
its kind in turn (wrong types, NaN, wrong shapes, empty, huge)."""

import re
from fractions import Fraction

import numpy as np
import pytest

import helpers
from helpers import data
from helpers.validation import _describe

X, Y = data.logic_gate("xor")
PARAMS = helpers.init_params(2, 3, 1, seed=0)
OUTPUT, CACHE = helpers.forward(PARAMS, X)
HISTORY = helpers.train(X, Y, PARAMS, epochs=4, record_every=2)


class ReprFails:
    def __repr__(self):
        raise RuntimeError("no repr")


A_STACK = np.zeros((4, 2, 1))  # hostile for X, but a stack of snapshots for smallest_neuron_distance
OTHER_NETWORK = helpers.init_params(5, 3, 1, seed=0)  # does not fit X, but is a network by itself

# Hostile values by the kind of argument. "array" arguments also get the wrong shape (below).
WRONG_TYPES = ["text", b"bytes", 1 + 2j, [1, "2"], {"a": 1}, ReprFails()]
HOSTILE = {
    "array": WRONG_TYPES[:1] + [[["1.5", "2"]], [[1 + 2j, 0.0]], np.full((4, 2), np.nan), np.zeros((0, 2)),
                                A_STACK, [[10**400, 0.0]], [[0.0, 1.0], [1.0]], None, ReprFails()],
    "params": WRONG_TYPES + [None, {}, {**PARAMS, "W1": np.full((2, 3), np.inf)}, {**PARAMS, "b1": np.zeros(4)},
                             {**PARAMS, "W2": "W2"}, OTHER_NETWORK],
    "count": WRONG_TYPES + [None, 2.5, np.float64(2.0), True, -1, 10**12],
    "seed": WRONG_TYPES + [2.5, True, -1],
    "number": WRONG_TYPES + [None, float("nan"), float("inf"), 10**400, Fraction(10**400)],
    "positive": WRONG_TYPES + [None, float("nan"), -1.0, 0.0, 10**400],
    "name": WRONG_TYPES + [None, 3, "Sigmoid", ""],
    "cache": WRONG_TYPES + [None, {}, {**CACHE, "z1": np.zeros((4, 5))}, {**CACHE, "X": np.zeros((4, 3))}],
}

# function, its good arguments, and the kind of each argument that is checked
CONTRACTS = {
    "init_params": (helpers.init_params, dict(n_inputs=2, n_hidden=3, n_outputs=1, init="random", value=0.5,
                                               scale=1.0, seed=0, output_init="zero"),
                    dict(n_inputs="count", n_hidden="count", n_outputs="count", init="name", value="number",
                         scale="number", seed="seed", output_init="name")),
    "layer_weights": (helpers.layer_weights, dict(n_in=2, n_out=3, rule="random", value=0.5, scale=1.0, rng=None),
                      dict(n_in="count", n_out="count", rule="name", value="number", scale="number")),
    "forward": (helpers.forward, dict(params=PARAMS, X=X, activation="sigmoid"),
                dict(params="params", X="array", activation="name")),
    "backward": (helpers.backward, dict(params=PARAMS, cache=CACHE, Y=Y, loss_name="bce"),
                 dict(params="params", cache="cache", Y="array", loss_name="name")),
    "loss_value": (helpers.loss_value, dict(output=OUTPUT, Y=Y, loss_name="bce"),
                   dict(output="array", Y="array", loss_name="name")),
    "accuracy": (helpers.accuracy, dict(output=OUTPUT, Y=Y), dict(output="array", Y="array")),
    "train": (helpers.train, dict(X=X, Y=Y, params=PARAMS, activation="tanh", loss_name="bce", learning_rate=0.5,
                                  epochs=3, record_every=1),
              dict(X="array", Y="array", params="params", activation="name", loss_name="name",
                   learning_rate="positive", epochs="count", record_every="count")),
    "train_in_batches": (helpers.train_in_batches,
                         dict(X=X, Y=Y, params=PARAMS, batch_size=2, shuffle_seed=0, dropout=0.1, dropout_seed=0,
                              activation="tanh", loss_name="bce", learning_rate=0.5, epochs=3, record_every=1),
                         dict(X="array", Y="array", params="params", batch_size="count", shuffle_seed="seed",
                              dropout="positive",
                              dropout_seed="seed", activation="name", loss_name="name", learning_rate="positive",
                              epochs="count", record_every="count")),
    "gradient_check": (helpers.gradient_check, dict(params=PARAMS, X=X, Y=Y, activation="sigmoid", loss_name="bce",
                                                     eps=1e-6),
                       dict(params="params", X="array", Y="array", activation="name", loss_name="name",
                            eps="positive")),
    "numerical_gradient": (helpers.numerical_gradient, dict(params=PARAMS, X=X, Y=Y, activation="sigmoid",
                                                             loss_name="bce", eps=1e-6),
                           dict(params="params", X="array", Y="array", activation="name", loss_name="name",
                                eps="positive")),
    "random_search": (helpers.random_search, dict(X=X, Y=Y, n_hidden=3, n_tries=20, scale=1.0, seed=0,
                                                   activation="sigmoid", loss_name="mse", start=PARAMS, chunk=7),
                      dict(X="array", Y="array", n_hidden="count", n_tries="count", scale="positive", seed="seed",
                           activation="name", loss_name="name", start="params", chunk="count")),
    "count_distinct_neurons": (helpers.count_distinct_neurons, dict(params=PARAMS, atol=1e-9),
                               dict(params="params", atol="number")),
    "largest_neuron_difference": (helpers.largest_neuron_difference, dict(params=PARAMS), dict(params="params")),
    "smallest_neuron_distance": (helpers.smallest_neuron_distance, dict(W1=PARAMS["W1"]), dict(W1="array")),
    "perceptron_train": (helpers.perceptron_train, dict(X=X, y=Y[:, 0], learning_rate=1.0, epochs=5, seed=0),
                         dict(X="array", y="array", learning_rate="positive", epochs="count", seed="seed")),
    "perceptron_predict": (helpers.perceptron_predict, dict(weights=np.ones(2), bias=0.5, X=X),
                           dict(weights="array", bias="number", X="array")),
    "History.params_at": (HISTORY.params_at, dict(record=1), dict(record="seed")),
    "History.params_at_epoch": (HISTORY.params_at_epoch, dict(epoch=2), dict(epoch="seed")),
    "data.logic_gate": (data.logic_gate, dict(name="xor"), dict(name="name")),
    "data.two_moons": (data.two_moons, dict(n_samples=20, noise=0.1, seed=0),
                       dict(n_samples="count", noise="number", seed="seed")),
    "data.circles": (data.circles, dict(n_samples=20, noise=0.1, seed=0, factor=0.5),
                     dict(n_samples="count", noise="number", seed="seed", factor="positive")),
    "data.load": (data.load, dict(name="moons", n_samples=20, noise=0.1, seed=0),
                  dict(name="name", n_samples="count", noise="number", seed="seed")),
}

# Values that are not hostile for one particular argument: the function accepts them on purpose.
ALLOWED = {("init_params", "seed"): [None], ("init_params", "output_init"): [None],
           ("train_in_batches", "shuffle_seed"): [None], ("random_search", "start"): [None],
           ("History.params_at", "record"): [-1], ("train", "record_every"): [10**12],
           ("train_in_batches", "record_every"): [10**12], ("train_in_batches", "dropout"): [0.0],
           ("train_in_batches", "batch_size"): [10**12],
           ("count_distinct_neurons", "params"): [OTHER_NETWORK],
           ("largest_neuron_difference", "params"): [OTHER_NETWORK],
           ("smallest_neuron_distance", "W1"): [A_STACK]}


def allowed(function_name, argument, value):
    return any(value is ok or (np.isscalar(ok) and type(value) is type(ok) and value == ok)
               for ok in ALLOWED.get((function_name, argument), []))


CASES = [pytest.param(function_name, argument, value, id=f"{function_name}-{argument}-{index}")
         for function_name, (_, _, kinds) in CONTRACTS.items() for argument, kind in kinds.items()
         for index, value in enumerate(HOSTILE[kind]) if not allowed(function_name, argument, value)]


@pytest.mark.parametrize("function_name, argument, value", CASES)
def test_every_public_math_function_refuses_hostile_input_naming_the_argument(function_name, argument, value):
    function, good, _ = CONTRACTS[function_name]
    with pytest.raises((ValueError, TypeError)) as error:
        function(**{**good, argument: value})
    assert type(error.value) in (ValueError, TypeError), "a numpy error type leaked through"
    assert re.search(rf"\b{re.escape(argument)}\b", str(error.value)), f"{argument!r} is not named: {error.value}"


@pytest.mark.parametrize("function_name", CONTRACTS)
def test_the_good_arguments_of_the_contract_are_accepted(function_name):
    function, good, _ = CONTRACTS[function_name]
    function(**good)  # so that every refusal above is the hostile value's doing


def test_a_value_whose_repr_fails_is_still_described():
    assert _describe(ReprFails()) == "a ReprFails"
    long = _describe("x" * 100)
    assert len(long) == 60 and long.endswith("...")
