"""Figure regression: every panel of helpers.plots and every widget picture, pixel by pixel.

nbval sees a figure only as "<Figure size 640x480 with 2 Axes>", so a figure that lost its
points, its labels or one neuron's line would pass the notebooks. Here pytest-mpl draws each
figure and compares it with a committed baseline PNG in tests/baseline/ (the RMS difference of
the two images, 0-255 per channel, must stay within TOLERANCE). `uv run --group test pytest` compares:
`--mpl` is in pyproject.toml's addopts.

After an intended change to a figure, regenerate the baselines, look at them, and commit them:

    uv run --group test pytest tests/test_figure_baselines.py --mpl-generate-path=tests/baseline

The figures are drawn in matplotlib's "default" style, the one the notebooks use (pytest-mpl's
own default, "classic", is a style nobody sees). The inputs are small and seeded: the four XOR
points and a short training run on them.
"""

import io

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.figure import Figure
from PIL import Image

import helpers
from helpers import data, plots
from helpers.widgets import DASHBOARD_INITS, perceptron_explorer, symmetry_dashboard

# The RMS of the difference (0-255 scale) a figure may have and still pass.
# - Other machines: numpy's SIMD code and OpenBLAS's kernels change a training run's last bits.
#   That moves nothing by a visible amount: numpy down to its baseline, OpenBLAS with one thread
#   and with Prescott's kernels all drew these figures with an RMS of exactly 0. The tolerance
#   leaves room for an anti-aliased edge pixel or two that another CPU may round the other way.
# - A real loss costs far more, because the figures are small (DPI below) and the widget pictures
#   are compared whole, as shown: one lost sample of four is an RMS of 1.8 on the dashboard (its
#   markers are small) and 3 to 8 elsewhere; all samples lost 4 to 16; one neuron's lines lost
#   from the weight history 6 to 38 (where no other neuron's lie on top of them); one activation
#   panel's line 3 to 6; the axis labels 40 to 55. A tolerance of 1 lies below every one of them.
TOLERANCE = 1.0
DPI = 72  # small PNGs (6-30 kB for a panel) with 10-pt text still legible

# The baselines' folder is named here, relative to this file, not with --mpl-baseline-path in
# pyproject.toml: that path would be relative to where pytest runs, and pytest-mpl warns that it
# ignores it while --mpl-generate-path regenerates (an error, with filterwarnings = error).
compare = pytest.mark.mpl_image_compare(style="default", tolerance=TOLERANCE, baseline_dir="baseline",
                                        savefig_kwargs={"dpi": DPI})

X_XOR, Y_XOR = data.logic_gate("xor")


def xor_run() -> helpers.History:
    """A short seeded run that learns XOR with three hidden neurons: distinct, moving weights."""
    start = helpers.init_params(2, 3, 1, seed=0)
    return helpers.train(X_XOR, Y_XOR, start, learning_rate=1.0, epochs=1000, record_every=20)


def new_figure(width: float, height: float, columns: int = 1) -> tuple[Figure, object]:
    figure = Figure(figsize=(width, height), dpi=DPI, layout="constrained")
    return figure, figure.subplots(1, columns)


# --- one figure per panel of helpers.plots --------------------------------------------------

def points_figure() -> Figure:
    figure, ax = new_figure(2.8, 2.4)
    plots.plot_points(ax, X_XOR, Y_XOR)
    ax.set(xlim=plots.GATE_BOX[:2], ylim=plots.GATE_BOX[2:], title="XOR")  # as the notebooks: room around the points
    return figure


def perceptron_figure() -> Figure:
    figure, ax = new_figure(4.2, 2.8)  # OR's line over XOR: one point wrong, ringed
    plots.plot_perceptron(ax, np.array([1.0, 1.0]), -0.5, X_XOR, Y_XOR, title="OR's line on XOR")
    return figure


def decision_regions_figure() -> Figure:
    figure, ax = new_figure(3.4, 2.8)
    plots.plot_decision_regions(ax, xor_run().params, X_XOR, Y_XOR, resolution=60)
    ax.set_title("the trained network on XOR")
    return figure


def hidden_activations_figure() -> Figure:
    figure, axes = new_figure(7.2, 2.4, columns=3)
    plots.plot_hidden_activations(axes, xor_run().params, X_XOR, Y_XOR, resolution=40)
    return figure


