"""Tests for exercises/foundations/bootstrap_ci.py.
Run them with: make exercise NAME=bootstrap_ci"""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st


@pytest.fixture(scope="module")
def bootstrap_ci(exercise):
    return exercise.bootstrap_ci


def quantile(sorted_values, q):
    """np.quantile's default: interpolate linearly between the two nearest order statistics."""
    position = q * (len(sorted_values) - 1)
    below = int(position)
    above = min(below + 1, len(sorted_values) - 1)
    fraction = position - below
    return sorted_values[below] + fraction * (sorted_values[above] - sorted_values[below])


def loop_bootstrap_ci(values, n_resamples, alpha, rng):
    """The slow reference: one resample at a time, in plain Python."""
    n = len(values)
    means = []
    for _ in range(n_resamples):
        positions = rng.integers(0, n, size=n)
        means.append(sum(values[i] for i in positions) / n)
    means.sort()
    return quantile(means, alpha / 2), quantile(means, 1 - alpha / 2)


CASES = [
    pytest.param(
        [4.0, 4.0, 4.0],
        100,
        0.05,
        (4.0, 4.0),
        "every resample of equal values has the same mean",
        id="constant",
    ),
    pytest.param(
        [7.5], 10, 0.05, (7.5, 7.5), "one value: every resample is that value", id="one-value"
    ),
    pytest.param(
        [1.0, 2.0, 3.0, 4.0, 5.0, 6.0],
        1000,
        0.1,
        (2.4916667, 4.6666667),
        "seed 0: the 5% and 95% quantiles of 1000 resample means",
        id="seeded",
    ),
]


@pytest.mark.parametrize(("values", "n_resamples", "alpha", "expected", "why"), CASES)
def test_examples(bootstrap_ci, values, n_resamples, alpha, expected, why):
    got = bootstrap_ci(list(values), n_resamples, alpha, np.random.default_rng(0))
    assert tuple(got) == pytest.approx(expected), (
        f"bootstrap_ci({values}, {n_resamples}, {alpha}, np.random.default_rng(0)) should be "
        f"about {expected}: {why}; got {got}"
    )


def test_leaves_values_unchanged(bootstrap_ci):
    values = [3.0, 1.0, 2.0]
    bootstrap_ci(values, 50, 0.05, np.random.default_rng(0))
    assert values == [3.0, 1.0, 2.0], "bootstrap_ci must not change values"


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.floats(-100, 100), min_size=1, max_size=20),
    st.integers(1, 60),
    st.floats(0.01, 0.5),
    st.integers(0, 2**32 - 1),
)
def test_agrees_with_a_loop_on_the_same_seed(bootstrap_ci, values, n_resamples, alpha, seed):
    expected = loop_bootstrap_ci(values, n_resamples, alpha, np.random.default_rng(seed))
    got = bootstrap_ci(list(values), n_resamples, alpha, np.random.default_rng(seed))
    assert tuple(got) == pytest.approx(expected, rel=1e-9, abs=1e-9), (
        f"bootstrap_ci({values}, {n_resamples}, {alpha}, np.random.default_rng({seed})) should "
        f"be {expected}, as a loop drawing rng.integers(0, n, size=n) per resample gives"
    )


def test_a_smaller_alpha_gives_a_wider_interval(bootstrap_ci):
    values = np.random.default_rng(1).exponential(2.0, size=50).tolist()
    low90, high90 = bootstrap_ci(values, 500, 0.10, np.random.default_rng(7))
    low99, high99 = bootstrap_ci(values, 500, 0.01, np.random.default_rng(7))
    assert low99 <= low90 <= high90 <= high99, (
        "on the same seed, the 99% interval should contain the 90% one; got 90%: "
        f"({low90:.3f}, {high90:.3f}), 99%: ({low99:.3f}, {high99:.3f})"
    )


def test_shifting_the_data_shifts_the_interval(bootstrap_ci):
    values = np.random.default_rng(2).normal(0, 1, size=30)
    low, high = bootstrap_ci(values.tolist(), 300, 0.05, np.random.default_rng(3))
    low100, high100 = bootstrap_ci((values + 100).tolist(), 300, 0.05, np.random.default_rng(3))
    assert (low100, high100) == pytest.approx((low + 100, high + 100)), (
        "adding 100 to every value should move the interval by exactly 100 on the same seed"
    )


def test_more_data_gives_a_narrower_interval(bootstrap_ci):
    rng = np.random.default_rng(4)
    small, large = rng.normal(0, 1, size=25), rng.normal(0, 1, size=400)
    low, high = bootstrap_ci(small.tolist(), 1000, 0.05, np.random.default_rng(5))
    low_large, high_large = bootstrap_ci(large.tolist(), 1000, 0.05, np.random.default_rng(5))
    ratio = (high - low) / (high_large - low_large)
    assert 2.5 < ratio < 6, (
        "16 times more data should make the interval about sqrt(16) = 4 times narrower; "
        f"it is {ratio:.2f} times narrower"
    )


def test_covers_the_true_mean_about_as_often_as_promised(bootstrap_ci):
    """Many samples from a population whose mean, 10, is known; each gets a 90% interval."""
    data_rng = np.random.default_rng(6)
    covered = 0
    for trial in range(200):
        sample = data_rng.normal(10, 3, size=30)
        low, high = bootstrap_ci(sample.tolist(), 400, 0.10, np.random.default_rng(trial))
        covered += low <= 10 <= high
    assert 0.80 <= covered / 200 <= 0.97, (
        f"90% intervals should contain the true mean in roughly 90% of samples (percentile "
        f"intervals from 30 values fall a little short); yours did in {covered / 200:.0%}"
    )
