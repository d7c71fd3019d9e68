"""Vectorised NumPy against plain Python loops: the same numbers, whole arrays at a time."""

# --8<-- [start:example]
import numpy as np
from scipy.spatial.distance import cdist
from sklearn.preprocessing import StandardScaler


def standardise_loop(X: np.ndarray) -> np.ndarray:
    """Each column to mean 0 and standard deviation 1, one number at a time. Time O(n·d)."""
    n, d = X.shape
    Z = np.empty((n, d))
    for j in range(d):
        column = [float(X[i, j]) for i in range(n)]
        mean = sum(column) / n
        std = (sum((value - mean) ** 2 for value in column) / n) ** 0.5
        for i in range(n):
            Z[i, j] = (column[i] - mean) / std
    return Z


def standardise_vectorised(X: np.ndarray) -> np.ndarray:
    """The same in one line: (n, d) minus (d,) broadcasts the column means over every row."""
    return (X - X.mean(axis=0)) / X.std(axis=0)


def distances_loop(A: np.ndarray, B: np.ndarray) -> np.ndarray:
    """Euclidean distance from every row of A to every row of B. Time O(n·m·d)."""
    D = np.empty((len(A), len(B)))
    for i in range(len(A)):
        for j in range(len(B)):
            D[i, j] = sum((a - b) ** 2 for a, b in zip(A[i], B[j], strict=True)) ** 0.5
    return D


def distances_vectorised(A: np.ndarray, B: np.ndarray) -> np.ndarray:
    """Same time O(n·m·d), but in compiled code; space O(n·m·d) for the differences."""
    differences = A[:, None, :] - B[None, :, :]  # shape (n, 1, d) - (1, m, d) -> (n, m, d)
    return np.sqrt((differences**2).sum(axis=-1))


def main() -> None:
    rng = np.random.default_rng(0)
    X = rng.normal(loc=[50.0, 0.0, 1000.0], scale=[10.0, 1.0, 300.0], size=(200, 3))

    Z = standardise_vectorised(X)
    print(f"column means after standardising: {np.round(Z.mean(axis=0), 6) + 0.0}")
    print(f"column standard deviations:       {np.round(Z.std(axis=0), 6)}")
    print(f"loop == vectorised: {np.allclose(standardise_loop(X), Z)}")
    print(f"StandardScaler agrees: {np.allclose(StandardScaler().fit_transform(X), Z)}")

    centres = Z[:5]
    D = distances_vectorised(Z, centres)
    same = np.allclose(distances_loop(Z, centres), D)
    print(f"distances, shape {D.shape}: loop == vectorised: {same}")
    print(f"SciPy's cdist agrees: {np.allclose(cdist(Z, centres), D)}")


# --8<-- [end:example]


if __name__ == "__main__":
    main()
