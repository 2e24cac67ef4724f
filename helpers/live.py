"""Figures that change in place and render to PNG bytes, for the widgets.

Every panel is drawn and updated by helpers.plots (its draw_/update_ functions and panel
classes), the same code that draws the notebooks' static figures; this module only puts panels
together, says which artists change, and renders the picture (helpers.png encodes it). Each
figure is a matplotlib Figure made once, never registered with pyplot, drawn with the Agg
renderer. To answer a slider quickly it draws in layers, the way matplotlib's "blitting" works:
  - the background (axes, ticks, curves over all epochs) is drawn once per training run, and
  - the "animated" artists (anything that depends on the current epoch) are drawn on top of a
    saved copy of that background at every step.

A figure reads the active matplotlib style when it is made (font size, line widths, figure.dpi):
made inside `plt.style.context("helpers.projector")`, its text is 14 pt. Its layout is computed
once, then, by matplotlib's constrained layout (so larger text still fits) and then frozen: no
layout step runs while a slider moves.
"""

import numpy as np
from matplotlib import rcParams
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from helpers import plots
from helpers.png import png_from_rgba


class LiveFigure:
    """A Figure drawn in three layers, so that each change redraws only what it must:

    base      drawn once: everything that never changes (frames, titles, the network's nodes)
    per run   axes whose contents change with each training run (curves over all epochs, ticks)
    animated  artists that change at every step of a slider
    """

    def __init__(self, width_px: int, height_px: int, dpi: float | None = None):
        """A figure of width_px x height_px pixels at `dpi` (default: the style's figure.dpi)."""
        dpi = dpi or rcParams["figure.dpi"]
        self.figure = Figure(figsize=(width_px / dpi, height_px / dpi), dpi=dpi)
        self.canvas = FigureCanvasAgg(self.figure)
        self.animated = []
        self.per_run_axes = []
        self.base = self.background = None

    def freeze_layout(self) -> None:
        """Lay the figure out once with constrained layout (titles, labels and tick labels of
        the current text size fit), then keep those positions: no layout work per redraw."""
        self.figure.set_layout_engine("constrained")
        self.figure.get_layout_engine().execute(self.figure)
        self.figure.set_layout_engine("none")
        # Pin the y label of each per-run axes where this layout put it. Left free, matplotlib
        # moves a label left of its axis' widest tick label at every draw, and a run with wider
        # tick labels than the layout's would push it out of the picture. An axes without a label
        # is pinned too: nothing is drawn there, but matplotlib no longer measures every tick label
        # to place it (about 5 ms of each settings change).
        self.figure.draw_without_rendering()
        for ax in self.per_run_axes:
            x_pixels = ax.yaxis.label.get_position()[0]
            ax.yaxis.set_label_coords(ax.transAxes.inverted().transform((x_pixels, 0))[0], 0.5)

    def animate(self, *artists) -> None:
        """Mark `artists` as ones that change from step to step; they are drawn in this order."""
        for artist in artists:
            artist.set_animated(True)
            self.animated.append(artist)

    def redraw_background(self) -> None:
        """Draw the per-run axes over the base (drawing the base first if needed); keep a copy."""
        if self.base is None:
            for ax in self.per_run_axes:
                ax.set_visible(False)
            self.canvas.draw()
            self.base = self.canvas.copy_from_bbox(self.figure.bbox)
            for ax in self.per_run_axes:
                ax.set_visible(True)
        self.canvas.restore_region(self.base)
        for ax in self.per_run_axes:
            self.figure.draw_artist(ax)  # draws the axes and its children, except animated ones
        self.background = self.canvas.copy_from_bbox(self.figure.bbox)

    def png(self) -> bytes:
        """The figure as PNG bytes: the saved background plus the animated artists."""
        if self.background is None:
            self.redraw_background()
        self.canvas.restore_region(self.background)
        for artist in self.animated:
            self.figure.draw_artist(artist)
        return png_from_rgba(np.asarray(self.canvas.buffer_rgba()))


# While the layout is computed, the value axes show these limits: their tick labels ("-0.02",
# "0.01") are as wide as a run's usually are (a zero start's weights: "-0.04"), so the layout
# leaves room for them.
LAYOUT_VALUE_LIMITS = {"linear": (-0.025, 0.025), "log": (0.01, 1.0)}


