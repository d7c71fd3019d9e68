"""Exercise (classification): replace the bodies of `sigmoid` and `log_loss`, then run
`make exercise NAME=log_loss` until every test passes."""

import numpy as np


def sigmoid(z: np.ndarray) -> np.ndarray:
    """Return 1 / (1 + exp(-z)) for every value of the array z, without overflow.

    Written as is, exp(-z) overflows for z below about -710: NumPy warns and returns inf.
    Rearrange the formula so that `np.exp` only ever receives values <= 0, which cannot
    overflow. The result has z's shape, and its values lie from 0 to 1.

    Examples:
        >>> sigmoid(np.array([-1000.0, 0.0, 1000.0]))
        array([0. , 0.5, 1. ])
        >>> sigmoid(np.array([2.0])).round(4)
        array([0.8808])

    Constraints: z holds up to 10**6 finite floats, of any size. The tests turn NumPy's
    overflow, divide-by-zero and invalid-value warnings into errors.

    Expected complexity: O(n) time and extra space.
    """
    raise NotImplementedError("Write sigmoid - see the docstring; run: make exercise NAME=log_loss")


def log_loss(y_true: list[int], p: list[float]) -> float:
    """Return the mean log loss (binary cross-entropy) of predicted probabilities, as a float.

    For a row with label y (0 or 1) and predicted probability p of class 1, the loss is
    -(y * ln(p) + (1 - y) * ln(1 - p)); return the mean over the rows. A confident wrong answer
    (p = 0 when y = 1) would cost ln(0), minus infinity: first clip every p into
    [eps, 1 - eps], with eps = np.finfo(float).eps, as `sklearn.metrics.log_loss` does.

    Examples:
        >>> round(log_loss([1, 0], [0.9, 0.1]), 4)
        0.1054
        >>> round(log_loss([1], [0.0]), 2)  # clipped: large, but finite
        36.04
        >>> log_loss([1, 0], sigmoid(np.array([1000.0, -1000.0]))) < 1e-12
        True

    Constraints: `y_true` holds 0 and 1, `p` values from 0 to 1, both the same length, from 1 to
    10**6; lists or NumPy arrays. No warnings, as for sigmoid; do not call scikit-learn.

    Expected complexity: O(n) time and extra space.
    """
    raise NotImplementedError(
        "Write log_loss - see the docstring; run: make exercise NAME=log_loss"
    )
