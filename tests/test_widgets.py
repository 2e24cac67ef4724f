"""Headless tests of the widgets: drive the controls from Python as a student would click them."""

import gc
import io
import re

import matplotlib.pyplot as plt
import numpy as np
import psutil
import pytest
from PIL import Image
from traitlets import TraitError

from helpers.widgets import format_number, perceptron_explorer, symmetry_dashboard


def distinct(dashboard) -> str:
    return re.search(r"distinct hidden neurons: (\d+ of \d+)", dashboard.readout.value).group(1)


def test_dashboard_readout_counts_one_neuron_for_zero_and_constant_and_four_for_random():
    dashboard = symmetry_dashboard()
    pictures = {}
    for init, expected in (("zero", "1 of 4"), ("constant", "1 of 4"), ("random", "4 of 4")):
        dashboard.controls["init"].value = init
        assert distinct(dashboard) == expected
        assert bytes(dashboard.image.value).startswith(b"\x89PNG")
        pictures[init] = bytes(dashboard.image.value)
    assert len(set(pictures.values())) == 3, "each initialization must draw a different picture"


def test_the_readout_states_loss_accuracy_and_epoch():
    dashboard = symmetry_dashboard(init="random")
    text = dashboard.readout.value
    assert re.search(r"loss \d\.\d{4} \| accuracy \d+% \| epoch 1000 \| smallest distance \d\.\d\d$", text), text


def test_the_readout_says_the_smallest_distance_the_picture_plots_at_the_epoch_shown():
    dashboard = symmetry_dashboard(init="zero")
    assert dashboard.readout.value.endswith("| smallest distance 0.00")
    dashboard.controls["init"].value = "random"
    for epoch in (0, 500, 1000):
        dashboard.epoch.value = epoch
        epochs, distances = dashboard.figure.distance_line.get_data()
        plotted = distances[list(epochs).index(epoch)]
        assert plotted > 0.01
        assert dashboard.readout.value.endswith(f"| smallest distance {plotted:.2f}")


@pytest.mark.parametrize("name, init, new_value", [
    ("init", "random", "constant"),
    ("value", "constant", -1.0),
    ("scale", "random", 2.5),
    ("seed", "random", 7),
    ("learning_rate", "random", 3.0),
    ("activation", "random", "tanh"),
    ("dataset", "random", "moons"),
    ("output_init", "constant", "random"),
    ("dropout", "constant", 0.3),
])
def test_every_control_changes_the_picture(name, init, new_value):
    dashboard = symmetry_dashboard()
    dashboard.controls["init"].value = init
    before = bytes(dashboard.image.value)
    dashboard.controls[name].value = new_value
    assert bytes(dashboard.image.value) != before


def test_the_epoch_slider_redraws_without_retraining():
    dashboard = symmetry_dashboard(init="random")
    history, before = dashboard.history, bytes(dashboard.image.value)
    dashboard.epoch.value = 200
    assert dashboard.history is history
    assert bytes(dashboard.image.value) != before
    assert "| epoch 200 |" in dashboard.readout.value
    assert dashboard.timings["train"] == 0.0


def test_the_readout_describes_the_epoch_on_show_not_the_end_of_training():
    # Dropout splits a constant start's neurons during training: 1 distinct neuron at epoch 0, 4 at the end.
    dashboard = symmetry_dashboard(init="constant")
    dashboard.controls["dropout"].value = 0.2
    assert distinct(dashboard) == "4 of 4"
    dashboard.epoch.value = 0
    # The start by hand: every weight 0.5 and biases 0, so on XOR's inputs (x1 + x2 = 0, 1, 1, 2) each
    # of the 4 hidden neurons gives sigmoid(0.5 (x1 + x2)), and the output is sigmoid(4 * 0.5 * hidden):
    # above 0.5 for every sample, so it predicts 1 everywhere and is right on half of XOR.
    hidden = 1 / (1 + np.exp(-0.5 * np.array([0, 1, 1, 2])))
    output = 1 / (1 + np.exp(-2 * hidden))
    loss = -np.mean(np.log([1 - output[0], output[1], output[2], 1 - output[3]]))
    assert dashboard.readout.value == (f"distinct hidden neurons: 1 of 4 | loss {loss:.4f} | accuracy 50% | epoch 0 | "
                                       "smallest distance 0.00")


