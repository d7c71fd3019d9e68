"""The curse of dimensionality, and PCA from scratch with the SVD, checked against scikit-learn."""

# --8<-- [start:example]
import numpy as np
from sklearn.datasets import load_digits
from sklearn.decomposition import PCA


def distance_ratio(n_points: int, dim: int, rng: np.random.Generator) -> float:
    """Farthest over nearest distance from a random query to n uniform points in [0, 1]^dim.

    Near 1 means "every point is about equally far": nearest neighbours stop meaning much.
    Time O(n·dim), space O(n·dim).
    """
    X = rng.uniform(size=(n_points, dim))
    distances = np.linalg.norm(X - rng.uniform(size=dim), axis=1)
    return float(distances.max() / distances.min())


def pca_svd(X: np.ndarray, n_components: int) -> tuple[np.ndarray, np.ndarray]:
    """Principal components (rows) and the share of variance each explains.

    Centre the columns, then take the SVD: the right singular vectors are the directions,
    and the squared singular values are proportional to the variance along them.
    Time O(n·d·min(n, d)), space O(n·d).
    """
    X_centred = X - X.mean(axis=0)
    _, singular_values, Vt = np.linalg.svd(X_centred, full_matrices=False)
    variance = singular_values**2 / (len(X) - 1)
    return Vt[:n_components], (variance / variance.sum())[:n_components]


def same_up_to_sign(A: np.ndarray, B: np.ndarray) -> bool:
    """Each row of A equals the matching row of B or its negative (a component has no sign)."""
    signs = np.sign(np.sum(A * B, axis=1, keepdims=True))
    return A.shape == B.shape and np.allclose(A, signs * B, atol=1e-6)


def main() -> None:
    rng = np.random.default_rng(0)
    for dim in (2, 10, 100, 1000):
        ratios = [distance_ratio(500, dim, rng) for _ in range(20)]
        print(f"dim {dim:>4}: farthest / nearest neighbour = {np.median(ratios):6.2f}")

    X, _ = load_digits(return_X_y=True)  # 1,797 images of 8x8 = 64 pixels
    components, ratio = pca_svd(X, n_components=10)
    model = PCA(n_components=10).fit(X)
    print(f"variance explained by 10 of 64 components: {ratio.sum():.3f}")
    print(f"first three ratios:    {np.round(ratio[:3], 4)}")
    print(f"scikit-learn's ratios: {np.round(model.explained_variance_ratio_[:3], 4)}")
    print(f"ratios agree: {np.allclose(ratio, model.explained_variance_ratio_)}")
    print(f"components agree up to sign: {same_up_to_sign(components, model.components_)}")
    _, all_ratios = pca_svd(X, n_components=64)
    needed = int(np.searchsorted(np.cumsum(all_ratios), 0.9)) + 1
    theirs = PCA(n_components=0.9).fit(X).n_components_
    print(f"components for 90% of the variance: {needed} (scikit-learn: {theirs})")


# --8<-- [end:example]


if __name__ == "__main__":
    main()
