"""The figures of the series. Every function draws on a matplotlib Axes that you pass in.

One colour per hidden neuron, the same in every notebook: hidden neuron j is always
NEURON_COLORS[j] (the Okabe-Ito palette, readable with every common colour-vision deficiency).
Weights are drawn with a purple-orange diverging map (also colour-blind safe): orange for
positive, purple for negative, white for zero.
"""

import numpy as np
from matplotlib import colormaps
from matplotlib.collections import LineCollection
from matplotlib.colors import LinearSegmentedColormap, Normalize

from helpers.network import _forward, activate, check_params
from helpers.training import History

NEURON_COLORS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#F0E442", "#000000")
WEIGHT_CMAP = "PuOr_r"
INPUT_LINESTYLES = ("-", "--", ":", "-.")


def neuron_color(j: int) -> str:
    """The colour of hidden neuron j (0-based) in every figure of the series."""
    return NEURON_COLORS[j % len(NEURON_COLORS)]


def neuron_colormap(j: int) -> LinearSegmentedColormap:
    """A colour map from white (activation 0) to hidden neuron j's colour (its largest activation)."""
    return LinearSegmentedColormap.from_list(f"neuron{j}", ["#ffffff", neuron_color(j)])


# --- data and decision regions -----------------------------------------------------------------

def plot_points(ax, X, Y, size: float = 40) -> None:
    """Draw 2-D samples: class 0 as white circles, class 1 as black squares (shape, not colour)."""
    X, labels = np.asarray(X), np.asarray(Y).reshape(len(X), -1)[:, 0] > 0.5
    ax.scatter(*X[~labels].T, s=size, marker="o", facecolor="white", edgecolor="black", zorder=3, label="class 0")
    ax.scatter(*X[labels].T, s=size, marker="s", facecolor="black", edgecolor="black", zorder=3, label="class 1")
    ax.set_xlabel("input $x_1$")
    ax.set_ylabel("input $x_2$")


def input_grid(X, resolution: int = 80, margin: float = 0.4) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A square grid over the plane around the 2-D samples X.

    Returns (xs, ys, points): xs (resolution,), ys (resolution,), points (resolution**2, 2),
    row by row, so values computed at `points` reshape to (resolution, resolution) for imshow.
    """
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2 or X.shape[1] != 2:
        raise ValueError(f"X must have two columns to be drawn in the plane; got shape {X.shape}")
    low, high = X.min(axis=0) - margin, X.max(axis=0) + margin
    xs, ys = np.linspace(low[0], high[0], resolution), np.linspace(low[1], high[1], resolution)
    grid_x, grid_y = np.meshgrid(xs, ys)
    return xs, ys, np.column_stack([grid_x.ravel(), grid_y.ravel()])


def plot_decision_regions(ax, params: dict, X, Y, activation: str = "sigmoid", resolution: int = 100) -> None:
    """Shade the plane by the network's output (light = near 0, dark = near 1), draw the
    output = 0.5 boundary and the samples."""
    params = check_params(params)
    xs, ys, points = input_grid(X, resolution)
    output = _forward(params, points, activation)[0][:, 0].reshape(resolution, resolution)
    ax.contourf(xs, ys, output, levels=np.linspace(0, 1, 11), cmap="Greys", alpha=0.45, vmin=0, vmax=1.6)
    if output.min() < 0.5 < output.max():
        ax.contour(xs, ys, output, levels=[0.5], colors="black", linewidths=1.5)
    plot_points(ax, X, Y)


def hidden_activation_grids(params: dict, X, activation: str = "sigmoid",
                            resolution: int = 60) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Each hidden neuron's weighted sum z_j and activation f(z_j) over the input plane.

    Returns (xs, ys, sums, activations); the last two have shape (n_hidden, resolution, resolution).
    """
    params = check_params(params)
    xs, ys, points = input_grid(X, resolution)
    sums = points @ params["W1"] + params["b1"]
    to_panels = lambda values: values.T.reshape(-1, resolution, resolution)  # noqa: E731
    return xs, ys, to_panels(sums), to_panels(activate(sums, activation))


def activation_range(activation: str, values: np.ndarray) -> tuple[float, float]:
    """The colour scale of an activation panel: its full range (relu: 0 to the largest value)."""
    if activation == "sigmoid":
        return 0.0, 1.0
    if activation == "tanh":
        return -1.0, 1.0
    return 0.0, max(float(values.max()), 1e-9)


def plot_hidden_activations(axes, params: dict, X, Y, activation: str = "sigmoid", resolution: int = 60) -> list:
    """Small multiples: panel j shows hidden neuron j's activation over the input plane, in its
    own colour, with its own line (where its weighted sum z_j is 0) and the samples.

    `axes` holds at least n_hidden Axes. Returns the images drawn, one per neuron.
    """
    xs, ys, sums, grids = hidden_activation_grids(params, X, activation, resolution)
    extent = (xs[0], xs[-1], ys[0], ys[-1])
    images = []
    for j, (ax, grid) in enumerate(zip(np.ravel(axes), grids)):
        low, high = activation_range(activation, grid)
        images.append(ax.imshow(grid, origin="lower", extent=extent, cmap=neuron_colormap(j),
                                vmin=low, vmax=high, aspect="auto"))
        if sums[j].min() < 0 < sums[j].max():  # the neuron's line lies in view
            ax.contour(xs, ys, sums[j], levels=[0.0], colors="black", linewidths=1.5, linestyles="--")
        plot_points(ax, X, Y, size=25)
        ax.set_title(f"hidden neuron {j + 1}", color=neuron_color(j))
    return images