def _curve_axes(figure, cell, *, last_epoch: int, title: str, xlabel: str = "", ylabel: str = "",
                title_size: str = "large", epoch_ticks: int = 4):
    """Axes for curves over the epochs, in two layers, because the epochs never change but the
    values do: a frame (box, epoch ticks, title and labels) for the base layer, drawn once, and on
    top of it a transparent axes with only the value axis and the curves, redrawn with each run.
    Returns the latter. Sizes are relative to rcParams["font.size"], so that a style scales them."""
    frame = figure.add_subplot(cell)
    frame.set_xlim(0, last_epoch)
    frame.xaxis.set_major_locator(MaxNLocator(epoch_ticks, integer=True))
    frame.tick_params(left=False, labelleft=False, labelbottom=bool(xlabel))
    frame.set_title(title, fontsize=title_size)
    frame.set_xlabel(xlabel)
    ax = figure.add_subplot(cell)
    ax.patch.set_visible(False)
    ax.xaxis.set_visible(False)
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.tick_params(left=False)
    ax.set_ylabel(ylabel)
    return ax


def _few_value_ticks(ax) -> None:
    ax.yaxis.set_major_locator(MaxNLocator(3))  # few labels: text is the slowest thing to draw


# The dashboard's picture: at most as wide as a notebook cell shows unshrunk (plots.CELL_WIDTH_PX).
DASHBOARD_PIXELS = (950, 620)
# ... and for the room: beside the controls, on a 1280x720 projector in JupyterLab's Presentation
# Mode and Simple Interface (the notebook shows about 1050 x 600 pixels of output there).
ROOM_DASHBOARD_PIXELS = (700, 560)
EXPLORER_PIXELS = (450, 450)


