"""The interactive widgets of the series. A notebook shows each with one call:

    symmetry_dashboard()     switch zero / constant / random and watch every hidden neuron
    perceptron_explorer()    move one perceptron's line over the AND / OR / XOR points

Each widget computes with the math modules, draws with helpers.live, and shows the picture as a
PNG in an ipywidgets.Image: core widgets only, so it works in JupyterLab, Notebook 7, VS Code and
Colab with no extension. A settings change trains once; the epoch slider and Play only redraw.

Only the newest widget of each kind stays live: making another (re-running its cell) closes the
one before and lets go of its figure, which would otherwise stay in the kernel's memory for good.

A widget reads matplotlib's style when it is made: made after `plt.style.use("helpers.projector")`
(or inside `with plt.style.context("helpers.projector"):`), its picture has 14-pt text and thicker
lines, at most a notebook cell's width (950 px) so that the text is not shrunk. Its readout is set
in the picture's text size (14 pt is larger than the prose of JupyterLab's Presentation Mode), and
the dashboard is laid out for the room: its controls beside a smaller picture, so that the whole
dashboard fits a 1280x720 projector in Presentation Mode.
"""

import html
import time
import warnings
from dataclasses import dataclass
from functools import cached_property

import ipywidgets as widgets
import numpy as np
import traitlets
from matplotlib import rcParams

from helpers import data
from helpers.fast_training import train_fast  # train's arithmetic, bit for bit, in fewer numpy calls
from helpers.live import ROOM_DASHBOARD_PIXELS, PerceptronFigure, SymmetryFigure
from helpers.network import ACTIVATIONS, DECISION_THRESHOLD, forward_pass, init_params
from helpers.perceptron import perceptron_predict
from helpers.symmetry import count_distinct_neurons, smallest_neuron_distance
from helpers.training import TrainingWarning, train_in_batches
from helpers.validation import check_choice, check_int, check_number

DASHBOARD_INITS = ("zero", "constant", "random")  # the three starts the lesson compares
OUTPUT_CHOICES = (("same as hidden", "same"), ("random", "random"))
DATASET_CHOICES = (("XOR", "xor"), ("two moons", "moons"), ("circles", "circles"), ("seven samples", "seven"))
ERROR_STYLE = "color:#D55E00; font-weight:bold"
LEARNING_RATE_MIN = 0.1  # the slider's smallest learning rate, and its step: 0 would not learn at all
PLAY_INTERVAL_MS = 50    # Play shows 20 epochs' snapshots a second
# A picture at its own size, pixel for pixel, or smaller in a narrow cell. Without align_self a
# box stretches it to the box's width: scaled up, its text blurs and every frame costs more to paint.
PICTURE_LAYOUT = {"max_width": "100%", "align_self": "flex-start"}
ROOM_TEXT_PT = 14  # the projector style's text size: a dashboard made with text this large is laid out for the room
ROOM_CONTROLS_WIDTH = "330px"  # the controls' column beside the room's picture
ROOM_BUTTON_WIDTH = "96px"     # ... where three buttons fit in a row


def for_the_room() -> bool:
    """Is the style's text the projector's size (helpers.projector), so that a widget made now
    is shown to a room?"""
    return rcParams["font.size"] >= ROOM_TEXT_PT


def readout_style() -> dict:
    """The readout's text in the pictures' text size (the style's font.size): 10 pt (13 px) by
    default, 14 pt (19 px) under the projector style, where the prose of Presentation Mode is 17 px."""
    return {"font_size": f"{rcParams['font.size']:g}pt"}


class NamedControl:
    """A control whose error for a value it cannot take names it as the student reaches it from
    code, controls[name] (ipywidgets alone says "value not found", or lets a NaN through).
    A widget sets `control_name` when it makes its controls (LiveWidget.name_controls)."""

    control_name = "value"

    def refuse(self, allowed: str, value) -> traitlets.TraitError:
        return traitlets.TraitError(f"controls[{self.control_name!r}] ({self.description!r}) must be {allowed}; "
                                    f"got {value!r}")


