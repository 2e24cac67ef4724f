"""How fast does the initialization dashboard answer? A benchmark, not a test.

Budgets (2-core machine, no GPU, 2-4-1 network, 1,000 epochs):
  - a settings change (retrain + redraw + PNG): under 150 ms median
  - an epoch-slider step (redraw + PNG only):    under 50 ms median
Each figure is split into training and drawing time. As a baseline from the same run, it also
times the plain approach the layered figure avoids: a full figure.savefig() per step.

    uv run python benchmarks/dashboard_latency.py
"""

import io
import statistics
import time

from helpers.widgets import symmetry_dashboard


def median_ms(values):
    return statistics.median(values)


def main(rounds: int = 20) -> None:
    dashboard = symmetry_dashboard(n_hidden=4, epochs=1000, record_every=10)

    settings = {"total": [], "train": [], "draw": []}
    for _ in range(rounds):
        for init in ("zero", "constant", "random"):
            start = time.perf_counter()
            dashboard.controls["init"].value = init
            settings["total"].append(1e3 * (time.perf_counter() - start))
            settings["train"].append(dashboard.timings["train"])
            settings["draw"].append(dashboard.timings["draw"])

    steps = []
    for epoch in list(range(0, 1001, 50)) * 2:
        start = time.perf_counter()
        dashboard.epoch.value = epoch
        steps.append(1e3 * (time.perf_counter() - start))

    full_redraws = []
    for _ in range(rounds):
        start = time.perf_counter()
        dashboard.figure.figure.savefig(io.BytesIO(), format="png")
        full_redraws.append(1e3 * (time.perf_counter() - start))

    step = median_ms(steps)
    print(f"settings change (retrain + redraw + PNG): {median_ms(settings['total']):6.1f} ms median "
          f"(training {median_ms(settings['train']):.1f} ms, drawing {median_ms(settings['draw']):.1f} ms); budget 150 ms")
    print(f"epoch-slider step (redraw + PNG):         {step:6.1f} ms median; budget 50 ms")
    print(f"baseline, full savefig of the same figure: {median_ms(full_redraws):6.1f} ms median "
          f"(the epoch step takes {step / median_ms(full_redraws):.2f}x of it)")


if __name__ == "__main__":
    main()
