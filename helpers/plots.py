"""The figures of the series. Every function draws on a matplotlib Axes that you pass in.

Each panel is drawn one way, which the notebooks' static figures and the widgets' live figures
(helpers.live) share. A panel made of lines is a pair of functions:

    draw_*(ax, ...)            adds the panel's artists, still empty, and returns them
    update_*(artists, ...)     shows new values on those artists, drawing nothing new

A panel that keeps something of its own between updates (the perceptron's samples, the activation
panels' grid over the plane, the diagram's weight scale) is a small class that owns its update:
PerceptronPanel, ActivationPanels (with its ActivationKey), NetworkDiagram (made by draw_network).
plot_*(ax, ...) draws a whole panel and adds a title and axis labels: one call for a static figure.

One colour per hidden neuron, the same in every notebook: hidden neuron j is always
NEURON_COLORS[j] (the Okabe-Ito palette, readable with every common colour-vision deficiency).
A weight's sign has its own pair of colours, used for nothing else: SIGN_COLORS, olive for
positive and indigo for negative (Paul Tol's colour-blind-safe "muted" scheme; neither is a
neuron's colour), light grey for zero.

Sizes come from matplotlib's rcParams, so that a style sheet makes every figure larger at once
(`plt.style.use("helpers.projector")`): text sizes are relative ("large", "medium"), line widths
are multiples of rcParams["lines.linewidth"] (line_width), and figure sizes come from
rcParams["figure.figsize"] (figure_size), never wider than a notebook cell shows unshrunk.
"""

import numpy as np
from matplotlib import rcParams
from matplotlib.collections import LineCollection
from matplotlib.colors import LinearSegmentedColormap, Normalize, to_rgb
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Polygon
from matplotlib.ticker import FuncFormatter, NullFormatter

from helpers.network import ACTIVATIONS, check_params, forward_pass, hidden_layer
from helpers.perceptron import perceptron_predict
from helpers.training import History
from helpers.validation import check_array, check_choice, check_int, check_number, check_targets

NEURON_COLORS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#F0E442", "#000000")
SIGN_COLORS = {"positive": "#999933", "negative": "#332288"}  # olive and indigo: a weight's sign, nothing else
ZERO_WEIGHT_COLOR = "0.85"
WEIGHT_CMAP = LinearSegmentedColormap.from_list(
    "weight_sign", [SIGN_COLORS["negative"], ZERO_WEIGHT_COLOR, SIGN_COLORS["positive"]])
INPUT_LINESTYLES = ("-", "--", ":", "-.")

# Where a model says 1, the plane is shaded this light grey, never darker: the black squares and
# the black edges of the white circles (the samples) must stay visible on top of it.
REGION_SHADE = "0.78"
REGION_CMAP = LinearSegmentedColormap.from_list("says_one", ["white", REGION_SHADE])
GATE_BOX = (-0.5, 1.5, -0.5, 1.5)  # (x0, x1, y0, y1): the plane around the four points of a logic gate

# The colour scale of a hidden neuron's activation: its full range (relu has no top: see activation_range).
ACTIVATION_RANGES = {"sigmoid": (0.0, 1.0), "tanh": (-1.0, 1.0)}

# The distance axis starts at 0 and reaches 10% above the largest distance, and at least to 0.1:
# a flat line at 0 (identical neurons) then looks like 0, not like noise blown up.
DISTANCE_HEADROOM, DISTANCE_AXIS_MIN = 1.1, 0.1

PLAIN_NUMBER = FuncFormatter(lambda value, position: f"{value:g}")  # 0.1, not 10^-1: plain and fast text
LOG_MINOR_LABELS = (2, 3, 5)  # on a log axis spanning less than a decade, label 0.2, 0.3, 0.5 (and 2, 3, 5, ...)


def _label_some_minor_ticks(value: float, position) -> str:
    mantissa = round(value / 10 ** np.floor(np.log10(value)))
    return f"{value:g}" if mantissa in LOG_MINOR_LABELS else ""


EDGE_WIDTH_MIN, EDGE_WIDTH_MAX = 0.5, 6.0  # line widths (points) of a zero weight and of the largest,
                                           # at matplotlib's default line width (1.5): they scale with it
DEFAULT_LINE_WIDTH = 1.5  # rcParams["lines.linewidth"] without a style
THICK = 4 / 3             # the curves of the series: 2 pt at matplotlib's default line width
DEFAULT_MARKER_SIZE = 6.0  # rcParams["lines.markersize"] without a style