class NamedChoice(NamedControl):
    """Buttons or a menu that name themselves in the error for a value they do not offer."""

    @traitlets.validate("value")
    def _validate_value(self, proposal):
        if proposal.value not in self._options_values:
            raise self.refuse("one of " + ", ".join(repr(option) for option in self._options_values), proposal.value)
        return super()._validate_value(proposal)


class ChoiceButtons(NamedChoice, widgets.ToggleButtons):
    """ToggleButtons that name themselves in the error for a value they do not offer."""


class ChoiceMenu(NamedChoice, widgets.Dropdown):
    """A Dropdown that names itself in the error for a value it does not offer."""


class NumberSlider(NamedControl, widgets.FloatSlider):
    """A FloatSlider that refuses NaN and infinity by name (a finite value beyond its ends is
    moved to the nearer end, as ipywidgets does)."""

    @traitlets.validate("value")
    def _validate_value(self, proposal):
        if not np.isfinite(proposal.value):
            raise self.refuse("a finite number", proposal.value)
        return super()._validate_value(proposal)


class LiveWidget:
    """What both widgets share: a picture (an ipywidgets.Image), a readout under the controls,
    their plain-text view, and their life span.

    Only the newest widget of each kind stays live: making one closes the one made before (its
    cell was re-run, or another like it was made), so that a kernel keeps one figure per kind
    however often a cell runs. close() does the same by hand.
    """

    kind = "widget"       # its name in the plain-text view, e.g. "Symmetry dashboard"
    _live = {}            # type -> the live widget of that type

    def name_controls(self) -> None:
        """Let each control of `controls` know its key there, for its error messages."""
        for name, control in self.controls.items():
            control.control_name = name

    def _replace_the_previous_one(self) -> None:
        previous = LiveWidget._live.get(type(self))
        if previous is not None:
            previous.close()
        LiveWidget._live[type(self)] = self

    def close(self) -> None:
        """Close every control and the picture (they vanish from the page) and let go of the figure."""
        closing = [self.widget]
        while closing:
            widget = closing.pop()
            closing.extend(getattr(widget, "children", ()))
            widget.close()
        self.image.value = b""  # the picture's bytes too: the kernel's Out[] keeps this object
        self.figure = None
        if LiveWidget._live.get(type(self)) is self:
            del LiveWidget._live[type(self)]

    @property
    def closed(self) -> bool:
        return self.figure is None

    def show_error(self, message: str, error: Exception) -> None:
        """Say in the readout what went wrong; the picture keeps what it showed."""
        reason = html.escape(str(error) or type(error).__name__)
        self.readout.value = (f"<span style='{ERROR_STYLE}'>{html.escape(message)}</span> {reason} "
                              "(The picture still shows the last good settings.)")

    def readout_text(self) -> str:
        raise NotImplementedError

    def _repr_mimebundle_(self, include=None, exclude=None):
        # Show the widget; as plain text (what nbval compares, and what a static view shows)
        # give the readout instead of the widget's long repr, which would contain the PNG bytes.
        if self.closed:
            return {"text/plain": f"{self.kind} (closed: a newer one replaced it)"}
        bundle = self.widget._repr_mimebundle_(include=include, exclude=exclude)
        bundle["text/plain"] = f"{self.kind}: {self.readout_text()}"
        return bundle


def format_number(value: float, decimals: int = 4) -> str:
    """A loss or a distance with a few decimals, or with four significant digits when it is huge
    (never 131 digits)."""
    return f"{value:.{decimals}f}" if abs(value) < 1e4 else f"{value:.3e}"


