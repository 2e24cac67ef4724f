"""The promises every exercise check keeps, whatever it is given: it never raises, never calls a
strange answer right, never floods the notebook; and no answer can be read from the module
through help(), tab completion or Shift-Tab."""

import importlib
import inspect
import math
import pkgutil
import pydoc
import re
from fractions import Fraction

import numpy as np
import pytest

import helpers
import helpers.exercises
from helpers.network import PARAM_NAMES

MODULES = [importlib.import_module(f"helpers.exercises.{info.name}")
           for info in pkgutil.iter_modules(helpers.exercises.__path__)]
CHECKS = [(module, name, getattr(module, name)) for module in MODULES for name in dir(module)
          if name.startswith("check_") and getattr(getattr(module, name), "__module__", "") == module.__name__]
MAX_OUTPUT = 500  # characters: the longest hint with a quoted answer (about 410) fits


def test_the_contract_covers_every_check_the_notebooks_call():
    assert len(MODULES) == 8
    assert {name for _, name, _ in CHECKS} >= {
        "check_weight_count", "check_strongest_neuron", "check_nand", "check_or_epochs", "check_xor_attempt",
        "check_hidden_shape", "check_xnor_weights", "check_distinct_neurons", "check_delta2",
        "check_tanh_slope", "check_fixed_backward", "check_constant_count", "check_symmetry_breaker",
        "check_which_break", "check_shared_outgoing_count", "check_growth_factor", "check_he_std",
        "check_tries_to_beat_backprop", "check_scaled_rule_verdict", "check_twin_count", "check_matching_order",
        "check_midpoint_count"}
    assert len(CHECKS) == 23  # check_which_break twice


# --- hostile answers -----------------------------------------------------------------------------

class ReprRaises:
    def __repr__(self):
        raise RuntimeError("no repr")

    __str__ = __repr__


class EverythingRaises:
    """An object that raises on anything a check might try: repr, comparison, length, iteration,
    conversion, truth value, attribute access, calling."""

    def _raise(self, *args, **kwargs):
        raise RuntimeError("hostile")

    __repr__ = __str__ = __eq__ = __ne__ = __lt__ = __gt__ = __len__ = __iter__ = _raise
    __float__ = __int__ = __index__ = __bool__ = __call__ = __getitem__ = __contains__ = _raise
    __hash__ = None

    def __getattr__(self, name):
        raise RuntimeError(name)


class FloatThatFails(float):
    def __float__(self):
        raise RuntimeError("no float")

    def __repr__(self):
        raise RuntimeError("no repr")


class DictThatFails(dict):
    def __getitem__(self, key):
        raise RuntimeError("no item")

    def __contains__(self, key):
        raise RuntimeError("no membership")


class ErrorWithHugeMessage(Exception):
    pass


class ErrorWithoutMessage(Exception):
    def __str__(self):
        raise RuntimeError("no message")


def _deep_list(depth: int) -> list:
    nested = [1.0]
    for _ in range(depth):
        nested = [nested]
    return nested


def _self_containing_list() -> list:
    loop = [1.0]
    loop.append(loop)
    return loop


def _raise(error):
    raise error


