"""Tests of the projector style (helpers/projector.mplstyle) and of the figures' defaults.

`plt.style.use("helpers.projector")` must reach every figure of the series: each kind of static
figure that helpers.plots draws (the widgets' pictures are tested in test_widget_pictures.py).
Without it, the defaults must still fit a notebook cell without shrinking text below about 10 pt,
and colours keep one meaning each.
"""

import base64
import io
import json
import re
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.collections import LineCollection
from matplotlib.colors import to_hex, to_rgb
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.text import Text
from PIL import Image

import helpers
from helpers import data, plots
from helpers.symmetry import smallest_neuron_distance

PROJECTOR = "helpers.projector"
PROJECTOR_MIN_PT = 14   # the smallest text the style allows
DEFAULT_MIN_PT = 10     # without the style: matplotlib's default text size, never shrunk below it
NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"

X, Y = data.logic_gate("xor")
PARAMS = helpers.init_params(2, 4, 1, seed=0)
HISTORY = helpers.train(X, Y, helpers.init_params(2, 4, 1, seed=0), epochs=200, record_every=10)


def _figure(columns: int = 1, rows: int = 1, panel_aspect: float | None = None):
    figure = Figure(figsize=plots.figure_size(columns, rows, panel_aspect), layout="constrained")
    return figure, figure.subplots(rows, columns, squeeze=False).ravel()


def _points():
    figure, (ax,) = _figure()
    plots.plot_points(ax, X, Y)
    return figure


def _decision_regions():
    figure, (ax,) = _figure()
    plots.plot_decision_regions(ax, HISTORY.params, X, Y)
    return figure


def _perceptron():
    figure, (ax,) = _figure(panel_aspect=1.0)
    plots.plot_perceptron(ax, np.array([1.0, 1.0]), -1.5, X, Y)
    return figure


def _hidden_activations():
    figure, axes = _figure(4, 1, panel_aspect=1.0)
    plots.plot_hidden_activations(axes, PARAMS, X, Y)
    return figure


def _weight_history():
    figure, (ax,) = _figure()
    plots.plot_weight_history(ax, HISTORY)
    return figure


def _loss():
    figure, (ax,) = _figure()
    plots.plot_loss(ax, HISTORY)
    return figure


def _neuron_distance():
    figure, (ax,) = _figure()
    plots.update_neuron_distance(plots.draw_neuron_distance(ax), HISTORY.epochs, smallest_neuron_distance(HISTORY.W1))
    ax.set(xlabel="epoch", ylabel="smallest distance", title="smallest distance between two hidden neurons")
    return figure


def _network():
    figure, (ax,) = _figure(panel_aspect=1.0)
    plots.draw_network(ax, PARAMS)
    ax.set_title("the network")
    return figure


# One representative figure per panel of helpers.plots (that every panel has a figure is checked
# once, for the baseline figures, in test_figure_baselines.py).
FIGURES = {"points": _points, "decision_regions": _decision_regions, "perceptron": _perceptron,
           "hidden_activations": _hidden_activations, "weight_history": _weight_history,
           "loss": _loss, "neuron_distance": _neuron_distance, "network": _network}


def drawn(make, style: str = "default") -> Figure:
    """The figure made (and drawn once, so that every tick label exists) inside `style`."""
    with plt.style.context(style):
        figure = make()
        figure.canvas.draw()
    return figure


def text_sizes(figure: Figure) -> list[float]:
    """The size in points of every visible, non-empty piece of text in the figure."""
    return [text.get_fontsize() for text in figure.findobj(Text)
            if text.get_visible() and text.get_text().strip() and text.get_figure(root=True) is figure]


def line_widths(figure: Figure) -> list[float]:
    """The widths in points of the figure's drawn lines (curves, edges; not tick marks)."""
    widths = [line.get_linewidth() for line in figure.findobj(Line2D)
              if line.get_visible() and line.get_linestyle() not in ("None", "", " ")
              and len(line.get_xdata()) != 1 and line.axes is not None and line not in line.axes.get_xticklines()
              and line not in line.axes.get_yticklines()]
    for collection in figure.findobj(LineCollection):
        widths.extend(np.atleast_1d(collection.get_linewidths()))
    return [float(width) for width in widths if width > 0]


