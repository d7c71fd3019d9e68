import numpy as np
import pytest
from sklearn.datasets import load_breast_cancer, load_diabetes
from sklearn.dummy import DummyClassifier, DummyRegressor
from sklearn.model_selection import KFold, StratifiedKFold

from snippets.data_science.baselines import cv_score


def test_the_mean_baseline_matches_a_by_hand_cross_validation():
    X, y = load_diabetes(return_X_y=True)
    errors = [np.abs(y[val] - y[train].mean()).mean() for train, val in KFold(5).split(X)]
    score = cv_score(DummyRegressor(strategy="mean"), X, y, "neg_mean_absolute_error")
    assert -score == pytest.approx(np.mean(errors))


def test_the_majority_baseline_scores_the_majority_share_of_each_fold():
    X, y = load_breast_cancer(return_X_y=True)
    shares = []
    for train, val in StratifiedKFold(5).split(X, y):
        majority = np.bincount(y[train]).argmax()
        shares.append((y[val] == majority).mean())
    score = cv_score(DummyClassifier(strategy="most_frequent"), X, y, "accuracy")
    assert score == pytest.approx(np.mean(shares))
    assert score == pytest.approx(y.mean(), abs=0.01)  # benign (1) is the majority class


@pytest.mark.parametrize("seed", range(3))
def test_a_constant_target_is_predicted_perfectly_by_the_baseline(seed):
    rng = np.random.default_rng(seed)
    X, y = rng.normal(size=(20, 2)), np.full(20, 7.0)
    assert cv_score(DummyRegressor(), X, y, "neg_mean_absolute_error") == 0.0
