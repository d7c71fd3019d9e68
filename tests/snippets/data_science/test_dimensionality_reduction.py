import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.decomposition import PCA

from snippets.data_science.dimensionality_reduction import (
    distance_ratio,
    pca_svd,
    same_up_to_sign,
)


def test_distance_ratio_is_at_least_one():
    rng = np.random.default_rng(0)
    assert distance_ratio(50, 1, rng) >= 1.0
    assert distance_ratio(50, 30, rng) >= 1.0


def test_distances_concentrate_as_dimensions_grow():
    rng = np.random.default_rng(1)
    low = np.median([distance_ratio(300, 2, rng) for _ in range(10)])
    high = np.median([distance_ratio(300, 500, rng) for _ in range(10)])
    assert high < 1.3 < 5 < low


@settings(max_examples=50, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(10, 60), st.integers(2, 8))
def test_explained_variance_ratio_agrees_with_scikit_learn(seed, n, d):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, d)) @ rng.normal(size=(d, d))
    k = min(n, d)
    _, ratio = pca_svd(X, k)
    assert np.allclose(
        ratio, PCA(n_components=k, svd_solver="full").fit(X).explained_variance_ratio_
    )
    assert ratio.sum() == pytest.approx(1.0)


@settings(max_examples=50, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(40, 80), st.integers(2, 6))
def test_components_agree_with_scikit_learn_up_to_sign(seed, n, d):
    # Well-separated variances per direction, so each component is well defined.
    rng = np.random.default_rng(seed)
    rotation, _ = np.linalg.qr(rng.normal(size=(d, d)))
    X = (rng.normal(size=(n, d)) * 4.0 ** np.arange(d)) @ rotation
    components, _ = pca_svd(X, 2)
    assert same_up_to_sign(components, PCA(n_components=2).fit(X).components_)


def test_components_are_orthonormal():
    X = np.random.default_rng(2).normal(size=(30, 5))
    components, _ = pca_svd(X, 5)
    assert np.allclose(components @ components.T, np.eye(5))


def test_same_up_to_sign():
    A = np.array([[1.0, 0.0], [0.0, 1.0]])
    assert same_up_to_sign(A, np.array([[-1.0, 0.0], [0.0, 1.0]]))
    assert not same_up_to_sign(A, np.array([[0.0, 1.0], [1.0, 0.0]]))
    assert not same_up_to_sign(A, A[:1])