def marker_sizes(figure: Figure) -> list[float]:
    """The sizes in points of the markers of the figure's data (not tick marks)."""
    return [line.get_markersize() for line in figure.findobj(Line2D)
            if line.get_visible() and line.get_marker() not in ("None", "", " ", None) and line.axes is not None
            and line not in line.axes.get_xticklines() and line not in line.axes.get_yticklines()]


def test_the_style_is_found_by_its_dotted_package_name():
    with plt.style.context(PROJECTOR):
        assert plt.rcParams["font.size"] == PROJECTOR_MIN_PT
        assert plt.rcParams["figure.dpi"] * plt.rcParams["figure.figsize"][0] <= plots.CELL_WIDTH_PX


@pytest.mark.parametrize("kind", FIGURES)
def test_the_projector_style_sets_every_text_of_every_figure_kind_at_14_pt_or_more(kind):
    sizes = text_sizes(drawn(FIGURES[kind], PROJECTOR))
    assert sizes, f"{kind}: no text found"
    assert min(sizes) >= PROJECTOR_MIN_PT, f"{kind}: text of {min(sizes):g} pt under the projector style"


@pytest.mark.parametrize("kind", FIGURES)
def test_the_projector_style_makes_text_and_lines_larger_than_the_default(kind):
    default, styled = drawn(FIGURES[kind]), drawn(FIGURES[kind], PROJECTOR)
    assert max(text_sizes(styled)) > max(text_sizes(default))
    if line_widths(default):
        assert np.median(line_widths(styled)) > np.median(line_widths(default)), f"{kind}: lines no thicker"
    else:  # markers only: they grow instead
        assert np.median(marker_sizes(styled)) > np.median(marker_sizes(default)), f"{kind}: markers no larger"


@pytest.mark.parametrize("kind", FIGURES)
def test_default_figures_fit_a_notebook_cell_with_text_of_10_pt_or_more(kind):
    figure = drawn(FIGURES[kind])
    assert figure.get_figwidth() * figure.dpi <= plots.CELL_WIDTH_PX
    assert min(text_sizes(figure)) >= DEFAULT_MIN_PT


@pytest.mark.parametrize("style", ["default", PROJECTOR])
@pytest.mark.parametrize("columns, rows", [(1, 1), (2, 1), (3, 1), (4, 2), (3, 3)])
def test_figure_size_never_exceeds_the_width_a_cell_shows_unshrunk(style, columns, rows):
    with plt.style.context(style):
        width, height = plots.figure_size(columns, rows)
        assert width * plt.rcParams["figure.dpi"] <= plots.CELL_WIDTH_PX
        assert height / rows >= plots.figure_size(columns, 1)[1] - 1e-9


@pytest.mark.parametrize("kind", [kind for kind in FIGURES if kind != "network"])
def test_every_panel_has_labelled_axes(kind):
    figure = drawn(FIGURES[kind])
    panels = [ax for ax in figure.axes if ax.get_label() != "<colorbar>" and ax.get_ylabel() != "activation"
              and ax.get_subplotspec() is not None]
    for ax in panels:
        assert ax.get_xlabel() and ax.get_ylabel(), f"{kind}: a panel without axis labels"


def test_decision_regions_have_a_colour_bar_and_activation_panels_a_key():
    regions = drawn(_decision_regions)
    assert any(ax.get_ylabel() == "network output" for ax in regions.axes), "no colour bar for the shading"
    activations = drawn(_hidden_activations)
    every_axes = [child for ax in activations.axes for child in (ax, *ax.child_axes)]
    assert any(ax.get_ylabel() == "activation" for ax in every_axes), "no key for the activations"


# --- colours: one meaning each --------------------------------------------------------------