def test_a_random_output_layer_or_dropout_alone_makes_constant_neurons_differ():
    dashboard = symmetry_dashboard(init="constant")
    assert distinct(dashboard) == "1 of 4"
    dashboard.controls["output_init"].value = "random"
    assert distinct(dashboard) == "4 of 4"
    dashboard.controls["output_init"].value = "same"
    dashboard.controls["dropout"].value = 0.2
    assert distinct(dashboard) == "4 of 4"


def test_only_the_controls_that_matter_are_enabled():
    dashboard = symmetry_dashboard()
    for init, value_on, random_on in (("zero", False, False), ("constant", True, False), ("random", False, True)):
        dashboard.controls["init"].value = init
        assert dashboard.controls["value"].disabled is not value_on
        assert dashboard.controls["scale"].disabled is not random_on
        assert dashboard.controls["seed"].disabled is not random_on
    dashboard.controls["init"].value = "constant"
    dashboard.controls["output_init"].value = "random"  # the output layer's draws need scale and seed
    assert not dashboard.controls["scale"].disabled and not dashboard.controls["seed"].disabled


def test_the_learning_rate_slider_starts_above_zero_and_cannot_reach_it():
    dashboard = symmetry_dashboard()
    slider = dashboard.controls["learning_rate"]
    assert 0 < slider.min <= slider.value
    slider.value = 0.0  # a slider clamps what it is given to its range
    assert slider.value == slider.min
    assert "Cannot train" not in dashboard.readout.value


def test_settings_that_cannot_train_show_a_clear_message_not_a_traceback():
    dashboard = symmetry_dashboard()
    picture = bytes(dashboard.image.value)
    dashboard.controls["learning_rate"].min = 0.0  # widened on purpose: 0 is below the slider's range
    dashboard.controls["learning_rate"].value = 0.0
    assert "Cannot train with these settings" in dashboard.readout.value
    assert "learning_rate must be greater than 0; got 0.0" in dashboard.readout.value
    assert bytes(dashboard.image.value) == picture
    dashboard.epoch.value = 0  # moving the slider now must not fail either
    dashboard.controls["learning_rate"].value = 1.0
    assert distinct(dashboard) == "4 of 4"


def test_play_shows_twenty_snapshots_a_second():
    assert symmetry_dashboard(epochs=20).play.interval == 50


def test_play_and_the_epoch_slider_move_together_in_the_kernel():
    # Linked in the kernel, so that each step sends the kernel one message, not one per widget.
    dashboard = symmetry_dashboard()
    before = bytes(dashboard.image.value)
    dashboard.play.value = 300
    assert dashboard.epoch.value == 300
    assert bytes(dashboard.image.value) != before
    assert "| epoch 300 |" in dashboard.readout.value
    dashboard.epoch.value = 500
    assert dashboard.play.value == 500


def test_a_slider_step_sends_the_new_picture_before_the_plays_new_value():
    # The browser handles the kernel's messages in order: the picture must not wait behind the Play's.
    dashboard = symmetry_dashboard()
    sent = []
    dashboard.image.observe(lambda change: sent.append("picture"), names="value")
    dashboard.play.observe(lambda change: sent.append("play"), names="value")
    dashboard.epoch.value = 500
    assert sent == ["picture", "play"]


@pytest.mark.parametrize("activation", ["sigmoid", "tanh", "relu"])
@pytest.mark.parametrize("value", [-1e300, -3.0, 3.0, 1e300])
def test_extreme_constants_show_a_finite_loss_or_a_clear_message_never_nan(activation, value):
    # Constants far beyond the slider (widened here on purpose) overflow the weighted sums: the
    # dashboard must then say so, and otherwise show a finite loss; never "nan", never a traceback.
    dashboard = symmetry_dashboard(init="constant", activation=activation, dataset="moons")
    dashboard.controls["value"].min, dashboard.controls["value"].max = -1e300, 1e300
    dashboard.controls["value"].value = value
    text = dashboard.readout.value
    assert "nan" not in text.lower()
    if activation == "relu" and abs(value) > 1e100:  # bounded activations keep the sums finite
        assert "Cannot train with these settings" in text and "training diverged" in text
    else:
        assert np.isfinite(float(re.search(r"loss (\S+) \|", text).group(1)))


def test_building_fifty_dashboards_registers_no_figure_with_pyplot():
    plt.close("all")
    for _ in range(50):
        symmetry_dashboard(epochs=20)
    assert plt.get_fignums() == []


