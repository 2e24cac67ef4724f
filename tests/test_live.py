"""Tests for helpers.live: the layered figures."""

import pytest

from helpers.widgets import symmetry_dashboard


@pytest.mark.parametrize("init", ["zero", "constant", "random"])
def test_the_dashboard_keeps_every_value_axis_label_inside_its_picture(init):
    # A zero start's weights get tick labels ("-0.04") wider than other runs'; the label "weight"
    # must not be pushed past the picture's left edge by them.
    dashboard = symmetry_dashboard(init=init)
    figure = dashboard.figure
    renderer = figure.canvas.get_renderer()
    width, _ = figure.canvas.get_width_height()
    for ax in figure.per_run_axes:
        label = ax.yaxis.label
        if label.get_text():
            box = label.get_window_extent(renderer)
            assert 0 <= box.x0 and box.x1 <= width, \
                f"{init}: the label {label.get_text()!r} spans {box.x0:.0f}-{box.x1:.0f} px"
