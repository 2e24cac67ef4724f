"""Figures that change in place and render to PNG bytes, for the widgets.

Each figure is a matplotlib Figure made once, never registered with pyplot (so re-running a
notebook cell leaks nothing), drawn with the Agg renderer. To answer a slider quickly it draws in
two layers, the way matplotlib's "blitting" works:
  - the background (axes, ticks, curves over all epochs) is drawn once per training run, and
  - the "animated" artists (anything that depends on the current epoch) are drawn on top of a
    saved copy of that background at every step.
"""

import io

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator
from PIL import Image

from helpers import plots
from helpers.network import activate


class LiveFigure:
    """A Figure drawn in three layers, so that each change redraws only what it must:

    base      drawn once: everything that never changes (frames, titles, the network's nodes)
    per run   axes whose contents change with each training run (curves over all epochs, ticks)
    animated  artists that change at every step of a slider
    """

    def __init__(self, figsize: tuple[float, float], dpi: int = 72):
        self.figure = Figure(figsize=figsize, dpi=dpi)
        self.canvas = FigureCanvasAgg(self.figure)
        self.animated = []
        self.per_run_axes = []
        self.base = self.background = None

    def animate(self, artist):
        """Mark `artist` as one that changes from step to step; returns it."""
        artist.set_animated(True)
        self.animated.append(artist)
        return artist

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
        width, height = self.canvas.get_width_height()
        image = Image.frombuffer("RGBA", (width, height), self.canvas.buffer_rgba(), "raw", "RGBA", 0, 1)
        image = image.convert("RGB")  # the figure is opaque: a quarter less to compress
        buffer = io.BytesIO()
        image.save(buffer, format="png", compress_level=1)  # fast to encode, still small
        return buffer.getvalue()


def _curve_axes(figure, cell, last_epoch: int, epoch_labels: bool = True):
    """Axes for curves over the epochs, in two layers, because the epochs never change but the
    values do: a frame (box and epoch ticks) for the base layer, and on top of it a transparent
    axes with only the value axis and the curves, redrawn with each run. Returns (frame, axes)."""
    frame = figure.add_subplot(cell)
    frame.set_xlim(0, last_epoch)
    frame.xaxis.set_major_locator(MaxNLocator(4, integer=True))
    frame.tick_params(left=False, labelleft=False, labelbottom=epoch_labels)
    ax = figure.add_subplot(cell)
    ax.set_xlim(0, last_epoch)
    ax.patch.set_visible(False)
    ax.xaxis.set_visible(False)
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.yaxis.set_major_locator(MaxNLocator(3))  # few labels: text is the slowest thing to draw
    ax.tick_params(left=False)
    return frame, ax


def _static_labels(figure, ax, title: str, xlabel: str = "", ylabel: str = "", fontsize: float = 11) -> None:
    """Title and axis labels as figure text, in the base layer: drawn once, not with every run."""
    box = ax.get_position()
    middle = (box.x0 + box.x1) / 2
    figure.text(middle, box.y1 + 0.012, title, ha="center", va="bottom", fontsize=fontsize + 1)
    if xlabel:
        figure.text(middle, box.y0 - 0.045, xlabel, ha="center", va="top", fontsize=fontsize)
    if ylabel:
        figure.text(box.x0 - 0.04, (box.y0 + box.y1) / 2, ylabel, ha="right", va="center",
                    rotation=90, fontsize=fontsize)


def line_in_box(weights: np.ndarray, bias: float, box: tuple[float, float, float, float]):
    """Two end points of the line weights[0] x + weights[1] y + bias = 0 across box (x0, x1, y0, y1).

    Returns ([x_a, x_b], [y_a, y_b]); empty lists when the weights are both 0 (no line).
    """
    x0, x1, y0, y1 = box
    w_x, w_y = weights
    if abs(w_y) >= abs(w_x) and w_y != 0:  # mostly horizontal: solve for y at both edges
        return [x0, x1], [-(w_x * x0 + bias) / w_y, -(w_x * x1 + bias) / w_y]
    if w_x != 0:                             # mostly vertical: solve for x at both edges
        return [-(w_y * y0 + bias) / w_x, -(w_y * y1 + bias) / w_x], [y0, y1]
    return [], []


