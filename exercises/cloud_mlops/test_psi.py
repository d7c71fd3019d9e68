"""Tests for exercises/cloud_mlops/psi.py. Run them with: make exercise NAME=psi"""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st


@pytest.fixture(scope="module")
def psi(exercise):
    return exercise.psi


def brute_force_psi(reference, current, bins):
    """The slow reference: count each value's bin by comparing it with every cut point."""
    cuts = np.quantile(reference, np.arange(1, bins) / bins).tolist()

    def shares(sample):
        counts = [0] * bins
        for value in sample:
            counts[sum(1 for cut in cuts if cut < value)] += 1
        return [max(count / len(sample), 1e-4) for count in counts]

    return sum(
        (q - p) * math.log(q / p) for p, q in zip(shares(reference), shares(current), strict=True)
    )


CASES = [
    pytest.param(
        [1.0, 2.0, 3.0],
        [2.0, 2.0, 2.0],
        2,
        (1 - 2 / 3) * math.log(3 / 2) + (1e-4 - 1 / 3) * math.log(3e-4),
        "the cut point is 2.0, and a value equal to it belongs to the lower bin; "
        "the empty upper bin counts as a share of 1e-4",
        id="value-on-a-cut-point",
    ),
    pytest.param(
        [0.0, 1.0, 2.0, 3.0],
        [0.0, 0.0, 3.0, 3.0],
        2,
        0.0,
        "the halves hold the same shares, even though the values differ",
        id="same-shares",
    ),
    pytest.param(
        [0.0, 1.0, 2.0, 3.0],
        [0.0, 0.0, 0.0, 3.0],
        2,
        0.25 * math.log(1.5) - 0.25 * math.log(0.5),
        "three quarters below the median instead of half",
        id="moved-shares",
    ),
    pytest.param(
        [5.0, 5.0, 5.0, 5.0],
        [5.0, 6.0],
        4,
        (0.5 - 1) * math.log(0.5) + (0.5 - 1e-4) * math.log(0.5 / 1e-4),
        "every cut point is 5.0: the bins between them stay empty and add 0",
        id="repeated-cut-points",
    ),
]


@pytest.mark.parametrize(("reference", "current", "bins", "expected", "why"), CASES)
def test_examples(psi, reference, current, bins, expected, why):
    got = psi(np.array(reference), np.array(current), bins)
    assert got == pytest.approx(expected, abs=1e-12), (
        f"psi({reference}, {current}, bins={bins}) should be {expected:.6f}: {why}; got {got}"
    )


def test_identical_samples_give_zero(psi):
    sample = np.random.default_rng(0).normal(50, 10, size=1000)
    got = psi(sample, sample.copy())
    assert abs(got) < 1e-12, f"a sample compared with itself should give a PSI of 0; got {got}"


def test_the_default_is_ten_bins(psi):
    reference = np.arange(100.0)
    got = psi(reference, np.arange(30.0))
    expected = 3 * (1 / 3 - 0.1) * math.log(10 / 3) + 7 * (1e-4 - 0.1) * math.log(1e-3)
    assert got == pytest.approx(expected), (
        f"psi(reference, current) should use 10 bins by default, giving {expected:.4f}; got {got}"
    )


def test_a_shift_raises_an_alert_and_noise_does_not(psi):
    rng = np.random.default_rng(1)
    reference = rng.normal(50, 10, size=5000)
    same, shifted = rng.normal(50, 10, size=2000), rng.normal(60, 10, size=2000)
    assert psi(reference, same) < 0.1, "a new sample from the same distribution: PSI < 0.1"
    assert psi(reference, shifted) > 0.25, "a mean moved by one standard deviation: PSI > 0.25"


def test_leaves_the_samples_unchanged(psi):
    reference, current = np.array([3.0, 1.0, 2.0]), np.array([2.0, 9.0])
    psi(reference, current, 2)
    assert reference.tolist() == [3.0, 1.0, 2.0] and current.tolist() == [2.0, 9.0], (
        "psi must not change its inputs (sorting in place does)"
    )


# Small integer values make ties with the cut points, and repeated cut points, common.
samples = st.lists(st.integers(-5, 5).map(float), min_size=1, max_size=40)


@settings(max_examples=50, deadline=None)
@given(samples, samples, st.integers(2, 8))
def test_agrees_with_brute_force(psi, reference, current, bins):
    expected = brute_force_psi(reference, current, bins)
    got = psi(np.array(reference), np.array(current), bins)
    assert got == pytest.approx(expected, rel=1e-9, abs=1e-12), (
        f"psi({reference}, {current}, bins={bins}) should be {expected:.6f} "
        "(counting each value's cut points one by one)"
    )
    assert got >= 0, f"PSI is a sum of terms >= 0; got {got}"
