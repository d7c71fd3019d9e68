import numpy as np
import pytest
from sklearn.linear_model import Ridge
from sklearn.model_selection import KFold, cross_val_score

from snippets.data_science.model_validation import cross_validated_rmse, k_fold_indices


@pytest.mark.parametrize(("n", "k"), [(10, 2), (11, 3), (17, 5), (5, 5)])
def test_folds_match_scikit_learn_kfold(n, k):
    mine = k_fold_indices(n, k)
    theirs = list(KFold(k).split(np.zeros(n)))
    assert len(mine) == len(theirs)
    for (train, validation), (train_sk, validation_sk) in zip(mine, theirs, strict=True):
        assert train.tolist() == train_sk.tolist()
        assert validation.tolist() == validation_sk.tolist()


def test_every_row_is_validated_exactly_once():
    rows = np.concatenate([validation for _, validation in k_fold_indices(23, 4)])
    assert sorted(rows.tolist()) == list(range(23))


@pytest.mark.parametrize("seed", range(5))
def test_cross_validated_rmse_agrees_with_scikit_learn(seed):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(40, 3))
    y = X @ rng.normal(size=3) + rng.normal(size=40)
    expected = -cross_val_score(
        Ridge(), X, y, cv=KFold(4), scoring="neg_root_mean_squared_error"
    ).mean()
    assert cross_validated_rmse(Ridge(), X, y, k=4) == pytest.approx(expected)