class SymmetryFigure(LiveFigure):
    """The dashboard's figure for a 2-input network with n_hidden hidden neurons.

    Top row: every hidden neuron's incoming weights over the epochs; the network with the current
    weights; the loss; the smallest distance between two neurons' weight vectors.
    Bottom row: each hidden neuron's activation over the input plane at the current epoch.
    """

    def __init__(self, n_hidden: int, last_epoch: int, resolution: int = 40, dpi: int = 72):
        super().__init__(figsize=(12.5, 7.0), dpi=dpi)
        self.n_hidden, self.resolution = n_hidden, resolution
        rows = self.figure.add_gridspec(2, 1, height_ratios=[1.3, 1], left=0.06, right=0.985, top=0.95,
                                        bottom=0.02, hspace=0.3)
        top = rows[0].subgridspec(2, 3, width_ratios=[1.6, 0.9, 1.1], wspace=0.3, hspace=0.7)
        frame, self.ax_weights = _curve_axes(self.figure, top[:, 0], last_epoch)
        self.ax_network = self.figure.add_subplot(top[:, 1])
        frame, self.ax_loss = _curve_axes(self.figure, top[0, 2], last_epoch, epoch_labels=False)
        frame, self.ax_distance = _curve_axes(self.figure, top[1, 2], last_epoch)
        bottom = rows[1].subgridspec(1, max(n_hidden, 4), wspace=0.12)
        self.panels = [self.figure.add_subplot(bottom[0, j]) for j in range(n_hidden)]
        self.per_run_axes = [self.ax_weights, self.ax_loss, self.ax_distance]

        self.weight_lines = [[self.ax_weights.plot([], [], color=plots.neuron_color(j),
                                                   linestyle=plots.INPUT_LINESTYLES[i], linewidth=2)[0]
                              for i in range(2)] for j in range(n_hidden)]
        _static_labels(self.figure, self.ax_weights, "incoming weights of every hidden neuron",
                       "epoch    (solid: weight from x₁, dashed: weight from x₂)", "weight")
        self.loss_line, = self.ax_loss.plot([], [], color="black", linewidth=2)
        _static_labels(self.figure, self.ax_loss, "loss")
        self.distance_line, = self.ax_distance.plot([], [], color="black", linewidth=2)
        _static_labels(self.figure, self.ax_distance, "smallest distance between two neurons",
                       "epoch", fontsize=10)
        self.markers = [self.animate(ax.axvline(0, color="0.5", linewidth=1))
                        for ax in self.per_run_axes]

        self.network = plots.draw_network(self.ax_network, layer_sizes=(2, n_hidden, 1), node_size=500)
        self.ax_network.set_xticks([])
        self.ax_network.spines["bottom"].set_visible(False)
        for artist in [self.network["edges"], self.network["nodes"]] + self.network["labels"]:
            self.animate(artist)  # the nodes too, so that they are drawn over the edges
        self.ax_network.set_title("the network at this epoch")

        self.images, self.neuron_lines, self.point_sets = [], [], []
        for j, ax in enumerate(self.panels):
            self.images.append(self.animate(ax.imshow(np.zeros((resolution, resolution)), origin="lower",
                                                      cmap=plots.neuron_colormap(j), aspect="auto",
                                                      interpolation="nearest")))
            self.neuron_lines.append(self.animate(ax.plot([], [], color="black", linestyle="--", linewidth=1.5)[0]))
            # markers on a Line2D draw much faster than a scatter collection
            zeros, = ax.plot([], [], "o", markersize=3.5, markerfacecolor="white", markeredgecolor="black")
            ones, = ax.plot([], [], "s", markersize=3.5, markerfacecolor="black", markeredgecolor="black")
            self.point_sets.append((self.animate(zeros), self.animate(ones)))
            ax.set_xticks([])
            ax.set_yticks([])
            ax.set_title(f"hidden neuron {j + 1}: activation", color=plots.neuron_color(j), fontsize=10)

    def show_run(self, history, X, Y, distances: np.ndarray) -> None:
        """Draw the curves of a new training run (the background); call show_epoch() next."""
        self.history = history
        epochs = history.epochs
        for j in range(self.n_hidden):
            for i in range(2):
                self.weight_lines[j][i].set_data(epochs, history.W1[:, i, j])
        self.loss_line.set_data(epochs, history.loss)
        self.distance_line.set_data(epochs, distances)
        for ax, values in ((self.ax_weights, history.W1), (self.ax_loss, history.loss)):
            low, high = float(np.min(values)), float(np.max(values))
            pad = max(0.08 * (high - low), 0.05 * max(abs(high), 1e-3))
            ax.set_ylim(low - pad, high + pad)
        # Distances start at 0; a flat line at 0 (identical neurons) should look like 0, not noise.
        self.ax_distance.set_ylim(0, max(1.1 * float(np.max(distances)), 0.1))
        self.edge_scale = max(np.abs(history.W1).max(), np.abs(history.W2).max(), 1e-12)

        xs, ys, self.grid_points = plots.input_grid(X, self.resolution)
        self.box = (xs[0], xs[-1], ys[0], ys[-1])
        labels = Y[:, 0] > 0.5
        for ax, image, (zeros, ones) in zip(self.panels, self.images, self.point_sets):
            image.set_extent(self.box)  # the panels' frames are in the base layer: same size always
            ax.set_xlim(self.box[:2])
            ax.set_ylim(self.box[2:])
            zeros.set_data(*X[~labels].T)
            ones.set_data(*X[labels].T)
        self.redraw_background()

    def show_epoch(self, record: int) -> None:
        """Show snapshot number `record` of the run: the markers, the network and the panels."""
        history = self.history
        for marker in self.markers:
            marker.set_xdata([history.epochs[record]] * 2)
        params = history.params_at(record)
        self.network["weight_scale"] = self.edge_scale
        plots.update_network(self.network, params)
        sums = self.grid_points @ params["W1"] + params["b1"]
        hidden = activate(sums, history.activation)
        for j, (image, line) in enumerate(zip(self.images, self.neuron_lines)):
            values = hidden[:, j].reshape(self.resolution, self.resolution)
            image.set_data(values)
            image.set_clim(*plots.activation_range(history.activation, values))
            line.set_data(*line_in_box(params["W1"][:, j], params["b1"][j], self.box))


