"""Checks for the exercises of notebook 01 · The perceptron.

    check_nand(weights, bias)         a perceptron that computes NAND
    check_or_epochs(answer)           how many epochs does perceptron_train run on OR, for two learning rates?
    check_xor_attempt(weights, bias)  a perceptron that gets exactly 3 of the 4 XOR points right

Each check prints one line of feedback and returns a Verdict (truthy when the answer is right).
A perceptron is given as `weights` (two numbers w1, w2) and `bias` (one number b); it outputs 1
where w1 x1 + w2 x2 + b > 0 and 0 elsewhere, exactly like helpers.perceptron_predict.
"""

import numpy as np

from helpers import perceptron_predict, perceptron_train
from helpers.data import logic_gate
from helpers.exercises import (
    Verdict,
    as_number,
    as_numbers,
    as_whole_number,
    hint_for,
    never_raises,
    not_answered,
    right,
    shown,
    wrong,
)


def _read_perceptron(weights, bias) -> tuple[np.ndarray, float] | str:
    """(weights as a float array (2,), bias as a float), or a message saying what was expected."""
    array = as_numbers(weights)
    if array is None or array.shape != (2,):
        return f"weights must be two numbers like [1.0, -2.0], one per input; got {shown(weights)}."
    value = as_number(bias)
    if value is None:
        return f"bias must be one number like 0.5; got {shown(bias)}."
    if not (np.all(np.isfinite(array)) and np.isfinite(value)):
        return "weights and bias must be finite numbers (no nan or inf)."
    return array, value


def _run_answer(weights, bias, gate: str):
    """Read a perceptron answer and run it on the truth table of `gate`: (weights, bias, X,
    the gate's 0/1 targets, the perceptron's outputs); or None, after printing why it cannot run."""
    if weights is None or bias is None:
        not_answered("replace both None with numbers: weights = [w1, w2] and bias = b.")
        return None
    perceptron = _read_perceptron(weights, bias)
    if isinstance(perceptron, str):
        wrong(perceptron)
        return None
    weights, bias = perceptron
    X, Y = logic_gate(gate)
    with np.errstate(over="ignore"):  # weights near 1e308: a sum may overflow to +-infinity, still on its side
        return weights, bias, X, Y[:, 0].astype(np.int64), perceptron_predict(weights, bias, X)


def _point(x) -> str:
    return f"({x[0]:g}, {x[1]:g})"


def _on_the_line(weights: np.ndarray, bias: float, X: np.ndarray) -> list[str]:
    """The inputs that lie exactly on the line (weighted sum 0), as "(x1, x2)"."""
    return [_point(x) for x in X if x @ weights + bias == 0]


# --- Exercise 1: NAND ----------------------------------------------------------------------------

@never_raises
def check_nand(weights, bias) -> Verdict:
    """Exercise 1: any weights and bias with which the perceptron computes NAND (NOT AND).
    Every perceptron whose outputs on the four inputs are NAND's truth table is accepted."""
    run = _run_answer(weights, bias, "and")
    if run is None:
        return Verdict(False)
    weights, bias, X, and_target, output = run
    target = 1 - and_target
    wrong_rows = [f"{_point(x)} gives {p} instead of {t}" for x, p, t in zip(X, output, target, strict=True) if p != t]
    if not wrong_rows:
        return right(f"w1 = {weights[0]:g}, w2 = {weights[1]:g}, b = {bias:g} outputs 1, 1, 1, 0: the line "
                     "leaves (1, 1) alone on the 0 side. NAND alone can build every other logic gate.")
    hint = (f"with w1 = {weights[0]:g}, w2 = {weights[1]:g}, b = {bias:g}, {'; '.join(wrong_rows)}. "
            "NAND is NOT AND: take an AND perceptron and flip the sign of all three numbers, so that the "
            "line stays and its two sides swap. A point exactly on the line gives 0 on both sides, so if "
            "your AND line touches one (the learnt AND, w = (2, 1) and b = -2, touches (1, 0)), lower its "
            "bias a little first.")
    on_line = _on_the_line(weights, bias, X)
    if on_line:
        hint += (f" Note: {', '.join(on_line)} lie{'s' if len(on_line) == 1 else ''} exactly on your line "
                 "(weighted sum 0), and the perceptron outputs 1 only when the sum is greater than 0.")
        if all(target[i] == 1 for i, x in enumerate(X) if _point(x) in on_line):
            hint += " Raise b a little to put them on the 1 side."
    return wrong(hint)


