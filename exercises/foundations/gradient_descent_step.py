"""Exercise (optimisation and gradient descent): replace the body of `gradient_descent_step`,
then run `make exercise NAME=gradient_descent_step` until every test passes."""

import numpy as np


def gradient_descent_step(w: np.ndarray, X: np.ndarray, y: np.ndarray, lr: float) -> np.ndarray:
    """Return new weights: w after one step of gradient descent on the mean squared error.

    The loss of the weights w (shape (d,)) on the data X (shape (n, d)) and targets y (shape
    (n,)) is L(w) = mean((X @ w - y) ** 2). One step moves w downhill, against the gradient:
    w_new = w - lr * gradient of L at w. Work the gradient out by hand with the chain rule: it
    has w's shape, and two matrix products compute it without a loop. There is no separate
    intercept; for one, give X a column of ones.

    Examples:
        >>> X, y = np.array([[1.0], [2.0]]), np.array([2.0, 4.0])
        >>> gradient_descent_step(np.array([0.0]), X, y, 0.1)
        array([1.])
        >>> gradient_descent_step(np.array([2.0]), X, y, 0.1)  # y = 2x: already the minimum
        array([2.])

    Constraints: n from 1 to 10**6 and d up to 1000, so no Python loop over the rows. Return a
    new array and leave w, X and y unchanged. The tests check your step against a gradient
    measured numerically, and that many steps reach the least-squares weights.

    Expected complexity: O(n * d) time, O(n + d) extra space.
    """
    raise NotImplementedError(
        "Write gradient_descent_step - see the docstring; "
        "run: make exercise NAME=gradient_descent_step"
    )
