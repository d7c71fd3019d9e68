import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.ensemble import GradientBoostingRegressor

from snippets.data_science.tree_ensembles_and_boosting import Boosting


def make_data(seed: int, n: int, d: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    X = rng.uniform(-1, 1, size=(n, d))
    y = np.sin(3 * X[:, 0]) + X[:, -1] ** 2 + rng.normal(0, 0.1, n)
    return X, y


@settings(max_examples=50, deadline=None)
@given(
    seed=st.integers(0, 2**32 - 1),
    n=st.integers(20, 120),
    d=st.integers(1, 4),
    n_estimators=st.integers(1, 30),
    learning_rate=st.floats(0.01, 1.0),
    max_depth=st.integers(1, 4),
)
def test_agrees_with_gradient_boosting_regressor_on_new_data(
    seed, n, d, n_estimators, learning_rate, max_depth
):
    X, y = make_data(seed, n, d)
    X_new, _ = make_data(seed + 1, 50, d)
    settings_ = {
        "n_estimators": n_estimators,
        "learning_rate": learning_rate,
        "max_depth": max_depth,
    }
    mine = Boosting(**settings_).fit(X, y)
    theirs = GradientBoostingRegressor(**settings_, random_state=0).fit(X, y)
    assert np.allclose(mine.predict(X_new), theirs.predict(X_new), atol=1e-6)
    assert mine.init_ == theirs.init_.constant_[0][0]


def test_no_trees_predicts_the_mean():
    X, y = make_data(0, 30, 2)
    assert np.allclose(Boosting(0, 0.1, 3).fit(X, y).predict(X), y.mean())


def test_training_error_falls_with_every_round():
    X, y = make_data(1, 200, 3)
    model = Boosting(20, 0.3, 2).fit(X, y)
    F = np.full(len(y), model.init_)
    errors = [np.mean((y - F) ** 2)]
    for tree in model.trees_:
        F = F + model.learning_rate * tree.predict(X)
        errors.append(np.mean((y - F) ** 2))
    assert all(later < earlier for earlier, later in zip(errors, errors[1:], strict=False))
    assert np.allclose(F, model.predict(X))
