"""How much does the helpers.train abstraction cost? A benchmark, not a test.

Times helpers.train against a plain inline numpy loop that does the same arithmetic (forward,
backward, update, and the same snapshots), in the same run, interleaved, and prints the ratio
of the medians. Goal: helpers.train within 1.25x of the inline loop.

    uv run python benchmarks/train_speed.py
"""

import statistics
import time

import numpy as np

import helpers
from helpers.data import logic_gate, two_moons


def inline_loop(X, Y, n_hidden, learning_rate, epochs, seed):
    """The same training as helpers.train (sigmoid hidden layer, BCE, snapshots every epoch), written out flat."""
    rng = np.random.default_rng(seed)
    W1 = rng.normal(0.0, 1.0, size=(X.shape[1], n_hidden))
    W2 = rng.normal(0.0, 1.0, size=(n_hidden, Y.shape[1]))
    b1, b2 = np.zeros(n_hidden), np.zeros(Y.shape[1])
    W1s, b1s = np.empty((epochs + 1,) + W1.shape), np.empty((epochs + 1,) + b1.shape)
    W2s, b2s = np.empty((epochs + 1,) + W2.shape), np.empty((epochs + 1,) + b2.shape)
    losses = np.empty(epochs + 1)
    for epoch in range(epochs + 1):
        z1 = X @ W1 + b1
        hidden = np.exp(-np.logaddexp(0.0, -z1))
        z2 = hidden @ W2 + b2
        output = np.exp(-np.logaddexp(0.0, -z2))
        losses[epoch] = np.mean(np.logaddexp(0.0, z2) - Y * z2)
        W1s[epoch], b1s[epoch], W2s[epoch], b2s[epoch] = W1, b1, W2, b2
        if epoch == epochs:
            break
        delta2 = (output - Y) / Y.size
        delta1 = (delta2 @ W2.T) * (hidden * (1.0 - hidden))
        W1 -= learning_rate * (X.T @ delta1)
        b1 -= learning_rate * delta1.sum(axis=0)
        W2 -= learning_rate * (hidden.T @ delta2)
        b2 -= learning_rate * delta2.sum(axis=0)
    return W1, losses


def with_helpers(X, Y, n_hidden, learning_rate, epochs, seed):
    history = helpers.train(X, Y, n_hidden, learning_rate=learning_rate, epochs=epochs, seed=seed)
    return history.params["W1"], history.loss


def wide_problem():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(2000, 64))
    Y = (X @ rng.normal(size=(64, 10)) > 0).astype(np.float64)
    return X, Y


CASES = [
    ("2-4-1 on XOR (4 samples)", logic_gate("xor"), 4, 3000),
    ("2-16-1 on two moons (200 samples)", two_moons(200, seed=0), 16, 2000),
    ("64-32-10 on 2,000 samples", wide_problem(), 32, 100),
]


def main(repeats: int = 21) -> None:
    print(f"{'network':36s} {'inline loop':>12s} {'helpers.train':>14s} {'ratio':>7s}")
    for name, (X, Y), n_hidden, epochs in CASES:
        # Same arithmetic, so the same result: a benchmark of two different computations would be meaningless.
        W1_inline, loss_inline = inline_loop(X, Y, n_hidden, 0.5, epochs, seed=0)
        W1_helpers, loss_helpers = with_helpers(X, Y, n_hidden, 0.5, epochs, seed=0)
        np.testing.assert_allclose(W1_helpers, W1_inline, rtol=1e-9, atol=1e-12)
        np.testing.assert_allclose(loss_helpers, loss_inline, rtol=1e-9)
        times = {inline_loop: [], with_helpers: []}
        for _ in range(repeats):  # interleaved, so both see the same machine load
            for function in times:
                start = time.perf_counter()
                function(X, Y, n_hidden, 0.5, epochs, seed=0)
                times[function].append(time.perf_counter() - start)
        inline, wrapped = statistics.median(times[inline_loop]), statistics.median(times[with_helpers])
        print(f"{name + f', {epochs} epochs':36s} {inline * 1e3:9.1f} ms {wrapped * 1e3:11.1f} ms {wrapped / inline:6.2f}x")


if __name__ == "__main__":
    main()