# A notebook cell shows a picture up to about 950 px wide without shrinking it (JupyterLab on a
# 1280-px screen): a figure at most this wide keeps its text at the size it was set in.
CELL_WIDTH_PX = 950
TEXT_LINES_PER_PANEL, LINE_SPACING = 3, 1.4  # a panel's title, tick labels and axis label, in text lines


def line_width(factor: float = 1.0) -> float:
    """A line width in points: `factor` times rcParams["lines.linewidth"], so that a style sheet
    with thicker lines thickens every line of the series."""
    return factor * rcParams["lines.linewidth"]


def thick() -> float:
    """The width of the series' curves: THICK times rcParams["lines.linewidth"] (2 pt by default)."""
    return line_width(THICK)


def marker_area(area: float) -> float:
    """A marker's area in points^2, given for matplotlib's default marker size and scaled with
    rcParams["lines.markersize"]."""
    return area * (rcParams["lines.markersize"] / DEFAULT_MARKER_SIZE) ** 2


def figure_size(columns: int = 1, rows: int = 1, panel_aspect: float | None = None,
                extra_lines: int = 0) -> tuple[float, float]:
    """(width, height) in inches of a figure with rows x columns panels, from the active style.

    One panel alone is rcParams["figure.figsize"]; side by side, panels share a width that a
    notebook cell shows unshrunk (CELL_WIDTH_PX at rcParams["figure.dpi"]), so their text keeps
    its size. `panel_aspect` is a panel's height / width (default: that of figure.figsize); a
    panel is never taller than figure.figsize. Each row also gets room for three lines of text
    (title, tick labels, axis label) at the style's font size, so that larger text does not
    squeeze the panels, and the figure `extra_lines` more (a suptitle's lines, a figure legend's
    rows). Lay many panels out in rows, not in one wide row.
    """
    columns, rows = check_int("columns", columns, minimum=1), check_int("rows", rows, minimum=1)
    extra_lines = check_int("extra_lines", extra_lines, minimum=0)
    width, height = rcParams["figure.figsize"]
    aspect = height / width if panel_aspect is None else check_number("panel_aspect", panel_aspect, positive=True)
    panel_width = min(width, CELL_WIDTH_PX / rcParams["figure.dpi"] / columns, height / aspect)
    line = LINE_SPACING * rcParams["font.size"] / 72  # inches
    height = rows * (panel_width * aspect + TEXT_LINES_PER_PANEL * line) + extra_lines * line
    return round(columns * panel_width, 2), round(height, 2)


def neuron_color(j: int) -> str:
    """The colour of hidden neuron j (0-based) in every figure of the series."""
    return NEURON_COLORS[check_int("j", j, minimum=0) % len(NEURON_COLORS)]


def neuron_colormap(j: int) -> LinearSegmentedColormap:
    """A colour map from white (activation 0) to hidden neuron j's colour (its largest activation)."""
    return LinearSegmentedColormap.from_list(f"neuron{j}", ["#ffffff", neuron_color(j)])


def relative_luminance(color) -> float:
    """How bright a colour looks, 0 (black) to 1 (white), as the WCAG contrast rules define it."""
    rgb = np.array(to_rgb(color))
    linear = np.where(rgb <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)
    return float(linear @ [0.2126, 0.7152, 0.0722])


def text_color_on(fill) -> str:
    """"black" or "white": whichever contrasts more with the fill colour (WCAG contrast ratio)."""
    luminance = relative_luminance(fill)
    on_white, on_black = 1.05 / (luminance + 0.05), (luminance + 0.05) / 0.05
    return "white" if on_white > on_black else "black"


def fit_value_axis(ax, epochs) -> None:
    """Fit a curve panel's axes to its curves: the epochs exactly, the values with matplotlib's
    usual margin (shared value axes, as in plt.subplots(sharey=True), fit all their curves)."""
    ax.set_xlim(epochs[0], epochs[-1])
    ax.relim()
    ax.autoscale_view(scalex=False)


# --- data points and decision regions ----------------------------------------------------------

def draw_points(ax, size: float = 40) -> tuple:
    """Empty markers for 2-D samples: class 0 as white circles, class 1 as black squares, so that
    the classes differ in shape as well as in colour. `size` is the marker's area in points^2
    (as in scatter) at matplotlib's default marker size (scaled with the style's).
    Returns (class_0, class_1), two Line2D for update_points()."""
    style = dict(linestyle="none", markersize=np.sqrt(marker_area(size)), markeredgecolor="black", zorder=3)
    class_0, = ax.plot([], [], marker="o", markerfacecolor="white", label="class 0", **style)
    class_1, = ax.plot([], [], marker="s", markerfacecolor="black", label="class 1", **style)
    return class_0, class_1