def lab(color) -> np.ndarray:
    """CIELAB coordinates of an sRGB colour (D65 white)."""
    rgb = np.array(to_rgb(color))
    linear = np.where(rgb <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)
    xyz = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]]) @ linear
    f = np.cbrt(np.maximum(xyz / [0.95047, 1.0, 1.08883], (6 / 29) ** 3))
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def test_the_sign_colours_are_no_neuron_colour_and_differ_from_each_other():
    signs = list(plots.SIGN_COLORS.values())
    for sign in signs:
        for neuron in plots.NEURON_COLORS:
            assert np.linalg.norm(lab(sign) - lab(neuron)) > 25, f"{sign} looks like neuron colour {neuron}"
    assert np.linalg.norm(lab(signs[0]) - lab(signs[1])) > 50


def test_the_network_diagram_draws_signs_in_the_sign_colours_and_shows_their_key():
    params = {"W1": np.array([[2.0, -2.0]]), "b1": np.zeros(2), "W2": np.array([[2.0], [-2.0]]), "b2": np.zeros(1)}
    figure, (ax,) = _figure()
    diagram = plots.draw_network(ax, params)
    colours = [to_hex(colour) for colour in diagram.edges.get_colors()]
    assert colours == [plots.SIGN_COLORS[sign] for sign in ("positive", "negative", "positive", "negative")]
    key = ax.get_legend()
    assert key is not None, "no key for the sign colours"
    assert [to_hex(line.get_color()) for line in key.get_lines()] == [plots.SIGN_COLORS["positive"],
                                                                       plots.SIGN_COLORS["negative"]]
    neuron_faces = {to_hex(face) for face in diagram.nodes.get_facecolors()}
    assert not neuron_faces & set(plots.SIGN_COLORS.values())


# --- the notebooks' figures -----------------------------------------------------------------

def notebook_code() -> list[tuple[str, str]]:
    return [(path.name, "".join(cell["source"])) for path in sorted(NOTEBOOKS.glob("*.ipynb"))
            for cell in json.loads(path.read_text())["cells"] if cell["cell_type"] == "code"]


def test_no_notebook_hard_codes_a_font_size_or_a_figure_size():
    for name, source in notebook_code():
        assert "fontsize" not in source, f"{name}: a hard-coded font size overrides the style"
        assert not re.search(r"figsize=\(", source), f"{name}: a fixed figure size; use plots.figure_size()"


def test_every_saved_notebook_figure_fits_a_notebook_cell():
    sizes = []
    for path in sorted(NOTEBOOKS.glob("*.ipynb")):
        for cell in json.loads(path.read_text())["cells"]:
            for output in cell.get("outputs", []):
                shown = "".join(output.get("data", {}).get("text/plain", ""))
                sizes += [(path.name, float(width)) for width in re.findall(r"<Figure size ([\d.]+)x", shown)]
    assert sizes, "no figure found in the notebooks"
    for name, width in sizes:
        assert width <= plots.CELL_WIDTH_PX, f"{name}: a figure {width:g} px wide is shrunk in the cell"


@pytest.mark.parametrize("style", ["default", PROJECTOR])
def test_figures_have_an_opaque_background_for_a_dark_theme(style):
    # JupyterLab's dark theme shows a transparent figure's black text on a dark page
    with plt.style.context(style):
        figure = _loss()
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png")
    alpha = np.asarray(Image.open(buffer).convert("RGBA"))[..., 3]
    assert alpha.min() == 255


def test_every_saved_notebook_figure_is_opaque():
    checked = 0
    for path in sorted(NOTEBOOKS.glob("*.ipynb")):
        for cell in json.loads(path.read_text())["cells"]:
            for output in cell.get("outputs", []):
                if "image/png" in output.get("data", {}):
                    picture = Image.open(io.BytesIO(base64.b64decode(output["data"]["image/png"])))
                    alpha = np.asarray(picture.convert("RGBA"))[..., 3]
                    assert alpha.min() == 255, f"{path.name}, cell {cell['id']}: a transparent figure"
                    checked += 1
    assert checked, "no figure found in the notebooks"
