import numpy as np
import pytest
from sklearn.linear_model import Ridge
from sklearn.metrics import mean_squared_error
from sklearn.model_selection import KFold

from snippets.data_science.overfitting_and_bias_variance import diagnose, mse_curve


def test_diagnose_labels_each_side_of_the_best_setting():
    val = np.array([0.9, 0.3, 0.12, 0.1, 0.14, 2.0])
    assert diagnose(val) == [
        "underfitting",
        "underfitting",
        "close to best",
        "best",
        "close to best",
        "overfitting",
    ]


def test_with_one_setting_it_is_the_best():
    assert diagnose(np.array([0.5])) == ["best"]


def test_a_looser_tolerance_calls_more_settings_close():
    assert diagnose(np.array([0.3, 0.1, 0.5]), tolerance=10) == [
        "close to best",
        "best",
        "close to best",
    ]


@pytest.mark.parametrize("seed", range(3))
def test_mse_curve_matches_a_by_hand_cross_validation(seed):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(40, 3))
    y = X @ rng.normal(size=3) + rng.normal(0, 0.5, size=40)
    alphas = [0.1, 10.0]
    train, val = mse_curve(Ridge(), X, y, "alpha", alphas)
    folds = list(KFold(5, shuffle=True, random_state=0).split(X))
    for i, alpha in enumerate(alphas):
        tr, va = [], []
        for train_idx, val_idx in folds:
            model = Ridge(alpha=alpha).fit(X[train_idx], y[train_idx])
            tr.append(mean_squared_error(y[train_idx], model.predict(X[train_idx])))
            va.append(mean_squared_error(y[val_idx], model.predict(X[val_idx])))
        assert train[i] == pytest.approx(np.mean(tr))
        assert val[i] == pytest.approx(np.mean(va))
