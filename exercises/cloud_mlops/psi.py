"""Exercise (monitoring and drift): replace the body of `psi`, then run `make exercise NAME=psi`
until every test passes."""

import numpy as np


def psi(reference: np.ndarray, current: np.ndarray, bins: int = 10) -> float:
    """Return the population stability index (PSI) of `current` against `reference`, a float.

    1. Cut points: the reference's quantiles at 1 / bins, 2 / bins, ..., (bins - 1) / bins, as
       `np.quantile(reference, np.arange(1, bins) / bins)` computes them.
    2. A value falls in bin i when exactly i cut points are strictly below it: bin 0 runs up to
       and including the first cut point, and the last bin holds everything above the last.
       Repeated cut points are fine: the bins between them stay empty in both samples.
    3. p[i] and q[i] are the shares of the reference and of the current values in bin i.
       Raise every share below 1e-4 to 1e-4, so that an empty bin gives a large but finite
       term instead of ln(0).
    4. PSI = the sum over the bins of (q[i] - p[i]) * ln(q[i] / p[i]).

    Every term is >= 0, so PSI is 0 when both samples fill the bins alike and grows as the
    shares move apart; 0.1 and 0.25 are common warning and alert levels.

    Examples:
        >>> psi(np.arange(100.0), np.arange(100.0))
        0.0
        >>> round(psi(np.arange(100.0), np.arange(50.0, 150.0), bins=4), 3)
        4.46

    Constraints: both samples are 1-D, non-empty, up to 10**6 values each; 2 <= bins <= 100.
    Do not change the samples.

    Expected complexity: O((n + m) log bins) time, with a binary search (`np.searchsorted`) to
    find each value's bin, O(n + m) extra space.
    """
    raise NotImplementedError("Write psi - see the docstring; run: make exercise NAME=psi")
