import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.stats import ks_2samp

from snippets.cloud_mlops.monitoring_and_drift import drifted, ks_statistic, psi

samples = st.lists(
    st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False), min_size=1, max_size=60
)
small_ints = st.lists(st.integers(-5, 5), min_size=1, max_size=60)  # many ties


@pytest.mark.filterwarnings("ignore::RuntimeWarning")  # scipy's p-value for n = 1; unused here
@settings(max_examples=50, deadline=None)
@given(st.one_of(samples, small_ints), st.one_of(samples, small_ints))
def test_ks_statistic_agrees_with_scipy(a, b):
    a, b = np.array(a, dtype=float), np.array(b, dtype=float)
    assert ks_statistic(a, b) == pytest.approx(ks_2samp(a, b, method="asymp").statistic, abs=1e-12)


def test_ks_statistic_by_hand():
    assert ks_statistic(np.array([1.0, 2.0]), np.array([1.0, 2.0])) == 0.0
    assert ks_statistic(np.array([0.0, 1.0]), np.array([2.0, 3.0])) == 1.0
    assert ks_statistic(np.array([0.0, 2.0]), np.array([1.0, 3.0])) == 0.5


@settings(max_examples=50, deadline=None)
@given(samples)
def test_psi_of_a_sample_against_itself_is_zero(values):
    values = np.array(values)
    assert psi(values, values) == pytest.approx(0.0, abs=1e-12)


@settings(max_examples=50, deadline=None)
@given(samples, samples)
def test_psi_is_never_negative(a, b):
    assert psi(np.array(a), np.array(b)) >= 0.0


def test_psi_by_hand_with_two_bins():
    reference = np.array([1.0, 2.0, 3.0, 4.0])  # median 2.5: half on each side
    current = np.array([1.0, 1.0, 1.0, 4.0])  # 3/4 and 1/4
    expected = (0.75 - 0.5) * np.log(0.75 / 0.5) + (0.25 - 0.5) * np.log(0.25 / 0.5)
    assert psi(reference, current, n_bins=2) == pytest.approx(expected)


def test_values_outside_the_reference_range_still_count():
    reference = np.linspace(0, 1, 100)
    assert psi(reference, np.full(50, 10.0)) > 1.0


def test_a_constant_reference_does_not_break_the_bins():
    assert psi(np.zeros(20), np.zeros(5)) == pytest.approx(0.0)
    assert psi(np.zeros(20), np.ones(5)) > 1.0


def test_drift_is_detected_on_a_shift_and_not_on_a_fresh_sample():
    rng = np.random.default_rng(0)
    reference = rng.normal(0, 1, 5000)
    assert not drifted(reference, rng.normal(0, 1, 2000))
    assert drifted(reference, rng.normal(0.8, 1, 2000))