# --- training over time -----------------------------------------------------------------------

def plot_weight_history(ax, history: History, title: str | None = None) -> list:
    """Every hidden neuron's incoming weights over the epochs: one colour per neuron, one line
    style per input. Identical neurons draw identical lines, lying exactly on top of each other.
    Returns the lines drawn."""
    n_inputs, n_hidden = history.W1.shape[1:]
    lines = []
    # Draw the last neuron first so that neuron 1 ends on top when lines coincide.
    for j in reversed(range(n_hidden)):
        for i in range(n_inputs):
            label = f"neuron {j + 1}, weight from $x_{i + 1}$"
            lines += ax.plot(history.epochs, history.W1[:, i, j], color=neuron_color(j),
                             linestyle=INPUT_LINESTYLES[i % len(INPUT_LINESTYLES)], linewidth=2, label=label)
    ax.set_xlabel("epoch")
    ax.set_ylabel("incoming weight")
    ax.set_title(title or "incoming weights of every hidden neuron")
    return lines


def plot_loss(ax, history: History, label: str | None = None, color: str = "black") -> None:
    """The loss over the epochs, on a logarithmic scale."""
    ax.plot(history.epochs, history.loss, color=color, linewidth=2, label=label)
    ax.set_yscale("log")
    ax.set_xlabel("epoch")
    ax.set_ylabel(f"mean loss ({history.loss_name})")


# --- the network diagram ------------------------------------------------------------------------

def _node_positions(layer_sizes) -> list[np.ndarray]:
    """(x, y) of every node, layer by layer; layers are centred vertically."""
    return [np.column_stack([np.full(n, float(layer)), (n - 1) / 2 - np.arange(n)])
            for layer, n in enumerate(layer_sizes)]


def draw_network(ax, params: dict | None = None, layer_sizes=None, weight_scale: float | None = None,
                 node_size: float = 900) -> dict:
    """Draw a network with one hidden layer: inputs on the left, hidden neurons (each in its own
    colour) in the middle, outputs on the right.

    With `params`, each edge's width and colour show its weight (orange positive, purple
    negative, wider = larger); without, give `layer_sizes` like (3, 4, 2) for a plain diagram.
    Returns the artists ("edges", "nodes" (one collection), "labels"), for update_network() to change the
    weights without redrawing.
    """
    if params is not None:
        params = check_params(params)
        layer_sizes = (params["W1"].shape[0], params["W1"].shape[1], params["W2"].shape[1])
    if layer_sizes is None or len(layer_sizes) != 3 or min(layer_sizes) < 1:
        raise ValueError(f"layer_sizes must be three positive sizes like (3, 4, 2); got {layer_sizes!r}")
    positions = _node_positions(layer_sizes)
    segments = [[positions[layer][a], positions[layer + 1][b]]
                for layer in (0, 1) for a in range(layer_sizes[layer]) for b in range(layer_sizes[layer + 1])]
    edges = LineCollection(segments, colors="0.6", linewidths=1.5, zorder=1)
    ax.add_collection(edges)
    names = ("x", "h", "y")
    subscript = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")  # plain text draws much faster than $h_1$
    points = np.vstack(positions)
    faces = ["white"] * layer_sizes[0] + [neuron_color(k) for k in range(layer_sizes[1])] + ["white"] * layer_sizes[2]
    nodes = ax.scatter(points[:, 0], points[:, 1], s=node_size, facecolor=faces, edgecolor="black",
                       linewidth=1.5, zorder=2)
    labels = []
    for layer, layer_points in enumerate(positions):
        for k, (x, y) in enumerate(layer_points):
            dark = layer == 1 and k % len(NEURON_COLORS) in (0, 4, 7)
            labels.append(ax.text(x, y, names[layer] + str(k + 1).translate(subscript), ha="center", va="center", zorder=3,
                                  color="white" if dark else "black"))
    top = max(layer_sizes) / 2
    ax.set_xlim(-0.4, 2.4)
    ax.set_ylim(-top, top)
    ax.set_xticks([0, 1, 2], ["inputs", "hidden layer", "outputs"])
    ax.set_yticks([])
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    artists = {"edges": edges, "nodes": nodes, "labels": labels, "weight_scale": weight_scale}
    if params is not None:
        update_network(artists, params)
    return artists


def update_network(artists: dict, params: dict) -> None:
    """Show new weights on a diagram made by draw_network(): only the edges change."""
    weights = np.concatenate([params["W1"].ravel(), params["W2"].ravel()])
    scale = artists["weight_scale"] or max(np.abs(weights).max(), 1e-12)
    norm = Normalize(-scale, scale)
    artists["edges"].set_linewidths(0.5 + 5.5 * np.minimum(np.abs(weights) / scale, 1.0))
    artists["edges"].set_colors(colormaps[WEIGHT_CMAP](norm(weights)))
