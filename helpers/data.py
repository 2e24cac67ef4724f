"""The data sets of the series. Every function returns (X, Y) with X: (n_samples, 2) and
Y: (n_samples, 1), float64. Random ones take a seed and give the same points for the same seed."""

import numpy as np

from helpers.validation import check_choice, check_int, check_number

GATES = ("and", "or", "xor")
DATASETS = ("xor", "and", "or", "moons", "circles", "seven")

# Every input pair of two bits, in the usual truth-table order.
_BITS = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=np.float64)


def logic_gate(name: str) -> tuple[np.ndarray, np.ndarray]:
    """The truth table of the gate `name` ("and", "or" or "xor"): X (4, 2) of bits, Y (4, 1)."""
    check_choice("name", name, GATES)
    a, b = _BITS[:, 0].astype(bool), _BITS[:, 1].astype(bool)
    target = {"and": a & b, "or": a | b, "xor": a ^ b}[name]
    return _BITS.copy(), target.astype(np.float64).reshape(-1, 1)


def seven_samples() -> tuple[np.ndarray, np.ndarray]:
    """The seven-sample regression example from a classic forum answer on hidden layers.

    Raw inputs [[8,5],[7,5],[8,4],[8,1],[4,3],[5,2],[4,2]] and targets [100,90,88,60,50,45,40],
    each array divided by its own largest value (8 and 100), as that answer does. X (7, 2), Y (7, 1).
    """
    raw_X = np.array([[8, 5], [7, 5], [8, 4], [8, 1], [4, 3], [5, 2], [4, 2]], dtype=np.float64)
    raw_Y = np.array([[100], [90], [88], [60], [50], [45], [40]], dtype=np.float64)
    return raw_X / raw_X.max(), raw_Y / raw_Y.max()


MAX_SAMPLES = 1_000_000  # far more than any notebook needs; 16 MB of points


def _check_generated(n_samples, noise, seed):
    n_samples = check_int("n_samples", n_samples, minimum=2, maximum=MAX_SAMPLES)
    noise = check_number("noise", noise, non_negative=True)
    seed = check_int("seed", seed, minimum=0)
    return n_samples, noise, np.random.default_rng(seed)


def two_moons(n_samples: int = 200, noise: float = 0.1, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Two interleaving half circles: class 0 arches up, class 1 arches down and is shifted.

    Half the samples (rounded down) are in class 0. Gaussian noise of standard deviation
    `noise` is added to every coordinate.
    """
    n_samples, noise, rng = _check_generated(n_samples, noise, seed)
    n_zero = n_samples // 2
    angle = np.concatenate([np.linspace(0, np.pi, n_zero), np.linspace(0, np.pi, n_samples - n_zero)])
    upper = np.column_stack([np.cos(angle[:n_zero]), np.sin(angle[:n_zero])])
    lower = np.column_stack([1 - np.cos(angle[n_zero:]), 0.5 - np.sin(angle[n_zero:])])
    X = np.vstack([upper, lower]) + rng.normal(0.0, noise, size=(n_samples, 2))
    Y = np.concatenate([np.zeros(n_zero), np.ones(n_samples - n_zero)]).reshape(-1, 1)
    return X, Y


def circles(n_samples: int = 200, noise: float = 0.1, seed: int = 0,
            factor: float = 0.5) -> tuple[np.ndarray, np.ndarray]:
    """A small circle (class 1, radius `factor`) inside a large one (class 0, radius 1)."""
    n_samples, noise, rng = _check_generated(n_samples, noise, seed)
    factor = check_number("factor", factor, positive=True)
    if factor >= 1:
        raise ValueError(f"factor must be below 1 (the inner circle's radius); got {factor}")
    n_outer = n_samples // 2
    angle = rng.uniform(0, 2 * np.pi, size=n_samples)
    radius = np.where(np.arange(n_samples) < n_outer, 1.0, factor)
    X = np.column_stack([radius * np.cos(angle), radius * np.sin(angle)])
    X += rng.normal(0.0, noise, size=(n_samples, 2))
    Y = (np.arange(n_samples) >= n_outer).astype(np.float64).reshape(-1, 1)
    return X, Y


def load(name: str, *, n_samples: int = 200, noise: float = 0.1, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Any data set of the series by name: one of DATASETS. Size, noise and seed apply to the
    generated ones ("moons", "circles") only."""
    check_choice("name", name, DATASETS)
    if name in GATES:
        return logic_gate(name)
    if name == "seven":
        return seven_samples()
    maker = two_moons if name == "moons" else circles
    return maker(n_samples=n_samples, noise=noise, seed=seed)
