"""Grid search against random search on the same budget, then nested CV for an honest score."""

# --8<-- [start:example]
import numpy as np
from scipy.stats import loguniform
from sklearn.datasets import load_breast_cancer
from sklearn.model_selection import (
    GridSearchCV,
    RandomizedSearchCV,
    StratifiedKFold,
    cross_val_score,
    train_test_split,
)
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

CV = StratifiedKFold(5, shuffle=True, random_state=0)


def make_model() -> Pipeline:
    return make_pipeline(StandardScaler(), SVC())


def grid_search(values_per_axis: int) -> GridSearchCV:
    """Every combination of C and gamma on a log grid: values_per_axis² candidates."""
    grid = {
        "svc__C": np.logspace(-1, 3, values_per_axis),
        "svc__gamma": np.logspace(-4, 0, values_per_axis),
    }
    return GridSearchCV(make_model(), grid, cv=CV)


def random_search(n_candidates: int) -> RandomizedSearchCV:
    """The same ranges, sampled log-uniformly: each candidate tries new values on both axes."""
    space = {"svc__C": loguniform(1e-1, 1e3), "svc__gamma": loguniform(1e-4, 1e0)}
    return RandomizedSearchCV(make_model(), space, n_iter=n_candidates, cv=CV, random_state=0)


def main() -> None:
    X, y = load_breast_cancer(return_X_y=True)
    X_train, X_test, y_train, y_test = train_test_split(X, y, stratify=y, random_state=0)

    for name, search in [("grid", grid_search(4)), ("random", random_search(16))]:
        search.fit(X_train, y_train)  # 16 candidates x 5 folds = 80 fits each
        best = {
            key.removeprefix("svc__"): float(f"{v:.3g}") for key, v in search.best_params_.items()
        }
        test_accuracy = search.score(X_test, y_test)  # the refitted best model; report, never pick
        print(f"{name:>6} search: best {best}")
        print(f"{'':>15}CV accuracy {search.best_score_:.3f}, test accuracy {test_accuracy:.3f}")

    # The best CV score was used to choose, so it flatters. Nested CV scores the whole procedure.
    outer = StratifiedKFold(3, shuffle=True, random_state=1)
    nested = cross_val_score(random_search(8), X_train, y_train, cv=outer)
    print(f"nested CV accuracy of the whole procedure (8 random candidates): {nested.mean():.3f}")


# --8<-- [end:example]


if __name__ == "__main__":
    main()