def weight_history_figure() -> Figure:
    figure, ax = new_figure(4.4, 2.8)
    plots.plot_weight_history(ax, xor_run())
    return figure


def loss_figure() -> Figure:
    figure, ax = new_figure(3.2, 2.4)
    plots.plot_loss(ax, xor_run())
    return figure


def neuron_distance_figure() -> Figure:
    figure, ax = new_figure(4.6, 2.4)
    history = xor_run()
    line = plots.draw_neuron_distance(ax)
    plots.update_neuron_distance(line, history.epochs, helpers.smallest_neuron_distance(history.W1))
    ax.set(xlabel="epoch", ylabel="smallest distance", title="smallest distance between two hidden neurons")
    return figure


def network_figure() -> Figure:
    figure, ax = new_figure(3.2, 2.8)
    plots.draw_network(ax, xor_run().params)
    return figure


def plain_network_figure() -> Figure:
    figure, ax = new_figure(3.2, 2.4)
    plots.draw_network(ax, layer_sizes=(2, 3, 1))
    return figure


PLOTS_FIGURES = {
    "points": points_figure,
    "perceptron": perceptron_figure,
    "decision_regions": decision_regions_figure,
    "hidden_activations": hidden_activations_figure,
    "weight_history": weight_history_figure,
    "loss": loss_figure,
    "neuron_distance": neuron_distance_figure,
    "network": network_figure,
    "plain_network": plain_network_figure,
}


@pytest.mark.parametrize("name", PLOTS_FIGURES)
@compare
def test_plots_figure_matches_its_baseline(name):
    return PLOTS_FIGURES[name]()


def test_every_panel_of_plots_is_in_a_baseline_figure(monkeypatch):
    # The one check that every panel has a baseline: a new plot_* or draw_* function or panel
    # class must get a figure above. Call every figure with each of them wrapped, and see that
    # each one ran (plot_* call draw_* and the classes through the module, so they count too).
    names = sorted(name for name, value in vars(plots).items()
                   if (name.startswith(("plot_", "draw_")) and callable(value))
                   or (isinstance(value, type) and value.__module__ == plots.__name__))
    called = set()

    def recording(name, function):
        def wrapper(*args, **kwargs):
            called.add(name)
            return function(*args, **kwargs)
        return wrapper

    for name in names:
        monkeypatch.setattr(plots, name, recording(name, getattr(plots, name)))
    for figure in PLOTS_FIGURES.values():
        figure()
    assert set(names) - called == set(), "panel functions without a baseline figure"


# --- the widgets' pictures, as the student sees them ----------------------------------------

def picture_figure(png: bytes) -> Figure:
    """A figure that shows the widget's PNG pixel for pixel: saved at its own dpi, it is that PNG.

    The widgets draw in layers (a saved background, then the artists that change with a slider),
    so their figure's savefig would draw something else than what the student sees: compare
    the picture itself."""
    pixels = np.asarray(Image.open(io.BytesIO(png)).convert("RGB"))
    height, width = pixels.shape[:2]
    figure = Figure(figsize=(width / DPI, height / DPI), dpi=DPI)
    figure.figimage(pixels, origin="upper", resize=False)
    return figure


@pytest.mark.parametrize("init", DASHBOARD_INITS)
@compare
def test_dashboard_picture_matches_its_baseline(init):
    dashboard = symmetry_dashboard(init=init)
    return picture_figure(bytes(dashboard.image.value))


@compare
def test_room_dashboard_picture_matches_its_baseline():
    # the dashboard made under the projector style: its own, narrower picture for the room
    with plt.style.context("helpers.projector"):
        dashboard = symmetry_dashboard(init="random")
    return picture_figure(bytes(dashboard.image.value))


@pytest.mark.parametrize("gate", data.GATES)
@compare
def test_explorer_picture_matches_its_baseline(gate):
    explorer = perceptron_explorer(gate=gate)
    return picture_figure(bytes(explorer.image.value))


def test_a_picture_figure_saves_the_widgets_pixels_unchanged():
    explorer = perceptron_explorer(gate="xor")
    png = bytes(explorer.image.value)
    saved = io.BytesIO()
    picture_figure(png).savefig(saved, format="png", dpi=DPI)
    expected = np.asarray(Image.open(io.BytesIO(png)).convert("RGB"))
    assert np.array_equal(np.asarray(Image.open(saved).convert("RGB")), expected)
