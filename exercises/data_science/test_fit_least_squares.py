"""Tests for exercises/data_science/fit_least_squares.py.
Run them with: make exercise NAME=fit_least_squares"""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.linear_model import LinearRegression


@pytest.fixture(scope="module")
def fit_least_squares(exercise):
    return exercise.fit_least_squares


CASES = [
    pytest.param(
        [[0.0], [1.0], [2.0]],
        [1.0, 3.0, 5.0],
        [2.0],
        1.0,
        "the points lie on y = 2x + 1",
        id="exact-line",
    ),
    pytest.param(
        [[0.0], [1.0], [2.0]],
        [1.0, 2.0, 0.0],
        [-0.5],
        1.5,
        "no line fits exactly: the best one has slope -0.5",
        id="best-line",
    ),
    pytest.param(
        [[1.0], [2.0], [3.0]],
        [4.0, 4.0, 4.0],
        [0.0],
        4.0,
        "a constant target: slope 0, intercept 4",
        id="flat",
    ),
    pytest.param(
        [[1.0, 0.0], [0.0, 1.0], [1.0, 1.0], [2.0, 1.0]],
        [3.5, -0.5, 2.5, 5.5],
        [3.0, -1.0],
        0.5,
        "two features: y = 3 x1 - x2 + 0.5",
        id="two-features",
    ),
]


@pytest.mark.parametrize(("X", "y", "w_expected", "b_expected", "why"), CASES)
def test_examples(fit_least_squares, X, y, w_expected, b_expected, why):
    w, b = fit_least_squares(np.array(X), np.array(y))
    assert np.shape(w) == (len(w_expected),), (
        f"w should have one weight per column of X, shape ({len(w_expected)},); "
        f"got shape {np.shape(w)} (leave the intercept out of w)"
    )
    assert np.allclose(w, w_expected) and np.isclose(b, b_expected), (
        f"fit_least_squares({X}, {y}) should give w={w_expected}, b={b_expected}: {why}; "
        f"got w={np.round(w, 6).tolist()}, b={b:.6f}"
    )


def test_leaves_its_inputs_unchanged(fit_least_squares):
    X, y = np.array([[0.0], [1.0], [2.0]]), np.array([1.0, 2.0, 0.0])
    fit_least_squares(X, y)
    assert X.tolist() == [[0.0], [1.0], [2.0]] and y.tolist() == [1.0, 2.0, 0.0], (
        "fit_least_squares must not change X or y: build a new array with the column of ones"
    )


def random_problem(seed: int, n: int, d: int) -> tuple[np.ndarray, np.ndarray]:
    """Noisy data from a random linear model, with columns on different scales."""
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, d)) * rng.uniform(0.5, 10, size=d) + rng.uniform(-5, 5, size=d)
    y = X @ rng.normal(size=d) + rng.normal() * 3 + rng.normal(size=n)
    return X, y


problems = st.builds(
    random_problem, st.integers(0, 2**32 - 1), st.integers(10, 60), st.integers(1, 5)
)


@settings(max_examples=50, deadline=None)
@given(problems)
def test_agrees_with_scikit_learn(fit_least_squares, problem):
    X, y = problem
    model = LinearRegression().fit(X, y)
    w, b = fit_least_squares(X, y)
    assert np.allclose(w, model.coef_, rtol=1e-6, atol=1e-8), (
        f"the weights should be {model.coef_.round(6).tolist()}, as LinearRegression finds; "
        f"got {np.round(w, 6).tolist()}"
    )
    assert np.isclose(b, model.intercept_, rtol=1e-6, atol=1e-8), (
        f"the intercept should be {model.intercept_:.6f}, as LinearRegression finds; got {b:.6f}"
    )


@settings(max_examples=25, deadline=None)
@given(problems)
def test_residuals_are_orthogonal_to_every_column(fit_least_squares, problem):
    X, y = problem
    w, b = fit_least_squares(X, y)
    residuals = y - (X @ w + b)
    A = np.column_stack([X, np.ones(len(X))])
    scale = np.abs(A).sum(axis=0) * np.abs(y).max()
    assert np.all(np.abs(A.T @ residuals) <= 1e-8 * scale), (
        "at the least-squares fit the residuals y - (X @ w + b) sum to 0 and are uncorrelated "
        "with every column: A.T @ residuals should be 0. Check the normal equation"
    )
