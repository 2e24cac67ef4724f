"""Checks for the exercises of notebook 05 · Beyond the textbook answer.

    SETTINGS                             the seven settings of the first exercise, by label
    check_which_break(answer)            which settings break the symmetry of a constant start?
                                         ({"A", "C", "D"})
    check_shared_outgoing_count(answer)  count_distinct_neurons when pairs of neurons share their
                                         outgoing weight  (3)
    check_growth_factor(answer)          the growth factor per 100 epochs of a measured difference
                                         (about 2.05)
"""

import math

from helpers.exercises import Verdict, as_labels, as_number, describe, feedback, not_answered

# --- exercise 1: which settings break the symmetry? ----------------------------------------------

SETTINGS = {
    "A": "dropout with rate 0.2 on the hidden layer",
    "B": "shuffled mini-batches (one step per small batch of samples) instead of the full batch",
    "C": "random outgoing weights W2 (the incoming weights stay constant)",
    "D": "1e-8 added to one incoming weight of hidden neuron 1",
    "E": "a learning rate ten times larger",
    "F": "the tanh activation instead of the sigmoid",
    "G": "training 100 times longer",
}
CORRECT_BREAKERS = frozenset({"A", "C", "D"})

# Why a setting that keeps the symmetry keeps it: shown when a student picks it.
_KEEPS = {
    "B": "B keeps it: every neuron sees the same mini-batch at every step, so the induction step "
         "of notebook 04 works step by step, whichever samples are in the batch.",
    "E": "E keeps it: the learning rate multiplies every neuron's (equal) gradient by the same number.",
    "F": "F keeps it: tanh changes f and f', but every neuron uses the same f and f'.",
    "G": "G keeps it in exact arithmetic: more epochs only repeat identical updates more often "
         "(rounding errors are another matter: section 3.4).",
}


def check_which_break(answer) -> Verdict:
    """Exercise 1: the set of settings (labels A-G) that make the hidden neurons of a constant
    start differ, in exact arithmetic. Right: {"A", "C", "D"} in any order or container, or a
    string such as "ACD" or "A, C, D"."""
    if answer is None:
        return not_answered('replace None with a set of labels, e.g. {"A", "B"}.')
    labels, problem = as_labels(answer, SETTINGS)
    if problem:
        return feedback(False, "", problem)
    if labels == CORRECT_BREAKERS:
        return feedback(True, "A, C and D each give some neuron something of its own: its own dropout "
                              "mask, its own outgoing weight, its own nudge. B, E, F and G treat every "
                              "neuron alike, so identical neurons stay identical.", "")
    hints = [_KEEPS[label] for label in sorted(labels - CORRECT_BREAKERS)]
    missed = len(CORRECT_BREAKERS - labels)
    if missed:
        settings, verb = ("settings", "break") if missed > 1 else ("setting", "breaks")
        hints.append(f"You missed {missed} {settings} that {verb} it: ask of each setting whether it "
                     "gives one neuron a number of its own (a weight, a random mask, a tiny nudge), "
                     "however small.")
    return feedback(False, "", " ".join(hints))


# --- exercise 2: neurons that share their outgoing weight -----------------------------------------

SHARED_OUTGOING_W2 = (0.3, -0.2, 0.3, 0.5, -0.2)  # neurons 1 and 3 alike, neurons 2 and 5 alike
CORRECT_COUNT = 3