def update_points(points: tuple, X, Y) -> None:
    """Show the samples X (n_samples, 2) with targets Y on markers made by draw_points()."""
    X = np.asarray(X)
    labels = np.asarray(Y).reshape(len(X), -1)[:, 0] > 0.5
    points[0].set_data(*X[~labels].T)
    points[1].set_data(*X[labels].T)


def check_plane_samples(X, Y) -> tuple[np.ndarray, np.ndarray]:
    """Checked samples to draw in the plane: X (n_samples, 2) and targets Y, one row per sample."""
    X = check_array("X", X, ndim=2)
    if X.shape[1] != 2:
        raise ValueError(f"X must have two columns to be drawn in the plane; got shape {X.shape}")
    return X, check_targets("Y", Y, X.shape[0])


def check_activation(activation) -> str:
    return check_choice("activation", activation, tuple(ACTIVATIONS))


def check_history(history) -> History:
    if not isinstance(history, History):
        raise TypeError(f"history must be what helpers.train returns (a History); got {type(history).__name__}")
    return history


def plot_points(ax, X, Y, size: float = 40) -> tuple:
    """Draw 2-D samples: class 0 as white circles, class 1 as black squares (shape, not only colour)."""
    X, Y = check_plane_samples(X, Y)
    points = draw_points(ax, size)
    update_points(points, X, Y)
    ax.update_datalim(np.asarray(X, dtype=np.float64))
    ax.autoscale_view()
    ax.set_xlabel("input $x_1$")
    ax.set_ylabel("input $x_2$")
    return points


def input_grid(X, resolution: int = 80, margin: float = 0.4) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A square grid over the plane around the 2-D samples X.

    Returns (xs, ys, points): xs (resolution,), ys (resolution,), points (resolution**2, 2),
    row by row, so values computed at `points` reshape to (resolution, resolution) for imshow.
    """
    X = check_array("X", X, ndim=2)
    if X.shape[1] != 2:
        raise ValueError(f"X must have two columns to be drawn in the plane; got shape {X.shape}")
    resolution = check_int("resolution", resolution, minimum=2)
    margin = check_number("margin", margin, non_negative=True)
    low, high = X.min(axis=0) - margin, X.max(axis=0) + margin
    xs, ys = np.linspace(low[0], high[0], resolution), np.linspace(low[1], high[1], resolution)
    grid_x, grid_y = np.meshgrid(xs, ys)
    return xs, ys, np.column_stack([grid_x.ravel(), grid_y.ravel()])


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


def shade_output(ax, xs, ys, output: np.ndarray, colorbar: bool = True):
    """Shade the plane by a model's output (white = 0, grey = 1) with its colour bar, and draw the
    output = 0.5 boundary in black. output: (len(ys), len(xs)). Returns the shading (a
    ContourSet) for output_colorbar(), e.g. one colour bar for several panels."""
    shading = ax.contourf(xs, ys, output, levels=np.linspace(0, 1, 11), cmap=REGION_CMAP, vmin=0, vmax=1)
    if output.min() < 0.5 < output.max():
        ax.contour(xs, ys, output, levels=[0.5], colors="black", linewidths=line_width())
    if colorbar:
        output_colorbar(shading, ax)
    return shading


def output_colorbar(shading, ax):
    """The key of shade_output()'s shading, beside `ax` (one Axes, or a list of them)."""
    bar = np.ravel(ax)[0].figure.colorbar(shading, ax=ax, ticks=[0, 0.5, 1], fraction=0.08, pad=0.03)
    bar.set_label("network output")
    return bar


def plot_decision_regions(ax, params: dict, X, Y, activation: str = "sigmoid", resolution: int = 100,
                          colorbar: bool = True):
    """Shade the plane by the network's output (white = near 0, grey = near 1, with a colour bar
    unless colorbar=False), draw the output = 0.5 boundary and the samples on top.
    Returns the shading, for output_colorbar()."""
    params = check_params(params)
    X, Y = check_plane_samples(X, Y)
    check_activation(activation)
    xs, ys, points = input_grid(X, resolution)
    output = forward_pass(params, points, activation)[0][:, 0].reshape(resolution, resolution)
    shading = shade_output(ax, xs, ys, output, colorbar)
    plot_points(ax, X, Y)
    return shading