def test_the_plain_text_view_of_the_dashboard_is_its_readout():
    dashboard = symmetry_dashboard(init="zero")
    bundle = dashboard._repr_mimebundle_()
    assert bundle["text/plain"].startswith("Symmetry dashboard: distinct hidden neurons: 1 of 4 | loss 0.6931")
    assert "application/vnd.jupyter.widget-view+json" in bundle


def test_under_the_projector_style_the_readout_is_14_pt_and_the_controls_sit_beside_a_smaller_picture():
    # 14 pt is 18.7 CSS pixels: larger than the 17-pixel prose of JupyterLab's Presentation Mode
    with plt.style.context("helpers.projector"):
        dashboard = symmetry_dashboard()
    assert dashboard.readout.style.font_size == "14pt"
    controls, picture = dashboard.widget.children
    assert picture is dashboard.image
    assert dashboard.controls["init"] in controls.children and dashboard.readout in controls.children
    assert Image.open(io.BytesIO(bytes(dashboard.image.value))).size == (700, 560)


def test_without_the_projector_style_the_dashboard_keeps_its_layout_and_picture():
    dashboard = symmetry_dashboard()
    assert dashboard.readout.style.font_size == "10pt"  # 13.3 px: JupyterLab's widgets have 13
    assert dashboard.widget.children[-2:] == (dashboard.readout, dashboard.image)
    assert Image.open(io.BytesIO(bytes(dashboard.image.value))).size == (950, 620)


@pytest.mark.parametrize("style", ["default", "helpers.projector"])
def test_every_pixel_of_the_widget_pictures_is_opaque_for_a_dark_theme(style):
    # The PNG keeps red, green and blue only, so the drawing itself must be opaque: a transparent
    # pixel would lose its alpha in the PNG and show the wrong colour on a dark theme.
    with plt.style.context(style):
        widgets = [symmetry_dashboard(), perceptron_explorer()]
    for widget in widgets:
        alpha = np.asarray(widget.figure.canvas.buffer_rgba())[..., 3]
        assert alpha.min() == 255


def test_bad_dashboard_arguments_get_a_clear_message():
    with pytest.raises(ValueError, match=r"init must be one of 'zero', 'constant', 'random'; got 'ones'"):
        symmetry_dashboard(init="ones")
    with pytest.raises(ValueError, match=r"n_hidden must be at least 2; got 1"):
        symmetry_dashboard(n_hidden=1)


def test_perceptron_explorer_counts_misclassified_points_and_redraws_on_every_slider():
    explorer = perceptron_explorer(weights=(1.0, 1.0), bias=-1.5, gate="and")
    assert explorer.readout.value == "misclassified points: 0 of 4"
    for name, value in (("w1", -1.0), ("w2", 2.0), ("bias", 0.5), ("gate", "xor")):
        before = bytes(explorer.image.value)
        explorer.controls[name].value = value
        assert bytes(explorer.image.value) != before
    explorer.controls["w1"].value, explorer.controls["w2"].value, explorer.controls["bias"].value = 1.0, 1.0, -0.5
    assert explorer.readout.value == "misclassified points: 1 of 4"  # OR's line: right on 3 XOR points
    assert explorer._repr_mimebundle_()["text/plain"] == "Perceptron explorer: misclassified points: 1 of 4"


# --- memory: a re-run cell frees the widget it replaces ------------------------------------------

@pytest.mark.parametrize("make, allowed_mb", [(symmetry_dashboard, 100), (perceptron_explorer, 40)],
                         ids=["dashboard", "explorer"])
def test_re_creating_a_widget_thirty_times_keeps_memory_bounded(make, allowed_mb):
    # A re-run cell makes a new widget; the old one must not stay in the kernel for good. It once
    # did: 30 dashboards grew this process by about 370 MB (12 MB each), 30 explorers by about 90.
    make()
    gc.collect()
    process = psutil.Process()
    before = process.memory_info().rss
    for _ in range(30):
        make()
    gc.collect()
    grown_mb = (process.memory_info().rss - before) / 1e6
    assert grown_mb < allowed_mb, f"30 re-created widgets kept {grown_mb:.0f} MB"


def test_a_new_dashboard_closes_the_one_it_replaces_and_the_newest_stays_live():
    older = symmetry_dashboard()
    newer = symmetry_dashboard()
    assert older.closed and older.image.comm is None and older.controls["init"].comm is None
    assert older._repr_mimebundle_()["text/plain"] == "Symmetry dashboard (closed: a newer one replaced it)"
    assert not newer.closed
    newer.controls["init"].value = "zero"
    assert distinct(newer) == "1 of 4"


