"""Exercise (NumPy, pandas and plotting): replace the body of `standardise`, then run
`make exercise NAME=standardise` until every test passes."""

import numpy as np


def standardise(X: np.ndarray) -> np.ndarray:
    """Return a new array: X with every column rescaled to mean 0 and standard deviation 1.

    Each value x becomes (x - its column's mean) / its column's standard deviation. Use the
    population standard deviation (divide by n: NumPy's default, ddof=0), as scikit-learn's
    StandardScaler does. A column whose values are all equal has standard deviation 0: only
    centre it, so that it becomes all zeros (StandardScaler does that too).

    Examples:
        >>> standardise(np.array([[1.0, 10.0], [3.0, 10.0]]))
        array([[-1.,  0.],
               [ 1.,  0.]])
        >>> standardise(np.array([[0.0], [0.0], [3.0]])).round(4)
        array([[-0.7071],
               [-0.7071],
               [ 1.4142]])

    Constraints: X has shape (n, d), with n from 1 to 10**6, so no Python loop over the rows:
    use whole-array operations (statistics along axis 0, then broadcasting). The tests count
    the lines of Python your function runs. Do not change X, and do not call scikit-learn.

    Expected complexity: O(n * d) time, O(n * d) extra space for the result.
    """
    raise NotImplementedError(
        "Write standardise - see the docstring; run: make exercise NAME=standardise"
    )
