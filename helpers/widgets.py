"""The interactive widgets of the series. A notebook shows each with one call:

    symmetry_dashboard()     switch zero / constant / random and watch every hidden neuron
    perceptron_explorer()    move one perceptron's line over the AND / OR / XOR points

Each widget computes with the math modules, draws with helpers.live, and shows the picture as a
PNG in an ipywidgets.Image: core widgets only, so it works in JupyterLab, Notebook 7, VS Code and
Colab with no extension. A settings change trains once; the epoch slider and Play only redraw.

A widget reads matplotlib's style when it is made: made after `plt.style.use("helpers.projector")`
(or inside `with plt.style.context("helpers.projector"):`), its picture has 14-pt text and thicker
lines, at most a notebook cell's width (950 px) so that the text is not shrunk.
"""

import html
import time

import ipywidgets as widgets
import numpy as np

from helpers import data
from helpers.live import PerceptronFigure, SymmetryFigure
from helpers.network import ACTIVATIONS, forward_pass
from helpers.perceptron import perceptron_predict
from helpers.symmetry import count_distinct_neurons, smallest_neuron_distance
from helpers.training import train
from helpers.validation import check_choice, check_int

DASHBOARD_INITS = ("zero", "constant", "random")  # the three starts the lesson compares
OUTPUT_CHOICES = (("same as hidden", "same"), ("random", "random"))
DATASET_CHOICES = (("XOR", "xor"), ("two moons", "moons"), ("circles", "circles"), ("seven samples", "seven"))
ERROR_STYLE = "color:#D55E00; font-weight:bold"
LEARNING_RATE_MIN = 0.1  # the slider's smallest learning rate, and its step: 0 would not learn at all
PLAY_INTERVAL_MS = 50    # Play shows 20 epochs' snapshots a second
# A picture at its own size, pixel for pixel, or smaller in a narrow cell. Without align_self a
# box stretches it to the box's width: scaled up, its text blurs and every frame costs more to paint.
PICTURE_LAYOUT = {"max_width": "100%", "align_self": "flex-start"}