# --- failures keep the last good run and picture, and say why ------------------------------------

def test_a_drawing_failure_keeps_the_last_good_run_and_picture_and_says_why():
    dashboard = symmetry_dashboard(init="random")
    history, picture = dashboard.history, bytes(dashboard.image.value)
    dashboard.controls["scale"].max = 1e300  # widened on purpose: weights too large to draw
    dashboard.controls["scale"].value = 1e300
    text = dashboard.readout.value
    assert "Cannot draw the run of these settings (its largest weight is" in text
    assert "still shows the last good settings" in text
    assert re.search(r"\d{12}", text) is None, text  # no loss printed with a hundred digits
    assert dashboard.history is history
    assert bytes(dashboard.image.value) == picture
    dashboard.epoch.value = 500  # the last good run still answers the slider
    assert "| epoch 500 |" in dashboard.readout.value and dashboard.history is history


def test_any_training_failure_keeps_the_last_good_run_and_says_why(monkeypatch):
    dashboard = symmetry_dashboard(init="random")
    history, picture = dashboard.history, bytes(dashboard.image.value)

    def broken(*args, **kwargs):
        raise MemoryError("no room for this run")

    monkeypatch.setattr(dashboard, "_train", broken)
    dashboard.controls["seed"].value = 3
    assert "Cannot train with these settings." in dashboard.readout.value
    assert "no room for this run" in dashboard.readout.value
    assert dashboard.history is history and bytes(dashboard.image.value) == picture


def test_a_huge_loss_is_printed_with_few_digits():
    assert format_number(0.69314718) == "0.6931"
    assert format_number(3.7e130) == "3.700e+130"


def test_a_bad_choice_from_code_names_the_control_and_its_choices():
    dashboard = symmetry_dashboard()
    with pytest.raises(TraitError, match=r"controls\['dataset'\] \('data'\) must be one of 'xor', .*; got 'spiral'"):
        dashboard.controls["dataset"].value = "spiral"
    explorer = perceptron_explorer()
    with pytest.raises(TraitError, match=r"controls\['gate'\] .* must be one of 'and', 'or', 'xor'; got 'nand'"):
        explorer.controls["gate"].value = "nand"


@pytest.mark.parametrize("weights, bias, name", [
    ((float("nan"), 1.0), -1.5, r"weights\[0\]"),
    ((1.0, float("inf")), -1.5, r"weights\[1\]"),
    ((1.0, 1.0), float("nan"), "bias"),
])
def test_the_explorer_names_a_weight_that_is_not_a_finite_number(weights, bias, name):
    with pytest.raises(ValueError, match=rf"{name} must be a finite number; got (nan|inf)"):
        perceptron_explorer(weights=weights, bias=bias)


def test_the_explorer_needs_two_weights():
    with pytest.raises(ValueError, match=r"weights must be two numbers \(w1, w2\); got \(1.0,\)"):
        perceptron_explorer(weights=(1.0,))


def test_weights_beyond_the_sliders_widen_them_instead_of_being_clamped():
    # w = (5, 5), b = -4 on AND calls (0, 1) and (1, 0) 1: two mistakes. Clamped to +-3 it would
    # be (3, 3), b = -3, which makes none: the readout would describe another perceptron.
    explorer = perceptron_explorer(weights=(5.0, 5.0), bias=-4.0, gate="and")
    assert [explorer.controls[name].value for name in ("w1", "w2", "bias")] == [5.0, 5.0, -4.0]
    assert explorer.controls["w1"].max >= 5.0 and explorer.controls["bias"].min == -4.0
    assert explorer.readout.value == "misclassified points: 2 of 4"


@pytest.mark.parametrize("name, value", [("w1", float("nan")), ("bias", float("inf"))])
def test_a_slider_set_to_nan_or_infinity_from_code_names_itself_and_keeps_its_value(name, value):
    explorer = perceptron_explorer(weights=(1.0, 1.0), bias=-1.5)
    with pytest.raises(TraitError, match=rf"controls\['{name}'\] \(.*\) must be a finite number; got (nan|inf)"):
        explorer.controls[name].value = value
    assert [explorer.controls[key].value for key in ("w1", "w2", "bias")] == [1.0, 1.0, -1.5]
    assert explorer.readout.value == "misclassified points: 0 of 4"