HOSTILE = {
    "None": None,
    "10**400": 10**400,
    "-10**400": -(10**400),
    "10**5000 (its repr raises)": 10**5000,
    "[10**400, 1]": [10**400, 1],
    "Fraction(10**400, 3)": Fraction(10**400, 3),
    "long double 1e4000": np.longdouble("1e4000"),
    "1e308": 1e308,
    "[1e308, 1e308]": [1e308, 1e308],
    "[1e308, -1e308]": [1e308, -1e308],
    "nan": float("nan"),
    "inf": float("inf"),
    "-inf": float("-inf"),
    "[nan, nan]": [float("nan"), float("nan")],
    "array([nan])": np.array([np.nan]),
    "True": True,
    "False": False,
    "1j": 1j,
    "bytes": b"3",
    "empty string": "",
    "spaces": "   ",
    "'nan'": "nan",
    "'1e400'": "1e400",
    "'2,5'": "2,5",
    "Arabic-Indic three": "\u0663",
    "NUL": "\x00",
    "emoji": "\U0001f642",
    "'Correct!'": "Correct!",
    "a million characters": "7" * 10**6,
    "100-deep list": _deep_list(100),
    "2000-deep list (its repr raises)": _deep_list(2000),
    "self-containing list": _self_containing_list(),
    "a million numbers": list(range(10**6)),
    "array of a million": np.zeros(10**6),
    "dict of 100000": {str(i): i for i in range(10**5)},
    "set of 100000 labels": {f"label {i}" for i in range(10**5)},
    "empty list": [],
    "[[]]": [[]],
    "ragged": [[1, 2], [3]],
    "array of strings": np.array(["a", "b"]),
    "array of objects": np.array([None, ReprRaises()], dtype=object),
    "empty 2-D array": np.empty((2, 0)),
    "repr raises": ReprRaises(),
    "everything raises": EverythingRaises(),
    "float whose float() raises": FloatThatFails(0.5),
    "dict whose items raise": DictThatFails(W1=1, b1=1, W2=1, b2=1),
    "params of hostile values": {"W1": EverythingRaises(), "b1": 10**400, "W2": _deep_list(100),
                                 "b2": float("nan")},
    "params of huge arrays": {name: np.zeros((1000, 1000)) for name in PARAM_NAMES},
    "a type": int,
    "a module": np,
    "function returning None": lambda *args: None,
    "function returning hostile": lambda *args: EverythingRaises(),
    "function returning 10**400s": lambda *args: {name: 10**400 for name in PARAM_NAMES},
    "function returning repr-less": lambda *args: {name: ReprRaises() for name in PARAM_NAMES},
    "function raising a huge message": lambda *args: _raise(ErrorWithHugeMessage("x" * 10**6)),
    "function raising without message": lambda *args: _raise(ErrorWithoutMessage()),
    "function recursing for ever": lambda *args: HOSTILE["function recursing for ever"](*args),
}

# A readable argument for the other positions of a check with two arguments, so that each position
# meets the hostile answer alone too (chosen so that no hostile answer completes a right one:
# weights of 1e308 are a fine perceptron).
VALID_OTHERS = {
    "check_strongest_neuron": (1, helpers.init_params(3, 4, 2, seed=0)),
    "check_nand": ([-1.0, -1.0], 1.5),
    "check_xor_attempt": ([0.0, 0.0], 5.0),
}


def calls():
    for module, name, check in CHECKS:
        n_arguments = len(inspect.signature(check).parameters)
        for label, hostile in HOSTILE.items():
            yield pytest.param(check, (hostile,) * n_arguments, id=f"{module.__name__[18:]}.{name}({label})")
            for position in range(n_arguments if n_arguments > 1 else 0):
                arguments = list(VALID_OTHERS[name])
                arguments[position] = hostile
                yield pytest.param(check, tuple(arguments), id=f"{module.__name__[18:]}.{name}({label} at {position})")


@pytest.mark.parametrize("check, arguments", list(calls()))
def test_a_check_given_a_hostile_answer_prints_one_short_line_and_never_says_correct(check, arguments, capsys):
    verdict = check(*arguments)
    out = capsys.readouterr().out
    assert isinstance(verdict, helpers.exercises.Verdict) and verdict.correct is False
    assert out.startswith(("Not yet. Hint: ", "Not answered yet: ")), out[:200]
    assert out.count("\n") == 1 and len(out) <= MAX_OUTPUT, (len(out), out[:200])
    # each check reads these answers itself (but a dict whose own methods raise): the safety net of
    # answer_check is not what answers them
    if not any(isinstance(argument, DictThatFails) for argument in arguments):
        assert "could not be read" not in out, out


