"""Tests for exercises/data_science/standardise.py. Run them with: make exercise NAME=standardise"""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.preprocessing import StandardScaler


@pytest.fixture(scope="module")
def standardise(exercise):
    return exercise.standardise


CASES = [
    pytest.param([[1.0], [3.0]], [[-1.0], [1.0]], "mean 2, standard deviation 1", id="two-values"),
    pytest.param(
        [[0.0], [0.0], [3.0]],
        [[-1 / 2**0.5], [-1 / 2**0.5], [2**0.5]],
        "divide by the population standard deviation (ddof=0), here sqrt(2)",
        id="population-std",
    ),
    pytest.param(
        [[1.0, 10.0], [3.0, 10.0]],
        [[-1.0, 0.0], [1.0, 0.0]],
        "a constant column has standard deviation 0: it becomes zeros, not NaN",
        id="constant-column",
    ),
    pytest.param([[5.0, -2.0]], [[0.0, 0.0]], "one row: every column is constant", id="one-row"),
    pytest.param(
        [[1.0, 100.0], [2.0, 200.0], [3.0, 300.0]],
        [[-(1.5**0.5), -(1.5**0.5)], [0.0, 0.0], [1.5**0.5, 1.5**0.5]],
        "each column is scaled on its own: the scale of a column disappears",
        id="columns-on-their-own",
    ),
]


@pytest.mark.parametrize(("X", "expected", "why"), CASES)
def test_examples(standardise, X, expected, why):
    got = standardise(np.array(X))
    assert np.shape(got) == np.shape(expected), (
        f"standardise should return an array of X's shape {np.shape(expected)}; got {np.shape(got)}"
    )
    assert np.allclose(got, expected), (
        f"standardise({X}) should be {np.round(expected, 4).tolist()}: {why}; "
        f"got {np.round(got, 4).tolist()}"
    )


def test_leaves_X_unchanged(standardise):
    X = np.array([[1.0, 10.0], [3.0, 10.0]])
    standardise(X)
    assert X.tolist() == [[1.0, 10.0], [3.0, 10.0]], (
        "standardise must not change X: return a new array (X - mean makes one)"
    )


def test_does_not_loop_over_the_rows(standardise, lines_run):
    X = np.random.default_rng(0).normal(5, 2, size=(20_000, 3))
    got, lines = lines_run(standardise, X)
    assert np.allclose(got.mean(axis=0), 0) and np.allclose(got.std(axis=0), 1), (
        "every column of the result should have mean 0 and standard deviation 1"
    )
    assert lines <= 200, (
        f"standardise ran {lines} lines of Python for a 20000-row array: it loops over the "
        "rows. Compute the column means and standard deviations with axis=0, then let "
        "broadcasting apply them to every row at once."
    )


def random_matrix(seed: int, n: int, d: int, constant_columns: int) -> np.ndarray:
    """Columns on different scales; the first few constant (with values a float holds exactly)."""
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, d)) * rng.uniform(0.1, 100, size=d) + rng.uniform(-50, 50, size=d)
    X[:, :constant_columns] = rng.integers(-9, 10, size=constant_columns)
    return X


@settings(max_examples=50, deadline=None)
@given(
    st.builds(
        random_matrix,
        st.integers(0, 2**32 - 1),
        st.integers(1, 40),
        st.integers(1, 4),
        st.integers(0, 1),
    )
)
def test_agrees_with_standard_scaler(standardise, X):
    expected = StandardScaler().fit_transform(X)
    got = standardise(X.copy())
    assert np.allclose(got, expected, atol=1e-9), (
        f"standardise should agree with StandardScaler on this {X.shape[0]}x{X.shape[1]} "
        f"array:\n{X.round(3)}\nexpected\n{expected.round(4)}\ngot\n{np.round(got, 4)}"
    )
