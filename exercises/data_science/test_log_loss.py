"""Tests for exercises/data_science/log_loss.py. Run them with: make exercise NAME=log_loss"""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from scipy.special import expit
from sklearn.metrics import log_loss as sklearn_log_loss


@pytest.fixture(scope="module")
def sigmoid(exercise):
    return exercise.sigmoid


@pytest.fixture(scope="module")
def log_loss(exercise):
    return exercise.log_loss


HINTS = {
    "sigmoid": "rearrange the formula so that np.exp only sees values <= 0",
    "log_loss": "clip p into [eps, 1 - eps] before taking logs",
}


def quietly(function, *args):
    """Call function(*args) with NumPy's floating-point warnings raised as errors.

    Underflow (exp(-1000) rounding to 0.0) is harmless and stays allowed.
    """
    try:
        with np.errstate(over="raise", divide="raise", invalid="raise"):
            return function(*args)
    except FloatingPointError as error:
        shown = ", ".join(str(np.asarray(arg).tolist()) for arg in args)
        name = function.__name__
        pytest.fail(f"{name}({shown}) hit a floating-point error ({error}): {HINTS[name]}")


SIGMOID_CASES = [
    pytest.param([0.0], [0.5], "sigmoid(0) is one half", id="zero"),
    pytest.param(
        [2.0, -2.0],
        [1 / (1 + math.exp(-2)), 1 / (1 + math.exp(2))],
        "moderate values, either sign",
        id="moderate",
    ),
    pytest.param([1000.0], [1.0], "a large positive z gives 1", id="large-positive"),
    pytest.param(
        [-1000.0],
        [0.0],
        "a large negative z gives 0, without overflow in exp(-z)",
        id="large-negative",
    ),
    pytest.param([-750.0, 750.0], [0.0, 1.0], "both signs in one array", id="both-signs"),
]


@pytest.mark.parametrize(("z", "expected", "why"), SIGMOID_CASES)
def test_sigmoid_examples(sigmoid, z, expected, why):
    got = quietly(sigmoid, np.array(z))
    assert np.allclose(got, expected, rtol=1e-12, atol=1e-300), (
        f"sigmoid({z}) should be {expected}: {why}; got {np.asarray(got).tolist()}"
    )


def test_sigmoid_keeps_the_shape(sigmoid):
    got = sigmoid(np.zeros((2, 3)))
    assert np.shape(got) == (2, 3), f"sigmoid of a 2x3 array should be 2x3; got {np.shape(got)}"


@settings(max_examples=50, deadline=None)
@given(arrays(np.float64, st.integers(1, 20), elements=st.floats(-1000, 1000)))
def test_sigmoid_agrees_with_scipy(sigmoid, z):
    got = quietly(sigmoid, z.copy())
    expected = expit(z)
    assert np.allclose(got, expected, rtol=1e-9, atol=1e-300), (
        f"sigmoid({z.tolist()}) should be {expected.tolist()}, as scipy.special.expit gives"
    )


LOSS_CASES = [
    pytest.param(
        [1, 0], [0.9, 0.1], -math.log(0.9), "both rows 90% sure and right", id="confident-and-right"
    ),
    pytest.param([1, 0], [0.5, 0.5], math.log(2), "a coin flip costs ln 2 per row", id="coin-flip"),
    pytest.param([1], [0.1], -math.log(0.1), "90% sure and wrong costs ln 10", id="wrong"),
    pytest.param(
        [1],
        [0.0],
        -math.log(np.finfo(float).eps),
        "p = 0 for a positive row: clip p to eps first, or you get ln(0)",
        id="certain-and-wrong",
    ),
    pytest.param(
        [0, 1],
        [0.0, 1.0],
        -math.log(1 - np.finfo(float).eps),
        "certain and right: clipped to 1 - eps, almost 0",
        id="certain-and-right",
    ),
]


@pytest.mark.parametrize(("y_true", "p", "expected", "why"), LOSS_CASES)
def test_log_loss_examples(log_loss, y_true, p, expected, why):
    got = quietly(log_loss, list(y_true), list(p))
    assert got == pytest.approx(expected, rel=1e-9), (
        f"log_loss({y_true}, {p}) should be {expected:.6g}: {why}; got {got}"
    )


def test_log_loss_of_extreme_scores_is_finite(log_loss, sigmoid):
    p = quietly(sigmoid, np.array([800.0, -800.0, 800.0]))
    got = quietly(log_loss, [1, 0, 0], p)
    expected = -math.log(np.finfo(float).eps) / 3
    assert got == pytest.approx(expected, rel=1e-9), (
        f"one certain mistake in three rows should cost -ln(eps) / 3 = {expected:.4f}; got {got}"
    )


@settings(max_examples=50, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 1), st.floats(0, 1)), min_size=1, max_size=30))
def test_log_loss_agrees_with_scikit_learn(log_loss, rows):
    y_true, p = [y for y, _ in rows], [q for _, q in rows]
    expected = sklearn_log_loss(y_true, p, labels=[0, 1])
    got = quietly(log_loss, list(y_true), list(p))
    assert got == pytest.approx(expected, rel=1e-9), (
        f"log_loss({y_true}, {p}) should be {expected}, as sklearn.metrics.log_loss gives"
    )