# What each check says it expects when an answer has the wrong type (all its arguments the same);
# a tuple lists the phrases one of which it says.
EXPECTS = {
    "check_weight_count": "expected a whole number such as 10",
    "check_strongest_neuron": "the second argument must be the notebook's network",
    "check_nand": "weights must be two numbers",
    "check_or_epochs": "expected two whole numbers",
    "check_xor_attempt": "weights must be two numbers",
    "check_hidden_shape": "two whole numbers",
    "check_xnor_weights": ("the answer must be a dict", "the dict is missing ['W1', 'b1', 'W2', 'b2']"),
    "check_distinct_neurons": "the answer is a whole number of neurons",
    "check_delta2": "expected an array of 4 numbers",
    "check_tanh_slope": "expected a",
    "check_fixed_backward": "expected a function",
    "check_constant_count": "expected a whole number such as 3",
    "check_symmetry_breaker": ("expected a params dict like `start`", "the dict is missing ['W1', 'b1', 'W2', 'b2']"),
    "check_which_break": ("expected a set of labels", "the labels are A, B, C, D, E, F"),
    "check_shared_outgoing_count": "expected a whole number such as 2",
    "check_growth_factor": "expected one number such as 1.5",
    "check_he_std": "expected one number such as 0.5",
    "check_tries_to_beat_backprop": "expected a whole number of forward passes",
    "check_scaled_rule_verdict": 'expected one of the strings "holds"',
    "check_twin_count": "expected a whole number such as 24",
    "check_matching_order": "expected a list naming each of the hidden neurons",
    "check_midpoint_count": "expected a whole number such as 2",
}
WRONG_TYPES = {"a string": "0.5", "a bool": True, "a complex number": 2j, "a dict": {"answer": 3}}


@pytest.mark.parametrize("check", [check for _, _, check in CHECKS], ids=lambda check: check.__name__)
@pytest.mark.parametrize("answer", WRONG_TYPES.values(), ids=WRONG_TYPES.keys())
def test_a_check_given_the_wrong_type_says_what_it_expects(check, answer, capsys):
    n_arguments = len(inspect.signature(check).parameters)
    assert check(*(answer,) * n_arguments).correct is False
    out = capsys.readouterr().out
    expected = EXPECTS[check.__name__]
    assert out.startswith("Not yet. Hint: ")
    assert any(words in out for words in ((expected,) if isinstance(expected, str) else expected)), out


def test_answer_check_reports_the_placeholder_and_turns_an_unforeseen_error_into_a_hint(capsys):
    @helpers.exercises.answer_check(unanswered="replace None.")
    def check_broken(answer):
        """A check with a bug."""
        return 1 / 0

    assert check_broken(3).correct is False
    assert capsys.readouterr().out == ("Not yet. Hint: this answer could not be read (ZeroDivisionError). "
                                       "Give it in the form the exercise asks for.\n")
    assert check_broken(None).correct is False
    assert capsys.readouterr().out == "Not answered yet: replace None.\n"
    assert check_broken.__doc__ == "A check with a bug." and "answer" in str(inspect.signature(check_broken))


# --- no answer where a student can read it -------------------------------------------------------

NUMBER_WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven"}


def answer_patterns(answer) -> list[str]:
    """Regular expressions for the ways an answer could be written in a text."""
    if isinstance(answer, str):
        return [re.escape(answer), re.escape(answer.replace("does not", "doesn't"))]
    if isinstance(answer, frozenset | set):
        letters = sorted(answer)
        separator = r"[^A-Za-z0-9]{0,6}(?:and[^A-Za-z0-9]{1,3})?"
        return [r"(?<![A-Za-z])" + separator.join(letters) + r"(?![A-Za-z])"]
    if isinstance(answer, tuple):
        return [r"\(?\s*" + r"\s*[,x×]\s*".join(str(value) for value in answer) + r"\s*\)?(?![\d.])"]
    if isinstance(answer, np.ndarray):
        return [pattern for value in answer.ravel() for pattern in answer_patterns(float(value))]
    if isinstance(answer, int | np.integer) and abs(answer) < 10:
        # "Exercise 3" and "2-4-1" are not answers
        return [rf"(?<!exercise )(?<![\w.\-/]){answer}(?![\w.\-/])", rf"\b{NUMBER_WORDS[int(answer)]}\b"]
    if isinstance(answer, int | np.integer):
        return [rf"(?<![\d.,]){answer:,}(?![\d])".replace(",", ",?")]
    digits = {f"{answer:.{places}f}".rstrip("0").rstrip(".") for places in range(1, 5)}
    return [rf"(?<![\d.]){re.escape(text)}0*(?![\d])" for text in digits if text not in ("0", "-0")]