class SymmetryDashboard(LiveWidget):
    """Controls, a picture and a readout for one network with a 2-input, n_hidden-neuron hidden layer.

    Attributes a test or a curious student can use: `controls` (name -> widget), `epoch`, `play`,
    `image` (its .value holds the PNG bytes), `readout` (an HTML widget), `run` and `history`
    (the last good training run, shown), `timings` (milliseconds spent training and drawing in the last update).
    """

    kind = "Symmetry dashboard"

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
            "init": ChoiceButtons(options=DASHBOARD_INITS, value=init, description="initialization", style=style),
            "value": NumberSlider(value=0.5, min=-3, max=3, step=0.1, description="constant value", style=style),
            "scale": NumberSlider(value=1.0, min=0.1, max=3, step=0.1, description="random scale", style=style),
            "seed": widgets.IntSlider(value=0, min=0, max=20, description="random seed", style=style),
            "learning_rate": NumberSlider(value=1.0, min=LEARNING_RATE_MIN, max=5.0, step=LEARNING_RATE_MIN,
                                          description="learning rate", style=style),
            "activation": ChoiceButtons(options=tuple(ACTIVATIONS), value=activation, description="activation",
                                        style=style),
            "dataset": ChoiceMenu(options=DATASET_CHOICES, value=dataset, description="data", style=style),
            "output_init": ChoiceButtons(options=OUTPUT_CHOICES, value="same", description="output layer",
                                         style=style),
            "dropout": NumberSlider(value=0.0, min=0.0, max=0.5, step=0.05, description="dropout", style=style),
        }
        last = self.epochs - self.epochs % self.record_every
        self.epoch = widgets.IntSlider(value=last, min=0, max=last, step=self.record_every,
                                       description="epoch", style=style, layout={"width": "460px"})
        self.play = widgets.Play(value=last, min=0, max=last, step=self.record_every, interval=PLAY_INTERVAL_MS,
                                 description="play training")
        self.image = widgets.Image(format="png", layout=PICTURE_LAYOUT)
        self.readout = widgets.HTML(style=readout_style())
        room = for_the_room()
        self.figure = (SymmetryFigure(self.n_hidden, last_epoch=last, pixels=ROOM_DASHBOARD_PIXELS) if room
                       else SymmetryFigure(self.n_hidden, last_epoch=last))
        self.run = None  # the last good training run
        self.timings = {}

        self.name_controls()
        for control in self.controls.values():
            control.observe(self._settings_changed, names="value")
        self.epoch.observe(self._epoch_changed, names="value")
        # Play and the slider move together. Linked here in the kernel, a step sends the kernel one
        # message; linked in the browser (jslink), both widgets would send theirs, and the picture
        # would wait while the kernel handles the Play's first. Linked after the observer above, a
        # slider step sends the new picture first and the Play's new value after it.
        widgets.link((self.play, "value"), (self.epoch, "value"))
        self.widget = self._room_layout() if room else self._cell_layout()
        self._replace_the_previous_one()
        self._settings_changed()

    def _cell_layout(self) -> widgets.Box:
        """Two columns of controls, Play and the epoch slider, the readout, then the picture."""
        left = widgets.VBox([self.controls[name] for name in ("init", "value", "scale", "seed")])
        right = widgets.VBox([self.controls[name]
                              for name in ("learning_rate", "activation", "dataset", "output_init", "dropout")])
        return widgets.VBox([widgets.HBox([left, right]), widgets.HBox([self.play, self.epoch]),
                             self.readout, self.image])

    def _room_layout(self) -> widgets.Box:
        """For a projector: one column of controls, Play, the epoch slider and the readout, beside
        the picture, so that a 720-line screen shows all of it at once."""
        self.epoch.layout.width = None  # the width of the other sliders
        for name in ("init", "activation"):  # three buttons to a row, not two
            self.controls[name].style.button_width = ROOM_BUTTON_WIDTH
        column = widgets.VBox([*self.controls.values(), self.play, self.epoch, self.readout],
                              layout={"width": ROOM_CONTROLS_WIDTH, "flex": "0 0 auto"})
        return widgets.HBox([column, self.image])

    def close(self) -> None:
        super().close()
        self.run = None

    def settings(self) -> dict:
        """The current value of every control."""
        return {name: control.value for name, control in self.controls.items()}

    def _train(self, settings: dict, X: np.ndarray, Y: np.ndarray):
        """One training run with the controls' settings: full-batch gradient descent, with dropout
        if its slider is above 0 (one batch of all the samples, so only the dropout differs)."""
        params = init_params(2, self.n_hidden, 1, init=settings["init"], value=settings["value"],
                             scale=settings["scale"], seed=settings["seed"],
                             output_init=None if settings["output_init"] == "same" else settings["output_init"])
        common = dict(activation=settings["activation"], learning_rate=settings["learning_rate"],
                      epochs=self.epochs, record_every=self.record_every)
        if settings["dropout"] == 0:
            return train_fast(X, Y, params, **common)
        return train_in_batches(X, Y, params, batch_size=len(X), dropout=settings["dropout"], **common)

    def _settings_changed(self, change=None) -> None:
        """Retrain with the new settings, then redraw everything (the one slow path). If either
        fails, the dashboard keeps the last good run and its picture, and says why."""
        settings = self.settings()
        self.controls["value"].disabled = settings["init"] != "constant"
        draws = "random" in (settings["init"], settings["output_init"])
        self.controls["scale"].disabled = self.controls["seed"].disabled = not draws
        X, Y = data.load(settings["dataset"], n_samples=100, noise=0.1, seed=0)
        start = time.perf_counter()
        try:
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always", TrainingWarning)  # said in the readout, not below the widget
                history = self._train(settings, X, Y)
        except Exception as error:  # whatever the reason, the student reads it here
            return self.show_error("Cannot train with these settings.", error)
        run = Run(history, X, Y, classes=settings["dataset"] != "seven",
                  note=" ".join(str(warning.message) for warning in caught))
        trained = time.perf_counter()
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error", RuntimeWarning)  # an overflow is a failure, said once below
                self.figure.show_run(history, X, Y, run.distances)
                picture = self._picture(run)
        except Exception as error:  # e.g. weights too large for matplotlib's axes
            if self.run is not None:  # put the figure back as it was
                self.figure.show_run(self.history, self.X, self.Y, self.run.distances)
            largest = max(np.abs(history.W1).max(), np.abs(history.W2).max())
            return self.show_error(f"Cannot draw the run of these settings (its largest weight is {largest:.1e}).",
                                   error)
        self.run = run
        self.image.value, self.readout.value = picture
        self.timings = {"train": 1e3 * (trained - start), "draw": 1e3 * (time.perf_counter() - trained)}

    @property
    def history(self):
        """The training run shown (a History), or None before the first good one."""
        return None if self.run is None else self.run.history

    @property
    def X(self) -> np.ndarray:
        return self.run.X

    @property
    def Y(self) -> np.ndarray:
        return self.run.Y

    def _epoch_changed(self, change=None) -> None:
        """Only redraw: the training run is already computed."""
        if self.run is not None:
            start = time.perf_counter()
            self.image.value, self.readout.value = self._picture(self.run)
            self.timings = {"train": 0.0, "draw": 1e3 * (time.perf_counter() - start)}

    def _picture(self, run: "Run") -> tuple[bytes, str]:
        """The PNG and the readout (HTML) of the run at the slider's epoch."""
        record = run.record_at(self.epoch.value)
        self.figure.show_epoch(record)
        return self.figure.png(), html.escape(run.describe(record))

    def readout_text(self) -> str:
        """The one-line summary under the controls, e.g. 'distinct hidden neurons: 1 of 4 | ...'."""
        if self.run is None:
            return "no training run to show: change the settings"
        return self.run.describe(self.run.record_at(self.epoch.value))


