"""How fast does the initialization dashboard answer? A benchmark, not a test.

Goals inside the kernel (2-core machine, no GPU, 2-4-1 network, 1,000 epochs), as medians:
  - a settings change (retrain + redraw + PNG): at most 60 ms
  - an epoch-slider step (redraw + PNG only):    at most 20 ms, so that Play's 20 steps a second keep up
Each settings change is split into training and drawing time, and each step into drawing and PNG
encoding; the size of the PNG is what the browser then receives and decodes. As a baseline from
the same run, it also times the plain approach the layered figure avoids: a full savefig() per step.

    uv run python benchmarks/dashboard_latency.py
"""

import io
import statistics
import time

from helpers.png import png_from_rgba
from helpers.widgets import symmetry_dashboard

SETTINGS_GOAL_MS, STEP_GOAL_MS = 60, 20


def main(rounds: int = 20) -> None:
    dashboard = symmetry_dashboard(n_hidden=4, epochs=1000, record_every=10)
    settings = {"total": [], "train": [], "draw": []}
    steps, encodings, sizes, full_redraws = [], [], [], []
    epochs = list(range(0, 1001, 50))
    # Interleaved: a settings change, then a few slider steps, then a full savefig, round after round,
    # so that a slow moment of this shared machine spreads over all the measurements alike.
    for round_ in range(rounds):
        for init in ("zero", "constant", "random"):
            start = time.perf_counter()
            dashboard.controls["init"].value = init
            settings["total"].append(1e3 * (time.perf_counter() - start))
            settings["train"].append(dashboard.timings["train"])
            settings["draw"].append(dashboard.timings["draw"])
            for epoch in epochs[round_ % 3::9]:
                start = time.perf_counter()
                dashboard.epoch.value = epoch
                steps.append(1e3 * (time.perf_counter() - start))
                sizes.append(len(dashboard.image.value))
            start = time.perf_counter()
            png_from_rgba(dashboard.figure.canvas.buffer_rgba())
            encodings.append(1e3 * (time.perf_counter() - start))
        start = time.perf_counter()
        dashboard.figure.figure.savefig(io.BytesIO(), format="png")
        full_redraws.append(1e3 * (time.perf_counter() - start))
        dashboard.epoch.value = dashboard.epoch.max

    median = statistics.median
    step = median(steps)
    print(f"settings change (retrain + redraw + PNG): {median(settings['total']):6.1f} ms median "
          f"(training {median(settings['train']):.1f} ms, drawing {median(settings['draw']):.1f} ms); "
          f"goal {SETTINGS_GOAL_MS} ms")
    print(f"epoch-slider step (redraw + PNG):         {step:6.1f} ms median "
          f"(of which PNG encoding {median(encodings):.1f} ms); goal {STEP_GOAL_MS} ms")
    print(f"picture: {dashboard.figure.canvas.get_width_height()} pixels, PNG {median(sizes) / 1e3:.0f} kB median")
    print(f"baseline, full savefig of the same figure: {median(full_redraws):6.1f} ms median "
          f"(the epoch step takes {step / median(full_redraws):.2f}x of it)")


if __name__ == "__main__":
    main()