def public_text(module) -> str:
    """What help(), dir(), tab completion and Shift-Tab show of a module: pydoc's page (docstrings,
    signatures with their defaults, public data) without its file path, the public names, and the
    docstring and signature of every public object defined in the module."""
    page = "\n".join(line for line in pydoc.render_doc(module, renderer=pydoc.plaintext).splitlines()
                     if not line.strip().startswith("/"))
    names = [name for name in dir(module) if not name.startswith("_")]
    parts = [page, " ".join(names)]
    for name in names:
        value = getattr(module, name)
        if getattr(value, "__module__", None) == module.__name__:
            parts += [inspect.getdoc(value) or "", str(inspect.signature(value)) if callable(value) else ""]
    return "\n".join(parts)


def own_text(module, check_name: str) -> str:
    """The text about one check: its docstring and the module docstring's lines that name it."""
    lines = [line for line in (module.__doc__ or "").splitlines() if check_name in line]
    return "\n".join(lines + [inspect.getdoc(getattr(module, check_name)) or ""])


@pytest.mark.parametrize("module", MODULES, ids=lambda module: module.__name__)
def test_no_answer_is_readable_through_help_dir_or_a_docstring(module):
    key = module._answer_key()
    assert key and set(key) <= {name for _, name, _ in CHECKS}
    text = public_text(module)
    for check_name, answer in key.items():
        if isinstance(answer, float) and answer.is_integer():
            answer = int(answer)
        small = isinstance(answer, int | np.integer) and abs(answer) < 10
        where = own_text(module, check_name) if small else text  # "3 inputs" is a question, not an answer
        for pattern in answer_patterns(answer):
            found = re.search(pattern, where, flags=re.IGNORECASE)
            assert found is None, f"{module.__name__}: the answer of {check_name} readable as {found.group()!r}"


@pytest.mark.parametrize("module", MODULES, ids=lambda module: module.__name__)
def test_the_public_names_of_an_exercise_module_are_its_checks_and_the_data_they_ask_about(module):
    """No public function that returns an answer key (growth_factor(), or_epochs(), ...)."""
    defined = {name for name in dir(module) if not name.startswith("_")
               and getattr(getattr(module, name), "__module__", None) == module.__name__}
    data_for_an_exercise = {"mystery_network", "candidate_inits", "two_networks"}
    assert {name for name in defined if not name.startswith("check_")} <= data_for_an_exercise


def test_the_leak_test_finds_an_answer_written_in_a_docstring():
    """The patterns catch the answers as the old docstrings wrote them."""
    old = {26: "how many numbers does the 3-4-2 network learn? 26.", (4, 4): "on OR: (4, 4).",
           frozenset("CEF"): 'Right: {"C", "E", "F"} in any order', 3: "has mystery_network() (3)",
           0.2: "sqrt(2 / 50) = 0.2 (accepted within 0.001)", 718: "it needs 718 forward passes",
           math.sqrt(2 / 50): "He's std (0.20)", "does not hold in general": 'Right: "does not hold in general"',
           1: "The answer is 1: identical starts"}
    for answer, text in old.items():
        assert any(re.search(pattern, text, flags=re.IGNORECASE) for pattern in answer_patterns(answer)), text