@dataclass
class Run:
    """One training run the dashboard shows: its History, the data it learnt, and what to say."""

    history: object
    X: np.ndarray
    Y: np.ndarray
    classes: bool = True  # are the targets classes (accuracy makes sense), or scores?
    note: str = ""        # a warning from training, shown after the readout

    @cached_property
    def distances(self) -> np.ndarray:
        """The smallest distance between two hidden neurons' weights at each snapshot: the
        picture's distance curve, and the readout's number at the epoch shown."""
        return smallest_neuron_distance(self.history.W1)

    def record_at(self, epoch: int) -> int:
        """The number of the snapshot at `epoch`, or the first one after it (the last one at most)."""
        return min(int(np.searchsorted(self.history.epochs, epoch)), len(self.history.epochs) - 1)

    def describe(self, record: int) -> str:
        """'distinct hidden neurons: 1 of 4 | loss 0.6931 | accuracy 50% | epoch 0 | smallest distance 0.00'
        for snapshot `record`: in words, what the picture shows (its loss and distance panels, and
        whether the activation panels differ), for a reader who cannot see the picture."""
        history = self.history
        params = history.params_at(record)
        if self.classes:
            output = forward_pass(params, self.X, history.activation)[0]
            accuracy = f"{np.mean((output > DECISION_THRESHOLD) == (self.Y > DECISION_THRESHOLD)):.0%}"
        else:
            accuracy = "n/a (the targets are scores, not classes)"
        text = (f"distinct hidden neurons: {count_distinct_neurons(params)} of {params['W1'].shape[1]} | "
                f"loss {format_number(history.loss[record])} | accuracy {accuracy} | epoch {history.epochs[record]} | "
                f"smallest distance {format_number(self.distances[record], decimals=2)}")
        return f"{text} | note: {self.note}" if self.note else text