class PerceptronFigure(LiveFigure):
    """One perceptron over the four points of a logic gate: its line and the half-plane it calls 1."""

    box = (-0.5, 1.5, -0.5, 1.5)

    def __init__(self, resolution: int = 60, dpi: int = 72):
        super().__init__(figsize=(4.2, 4.2), dpi=dpi)
        self.ax = self.figure.add_axes((0.16, 0.13, 0.8, 0.78))
        self.per_run_axes = [self.ax]  # redrawn whenever the gate (and so the points) changes
        xs = np.linspace(self.box[0], self.box[1], resolution)
        grid_x, grid_y = np.meshgrid(xs, xs)
        self.grid_points = np.column_stack([grid_x.ravel(), grid_y.ravel()])
        self.resolution = resolution
        self.region = self.animate(self.ax.imshow(np.zeros((resolution, resolution)), origin="lower",
                                                  extent=self.box, cmap="Greys", vmin=0, vmax=3.5, aspect="auto"))
        self.line = self.animate(self.ax.plot([], [], color=plots.neuron_color(0), linewidth=2.5)[0])
        self.ax.set(xlim=self.box[:2], ylim=self.box[2:], xlabel="input $x_1$", ylabel="input $x_2$")

    def show_points(self, X, Y, title: str) -> None:
        """Draw the gate's four points (the background) under a title."""
        for collection in list(self.ax.collections):
            collection.remove()
        plots.plot_points(self.ax, X, Y, size=120)
        self.ax.set_title(f"{title}: shaded = the perceptron says 1")
        self.redraw_background()

    def show_line(self, weights: np.ndarray, bias: float) -> None:
        """Shade where weights . x + bias > 0 and draw the line where it equals 0."""
        says_one = (self.grid_points @ weights + bias > 0).reshape(self.resolution, self.resolution)
        self.region.set_data(says_one.astype(np.float64))
        self.line.set_data(*line_in_box(weights, bias, self.box))
