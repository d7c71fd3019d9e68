"""Reference solution: one step of gradient descent on the mean squared error."""

import numpy as np


def gradient_descent_step(w: np.ndarray, X: np.ndarray, y: np.ndarray, lr: float) -> np.ndarray:
    """w - lr * gradient of mean((X @ w - y) ** 2). Time O(n * d), extra space O(n + d).

    Chain rule: the loss is the mean of r_i ** 2 with residuals r = X @ w - y, and r_i changes
    by X[i, j] when w[j] does, so the gradient is (2 / n) * X.T @ r.
    """
    residuals = X @ w - y
    gradient = (2 / len(y)) * (X.T @ residuals)
    return w - lr * gradient  # a new array: w itself is left as it was
