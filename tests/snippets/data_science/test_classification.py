import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.calibration import calibration_curve

from snippets.data_science.classification import calibration_table

# Probabilities that include the bin edges exactly, where off-by-one bugs live.
probabilities = st.one_of(st.sampled_from([0.0, 0.2, 0.4, 0.6, 0.8, 1.0]), st.floats(0.0, 1.0))


@settings(max_examples=50, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 1), probabilities), min_size=1, max_size=60),
    st.integers(1, 10),
)
def test_the_table_agrees_with_scikit_learns_calibration_curve(pairs, n_bins):
    y = np.array([label for label, _ in pairs])
    proba = np.array([p for _, p in pairs])
    table = calibration_table(y, proba, n_bins)
    prob_true, prob_pred = calibration_curve(y, proba, n_bins=n_bins)
    assert np.allclose([row[0] for row in table], prob_pred)
    assert np.allclose([row[1] for row in table], prob_true)
    assert sum(row[2] for row in table) == len(y)


def test_an_edge_value_goes_to_the_lower_bin():
    table = calibration_table(np.array([1, 0]), np.array([0.2, 0.3]), n_bins=5)
    assert table == [(0.2, 1.0, 1), (0.3, 0.0, 1)]


def test_a_perfectly_calibrated_set_of_scores():
    proba = np.array([0.1] * 10 + [0.9] * 10)
    y = np.array([1] + [0] * 9 + [1] * 9 + [0])
    table = calibration_table(y, proba, n_bins=2)
    assert [(round(p, 6), round(o, 6), n) for p, o, n in table] == [(0.1, 0.1, 10), (0.9, 0.9, 10)]
