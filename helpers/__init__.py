"""helpers: the code behind the notebooks on what makes hidden neurons different.

The math is numpy only and lives in small modules, one job each:

    network     init_params, forward, backward, loss_value   (one hidden layer)
    training    train, train_in_batches                       (gradient descent)
    gradcheck   gradient_check                                (backprop vs finite differences)
    symmetry    count_distinct_neurons and friends            (how different the neurons are)
    perceptron  perceptron_train, perceptron_predict          (Rosenblatt's single neuron)
    random_search  random_search                              (learning without backpropagation)
    data        logic gates, the seven-sample example, two moons, circles

The top of `network` is the math itself, unchecked and public by name (the ACTIVATIONS and
LOSSES tables, hidden_layer, forward_pass, backward_pass, gradient_descent_step): the other
modules call it after checking their own arguments once.

Plots (matplotlib) and widgets (ipywidgets) are imported on their own: `from helpers import plots`.
"""

from helpers import data, notebook_hints
from helpers.gradcheck import gradient_check, numerical_gradient
from helpers.network import accuracy, backward, forward, init_params, layer_weights, loss_value, sigmoid
from helpers.perceptron import perceptron_predict, perceptron_train
from helpers.random_search import SearchResult, random_search
from helpers.symmetry import count_distinct_neurons, largest_neuron_difference, smallest_neuron_distance
from helpers.training import History, TrainingWarning, train, train_in_batches

__all__ = [
    "data", "init_params", "layer_weights", "random_search", "SearchResult", "forward", "backward", "loss_value",
    "accuracy", "sigmoid",
    "train", "train_in_batches", "History", "TrainingWarning", "gradient_check", "numerical_gradient",
    "count_distinct_neurons",
    "largest_neuron_difference", "smallest_neuron_distance", "perceptron_train", "perceptron_predict",
]

notebook_hints.register()  # in a notebook, a NameError ends with "run the cells above first"
