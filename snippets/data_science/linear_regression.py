"""Linear regression from scratch, by least squares and gradient descent, against scikit-learn."""

# --8<-- [start:example]
import numpy as np
from sklearn.linear_model import LinearRegression


def add_bias(X: np.ndarray) -> np.ndarray:
    return np.column_stack([np.ones(len(X)), X])


def fit_least_squares(X: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Weights [bias, w1, ..., wd] minimising squared error. Time O(n·d²), space O(n·d)."""
    return np.linalg.lstsq(add_bias(X), y, rcond=None)[0]


def fit_gradient_descent(
    X: np.ndarray, y: np.ndarray, lr: float = 0.5, num_epochs: int = 5000
) -> np.ndarray:
    """The same weights by batch gradient descent on the mean squared error.

    Time O(num_epochs·n·d). Converges for a small enough learning rate and scaled features.
    """
    X1 = add_bias(X)
    w = np.zeros(X1.shape[1])
    for _ in range(num_epochs):
        y_hat = X1 @ w
        w -= lr * 2 / len(y) * X1.T @ (y_hat - y)  # the gradient of the mean squared error
    return w


def main() -> None:
    rng = np.random.default_rng(0)
    x = rng.uniform(-1, 1, size=60)
    # "Linear" means linear in the weights: x² is simply one more column of X.
    X = np.column_stack([x, x**2])
    y = 1.5 + 2.0 * x - 3.0 * x**2 + rng.normal(0, 0.1, size=60)

    w_ls = fit_least_squares(X, y)
    w_gd = fit_gradient_descent(X, y)
    model = LinearRegression().fit(X, y)
    w_sk = np.concatenate([[model.intercept_], model.coef_])
    print(f"least squares:    {np.round(w_ls, 3)}")
    print(f"gradient descent: {np.round(w_gd, 3)}")
    print(f"scikit-learn:     {np.round(w_sk, 3)}")
    print(f"agree: {np.allclose(w_ls, w_sk) and np.allclose(w_gd, w_sk, atol=1e-4)}")


# --8<-- [end:example]


if __name__ == "__main__":
    main()