# --- Exercise 2: epochs on OR -----------------------------------------------------------------------

def _or_epochs(learning_rate: float) -> int:
    """How many epochs perceptron_train runs on OR, the last (mistake-free) epoch included."""
    X, Y = logic_gate("or")
    return len(perceptron_train(X, Y, learning_rate=learning_rate).errors)


def _answer_key() -> dict:
    return {"check_or_epochs": (_or_epochs(1.0), _or_epochs(0.1))}


@never_raises
def check_or_epochs(answer) -> Verdict:
    """Exercise 2: (epochs with learning_rate=1, epochs with learning_rate=0.1) that
    perceptron_train runs on OR, counted as len(errors): the final mistake-free epoch included."""
    if answer is None:
        return not_answered("replace None with two whole numbers: (epochs with learning_rate=1, "
                            "epochs with learning_rate=0.1).")
    values = as_numbers(answer)
    counts = None if values is None or values.shape != (2,) else [as_whole_number(value) for value in values]
    if counts is None or None in counts:
        return wrong(f"expected two whole numbers like (7, 3); got {shown(answer)}.")
    first, second = counts
    expected = (_or_epochs(1.0), _or_epochs(0.1))
    if (first, second) == expected:
        return right(f"{first} epochs either way. From zero weights, every update is learning_rate times the "
                     "update with learning_rate=1, so the weights are just scaled: the line, and every "
                     "decision, stays the same.")
    if first != expected[0]:
        return wrong(hint_for(first, {
            expected[0] - 1: "you counted the epochs that made mistakes. The rule only knows it is done after "
                             "a whole epoch without a mistake: count that one too (len(errors))."},
            "run helpers.perceptron_train(X, Y, learning_rate=1.0) on data.logic_gate('or') and count the "
            "entries of errors (one per epoch, the last one is the mistake-free epoch)."))
    return wrong("your first number is right. For learning_rate=0.1, think before you run: the weights start "
                 "at 0 and every update adds learning_rate·(t - p)·x. Does a smaller step change the sign of "
                 "w·x + b?")


# --- Exercise 3: the best a line can do on XOR --------------------------------------------------------

# The condition each XOR point puts on (w1, w2, b), as written in the notebook's proof.
_XOR_CONDITIONS = {
    (0, 0): "b ≤ 0",
    (0, 1): "w2 + b > 0",
    (1, 0): "w1 + b > 0",
    (1, 1): "w1 + w2 + b ≤ 0",
}


@never_raises
def check_xor_attempt(weights, bias) -> Verdict:
    """Exercise 3: a perceptron that gets exactly 3 of the 4 XOR points right.

    The feedback always names the points the perceptron gets wrong and the condition of the
    proof that each one breaks.
    """
    run = _run_answer(weights, bias, "xor")
    if run is None:
        return Verdict(False)
    weights, bias, X, target, output = run
    sums = X @ weights + bias
    missed = [i for i in range(len(X)) if output[i] != target[i]]
    broken = "; ".join(
        f"{_point(X[i])}: XOR is {target[i]} but w·x + b = {sums[i]:g} gives {output[i]}, "
        f"breaking {_XOR_CONDITIONS[tuple(int(v) for v in X[i])]}"
        for i in missed
    )
    n_right = len(X) - len(missed)
    if n_right == len(X):  # impossible, as the notebook proves; kept so the check can never lie
        return right("all 4 right?! Then the proof in the notebook is wrong: tell your instructor.")
    if n_right == 3:
        return right(f"3 of 4 right, the best any line can do. The one it misses: {broken}. "
                     "Fix that condition and, as the proof shows, another one breaks.")
    return wrong(f"your perceptron gets {n_right} of 4 right. Wrong: {broken}. A line can get 3 right: start "
                 "from weights that compute OR, and see which XOR point is left wrong.")
