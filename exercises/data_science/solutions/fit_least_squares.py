"""Reference solution: least squares with an intercept, through the normal equation."""

import numpy as np


def fit_least_squares(X: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, float]:
    """Weights w and intercept b minimising ||X @ w + b - y||**2.

    Time O(n * d**2 + d**3), extra space O(n * d). Squaring A squares its condition number, so
    on nearly collinear columns a QR or SVD solver (np.linalg.lstsq) is the safer choice.
    """
    X = np.asarray(X, dtype=float)
    A = np.column_stack([X, np.ones(len(X))])  # the last weight is the intercept
    theta = np.linalg.solve(A.T @ A, A.T @ np.asarray(y, dtype=float))
    return theta[:-1], float(theta[-1])