class SymmetryDashboard:
    """Controls, a picture and a readout for one network with a 2-input, n_hidden-neuron hidden layer.

    Attributes a test or a curious student can use: `controls` (name -> widget), `epoch`, `play`,
    `image` (its .value holds the PNG bytes), `readout` (an HTML widget), `history` (the last
    training run), `timings` (milliseconds spent training and drawing in the last update).
    """

    def __init__(self, n_hidden: int = 4, epochs: int = 1000, record_every: int = 10, *,
                 init: str = "random", dataset: str = "xor", activation: str = "sigmoid"):
        self.n_hidden = check_int("n_hidden", n_hidden, minimum=2)
        self.epochs = check_int("epochs", epochs, minimum=1)
        self.record_every = check_int("record_every", record_every, minimum=1)
        check_choice("init", init, DASHBOARD_INITS)
        check_choice("dataset", dataset, tuple(value for _, value in DATASET_CHOICES))
        check_choice("activation", activation, tuple(ACTIVATIONS))
        style = {"description_width": "110px"}
        self.controls = {
            "init": widgets.ToggleButtons(options=DASHBOARD_INITS, value=init, description="initialization",
                                          style=style),
            "value": widgets.FloatSlider(value=0.5, min=-3, max=3, step=0.1, description="constant value", style=style),
            "scale": widgets.FloatSlider(value=1.0, min=0.1, max=3, step=0.1, description="random scale", style=style),
            "seed": widgets.IntSlider(value=0, min=0, max=20, description="random seed", style=style),
            "learning_rate": widgets.FloatSlider(value=1.0, min=LEARNING_RATE_MIN, max=5.0, step=LEARNING_RATE_MIN,
                                                 description="learning rate", style=style),
            "activation": widgets.ToggleButtons(options=tuple(ACTIVATIONS), value=activation, description="activation",
                                                style=style),
            "dataset": widgets.Dropdown(options=DATASET_CHOICES, value=dataset, description="data", style=style),
            "output_init": widgets.ToggleButtons(options=OUTPUT_CHOICES, value="same", description="output layer",
                                                 style=style),
            "dropout": widgets.FloatSlider(value=0.0, min=0.0, max=0.5, step=0.05, description="dropout", style=style),
        }
        last = self.epochs - self.epochs % self.record_every
        self.epoch = widgets.IntSlider(value=last, min=0, max=last, step=self.record_every,
                                       description="epoch", style=style, layout={"width": "460px"})
        self.play = widgets.Play(value=last, min=0, max=last, step=self.record_every, interval=PLAY_INTERVAL_MS,
                                 description="play training")
        # Play and the slider move together. Linked here in the kernel, a step sends the kernel one
        # message; linked in the browser (jslink), both widgets would send theirs, and the picture
        # would wait while the kernel handles the Play's first.
        widgets.link((self.play, "value"), (self.epoch, "value"))
        self.image = widgets.Image(format="png", layout=PICTURE_LAYOUT)
        self.readout = widgets.HTML()
        self.figure = SymmetryFigure(self.n_hidden, last_epoch=last)
        self.history = None
        self.timings = {}

        for control in self.controls.values():
            control.observe(self._settings_changed, names="value")
        self.epoch.observe(self._epoch_changed, names="value")
        left = widgets.VBox([self.controls[name] for name in ("init", "value", "scale", "seed")])
        right = widgets.VBox([self.controls[name]
                              for name in ("learning_rate", "activation", "dataset", "output_init", "dropout")])
        self.widget = widgets.VBox([widgets.HBox([left, right]), widgets.HBox([self.play, self.epoch]),
                                    self.readout, self.image])
        self._settings_changed()

    def settings(self) -> dict:
        """The current value of every control."""
        return {name: control.value for name, control in self.controls.items()}

    def _settings_changed(self, change=None) -> None:
        """Retrain with the new settings, then redraw everything (the one slow path)."""
        settings = self.settings()
        output_init = None if settings["output_init"] == "same" else settings["output_init"]
        self.controls["value"].disabled = settings["init"] != "constant"
        draws = "random" in (settings["init"], output_init)
        self.controls["scale"].disabled = self.controls["seed"].disabled = not draws
        self.X, self.Y = data.load(settings["dataset"], n_samples=100, noise=0.1, seed=0)
        start = time.perf_counter()
        try:
            history = train(self.X, self.Y, self.n_hidden, init=settings["init"], value=settings["value"],
                            scale=settings["scale"], seed=settings["seed"], output_init=output_init,
                            activation=settings["activation"], learning_rate=settings["learning_rate"],
                            dropout=settings["dropout"], epochs=self.epochs, record_every=self.record_every)
        except ValueError as error:  # bad settings: say so in the dashboard, keep the last picture
            self.history = None
            self.readout.value = (f"<span style='{ERROR_STYLE}'>Cannot train with these settings.</span> "
                                  f"{html.escape(str(error))} (The picture still shows the last good settings.)")
            return
        trained = time.perf_counter()
        self.history = history
        self.figure.show_run(history, self.X, self.Y, smallest_neuron_distance(history.W1))
        self._show_epoch()
        self.timings = {"train": 1e3 * (trained - start), "draw": 1e3 * (time.perf_counter() - trained)}

    def _epoch_changed(self, change=None) -> None:
        """Only redraw: the training run is already computed."""
        if self.history is not None:
            start = time.perf_counter()
            self._show_epoch()
            self.timings = {"train": 0.0, "draw": 1e3 * (time.perf_counter() - start)}

    def _show_epoch(self) -> None:
        record = int(np.searchsorted(self.history.epochs, self.epoch.value))
        record = min(record, len(self.history.epochs) - 1)
        self.figure.show_epoch(record)
        self.image.value = self.figure.png()
        self.readout.value = html.escape(self.readout_text(record))

    def readout_text(self, record: int | None = None) -> str:
        """The one-line summary under the controls, e.g. 'distinct hidden neurons: 1 of 4 | ...'."""
        if self.history is None:
            return "no training run to show: change the settings"
        if record is None:
            record = min(int(np.searchsorted(self.history.epochs, self.epoch.value)), len(self.history.epochs) - 1)
        params = self.history.params_at(record)
        if self.controls["dataset"].value == "seven":
            accuracy = "n/a (the targets are scores, not classes)"
        else:
            output = forward_pass(params, self.X, self.history.activation)[0]
            accuracy = f"{np.mean((output > 0.5) == (self.Y > 0.5)):.0%}"
        return (f"distinct hidden neurons: {count_distinct_neurons(params)} of {self.n_hidden} | "
                f"loss {self.history.loss[record]:.4f} | accuracy {accuracy} | "
                f"epoch {self.history.epochs[record]}")

    def _repr_mimebundle_(self, include=None, exclude=None):
        # Show the widget; as plain text (what nbval compares, and what a static view shows)
        # give the readout instead of the widget's long repr, which would contain the PNG bytes.
        bundle = self.widget._repr_mimebundle_(include=include, exclude=exclude)
        bundle["text/plain"] = f"Symmetry dashboard: {self.readout_text()}"
        return bundle