def half_plane_in_box(weights, bias: float, box: tuple[float, float, float, float]) -> np.ndarray:
    """The corners of the part of box (x0, x1, y0, y1) where weights . x + bias > 0, in order
    around it: shape (n_corners, 2), empty (0, 2) when that part is empty.

    The box's corners are walked around once (Sutherland-Hodgman clipping against one line): keep
    each corner on the positive side, and add the point where an edge crosses the line."""
    x0, x1, y0, y1 = box
    corners = np.array([[x0, y0], [x1, y0], [x1, y1], [x0, y1]])
    values = corners @ np.asarray(weights, dtype=np.float64) + bias
    kept = []
    for k in range(4):
        here, there = k, (k + 1) % 4
        if values[here] > 0:
            kept.append(corners[here])
        if (values[here] > 0) != (values[there] > 0):
            fraction = values[here] / (values[here] - values[there])
            kept.append(corners[here] + fraction * (corners[there] - corners[here]))
    return np.array(kept).reshape(-1, 2)


class PerceptronPanel:
    """One perceptron over the plane `box` (x0, x1, y0, y1): the half-plane where it says 1,
    shaded, its line in hidden neuron 1's colour, the samples on top, and a dashed ring around
    each sample it gets wrong. The static figures (plot_perceptron) and the explorer widget
    both draw it.

        panel = PerceptronPanel(ax)      the artists, still empty
        panel.show_samples(X, Y)         the samples (2-D, targets 0 or 1)
        panel.update(weights, bias)      the half-plane, the line and the rings
    """

    def __init__(self, ax, box: tuple[float, float, float, float] = GATE_BOX, point_size: float = 80):
        self.ax, self.box = ax, box
        self.region = Polygon(np.zeros((0, 2)), closed=True, facecolor=REGION_SHADE, edgecolor="none",
                              zorder=1, label="output 1")
        ax.add_patch(self.region)
        self.line, = ax.plot([], [], color=neuron_color(0), linewidth=line_width(5 / 3), zorder=2)
        self.points = draw_points(ax, point_size)
        self.rings = ax.scatter(np.empty(0), np.empty(0), s=marker_area(4.4 * point_size), facecolor="none",
                                edgecolor="black", linewidth=line_width(), linestyle="--", zorder=4, label="wrong")
        ax.set(xlim=box[:2], ylim=box[2:])
        self.X = self.labels = None

    def show_samples(self, X, Y) -> None:
        """Put the samples X (n_samples, 2) with 0/1 targets Y on the panel."""
        update_points(self.points, X, Y)
        self.X = np.asarray(X, dtype=np.float64)
        self.labels = np.asarray(Y).reshape(len(self.X), -1)[:, 0]

    def update(self, weights, bias: float) -> None:
        """Shade where weights . x + bias > 0, draw the line where it equals 0, ring the mistakes."""
        self.region.set_xy(half_plane_in_box(weights, bias, self.box))
        self.line.set_data(*line_in_box(weights, bias, self.box))
        wrong = perceptron_predict(np.asarray(weights, dtype=np.float64), bias, self.X) != self.labels
        self.rings.set_offsets(self.X[wrong])

    def legend_handles(self) -> list:
        """The key of the panel: the shaded side, the two classes, the rings."""
        shade = Patch(facecolor=REGION_SHADE, edgecolor="black", label="output 1")
        return [shade, *self.points, self.rings]


def plot_perceptron(ax, weights, bias: float, X, Y, title: str | None = None,
                    legend: bool = True) -> PerceptronPanel:
    """A perceptron's line and the half-plane it calls 1 over the square around a logic gate,
    with the samples (2-D) on top and the ones it gets wrong ringed; a legend right of the axes
    unless legend=False (for one legend under several panels: fig.legend(handles=panel.legend_handles())).
    Returns the PerceptronPanel."""
    X, Y = check_plane_samples(X, Y)
    weights = check_array("weights", weights, ndim=1)
    if weights.shape != (2,):
        raise ValueError(f"weights must be two numbers, one per input; got shape {weights.shape}")
    bias = check_number("bias", bias)
    panel = PerceptronPanel(ax)
    panel.show_samples(X, Y)
    panel.update(weights, bias)
    ax.set(xticks=[0, 1], yticks=[0, 1], xlabel="input $x_1$", ylabel="input $x_2$", aspect="equal")
    ax.set_title(title or "shaded: the perceptron says 1")
    if legend:
        ax.legend(handles=panel.legend_handles(), loc="upper left", bbox_to_anchor=(1.02, 1.0))
    return panel


