"""Under- and over-fitting on a validation curve: polynomial degree, then ridge regularisation."""

# --8<-- [start:example]
import numpy as np
from sklearn.base import BaseEstimator
from sklearn.linear_model import LinearRegression, Ridge
from sklearn.model_selection import KFold, validation_curve
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import PolynomialFeatures, StandardScaler


def mse_curve(
    model: BaseEstimator, X: np.ndarray, y: np.ndarray, name: str, values: list
) -> tuple[np.ndarray, np.ndarray]:
    """Mean training and validation MSE over 5 shuffled folds, for each value of one parameter."""
    cv = KFold(5, shuffle=True, random_state=0)
    train, val = validation_curve(
        model, X, y, param_name=name, param_range=values, cv=cv, scoring="neg_mean_squared_error"
    )
    return -train.mean(axis=1), -val.mean(axis=1)


def diagnose(val_mse: np.ndarray, tolerance: float = 1.5) -> list[str]:
    """Label settings ordered from simplest to most flexible, against the best validation MSE."""
    best = int(np.argmin(val_mse))
    labels = []
    for i, error in enumerate(val_mse):
        if i == best:
            labels.append("best")
        elif error <= tolerance * val_mse[best]:
            labels.append("close to best")
        else:
            labels.append("underfitting" if i < best else "overfitting")
    return labels


def main() -> None:
    rng = np.random.default_rng(0)
    x = rng.uniform(-1, 1, size=30)
    X, y = x[:, None], np.cos(1.5 * np.pi * x) + rng.normal(0, 0.2, size=30)

    print("degree  train MSE  validation MSE")
    model = make_pipeline(PolynomialFeatures(include_bias=False), LinearRegression())
    degrees = [1, 3, 5, 9, 15]
    train, val = mse_curve(model, X, y, "polynomialfeatures__degree", degrees)
    for degree, tr, va, label in zip(degrees, train, val, diagnose(val), strict=True):
        print(f"{degree:>6} {tr:10.3f} {va:15.3f}  {label}")

    print("ridge on degree 15: a larger alpha makes a simpler model")
    print(" alpha  train MSE  validation MSE")
    model = make_pipeline(PolynomialFeatures(15, include_bias=False), StandardScaler(), Ridge())
    alphas = [100.0, 1.0, 0.01, 1e-4, 1e-6]  # from the simplest model to the most flexible
    train, val = mse_curve(model, X, y, "ridge__alpha", alphas)
    for alpha, tr, va, label in zip(alphas, train, val, diagnose(val), strict=True):
        print(f"{alpha:>6g} {tr:10.3f} {va:15.3f}  {label}")


# --8<-- [end:example]


if __name__ == "__main__":
    main()
