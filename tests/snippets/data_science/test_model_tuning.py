import numpy as np
import pytest
from sklearn.base import clone
from sklearn.datasets import load_breast_cancer
from sklearn.model_selection import ParameterGrid, cross_val_score

from snippets.data_science.model_tuning import CV, grid_search, make_model, random_search


@pytest.fixture(scope="module")
def data():
    X, y = load_breast_cancer(return_X_y=True)
    return X[:200], y[:200], X[200:300], y[200:300]


@pytest.mark.parametrize("values_per_axis", [2, 3, 4])
def test_grid_has_every_combination(values_per_axis):
    assert len(ParameterGrid(grid_search(values_per_axis).param_grid)) == values_per_axis**2


def test_random_search_is_seeded_and_stays_in_range(data):
    X_train, y_train, _, _ = data
    first = random_search(5).fit(X_train, y_train).cv_results_["params"]
    second = random_search(5).fit(X_train, y_train).cv_results_["params"]
    assert first == second
    assert len(first) == 5
    for params in first:
        assert 1e-1 <= params["svc__C"] <= 1e3
        assert 1e-4 <= params["svc__gamma"] <= 1e0


@pytest.mark.parametrize("make_search", [lambda: grid_search(2), lambda: random_search(4)])
def test_refitted_best_estimator_scores_as_reported(data, make_search):
    X_train, y_train, X_test, y_test = data
    search = make_search().fit(X_train, y_train)
    # Re-running CV for the best parameters reproduces the reported best score...
    model = clone(make_model()).set_params(**search.best_params_)
    assert cross_val_score(model, X_train, y_train, cv=CV).mean() == pytest.approx(
        search.best_score_
    )
    # ...and the refitted model is exactly what `search.score` uses on new data.
    assert search.best_estimator_.get_params()["svc__C"] == search.best_params_["svc__C"]
    refit = clone(model).fit(X_train, y_train)
    assert search.score(X_test, y_test) == pytest.approx(refit.score(X_test, y_test))
    assert np.array_equal(search.predict(X_test), refit.predict(X_test))


def test_best_score_is_the_best_candidate(data):
    X_train, y_train, _, _ = data
    search = grid_search(3).fit(X_train, y_train)
    assert search.best_score_ == max(search.cv_results_["mean_test_score"])
