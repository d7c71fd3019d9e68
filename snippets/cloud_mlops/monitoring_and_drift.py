"""Data drift checks from scratch: population stability index and the two-sample KS statistic."""

# --8<-- [start:example]
import numpy as np
from scipy.stats import ks_2samp


def psi(reference: np.ndarray, current: np.ndarray, n_bins: int = 10, eps: float = 1e-4) -> float:
    """Population stability index over bins cut at the reference's quantiles.

    PSI = sum over bins of (q - p) * ln(q / p), with p and q the share of reference and current
    values in each bin; empty bins get a share of eps. Time O((n + m) log n_bins).
    """
    inner_edges = np.unique(np.quantile(reference, np.linspace(0, 1, n_bins + 1)[1:-1]))
    n_cells = len(inner_edges) + 1  # bins (-inf, e1], (e1, e2], ..., (ek, inf): none is missed
    p = np.bincount(np.searchsorted(inner_edges, reference), minlength=n_cells)
    q = np.bincount(np.searchsorted(inner_edges, current), minlength=n_cells)
    p = np.clip(p / len(reference), eps, None)
    q = np.clip(q / len(current), eps, None)
    return float(np.sum((q - p) * np.log(q / p)))


def ks_statistic(a: np.ndarray, b: np.ndarray) -> float:
    """Largest gap between the two empirical CDFs. Time O((n + m) log(n + m))."""
    a, b = np.sort(a), np.sort(b)
    points = np.concatenate([a, b])  # the gap can only be largest at an observed value
    cdf_a = np.searchsorted(a, points, side="right") / len(a)
    cdf_b = np.searchsorted(b, points, side="right") / len(b)
    return float(np.max(np.abs(cdf_a - cdf_b)))


def drifted(reference: np.ndarray, current: np.ndarray, psi_limit: float = 0.2) -> bool:
    """A simple alert rule on one feature. The limit is a convention to tune, not a law."""
    return psi(reference, current) > psi_limit


def main() -> None:
    rng = np.random.default_rng(0)
    reference = rng.normal(50, 10, size=5000)  # e.g. basket value in the training data
    batches = {
        "same distribution": rng.normal(50, 10, size=1000),
        "mean moved by +5": rng.normal(55, 10, size=1000),
        "spread doubled": rng.normal(50, 20, size=1000),
    }
    for name, current in batches.items():
        ks, result = ks_statistic(reference, current), ks_2samp(reference, current)
        print(f"{name}: PSI {psi(reference, current):.3f}, alert: {drifted(reference, current)}")
        print(f"  KS {ks:.3f} (scipy: {result.statistic:.3f}, p-value {result.pvalue:.2g})")


# --8<-- [end:example]


if __name__ == "__main__":
    main()