def symmetry_dashboard(n_hidden: int = 4, **settings) -> SymmetryDashboard:
    """The initialization dashboard of notebook 04: switch the hidden layer's start between zero,
    constant and random, and watch every hidden neuron's weights and activation change. Notebook
    05's questions are there too: give the output layer its own random start, or add dropout."""
    return SymmetryDashboard(n_hidden, **settings)


class PerceptronExplorer:
    """Sliders for one perceptron's two weights and bias, drawing its line over a logic gate."""

    def __init__(self, weights=(1.0, 1.0), bias: float = -1.5, gate: str = "and"):
        check_choice("gate", gate, data.GATES)
        slider = dict(min=-3, max=3, step=0.1, continuous_update=True)
        self.controls = {
            "w1": widgets.FloatSlider(value=weights[0], description="weight $w_1$", **slider),
            "w2": widgets.FloatSlider(value=weights[1], description="weight $w_2$", **slider),
            "bias": widgets.FloatSlider(value=bias, description="bias $b$", **slider),
            "gate": widgets.ToggleButtons(options=data.GATES, value=gate, description="gate"),
        }
        self.image = widgets.Image(format="png", layout=PICTURE_LAYOUT)
        self.readout = widgets.HTML()
        self.figure = PerceptronFigure()
        for name, control in self.controls.items():
            control.observe(self._gate_changed if name == "gate" else self._weights_changed, names="value")
        self.widget = widgets.HBox([widgets.VBox(list(self.controls.values()) + [self.readout]), self.image])
        self._gate_changed()

    def _gate_changed(self, change=None) -> None:
        self.X, self.Y = data.logic_gate(self.controls["gate"].value)
        self.figure.show_points(self.X, self.Y, title=f"{self.controls['gate'].value.upper()}")
        self._weights_changed()

    def _weights_changed(self, change=None) -> None:
        weights = np.array([self.controls["w1"].value, self.controls["w2"].value])
        bias = self.controls["bias"].value
        self.figure.show_line(weights, bias)
        self.image.value = self.figure.png()
        self.readout.value = html.escape(self.readout_text())

    def readout_text(self) -> str:
        weights = np.array([self.controls["w1"].value, self.controls["w2"].value])
        wrong = int(np.sum(perceptron_predict(weights, self.controls["bias"].value, self.X) != self.Y[:, 0]))
        return f"misclassified points: {wrong} of 4"

    def _repr_mimebundle_(self, include=None, exclude=None):
        bundle = self.widget._repr_mimebundle_(include=include, exclude=exclude)
        bundle["text/plain"] = f"Perceptron explorer: {self.readout_text()}"
        return bundle


def perceptron_explorer(weights=(1.0, 1.0), bias: float = -1.5, gate: str = "and") -> PerceptronExplorer:
    """The live perceptron of notebook 01: move its line with sliders over AND, OR or XOR."""
    return PerceptronExplorer(weights, bias, gate)
