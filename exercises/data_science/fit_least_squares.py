"""Exercise (linear regression): replace the body of `fit_least_squares`, then run
`make exercise NAME=fit_least_squares` until every test passes."""

import numpy as np


def fit_least_squares(X: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, float]:
    """Fit y ~ X @ w + b by least squares and return the weights w and the intercept b.

    Use the normal equation. Add a column of ones to X, giving A, so that the intercept is
    one more weight; the weights theta = (w, b) that minimise the squared error solve
    (A.T @ A) @ theta = A.T @ y. Solve that system with `np.linalg.solve`, which is faster and
    more accurate than inverting A.T @ A.

    Examples:
        >>> X = np.array([[0.0], [1.0], [2.0]])
        >>> w, b = fit_least_squares(X, np.array([1.0, 3.0, 5.0]))  # y = 2x + 1 exactly
        >>> np.round(w, 6).tolist(), round(b, 6)
        ([2.0], 1.0)
        >>> X = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0], [2.0, 1.0]])
        >>> w, b = fit_least_squares(X, X @ np.array([3.0, -1.0]) + 0.5)
        >>> np.round(w, 6).tolist(), round(b, 6)
        ([3.0, -1.0], 0.5)

    Constraints: X has shape (n, d) and y shape (n,), with n > d and up to 10**6 rows; the
    columns of X, together with a column of ones, are linearly independent. Return w with shape
    (d,) and b as a float. Do not use `np.linalg.lstsq` or scikit-learn (the tests compare you
    with `LinearRegression`), and do not change X or y.

    Expected complexity: O(n * d**2 + d**3) time (building A.T @ A, then solving), O(n * d)
    extra space for A.
    """
    raise NotImplementedError(
        "Write fit_least_squares - see the docstring; run: make exercise NAME=fit_least_squares"
    )