def check_shared_outgoing_count(answer) -> Verdict:
    """Exercise 2: count_distinct_neurons after training a 2-5-1 network whose incoming weights
    all start at 0.5 (biases 0) and whose outgoing weights start at SHARED_OUTGOING_W2. Neurons
    1 and 3, and neurons 2 and 5, start identical in every number and stay so: the answer is 3."""
    if answer is None:
        return not_answered("replace None with a whole number: your prediction of count_distinct_neurons.")
    value = as_number(answer)
    if value is None:
        return feedback(False, "", f"expected a whole number such as 2; got {describe(answer)}.")
    if value == CORRECT_COUNT:
        return feedback(True, "Neurons 1 and 3 start equal in every number (incoming weights, bias, "
                              "outgoing weight), and so do neurons 2 and 5: those pairs stay pairs. "
                              "Neuron 4 is on its own. Three groups.", "")
    if not value.is_integer() or not 1 <= value <= 5:
        hint = (f"count_distinct_neurons counts groups of identical neurons, so for 5 hidden neurons "
                f"it is a whole number from 1 to 5; got {answer}.")
    elif value == 1:
        hint = ("the outgoing weights are not all equal, and neuron j's error signal delta_j uses its "
                "own outgoing weight W2[j]: neurons with different W2[j] get different updates.")
    elif value == 5:
        hint = ("look at W2 again: are all five outgoing weights different? Two neurons that agree in "
                "incoming weights, bias and outgoing weight get identical updates for ever.")
    else:
        hint = ("a group is a set of neurons that agree in every number: incoming weights, bias and "
                "outgoing weight. The first two are the same for all five, so count the different "
                "values in W2.")
    return feedback(False, "", hint)


# --- exercise 3: the growth factor ----------------------------------------------------------------

GROWTH_EPOCHS = (500, 1500)
GROWTH_DIFFERENCES = (3.0e-15, 4.0e-12)
RELATIVE_TOLERANCE = 0.03  # 2.05, 2.1 and 2 all count as right


def growth_factor() -> float:
    """The right answer of exercise 3: (late / early) ** (100 / epochs between), about 2.054."""
    (start, end), (early, late) = GROWTH_EPOCHS, GROWTH_DIFFERENCES
    return (late / early) ** (100 / (end - start))


def check_growth_factor(answer) -> Verdict:
    """Exercise 3: the factor by which the difference grows per 100 epochs, from the differences
    GROWTH_DIFFERENCES measured at GROWTH_EPOCHS. Right: about 2.05 (within 3%)."""
    if answer is None:
        return not_answered("replace None with a number: the growth factor per 100 epochs.")
    value = as_number(answer)
    if value is None or not math.isfinite(value):
        return feedback(False, "", f"expected one number such as 1.5; got {describe(answer)}.")
    right = growth_factor()
    if abs(value - right) <= RELATIVE_TOLERANCE * right:
        return feedback(True, f"The difference grew by {GROWTH_DIFFERENCES[1] / GROWTH_DIFFERENCES[0]:.0f} "
                              f"times in 1000 epochs, that is ten stretches of 100 epochs, each multiplying "
                              f"it by {right:.2f}: ({GROWTH_DIFFERENCES[1]:.1e} / "
                              f"{GROWTH_DIFFERENCES[0]:.1e}) ** (1/10).", "")
    total = GROWTH_DIFFERENCES[1] / GROWTH_DIFFERENCES[0]

    def near(target):
        return abs(value - target) <= RELATIVE_TOLERANCE * abs(target)

    if near(total):
        hint = ("that is the growth over all 1000 epochs. Per 100 epochs: which number, multiplied by "
                "itself ten times, gives it?")
    elif near(total / 10):
        hint = ("growth multiplies, it does not add: ten equal stretches of 100 epochs mean ten equal "
                "factors, so take the tenth root of the total ratio, not a tenth of it.")
    elif near(total ** 0.2):
        hint = "there are ten stretches of 100 epochs between epoch 500 and epoch 1500, not five."
    elif near(math.log10(right)) or near(math.log(right)):
        hint = ("that looks like the logarithm of the factor per 100 epochs; raise 10 (or e) to it "
                "to get the factor itself.")
    elif near(1 / right):
        hint = "the difference grows, so the factor is above 1: divide the later difference by the earlier."
    elif value <= 1:
        hint = "the difference grows, so the factor per 100 epochs is above 1."
    else:
        hint = ("divide the later difference by the earlier one and take the root that matches the "
                "number of 100-epoch stretches between them.")
    return feedback(False, "", hint)
