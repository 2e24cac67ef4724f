"""How much does the helpers.train abstraction cost? A benchmark, not a test.

Times helpers.train against the leanest correct inline numpy loop we could write for the same
training (2-layer network, sigmoid hidden layer, binary cross-entropy, full batch, learning rate
0.5): the sigmoid as 0.5 (1 + tanh(z / 2)) computed in place, the loss on the logits at every
recorded epoch, a snapshot of W1 every epoch, in-place updates, no function calls, no dicts, no
checks. It is written independently of helpers (it imports nothing from helpers.network), and both
must reach the same weights and losses before their times are compared. Repetitions are
interleaved, so that both see the same machine load; the table shows medians and their ratio.
Goal: helpers.train within 1.5x of the inline loop (benchmarks/README.md says what the
readable form of helpers.train costs). A third column times the dashboard's train_fast
(helpers/fast_training.py: train's arithmetic, bit for bit, with the parameters in one vector).

    uv run python benchmarks/train_speed.py [repeats]

BLAS runs on one thread (unless OPENBLAS_NUM_THREADS says otherwise), and the times are the
process's CPU time (time.process_time), not the wall clock: on the shared 2-core machine, a
second BLAS thread made the same 2000x64 product take anywhere from 0.2 to 2.5 ms, and other
people's jobs stretched wall-clock runs of the same code by up to 3x, which drowned the
difference this benchmark is about.
"""

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # before numpy is imported

import statistics  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402

import numpy as np  # noqa: E402

import helpers  # noqa: E402
from helpers.data import logic_gate, two_moons  # noqa: E402
from helpers.fast_training import train_fast  # noqa: E402

LEARNING_RATE = 0.5


def inline_loop(X, Y, n_hidden, epochs, seed):
    """Full-batch gradient descent written out flat. Returns (final W1, losses, W1 snapshots)."""
    rng = np.random.default_rng(seed)  # the same start as helpers.init_params(..., seed=seed)
    W1 = rng.normal(0.0, 1.0, size=(X.shape[1], n_hidden))
    W2 = rng.normal(0.0, 1.0, size=(n_hidden, Y.shape[1]))
    b1, b2 = np.zeros(n_hidden), np.zeros(Y.shape[1])
    W1s = np.empty((epochs + 1,) + W1.shape)
    losses = np.empty(epochs + 1)
    step = LEARNING_RATE / Y.size  # the mean's 1 / N and the learning rate, applied once to delta2
    for epoch in range(epochs + 1):
        z1 = X @ W1
        z1 += b1
        hidden = np.multiply(z1, 0.5)
        np.tanh(hidden, out=hidden)
        hidden += 1.0
        hidden *= 0.5
        z2 = hidden @ W2
        z2 += b2
        output = np.multiply(z2, 0.5)
        np.tanh(output, out=output)
        output += 1.0
        output *= 0.5
        entries = np.logaddexp(0.0, z2)
        entries -= Y * z2
        losses[epoch] = entries.mean()
        W1s[epoch] = W1
        if epoch == epochs:
            break
        delta2 = output
        delta2 -= Y
        delta2 *= step  # learning_rate * dL/dz2
        delta1 = delta2 @ W2.T
        delta1 *= hidden * (1.0 - hidden)
        W2 -= hidden.T @ delta2
        b2 -= delta2.sum(axis=0)
        W1 -= X.T @ delta1
        b1 -= delta1.sum(axis=0)
    return W1, losses, W1s


def with_helpers(X, Y, n_hidden, epochs, seed):
    start = helpers.init_params(X.shape[1], n_hidden, Y.shape[1], seed=seed)
    history = helpers.train(X, Y, start, learning_rate=LEARNING_RATE, epochs=epochs)
    return history.params["W1"], history.loss, history.W1


def with_train_fast(X, Y, n_hidden, epochs, seed):
    start = helpers.init_params(X.shape[1], n_hidden, Y.shape[1], seed=seed)
    history = train_fast(X, Y, start, learning_rate=LEARNING_RATE, epochs=epochs)
    return history.params["W1"], history.loss, history.W1


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
    print(f"CPU-time medians of {repeats} interleaved runs each")
    print(f"{'network':46s} {'inline loop':>12s} {'helpers.train':>14s} {'ratio':>7s} "
          f"{'train_fast':>11s} {'ratio':>7s}")
    for name, (X, Y), n_hidden, epochs in CASES:
        # The same training, so the same result (to rounding: the inline loop folds the learning
        # rate into delta2): a benchmark of two different computations would be meaningless.
        inline, wrapped = inline_loop(X, Y, n_hidden, epochs, 0), with_helpers(X, Y, n_hidden, epochs, 0)
        for ours, theirs in zip(wrapped, inline, strict=True):
            np.testing.assert_allclose(ours, theirs, rtol=1e-8, atol=1e-10)
        for ours, theirs in zip(with_train_fast(X, Y, n_hidden, epochs, 0), wrapped, strict=True):
            np.testing.assert_array_equal(ours, theirs)
        times = {inline_loop: [], with_helpers: [], with_train_fast: []}
        for _ in range(repeats):  # interleaved, so both see the same machine load
            for function in times:
                start = time.process_time()
                function(X, Y, n_hidden, epochs, 0)
                times[function].append(time.process_time() - start)
        inline, wrapped = statistics.median(times[inline_loop]), statistics.median(times[with_helpers])
        fast = statistics.median(times[with_train_fast])
        label = f"{name}, {epochs:,} epochs"
        print(f"{label:46s} {inline * 1e3:9.1f} ms {wrapped * 1e3:11.1f} ms {wrapped / inline:6.2f}x "
              f"{fast * 1e3:8.1f} ms {fast / inline:6.2f}x")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 21)
