import numpy as np
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp
from scipy.spatial.distance import cdist
from sklearn.preprocessing import StandardScaler

from snippets.data_science.numpy_pandas_and_plotting import (
    distances_loop,
    distances_vectorised,
    standardise_loop,
    standardise_vectorised,
)


def matrices(min_rows: int = 1):
    shape = st.tuples(st.integers(min_rows, 15), st.integers(1, 4))
    return hnp.arrays(np.float64, shape, elements=st.floats(-1e3, 1e3))


@settings(max_examples=50, deadline=None)
@given(matrices(min_rows=2))
def test_standardising_agrees_with_the_loop_and_with_standard_scaler(X):
    assume(np.all(X.std(axis=0) > 1e-2))  # a constant column has no spread to divide by
    Z = standardise_vectorised(X)
    assert np.allclose(standardise_loop(X), Z, atol=1e-7)
    assert np.allclose(StandardScaler().fit_transform(X), Z, atol=1e-7)


@settings(max_examples=50, deadline=None)
@given(matrices(), st.integers(1, 5), st.data())
def test_distances_agree_with_the_loop_and_with_scipy(A, m, data):
    B = data.draw(hnp.arrays(np.float64, (m, A.shape[1]), elements=st.floats(-1e3, 1e3)))
    D = distances_vectorised(A, B)
    assert D.shape == (len(A), m)
    assert np.allclose(distances_loop(A, B), D)
    assert np.allclose(cdist(A, B), D)


def test_distance_to_itself_is_zero_and_a_3_4_5_triangle_gives_5():
    A = np.array([[0.0, 0.0], [3.0, 4.0]])
    assert distances_vectorised(A, A).tolist() == [[0.0, 5.0], [5.0, 0.0]]
    assert distances_loop(A, A).tolist() == [[0.0, 5.0], [5.0, 0.0]]