# --- hidden neurons over the input plane --------------------------------------------------------

def activation_range(activation: str, values: np.ndarray) -> tuple[float, float]:
    """The colour scale of an activation panel: its full range (relu: 0 to the largest value)."""
    if activation in ACTIVATION_RANGES:
        return ACTIVATION_RANGES[activation]
    return 0.0, max(float(values.max()), 1e-9)


class ActivationPanels:
    """Small multiples: panel j shows hidden neuron j's activation over the input plane in its
    own colour, its line (where its weighted sum z_j is 0, dashed) and the samples.

        panels = ActivationPanels(axes, n_hidden)   the artists, still empty
        panels.show_samples(X, Y, resolution)       the samples, and the grid of the plane around them
        panels.update(params, activation)           each neuron's activation on that grid

    `axes` holds at least n_hidden Axes; `title` names each panel, in the neuron's colour, with
    {number} for the neuron's number. `key_ax`, if given, becomes the key of the shading
    (an ActivationKey, `panels.key`).
    """

    def __init__(self, axes, n_hidden: int, point_size: float = 25, title: str = "hidden neuron {number}",
                 key_ax=None):
        self.axes = list(np.ravel(axes))[:n_hidden]
        self.images, self.lines, self.points = [], [], []
        for j, ax in enumerate(self.axes):
            # colour first, then enlarge: the same pixels as the other way round for "nearest", in
            # one resampling of the image instead of two (the values and their mask)
            self.images.append(ax.imshow(np.zeros((2, 2)), origin="lower", cmap=neuron_colormap(j), aspect="auto",
                                         interpolation="nearest", interpolation_stage="rgba"))
            self.lines.append(ax.plot([], [], color="black", linestyle="--", linewidth=line_width())[0])
            self.points.append(draw_points(ax, point_size))
            ax.set_title(title.format(number=j + 1), color=neuron_color(j))
            ax.set_xlabel("input $x_1$")
            ax.set_ylabel("input $x_2$")
        self.key = None if key_ax is None else ActivationKey(key_ax, n_hidden)
        self.grid = self.box = None
        self.resolution = 0

    def show_samples(self, X, Y, resolution: int = 60) -> None:
        """Put the samples on every panel, and lay a resolution x resolution grid over the plane
        around them, on which update() computes each neuron's activation."""
        xs, ys, self.grid = input_grid(X, resolution)
        self.resolution, self.box = resolution, (xs[0], xs[-1], ys[0], ys[-1])
        for ax, image, points in zip(self.axes, self.images, self.points, strict=True):
            image.set_extent(self.box)
            ax.set(xlim=self.box[:2], ylim=self.box[2:])
            update_points(points, X, Y)

    def update(self, params: dict, activation: str) -> None:
        """Show each hidden neuron's activation for the weights `params` (call show_samples() first)."""
        _, hidden = hidden_layer(params, self.grid, activation)
        for j, (image, line) in enumerate(zip(self.images, self.lines, strict=True)):
            values = hidden[:, j].reshape(self.resolution, self.resolution)
            image.set_data(values)
            image.set_clim(*activation_range(activation, values))
            line.set_data(*line_in_box(params["W1"][:, j], params["b1"][j], self.box))


class ActivationKey:
    """The key of the activation panels: one colour strip per hidden neuron, from white (its
    lowest activation) to its full colour (its highest); update() labels the ends."""

    def __init__(self, ax, n_hidden: int):
        self.ax, self.activation = ax, None
        ramp = np.linspace(0, 1, 64)[:, None]
        for j in range(n_hidden):
            ax.imshow(ramp, origin="lower", cmap=neuron_colormap(j), extent=(j, j + 1, 0, 1), aspect="auto")
        ax.set(xlim=(0, n_hidden), ylim=(0, 1))
        ax.set_xticks([])
        ax.yaxis.tick_right()
        ax.yaxis.set_label_position("right")
        ax.set_ylabel("activation")
        ax.set_yticks([0, 1], ["low", "high"])

    def update(self, activation: str) -> bool:
        """Label the ends with the activation's range (relu: 0 to each neuron's largest value).
        Returns whether the labels changed."""
        if activation == self.activation:
            return False
        self.activation = activation
        low, high = ACTIVATION_RANGES.get(activation, (0.0, None))
        self.ax.set_yticks([0, 1], [f"{low:g}".replace("-", "−"), "its max" if high is None else f"{high:g}"])
        return True