def symmetry_dashboard(n_hidden: int = 4, **settings) -> SymmetryDashboard:
    """The initialization dashboard of notebook 04: switch the hidden layer's start between zero,
    constant and random, and watch every hidden neuron's weights and activation change. Notebook
    05's questions are there too: give the output layer its own random start, or add dropout."""
    return SymmetryDashboard(n_hidden, **settings)


EXPLORER_RANGE = 3.0  # the sliders' range, -3 to 3, widened to show a value given beyond it


def perceptron_slider(value: float, description: str) -> NumberSlider:
    """A slider from -3 to 3, or wider if `value` lies beyond: it must show the value, not clamp it."""
    low, high = min(-EXPLORER_RANGE, np.floor(value)), max(EXPLORER_RANGE, np.ceil(value))
    return NumberSlider(value=value, min=low, max=high, step=0.1, continuous_update=True, description=description)


class PerceptronExplorer(LiveWidget):
    """Sliders for one perceptron's two weights and bias, drawing its line over a logic gate."""

    kind = "Perceptron explorer"

    def __init__(self, weights=(1.0, 1.0), bias: float = -1.5, gate: str = "and"):
        check_choice("gate", gate, data.GATES)
        if np.ndim(weights) != 1 or len(weights) != 2:
            raise ValueError(f"weights must be two numbers (w1, w2); got {weights!r}")
        w1, w2 = (check_number(f"weights[{i}]", weight) for i, weight in enumerate(weights))
        bias = check_number("bias", bias)
        self.controls = {
            "w1": perceptron_slider(w1, "weight $w_1$"),
            "w2": perceptron_slider(w2, "weight $w_2$"),
            "bias": perceptron_slider(bias, "bias $b$"),
            "gate": ChoiceButtons(options=data.GATES, value=gate, description="gate"),
        }
        self.image = widgets.Image(format="png", layout=PICTURE_LAYOUT)
        self.readout = widgets.HTML(style=readout_style())
        self.figure = PerceptronFigure()
        self.name_controls()
        for name, control in self.controls.items():
            control.observe(self._gate_changed if name == "gate" else self._weights_changed, names="value")
        self.widget = widgets.HBox([widgets.VBox(list(self.controls.values()) + [self.readout]), self.image])
        self._replace_the_previous_one()
        self._gate_changed()

    def _weights(self) -> tuple[np.ndarray, float]:
        return np.array([self.controls["w1"].value, self.controls["w2"].value]), self.controls["bias"].value

    def _gate_changed(self, change=None) -> None:
        self.X, self.Y = data.logic_gate(self.controls["gate"].value)
        self.figure.show_points(self.X, self.Y, title=f"{self.controls['gate'].value.upper()}")
        self._weights_changed()

    def _weights_changed(self, change=None) -> None:
        self.figure.show_line(*self._weights())
        self.image.value = self.figure.png()
        self.readout.value = html.escape(self.readout_text())

    def readout_text(self) -> str:
        """'misclassified points: k of 4' for the sliders' perceptron on the chosen gate."""
        wrong = int(np.sum(perceptron_predict(*self._weights(), self.X) != self.Y[:, 0]))
        return f"misclassified points: {wrong} of 4"


def perceptron_explorer(weights=(1.0, 1.0), bias: float = -1.5, gate: str = "and") -> PerceptronExplorer:
    """The live perceptron of notebook 01: move its line with sliders over AND, OR or XOR."""
    return PerceptronExplorer(weights, bias, gate)
