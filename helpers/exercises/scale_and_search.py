"""Checks for the exercises of notebook 06 · How big should the start be, and learning without
backpropagation.

    check_he_std(answer)                   the standard deviation He's rule gives a layer with 50 inputs
    check_tries_to_beat_backprop(answer)   forward passes random search needs to beat 100 epochs of backprop
    check_scaled_rule_verdict(answer)      the verdict on "Xavier/He make the random draw unimportant"

Each check prints one line of feedback and returns a Verdict (truthy when the answer is right).
"""

import math
from functools import lru_cache

import numpy as np

from helpers import init_params, random_search, train
from helpers.data import seven_samples
from helpers.exercises import (
    Verdict,
    as_number,
    as_whole_number,
    close,
    hint_for,
    never_raises,
    not_answered,
    right,
    shown,
    wrong,
)

# --- exercise 1: He's standard deviation ---------------------------------------------------------

_HE_INPUTS = 50
_STD_TOLERANCE = 1e-3  # an answer rounded to three decimals is right
_MISTAKE_TOLERANCE = 0.02  # relative: a common mistake is recognised even when rounded by hand


def _he_std() -> float:
    return math.sqrt(2 / _HE_INPUTS)


@never_raises
def check_he_std(answer) -> Verdict:
    """Exercise 1: the standard deviation He's rule gives the weights of a layer with 50 inputs,
    as a number (within 0.001)."""
    if answer is None:
        return not_answered("replace None with a number: the standard deviation He gives for n_in = 50.")
    value = as_number(answer)
    if value is None or not math.isfinite(value):
        return wrong(f"expected one number such as 0.5; got {shown(answer)}.")
    if close(value, _he_std(), absolute=_STD_TOLERANCE):
        return right(f"He's variance is 2 / n_in = 2 / {_HE_INPUTS} = {2 / _HE_INPUTS:g}, and its square root "
                     f"is {_he_std():g}.")
    if value < 0:
        return wrong("a standard deviation is never negative. He's variance is 2 / n_in; take its square root.")
    mistakes = [
        (2 / _HE_INPUTS, f"{2 / _HE_INPUTS:g} is the variance 2 / n_in. The standard deviation is its square root."),
        (math.sqrt(1 / _HE_INPUTS), "sqrt(1 / n_in) is LeCun's rule. He doubles the variance, because a ReLU "
                                    "sets half of its inputs to 0."),
        (1 / _HE_INPUTS, "1 / n_in is LeCun's variance. He's variance is 2 / n_in; then take the square root."),
    ]
    return wrong(hint_for(value, mistakes, f"He's variance is 2 / n_in with n_in = {_HE_INPUTS}. The standard "
                                           "deviation is the square root of the variance.",
                          relative=_MISTAKE_TOLERANCE))


# --- exercise 2: when does random search catch up? -----------------------------------------------

_SEARCH_SCALE = 3.0
_BACKPROP_RATE = 5.0
_BACKPROP_EPOCHS = 100
_N_TRIES = 100_000


@lru_cache(maxsize=1)
def _passes_to_beat_backprop() -> int:
    """The forward pass (1-based) at which random search at scale 3 (seed 0, start = the 2-3-1
    start of seed 0) first gets strictly below the loss backpropagation reaches after 100 epochs
    (learning rate 5, mean squared error) on the seven samples."""
    X, Y = seven_samples()
    start = init_params(2, 3, 1, seed=0)
    history = train(X, Y, start, loss_name="mse", learning_rate=_BACKPROP_RATE, epochs=_BACKPROP_EPOCHS)
    search = random_search(X, Y, 3, n_tries=_N_TRIES, scale=_SEARCH_SCALE, seed=0, start=start)
    below = np.flatnonzero(search.best_loss < history.loss[-1])
    if below.size == 0:  # not expected: the notebook's numbers show it happens well within the budget
        raise RuntimeError("random search did not beat backpropagation within the budget")
    return int(below[0]) + 1