def activation_key_axes(ax):
    """A narrow Axes just right of `ax`, for the key of a row of activation panels."""
    return ax.inset_axes([1.12, 0.0, 0.12, 1.0])


def plot_hidden_activations(axes, params: dict, X, Y, activation: str = "sigmoid", resolution: int = 60,
                            key: bool = True) -> list:
    """Small multiples: panel j shows hidden neuron j's activation over the input plane, in its
    own colour, with its own line (where its weighted sum z_j is 0) and the samples; with
    key=True a key of the colours (white = lowest activation, full colour = highest) right of
    the last panel.

    `axes` holds at least n_hidden Axes. Returns the images drawn, one per neuron.
    """
    params = check_params(params)
    X, Y = check_plane_samples(X, Y)
    check_activation(activation)
    check_int("resolution", resolution, minimum=2)
    n_hidden = params["W1"].shape[1]
    if len(np.ravel(axes)) < n_hidden:
        raise ValueError(f"axes must hold one Axes per hidden neuron ({n_hidden}); got {len(np.ravel(axes))}")
    key_ax = activation_key_axes(list(np.ravel(axes))[n_hidden - 1]) if key else None
    panels = ActivationPanels(axes, n_hidden, key_ax=key_ax)
    panels.show_samples(X, Y, resolution)
    panels.update(params, activation)
    if key:
        panels.key.update(activation)
    return panels.images


# --- training over time -----------------------------------------------------------------------

def draw_weight_history(ax, n_inputs: int, n_hidden: int) -> list:
    """Empty lines for every hidden neuron's incoming weights over the epochs: one colour per
    neuron, one line style per input. Returns lines[j][i] (neuron j, input i) for update_weight_history()."""
    lines = [[None] * n_inputs for _ in range(n_hidden)]
    # Draw the last neuron first so that neuron 1 ends on top when lines coincide.
    for j in reversed(range(n_hidden)):
        for i in range(n_inputs):
            lines[j][i], = ax.plot([], [], color=neuron_color(j), linewidth=thick(),
                                   linestyle=INPUT_LINESTYLES[i % len(INPUT_LINESTYLES)],
                                   label=f"neuron {j + 1}, weight from $x_{i + 1}$")
    return lines


def update_weight_history(lines: list, history: History) -> None:
    """Show a training run's weights on the lines of draw_weight_history(). Identical neurons
    draw identical lines, lying exactly on top of each other."""
    for j, neuron_lines in enumerate(lines):
        for i, line in enumerate(neuron_lines):
            line.set_data(history.epochs, history.W1[:, i, j])
    fit_value_axis(lines[0][0].axes, history.epochs)


def plot_weight_history(ax, history: History, title: str | None = None) -> list:
    """Every hidden neuron's incoming weights over the epochs: one colour per neuron, one line
    style per input. Identical neurons draw identical lines, lying exactly on top of each other.
    Returns the lines drawn."""
    lines = draw_weight_history(ax, *check_history(history).W1.shape[1:])
    update_weight_history(lines, history)
    ax.set_xlabel("epoch")
    ax.set_ylabel("incoming weight")
    ax.set_title(title or "incoming weights of every hidden neuron")
    return [line for j in reversed(range(len(lines))) for line in lines[j]]


def draw_loss(ax, label: str | None = None, color: str = "black"):
    """An empty loss curve on a logarithmic value axis, labelled in plain numbers (0.1, 0.02);
    returns its line for update_loss()."""
    ax.set_yscale("log")
    ax.yaxis.set_major_formatter(PLAIN_NUMBER)
    return ax.plot([], [], color=color, linewidth=thick(), label=label)[0]


def update_loss(line, history: History) -> None:
    """Show a training run's loss on the line of draw_loss()."""
    line.set_data(history.epochs, history.loss)
    ax = line.axes
    fit_value_axis(ax, history.epochs)
    # Within one decade no power of ten may be in view: then label a few ticks in between.
    low, high = ax.get_ylim()
    if high / low >= 10:
        ax.yaxis.set_minor_formatter(NullFormatter())
        return
    # No 0.2, 0.3 or 0.5 (times a power of ten) in view, as in 0.69 to 0.87: then label every tick.
    decade = 10 ** np.floor(np.log10(low))
    some_in_view = any(low <= mantissa * scale <= high
                       for scale in (decade, 10 * decade) for mantissa in LOG_MINOR_LABELS)
    ax.yaxis.set_minor_formatter(FuncFormatter(_label_some_minor_ticks) if some_in_view else PLAIN_NUMBER)


