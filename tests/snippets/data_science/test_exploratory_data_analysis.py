import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp
from sklearn.datasets import load_diabetes

from snippets.data_science.exploratory_data_analysis import iqr_outlier_counts, top_correlations


def outliers_by_hand(values: np.ndarray, k: float = 1.5) -> int:
    q1, q3 = np.percentile(values, [25, 75])
    low, high = q1 - k * (q3 - q1), q3 + k * (q3 - q1)
    return sum(1 for v in values if v < low or v > high)


def test_outlier_counts_match_a_by_hand_count_on_the_diabetes_data():
    df = load_diabetes(as_frame=True, scaled=False).frame
    counts = iqr_outlier_counts(df)
    assert counts.to_dict() == {c: outliers_by_hand(df[c].to_numpy()) for c in df.columns}


@settings(max_examples=50, deadline=None)
@given(
    hnp.arrays(
        np.float64, st.tuples(st.integers(1, 40), st.integers(1, 3)), elements=st.floats(-1e6, 1e6)
    )
)
def test_outlier_counts_match_numpy_percentiles_on_random_frames(values):
    df = pd.DataFrame(values)
    assert iqr_outlier_counts(df).tolist() == [
        outliers_by_hand(values[:, j]) for j in range(values.shape[1])
    ]


def test_an_obvious_outlier_is_found_and_a_wider_fence_lets_it_pass():
    df = pd.DataFrame({"x": [1.0, 2.0, 3.0, 4.0, 100.0]})
    assert iqr_outlier_counts(df)["x"] == 1
    assert iqr_outlier_counts(df, k=100)["x"] == 0


def test_top_correlations_rank_by_absolute_value_and_match_numpy():
    rng = np.random.default_rng(0)
    target = rng.normal(size=200)
    df = pd.DataFrame(
        {
            "weak": target + rng.normal(0, 3, size=200),
            "strong_negative": -target + rng.normal(0, 0.1, size=200),
            "medium": target + rng.normal(0, 1, size=200),
            "target": target,
        }
    )
    top = top_correlations(df, "target", k=2)
    assert top.index.tolist() == ["strong_negative", "medium"]
    for column, value in top.items():
        assert value == pytest.approx(np.corrcoef(df[column], target)[0, 1])
    assert top["strong_negative"] < 0  # the sign is kept: only the ranking uses |r|


def test_top_correlations_on_the_diabetes_data():
    df = load_diabetes(as_frame=True, scaled=False).frame
    top = top_correlations(df, "target", k=10)
    expected = {c: np.corrcoef(df[c], df["target"])[0, 1] for c in df.columns if c != "target"}
    assert top.to_dict() == pytest.approx(expected)
    assert list(top.abs()) == sorted(top.abs(), reverse=True)