@never_raises
def check_tries_to_beat_backprop(answer) -> Verdict:
    """Exercise 2: the number of forward passes random search (scale 3) needs to get strictly below
    backpropagation's loss after 100 epochs, as a whole number (try k is forward pass k + 1)."""
    if answer is None:
        return not_answered("replace None with a whole number: the forward pass at which the search "
                            "first gets below backpropagation's loss after 100 epochs.")
    value = as_whole_number(answer)
    if value is None:
        return wrong(f"expected a whole number of forward passes such as 250; got {shown(answer)}.")
    if value < 1:
        return wrong("a count of forward passes is at least 1 (try 0, the start, is forward pass 1).")
    if value > _N_TRIES:
        return wrong(f"the search in the notebook makes {_N_TRIES:,} tries, and it gets below backpropagation "
                     "within them: look for the first one.")
    needed = _passes_to_beat_backprop()
    backprop_cost = 1 + 3 * _BACKPROP_EPOCHS
    if value == needed:
        verdict = "fewer" if needed < backprop_cost else "more"
        return right(f"the search needs {needed:,} forward passes, {verdict} than the {backprop_cost} that "
                     "100 epochs of backpropagation cost. Compare the plot: after that, backpropagation "
                     "pulls far ahead.")
    mistakes = {needed - 1: "off by one: you gave the index k of the try; try k is forward pass k + 1 "
                            "(try 0 is the first forward pass, the start)."}
    return wrong(hint_for(value, mistakes, "take backprops[5.0].loss[100], find the first index where "
                                           "searches[3.0].best_loss is strictly below it "
                                           "(np.flatnonzero(...)[0]), and add 1."))


# --- exercise 3: a verdict on the scaled rules ---------------------------------------------------

_VERDICTS = ("holds", "holds with a caveat", "does not hold in general")
_ALIASES = {"does not hold": "does not hold in general", "doesn't hold": "does not hold in general",
            "doesn't hold in general": "does not hold in general", "holds with caveat": "holds with a caveat"}


def _scaled_rule_verdict() -> str:
    # Xavier and He only set the spread of a random draw; without the draw, a start of that size
    # is a constant start, whose neurons stay identical (notebook 04).
    return _VERDICTS[2]


def _answer_key() -> dict:
    return {"check_he_std": _he_std(), "check_tries_to_beat_backprop": _passes_to_beat_backprop(),
            "check_scaled_rule_verdict": _scaled_rule_verdict()}


def _as_verdict(answer) -> str | None:
    """The answer as one of the three verdicts, or None."""
    if not isinstance(answer, str):
        return None
    text = " ".join(answer.lower().replace("\u2019", "'").split()).strip("\"'").rstrip(".").strip()
    text = _ALIASES.get(text, text)
    return text if text in _VERDICTS else None


@never_raises
def check_scaled_rule_verdict(answer) -> Verdict:
    """Exercise 3: your verdict on "with Xavier or He the weights have the right size, so the random
    draw itself no longer matters", as one of the three verdict strings of the notebook."""
    if answer is None:
        return not_answered('replace None with one of "holds", "holds with a caveat", "does not hold in general".')
    verdict = _as_verdict(answer)
    if verdict is None:
        return wrong(f'expected one of the strings "holds", "holds with a caveat" or "does not hold in general"; '
                     f"got {shown(answer)}.")
    if verdict == _scaled_rule_verdict():
        return right("Xavier and He are random rules: they only choose the standard deviation of the draw. The "
                     "size keeps the signal healthy; the randomness still breaks the symmetry. Every weight "
                     "equal to that size is a constant start, and its neurons stay identical (notebook 04).")
    return wrong("Xavier and He choose the standard deviation of a random draw. Imagine every weight set to "
                 "exactly that standard deviation, the right size but the same number everywhere: how many "
                 "distinct hidden neurons would training leave (notebook 04)?")