def plot_loss(ax, history: History, label: str | None = None, color: str = "black") -> None:
    """The loss over the epochs, on a logarithmic scale."""
    update_loss(draw_loss(ax, label, color), check_history(history))
    ax.set_xlabel("epoch")
    ax.set_ylabel(f"mean loss ({history.loss_name})")


def draw_neuron_distance(ax):
    """An empty curve of the smallest distance between two hidden neurons; returns its line."""
    return ax.plot([], [], color="black", linewidth=thick())[0]


def update_neuron_distance(line, epochs, distances) -> None:
    """Show the smallest distance at each recorded epoch on the line of draw_neuron_distance().
    The axis starts at 0: a flat line at 0 means identical neurons, and must look like 0."""
    line.set_data(epochs, distances)
    line.axes.set(xlim=(epochs[0], epochs[-1]), ylim=(0, max(DISTANCE_HEADROOM * np.max(distances), DISTANCE_AXIS_MIN)))


# --- the network diagram ------------------------------------------------------------------------

def draw_network(ax, params: dict | None = None, layer_sizes=None, weight_scale: float | None = None,
                 node_size: float | None = None, key: bool | None = None) -> "NetworkDiagram":
    """Draw a network with one hidden layer: inputs on the left, hidden neurons (each in its own
    colour) in the middle, outputs on the right.

    With `params`, each edge's width and colour show its weight (SIGN_COLORS: olive positive,
    indigo negative, wider = larger, up to the widest at `weight_scale`, default: the largest
    weight); a key below the diagram says so, unless key=False. Without, give `layer_sizes` like
    (3, 4, 2) for a plain diagram. `node_size` is a node's area in points^2 (default: big enough
    for its label at the style's font size). Returns the NetworkDiagram, whose update(params)
    shows other weights without redrawing.
    """
    if params is not None:
        params = check_params(params)
        layer_sizes = (params["W1"].shape[0], params["W1"].shape[1], params["W2"].shape[1])
    sizes_ok = (isinstance(layer_sizes, tuple | list) and len(layer_sizes) == 3
                and all(isinstance(size, int | np.integer) and size >= 1 for size in layer_sizes))
    if not sizes_ok:
        raise ValueError(f"layer_sizes must be three positive sizes like (3, 4, 2); got {layer_sizes!r}")
    if weight_scale is not None:
        weight_scale = check_number("weight_scale", weight_scale, positive=True)
    diagram = NetworkDiagram(ax, layer_sizes, weight_scale, node_size,
                             key=params is not None if key is None else key)  # no weights, nothing to key
    if params is not None:
        diagram.update(params)
    return diagram


KEY_ROW_HEIGHT = 0.9  # data units below the lowest node, per row of the sign key
NODE_FILL = 0.7       # a node's diameter: at most this fraction of the distance to its neighbour


def largest_weight(*weights: np.ndarray) -> float:
    """The largest |weight| in the arrays (at least 1e-12): the widest edge of a diagram."""
    return max(max(float(np.abs(array).max()) for array in weights), 1e-12)


