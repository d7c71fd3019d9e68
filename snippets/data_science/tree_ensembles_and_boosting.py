"""Gradient boosting for squared loss from scratch, matched against scikit-learn's ensembles."""

# --8<-- [start:example]
import numpy as np
from sklearn.ensemble import (
    GradientBoostingRegressor,
    HistGradientBoostingRegressor,
    RandomForestRegressor,
)
from sklearn.metrics import r2_score
from sklearn.model_selection import train_test_split
from sklearn.tree import DecisionTreeRegressor


class Boosting:
    """Start from the mean; each small tree fits what the ensemble still gets wrong.

    For squared loss the negative gradient is the residual y - F(x), so every round fits a
    tree to the residuals and adds a shrunken copy of it. Time O(n_estimators · tree fit),
    where one tree fit is about O(n·d·log n); space O(n_estimators · tree size).
    """

    def __init__(self, n_estimators: int, learning_rate: float, max_depth: int) -> None:
        self.n_estimators = n_estimators
        self.learning_rate = learning_rate
        self.max_depth = max_depth

    def fit(self, X: np.ndarray, y: np.ndarray, random_state: int = 0) -> "Boosting":
        # Trees break ties between equally good splits at random. One seeded generator shared
        # by all trees, as scikit-learn does it, makes both break them the same way.
        tie_breaker = np.random.RandomState(random_state)
        self.init_ = float(np.mean(y))
        self.trees_: list[DecisionTreeRegressor] = []
        F = np.full(len(y), self.init_)
        for _ in range(self.n_estimators):
            tree = DecisionTreeRegressor(max_depth=self.max_depth, random_state=tie_breaker)
            tree.fit(X, y - F)  # the residuals: the negative gradient of ½(y - F)²
            F += self.learning_rate * tree.predict(X)
            self.trees_.append(tree)
        return self

    def predict(self, X: np.ndarray) -> np.ndarray:
        return self.init_ + self.learning_rate * sum(tree.predict(X) for tree in self.trees_)


def main() -> None:
    rng = np.random.default_rng(0)
    X = rng.uniform(-2, 2, size=(600, 4))
    y = np.sin(2 * X[:, 0]) + X[:, 1] ** 2 + 0.5 * X[:, 2] * X[:, 3] + rng.normal(0, 0.2, 600)
    X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)

    settings = {"n_estimators": 100, "learning_rate": 0.1, "max_depth": 3}
    mine = Boosting(**settings).fit(X_train, y_train)
    theirs = GradientBoostingRegressor(**settings, random_state=0).fit(X_train, y_train)
    gap = np.max(np.abs(mine.predict(X_test) - theirs.predict(X_test)))
    print(f"same test predictions as GradientBoostingRegressor (gap < 1e-9): {gap < 1e-9}")

    models = {
        "one tree, depth 3": DecisionTreeRegressor(max_depth=3, random_state=0),
        "random forest": RandomForestRegressor(n_estimators=100, random_state=0),
        "boosting from scratch": mine,
        "HistGradientBoosting": HistGradientBoostingRegressor(random_state=0),
    }
    for name, model in models.items():
        y_hat = model.fit(X_train, y_train).predict(X_test)
        print(f"{name:>22}: test R² {r2_score(y_test, y_hat):.3f}")


# --8<-- [end:example]


if __name__ == "__main__":
    main()
