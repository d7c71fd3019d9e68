"""Train, validation and test data: k-fold cross-validation by hand and a grid search."""

# --8<-- [start:example]
import numpy as np
from sklearn.datasets import load_diabetes
from sklearn.linear_model import Ridge
from sklearn.metrics import mean_squared_error
from sklearn.model_selection import GridSearchCV, KFold, cross_val_score, train_test_split


def k_fold_indices(n: int, k: int) -> list[tuple[np.ndarray, np.ndarray]]:
    """(train, validation) index arrays for k folds of n rows, in order, as KFold makes them."""
    sizes = np.full(k, n // k)
    sizes[: n % k] += 1  # the first n % k folds take one extra row
    folds, start = [], 0
    for size in sizes:
        validation = np.arange(start, start + size)
        folds.append((np.setdiff1d(np.arange(n), validation), validation))
        start += size
    return folds


def cross_validated_rmse(model, X: np.ndarray, y: np.ndarray, k: int) -> float:
    """Mean validation RMSE over k folds: every row is used for validation exactly once."""
    errors = []
    for train, validation in k_fold_indices(len(y), k):
        model.fit(X[train], y[train])
        errors.append(mean_squared_error(y[validation], model.predict(X[validation])) ** 0.5)
    return float(np.mean(errors))


def main() -> None:
    X, y = load_diabetes(return_X_y=True)  # ships with scikit-learn: no download
    # Hold out a test set first and touch it once, at the very end.
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=0)

    mine = cross_validated_rmse(Ridge(alpha=1.0), X_train, y_train, k=5)
    theirs = -cross_val_score(
        Ridge(alpha=1.0), X_train, y_train, cv=KFold(5), scoring="neg_root_mean_squared_error"
    ).mean()
    print(f"5-fold RMSE, alpha=1: {mine:.2f} (scikit-learn: {theirs:.2f})")

    search = GridSearchCV(
        Ridge(),
        {"alpha": [0.001, 0.01, 0.1, 1.0, 10.0]},
        cv=KFold(5),
        scoring="neg_root_mean_squared_error",
    ).fit(X_train, y_train)
    print(f"best alpha by cross-validation: {search.best_params_['alpha']}")
    test_rmse = mean_squared_error(y_test, search.predict(X_test)) ** 0.5
    print(f"test RMSE of the chosen model: {test_rmse:.2f}")


# --8<-- [end:example]


if __name__ == "__main__":
    main()
