"""Exercise (statistics and hypothesis testing): replace the body of `bootstrap_ci`, then run
`make exercise NAME=bootstrap_ci` until every test passes."""

import numpy as np


def bootstrap_ci(
    values: list[float], n_resamples: int, alpha: float, rng: np.random.Generator
) -> tuple[float, float]:
    """Return a percentile bootstrap confidence interval (low, high) for the mean of values.

    With n = len(values), repeat n_resamples times: draw n positions at random, with
    replacement, as `rng.integers(0, n, size=n)`, and take the mean of the values at those
    positions. The interval runs from the alpha / 2 quantile to the 1 - alpha / 2 quantile of
    those n_resamples means, as `np.quantile` computes them by default. For a 95% interval,
    alpha = 0.05.

    Draw exactly that way, one resample after another, and take nothing else from rng: the tests
    compare you with a loop that does so, on the same seed. (One call,
    `rng.integers(0, n, size=(n_resamples, n))`, draws the same positions: row i is resample i.)

    Examples:
        >>> bootstrap_ci([4.0, 4.0, 4.0], 100, 0.05, np.random.default_rng(0))
        (4.0, 4.0)
        >>> low, high = bootstrap_ci([1.0, 2.0, 3.0, 4.0, 5.0, 6.0], 1000, 0.1,
        ...                          np.random.default_rng(0))
        >>> round(low, 3), round(high, 3)
        (2.492, 4.667)

    Constraints: 1 <= n <= 10**4, 1 <= n_resamples <= 10**5, 0 < alpha < 1. Return two floats
    with low <= high, and do not change values.

    Expected complexity: O(n_resamples * n) time; O(n_resamples * n) extra space with whole-array
    NumPy code, or O(n_resamples + n) with a loop over the resamples.
    """
    raise NotImplementedError(
        "Write bootstrap_ci - see the docstring; run: make exercise NAME=bootstrap_ci"
    )
