import numpy as np
import pytest
from sklearn.linear_model import LinearRegression

from snippets.data_science.linear_regression import (
    add_bias,
    fit_gradient_descent,
    fit_least_squares,
)


def test_add_bias():
    assert add_bias(np.array([[2.0], [3.0]])).tolist() == [[1.0, 2.0], [1.0, 3.0]]


@pytest.mark.parametrize("seed", range(10))
def test_both_fits_agree_with_scikit_learn_on_random_data(seed):
    rng = np.random.default_rng(seed)
    n, d = rng.integers(20, 80), rng.integers(1, 5)
    X = rng.uniform(-1, 1, size=(n, d))
    y = X @ rng.normal(size=d) + rng.normal() + rng.normal(0, 0.1, size=n)
    model = LinearRegression().fit(X, y)
    expected = np.concatenate([[model.intercept_], model.coef_])
    assert np.allclose(fit_least_squares(X, y), expected)
    assert np.allclose(fit_gradient_descent(X, y, lr=0.1, num_epochs=20000), expected, atol=1e-3)


def test_an_exact_line_is_recovered():
    X = np.array([[0.0], [1.0], [2.0]])
    assert np.allclose(fit_least_squares(X, 1 + 2 * X[:, 0]), [1.0, 2.0])