class SymmetryFigure(LiveFigure):
    """The dashboard's figure for a 2-input network with n_hidden hidden neurons.

    Top row: every hidden neuron's incoming weights over the epochs; the network with the current
    weights; the loss; the smallest distance between two neurons' weight vectors.
    Bottom row: each hidden neuron's activation over the input plane at the current epoch.
    A picture narrower than DASHBOARD_PIXELS (the room's) has fewer epoch ticks, smaller top
    titles and shorter panel titles, so that its text keeps its size and still does not overlap.
    """

    def __init__(self, n_hidden: int, last_epoch: int, resolution: int = 40, dpi: float | None = None,
                 pixels: tuple[int, int] = DASHBOARD_PIXELS):
        super().__init__(*pixels, dpi=dpi)
        self.n_hidden, self.resolution = n_hidden, resolution
        narrow = pixels[0] < DASHBOARD_PIXELS[0]
        curves = {"last_epoch": last_epoch, "epoch_ticks": 2 if narrow else 4}
        rows = self.figure.add_gridspec(2, 1, height_ratios=[1.35, 1])
        top = rows[0].subgridspec(2, 3, width_ratios=[1.3, 1.1, 1.1])
        self.ax_weights = _curve_axes(self.figure, top[:, 0], title="incoming weights",
                                      xlabel="epoch (solid: from x₁,\ndashed: from x₂)", ylabel="weight",
                                      title_size="medium" if narrow else "large", **curves)
        self.ax_network = self.figure.add_subplot(top[:, 1])
        self.ax_loss = _curve_axes(self.figure, top[0, 2], title="loss", title_size="medium", **curves)
        self.ax_distance = _curve_axes(self.figure, top[1, 2], title="smallest distance", xlabel="epoch",
                                       title_size="medium", **curves)
        columns = max(n_hidden, 4)
        bottom = rows[1].subgridspec(1, columns + 1, width_ratios=[1] * columns + [0.25])
        self.panels = [self.figure.add_subplot(bottom[0, j]) for j in range(n_hidden)]
        self.ax_key = self.figure.add_subplot(bottom[0, columns])
        self.per_run_axes = [self.ax_weights, self.ax_loss, self.ax_distance]

        self.weight_lines = plots.draw_weight_history(self.ax_weights, 2, n_hidden)
        self.loss_line = plots.draw_loss(self.ax_loss)
        self.distance_line = plots.draw_neuron_distance(self.ax_distance)
        for ax in (self.ax_weights, self.ax_distance):  # the loss axis is logarithmic: ticks at powers of ten
            _few_value_ticks(ax)
            ax.set_ylim(LAYOUT_VALUE_LIMITS["linear"])
        self.ax_loss.set_ylim(LAYOUT_VALUE_LIMITS["log"])
        self.markers = [ax.axvline(0, color="0.5", linewidth=plots.line_width(2 / 3))
                        for ax in self.per_run_axes]
        self.animate(*self.markers)

        self.network = plots.draw_network(self.ax_network, layer_sizes=(2, n_hidden, 1), key=True)
        self.ax_network.set_xticks([])
        self.ax_network.spines["bottom"].set_visible(False)
        self.ax_network.set_title("the network")
        if narrow:
            self.ax_network.title.set_fontsize("medium")

        self.activations = plots.ActivationPanels(self.panels, n_hidden, point_size=12, key_ax=self.ax_key,
                                                  title="neuron {number}" if narrow else "hidden neuron {number}")
        for j, ax in enumerate(self.panels):
            ax.set_xticks([])
            ax.set_yticks([])
            ax.set_xlabel("x₁")
            ax.set_ylabel("x₂" if j == 0 else "")
            ax.title.set_fontsize("medium")

        self.freeze_layout()
        for ax in self.per_run_axes:
            ax.set_autoscaley_on(True)  # the layout's stand-in limits are gone: each run fits its curves
        self.network.fit_nodes_to_axes()
        self.network.end_edges_at_nodes()  # only the edges change: nodes and labels stay in the base
        self.animate(self.network.edges)
        self.animate(*self.activations.images)
        for ax, line, points in zip(self.panels, self.activations.lines, self.activations.points, strict=True):
            self.animate(*ax.spines.values(), line, *points)  # the frame too: the image covers it

    def show_run(self, history, X, Y, distances: np.ndarray) -> None:
        """Draw the curves of a new training run (the background); call show_epoch() next."""
        self.history = history
        plots.update_weight_history(self.weight_lines, history)
        plots.update_loss(self.loss_line, history)
        plots.update_neuron_distance(self.distance_line, history.epochs, distances)
        # one width scale for the whole run, so that an edge's width compares across epochs
        self.network.weight_scale = plots.largest_weight(history.W1, history.W2)
        self.activations.show_samples(X, Y, self.resolution)
        if self.activations.key.update(history.activation):
            self.base = None  # the base layer holds the key: draw it again, once
        self.redraw_background()

    def show_epoch(self, record: int) -> None:
        """Show snapshot number `record` of the run: the markers, the network and the panels."""
        history = self.history
        for marker in self.markers:
            marker.set_xdata([history.epochs[record]] * 2)
        params = history.params_at(record)
        self.network.update(params)
        self.activations.update(params, history.activation)


class PerceptronFigure(LiveFigure):
    """One perceptron over the four points of a logic gate: its line, the half-plane it calls 1,
    the points on top, and a ring around each point it gets wrong (plots.PerceptronPanel)."""

    def __init__(self, dpi: float | None = None):
        super().__init__(*EXPLORER_PIXELS, dpi=dpi)
        self.ax = self.figure.add_subplot()
        self.per_run_axes = [self.ax]  # redrawn whenever the gate (and so the points) changes
        self.perceptron = plots.PerceptronPanel(self.ax, plots.GATE_BOX, point_size=120)
        self.points = self.perceptron.points
        # the frame after the region, which would cover it; the points and rings last, on top of everything
        self.animate(self.perceptron.region, *self.ax.spines.values(), self.perceptron.line, *self.points,
                     self.perceptron.rings)
        self.ax.set(xticks=[0, 1], yticks=[0, 1], xlabel="input $x_1$", ylabel="input $x_2$")
        self.ax.set_title("XOR\nshaded: the perceptron says 1")  # the longest title, for the layout
        self.freeze_layout()

    def show_points(self, X, Y, title: str) -> None:
        """Show the gate's four points under a title."""
        self.perceptron.show_samples(X, Y)
        self.ax.set_title(f"{title}\nshaded: the perceptron says 1")
        self.redraw_background()

    def show_line(self, weights: np.ndarray, bias: float) -> None:
        """Shade where weights . x + bias > 0, draw the line where it equals 0, ring the mistakes."""
        self.perceptron.update(weights, bias)
