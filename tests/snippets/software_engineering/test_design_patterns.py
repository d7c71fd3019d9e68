from unittest.mock import patch

import pytest
from sklearn.base import BaseEstimator
from sklearn.datasets import load_iris
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import Pipeline
from sklearn.tree import DecisionTreeClassifier

from snippets.software_engineering.design_patterns import (
    REGISTRY,
    build_model,
    evaluate,
    register,
)


def test_the_registry_holds_the_decorated_builders():
    assert sorted(REGISTRY) == ["knn", "logistic", "tree"]


@pytest.mark.parametrize("name", ["knn", "logistic", "tree"])
def test_every_registered_model_builds_with_its_defaults(name):
    assert isinstance(build_model({"name": name}), BaseEstimator)


def test_params_from_the_config_reach_the_estimator():
    model = build_model({"name": "knn", "params": {"n_neighbors": 3}})
    assert isinstance(model, Pipeline)
    assert isinstance(model[-1], KNeighborsClassifier)
    assert model[-1].n_neighbors == 3
    tree = build_model({"name": "tree", "params": {"max_depth": 2}})
    assert tree.get_params() == DecisionTreeClassifier(max_depth=2, random_state=0).get_params()


def test_each_build_is_a_new_unfitted_object():
    assert build_model({"name": "tree"}) is not build_model({"name": "tree"})


def test_an_unknown_name_lists_the_available_ones():
    with pytest.raises(ValueError, match=r"unknown model 'svm'; available: knn, logistic, tree"):
        build_model({"name": "svm"})


def test_an_unknown_parameter_is_not_silently_ignored():
    with pytest.raises(TypeError):
        build_model({"name": "knn", "params": {"depth": 3}})


def test_registering_adds_a_model_and_refuses_duplicates():
    with patch.dict(REGISTRY):

        @register("stub")
        def stub() -> BaseEstimator:
            return DecisionTreeClassifier(max_depth=1)

        assert build_model({"name": "stub"}).max_depth == 1
        with pytest.raises(ValueError, match="already registered"):
            register("stub")(stub)
    assert "stub" not in REGISTRY


def test_evaluate_accepts_any_estimator_strategy():
    X, y = load_iris(return_X_y=True)
    score = evaluate(DecisionTreeClassifier(max_depth=1, random_state=0), X, y)
    assert 0.5 < score < 0.8  # a single split separates one species of three
