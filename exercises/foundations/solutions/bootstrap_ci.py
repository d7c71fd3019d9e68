"""Reference solution: a percentile bootstrap confidence interval for a mean."""

import numpy as np


def bootstrap_ci(
    values: list[float], n_resamples: int, alpha: float, rng: np.random.Generator
) -> tuple[float, float]:
    """The alpha / 2 and 1 - alpha / 2 quantiles of the means of n_resamples resamples.

    Time O(n_resamples * n); extra space O(n_resamples * n) for all the positions at once.
    Each resample stands in for a new sample from the population: the spread of their means
    estimates how much the sample mean would vary.
    """
    values = np.asarray(values, dtype=float)
    n = len(values)
    positions = rng.integers(0, n, size=(n_resamples, n))  # row i is resample i
    means = values[positions].mean(axis=1)
    low, high = np.quantile(means, [alpha / 2, 1 - alpha / 2])
    return float(low), float(high)
