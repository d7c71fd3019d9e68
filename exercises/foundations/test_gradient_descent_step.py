"""Tests for exercises/foundations/gradient_descent_step.py.
Run them with: make exercise NAME=gradient_descent_step"""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

HINT = "the gradient of mean((X @ w - y) ** 2) is (2 / n) * X.T @ (X @ w - y)"


@pytest.fixture(scope="module")
def gradient_descent_step(exercise):
    return exercise.gradient_descent_step


def mse(w, X, y):
    return np.mean((X @ w - y) ** 2)


def numerical_gradient(w, X, y, h=1e-6):
    """The slope of the loss along each weight, measured with central differences."""
    gradient = np.zeros_like(w)
    for j in range(len(w)):
        step = np.zeros_like(w)
        step[j] = h
        gradient[j] = (mse(w + step, X, y) - mse(w - step, X, y)) / (2 * h)
    return gradient


CASES = [
    pytest.param(
        [0.0],
        [[1.0], [2.0]],
        [2.0, 4.0],
        0.1,
        [1.0],
        "the residuals are -2 and -4, so the gradient is -10",
        id="one-weight",
    ),
    pytest.param(
        [2.0],
        [[1.0], [2.0]],
        [2.0, 4.0],
        0.1,
        [2.0],
        "w fits exactly: the gradient is 0 and w stays",
        id="at-the-minimum",
    ),
    pytest.param(
        [0.0, 0.0],
        [[1.0, 0.0], [0.0, 1.0]],
        [1.0, -1.0],
        0.5,
        [0.5, -0.5],
        "the mean divides by n = 2: the gradient is [-1, 1]",
        id="divide-by-n",
    ),
    pytest.param(
        [0.0],
        [[1.0], [1.0], [1.0]],
        [3.0, 3.0, 6.0],
        0.25,
        [2.0],
        "a column of ones: w moves towards the mean of y, 4",
        id="intercept-only",
    ),
]


@pytest.mark.parametrize(("w", "X", "y", "lr", "expected", "why"), CASES)
def test_examples(gradient_descent_step, w, X, y, lr, expected, why):
    got = gradient_descent_step(np.array(w), np.array(X), np.array(y), lr)
    assert np.allclose(got, expected), (
        f"gradient_descent_step({w}, {X}, {y}, lr={lr}) should be {expected}: {why}; "
        f"got {np.asarray(got).tolist()}. Remember: {HINT}"
    )


def test_leaves_w_unchanged(gradient_descent_step):
    w = np.array([0.0])
    gradient_descent_step(w, np.array([[1.0], [2.0]]), np.array([2.0, 4.0]), 0.1)
    assert w.tolist() == [0.0], (
        "gradient_descent_step must not change w: return w - lr * gradient, not w -= ..."
    )


def random_problem(seed: int, n: int, d: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, d))
    return rng.normal(size=d), X, X @ rng.normal(size=d) + rng.normal(size=n)


problems = st.builds(
    random_problem, st.integers(0, 2**32 - 1), st.integers(1, 30), st.integers(1, 4)
)


@settings(max_examples=50, deadline=None)
@given(problems, st.floats(0.01, 1.0))
def test_the_step_follows_the_numerical_gradient(gradient_descent_step, problem, lr):
    w, X, y = problem
    expected = w - lr * numerical_gradient(w, X, y)
    got = gradient_descent_step(w.copy(), X, y, lr)
    assert np.allclose(got, expected, rtol=1e-5, atol=1e-6), (
        f"with lr={lr}, the step should take w from {w.round(4).tolist()} to "
        f"{expected.round(4).tolist()} (a gradient measured numerically); "
        f"got {np.round(got, 4).tolist()}. Remember: {HINT}"
    )


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_many_steps_reach_the_least_squares_weights(gradient_descent_step, seed):
    rng = np.random.default_rng(seed)
    X = np.column_stack([np.ones(100), rng.normal(3, 2, size=(100, 2))])  # with an intercept
    y = X @ np.array([1.0, -2.0, 0.5]) + rng.normal(size=100)
    best = np.linalg.lstsq(X, y, rcond=None)[0]
    # The largest step size that cannot diverge on this loss is 1 / L, with L the largest
    # eigenvalue of (2 / n) * X.T @ X.
    lr = 1 / np.linalg.eigvalsh(2 / len(y) * X.T @ X).max()
    w = np.zeros(3)
    for _ in range(3000):
        w = gradient_descent_step(w, X, y, lr)
    assert np.allclose(w, best, atol=1e-6), (
        f"3000 steps with lr={lr:.4f} should reach the least-squares weights "
        f"{best.round(4).tolist()}; got {np.round(w, 4).tolist()}"
    )