class NetworkDiagram:
    """A network diagram's artists: `edges` (one LineCollection), `nodes` (one collection),
    `labels`, the sign `key` (or None), and the `weight_scale` its edges' widths are measured
    against (None: each update's largest weight). Made by draw_network()."""

    def __init__(self, ax, layer_sizes, weight_scale: float | None = None, node_size: float | None = None,
                 key: bool = True):
        self.ax, self.weight_scale = ax, weight_scale
        positions = [np.column_stack([np.full(n, float(layer)), (n - 1) / 2 - np.arange(n)])
                     for layer, n in enumerate(layer_sizes)]  # layer by layer, centred vertically
        segments = [[positions[layer][a], positions[layer + 1][b]]
                    for layer in (0, 1) for a in range(layer_sizes[layer]) for b in range(layer_sizes[layer + 1])]
        self.edges = LineCollection(segments, colors="0.6", linewidths=line_width(), zorder=1)
        ax.add_collection(self.edges)
        subscript = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")  # plain text draws much faster than $h_1$
        points = np.vstack(positions)
        faces = (["white"] * layer_sizes[0] + [neuron_color(k) for k in range(layer_sizes[1])]
                 + ["white"] * layer_sizes[2])
        key_rows = 0 if not key else 1 if self._key_fits_in_one_row() else 2
        top = max(layer_sizes) / 2
        ax.set_xlim(-0.4, 2.4)
        ax.set_ylim(-top - KEY_ROW_HEIGHT * key_rows, top)  # room below the nodes for the key
        if node_size is None:  # 30 pt across at 10-pt text (room for "h₁"), less if the axes is small
            node_size = self._node_diameter(rcParams["font.size"], largest=3 * rcParams["font.size"]) ** 2
        self.nodes = ax.scatter(points[:, 0], points[:, 1], s=node_size, facecolor=faces, edgecolor="black",
                                linewidth=line_width(), zorder=2)
        names = [("x", "h", "y")[layer] + str(k + 1).translate(subscript)
                 for layer, size in enumerate(layer_sizes) for k in range(size)]
        self.labels = [ax.text(x, y, name, ha="center", va="center", zorder=3, color=text_color_on(face))
                       for (x, y), name, face in zip(points, names, faces, strict=True)]
        ax.set_xticks([0, 1, 2], ["inputs", "hidden\nlayer", "outputs"])
        ax.set_yticks([])
        for side in ("top", "right", "left"):
            ax.spines[side].set_visible(False)
        self.key = draw_sign_key(ax, columns=2 if key_rows == 1 else 1) if key else None

    def _key_fits_in_one_row(self) -> bool:
        """Is the axes (as wide as it is now) wide enough for the sign key's two entries side by side?"""
        width_points = self.ax.get_position().width * self.ax.figure.get_figwidth() * 72
        return width_points >= 15 * rcParams["font.size"]

    def _node_diameter(self, font_size: float, largest: float = np.inf) -> float:
        """The diameter (points) of a node in the axes as it is now: NODE_FILL of the distance to
        its nearest neighbour, at most `largest`, never smaller than its label at `font_size`."""
        to_points = 72 / self.ax.figure.dpi
        step_x, step_y = np.abs(self.ax.transData.transform([1, 1]) - self.ax.transData.transform([0, 0])) * to_points
        return max(min(NODE_FILL * min(step_x / 2, step_y), largest), 1.6 * font_size)  # 1.6: "h₁" and a rim

    def fit_nodes_to_axes(self) -> None:
        """Make the nodes as large as the axes allow. Call it once the axes has its final size."""
        self.nodes.set_sizes([self._node_diameter(self.labels[0].get_fontsize()) ** 2])

    def end_edges_at_nodes(self) -> None:
        """Shorten every edge so that it ends at the rims of its two nodes instead of their
        centres. Call it once the axes has its final size and limits.

        A live figure then redraws only the edges when the weights change: nothing overlaps the
        nodes and their labels, so they need not be drawn again on top.
        """
        to_pixels = self.ax.transData
        radius = (np.sqrt(self.nodes.get_sizes()[0]) / 2 + self.nodes.get_linewidths()[0] / 2) * self.ax.figure.dpi / 72
        segments = to_pixels.transform(np.reshape(self.edges.get_segments(), (-1, 2))).reshape(-1, 2, 2)
        direction = segments[:, 1] - segments[:, 0]
        step = radius * direction / np.linalg.norm(direction, axis=1, keepdims=True)
        shortened = np.stack([segments[:, 0] + step, segments[:, 1] - step], axis=1)
        self.edges.set_segments(to_pixels.inverted().transform(shortened.reshape(-1, 2)).reshape(-1, 2, 2))

    def update(self, params: dict) -> None:
        """Show new weights: only the edges change."""
        weights = np.concatenate([params["W1"].ravel(), params["W2"].ravel()])
        scale = self.weight_scale or largest_weight(weights)
        widths = EDGE_WIDTH_MIN + (EDGE_WIDTH_MAX - EDGE_WIDTH_MIN) * np.minimum(np.abs(weights) / scale, 1.0)
        self.edges.set_linewidths(widths * line_width() / DEFAULT_LINE_WIDTH)
        self.edges.set_colors(WEIGHT_CMAP(Normalize(-scale, scale)(weights)))


def draw_sign_key(ax, columns: int = 2):
    """The key of a network diagram's edge colours, at the bottom of its axes: the two sign colours."""
    handles = [Line2D([], [], color=SIGN_COLORS[sign], linewidth=line_width(2), label=f"weight {symbol} 0")
               for sign, symbol in (("positive", ">"), ("negative", "<"))]
    return ax.legend(handles=handles, loc="lower center", ncols=columns, frameon=False, handlelength=1.2,
                     columnspacing=0.8, handletextpad=0.4, borderaxespad=0.1)
