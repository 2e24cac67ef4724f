"""Checks for the exercises of notebook 05 · Beyond the textbook answer.

    check_which_break(answer)            which settings break the symmetry of a constant start?
    check_shared_outgoing_count(answer)  count_distinct_neurons after training the start of the second exercise
    check_growth_factor(answer)          the growth factor per 100 epochs of a measured difference

Each check prints one line of feedback and returns a Verdict (truthy when the answer is right).
"""

import math
from functools import lru_cache

import numpy as np

from helpers import count_distinct_neurons, init_params, train
from helpers.data import logic_gate
from helpers.exercises import (
    Verdict,
    answer_check,
    as_number,
    close,
    grade_count,
    grade_labels,
    hint_for,
    right,
    shown,
    wrong,
)

# --- exercise 1: which settings break the symmetry? ----------------------------------------------

# The seven settings of the notebook's table, and for each setting that keeps the symmetry, why.
_LABELS = ("A", "B", "C", "D", "E", "F", "G")
_KEEPS = {
    "B": "B keeps it: every neuron sees the same mini-batch at every step, so the induction step "
         "of notebook 04 works step by step, whichever samples are in the batch.",
    "E": "E keeps it: the learning rate multiplies every neuron's (equal) gradient by the same number.",
    "F": "F keeps it: tanh changes f and f', but every neuron uses the same f and f'.",
    "G": "G keeps it in exact arithmetic: more epochs only repeat identical updates more often "
         "(rounding errors are another matter: section 3.4).",
}


def _breakers() -> frozenset:
    return frozenset(_LABELS) - frozenset(_KEEPS)


@answer_check(unanswered='replace None with a set of labels, e.g. {"A", "B"}.')
def check_which_break(answer) -> Verdict:
    """Exercise 1: the set of settings (labels A-G) that make the hidden neurons of a constant
    start differ, in exact arithmetic, in any container or spelling ({"A", "B"}, ["a", "b"],
    "A, B", "AB")."""
    def missed(count: int) -> str:
        settings, verb = ("settings", "break") if count > 1 else ("setting", "breaks")
        return (f"You missed {count} {settings} that {verb} it: ask of each setting whether it gives one "
                "neuron a number of its own (a weight, a random mask, a tiny nudge), however small.")

    return grade_labels(
        answer, _LABELS, _breakers(),
        praise="A, C and D each give some neuron something of its own: its own dropout mask, its own "
               "outgoing weight, its own nudge. B, E, F and G treat every neuron alike, so identical "
               "neurons stay identical.",
        chosen_wrongly=lambda labels: " ".join(_KEEPS[label] for label in labels),
        missed=missed)


# --- exercise 2: neurons that share their outgoing weight -----------------------------------------

_SHARED_OUTGOING_W2 = (0.3, -0.2, 0.3, 0.5, -0.2)  # the notebook's W2, one entry per hidden neuron


@lru_cache(maxsize=1)
def _shared_outgoing_count() -> int:
    """What training the notebook's 2-5-1 start on XOR for 1000 epochs leaves (exercise 2)."""
    X, Y = logic_gate("xor")
    start = init_params(2, 5, 1, init="constant", value=0.5)
    start["W2"] = np.array(_SHARED_OUTGOING_W2).reshape(-1, 1)
    trained = train(X, Y, start, learning_rate=1.0, epochs=1000, record_every=1000)
    return count_distinct_neurons(trained.params)


@answer_check(unanswered="replace None with a whole number: your prediction of count_distinct_neurons.")
def check_shared_outgoing_count(answer) -> Verdict:
    """Exercise 2: your prediction of count_distinct_neurons after training the notebook's 2-5-1
    start (incoming weights all 0.5, biases 0, outgoing weights as in the notebook) on XOR."""
    return grade_count(
        answer, n_hidden=5, example=2, right_count=_shared_outgoing_count(),
        praise="Neurons 1 and 3 start equal in every number (incoming weights, bias, outgoing weight), "
               "and so do neurons 2 and 5: those pairs stay pairs. Neuron 4 is on its own. Three groups.",
        mistakes={
            1: "the outgoing weights are not all equal, and neuron j's error signal delta_j uses its own outgoing "
               "weight W2[j]: neurons with different W2[j] get different updates.",
            5: "look at W2 again: are all five outgoing weights different? Two neurons that agree in incoming "
               "weights, bias and outgoing weight get identical updates for ever.",
        },
        otherwise="a group is a set of neurons that agree in every number: incoming weights, bias and outgoing "
                  "weight. The first two are the same for all five, so count the different values in W2.")


# --- exercise 3: the growth factor ----------------------------------------------------------------

_GROWTH_EPOCHS = (500, 1500)
_GROWTH_DIFFERENCES = (3.0e-15, 4.0e-12)
_RELATIVE_TOLERANCE = 0.03  # two digits are enough, as the notebook says


def _growth_factor() -> float:
    (start, end), (early, late) = _GROWTH_EPOCHS, _GROWTH_DIFFERENCES
    return (late / early) ** (100 / (end - start))


def _answer_key() -> dict:
    return {"check_which_break": _breakers(), "check_shared_outgoing_count": _shared_outgoing_count(),
            "check_growth_factor": _growth_factor()}


@answer_check(unanswered="replace None with a number: the growth factor per 100 epochs.")
def check_growth_factor(answer) -> Verdict:
    """Exercise 3: the factor by which the difference grows per 100 epochs, from the two
    differences measured in the notebook, as a number (two digits are enough)."""
    value = as_number(answer)
    if value is None or not math.isfinite(value):
        return wrong(f"expected one number such as 1.5; got {shown(answer)}.")
    factor = _growth_factor()
    early, late = _GROWTH_DIFFERENCES
    total = late / early
    if close(value, factor, relative=_RELATIVE_TOLERANCE):
        return right(f"The difference grew by {total:.0f} times in 1000 epochs, that is ten stretches of 100 "
                     f"epochs, each multiplying it by {factor:.2f}: ({late:.1e} / {early:.1e}) ** (1/10).")
    mistakes = [
        (total, "that is the growth over all 1000 epochs. Per 100 epochs: which number, multiplied by itself "
                "ten times, gives it?"),
        (total / 10, "growth multiplies, it does not add: ten equal stretches of 100 epochs mean ten equal "
                     "factors, so take the tenth root of the total ratio, not a tenth of it."),
        (total ** 0.2, "there are ten stretches of 100 epochs between epoch 500 and epoch 1500, not five."),
        (math.log10(factor), "that looks like the logarithm of the factor per 100 epochs; raise 10 (or e) to "
                             "it to get the factor itself."),
        (math.log(factor), "that looks like the logarithm of the factor per 100 epochs; raise 10 (or e) to "
                           "it to get the factor itself."),
        (1 / factor, "the difference grows, so the factor is above 1: divide the later difference by the "
                     "earlier."),
    ]
    otherwise = ("the difference grows, so the factor per 100 epochs is above 1." if value <= 1 else
                 "divide the later difference by the earlier one and take the root that matches the number "
                 "of 100-epoch stretches between them.")
    return wrong(hint_for(value, mistakes, otherwise, relative=_RELATIVE_TOLERANCE))
