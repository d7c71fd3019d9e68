"""Reference solution: a sigmoid that cannot overflow, and log loss with clipped probabilities."""

import numpy as np

EPS = np.finfo(float).eps  # about 2.2e-16, the spacing of floats near 1


def sigmoid(z: np.ndarray) -> np.ndarray:
    """1 / (1 + exp(-z)), element by element, for any finite z. Time and space O(n).

    With e = exp(-|z|), which lies in (0, 1] and cannot overflow: for z >= 0 the sigmoid is
    1 / (1 + e); for z < 0 it is e / (1 + e), the same value multiplied through by exp(z).
    """
    z = np.asarray(z, dtype=float)
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def log_loss(y_true: list[int], p: list[float]) -> float:
    """Mean binary cross-entropy, with p clipped into [EPS, 1 - EPS]. Time and space O(n)."""
    y = np.asarray(y_true, dtype=float)
    p = np.clip(np.asarray(p, dtype=float), EPS, 1 - EPS)  # ln(0) would be -inf
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))
