import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.linear_model import PoissonRegressor

from snippets.data_science.generalised_linear_models import add_bias, fit_poisson


def test_add_bias():
    assert add_bias(np.array([[2.0], [3.0]])).tolist() == [[1.0, 2.0], [1.0, 3.0]]


@settings(max_examples=50, deadline=None)
@given(
    seed=st.integers(0, 10_000),
    n=st.integers(50, 300),
    d=st.integers(1, 4),
    scale=st.floats(0.0, 0.6),
)
def test_the_fit_agrees_with_scikit_learn_on_random_count_data(seed, n, d, scale):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, d))
    w_true = rng.normal(0, scale, size=d)
    y = rng.poisson(np.exp(rng.uniform(-0.5, 1.0) + X @ w_true))
    model = PoissonRegressor(alpha=0, solver="newton-cholesky", tol=1e-10).fit(X, y)
    expected = np.concatenate([[model.intercept_], model.coef_])
    assert np.allclose(fit_poisson(X, y), expected, atol=1e-5)


@pytest.mark.parametrize("seed", range(5))
def test_the_fitted_means_satisfy_the_likelihood_equations(seed):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(200, 3))
    y = rng.poisson(np.exp(0.3 + X @ np.array([0.5, -0.2, 0.1])))
    w = fit_poisson(X, y)
    mu = np.exp(add_bias(X) @ w)
    assert np.allclose(add_bias(X).T @ (y - mu), 0, atol=1e-8)  # the gradient vanishes
    assert mu.sum() == pytest.approx(y.sum())  # so the predicted total equals the observed


def test_a_feature_with_no_effect_gives_the_log_of_the_mean_count():
    X = np.array([[-1.0], [1.0], [-1.0], [1.0]])
    y = np.array([2, 2, 4, 4])  # the same mean count, 3, whatever x is
    assert np.allclose(fit_poisson(X, y), [np.log(3.0), 0.0])
