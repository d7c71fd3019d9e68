import math
import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.stats import bootstrap
from sklearn.metrics import cohen_kappa_score

from snippets.data_science.evaluating_llm_systems import (
    cohen_kappa,
    judge_both_orders,
    paired_bootstrap,
    prefers_first,
    regressions,
    verdict,
)


def test_regressions_lists_only_cases_that_went_from_pass_to_fail():
    accepted = {"a": True, "b": True, "c": False, "d": False}
    candidate = {"a": False, "b": True, "c": True, "d": False}
    assert regressions(accepted, candidate) == ["a"]
    assert regressions(candidate, accepted) == ["c"]  # swapped: the fixes
    assert regressions(accepted, accepted) == []


def test_regressions_are_sorted_so_reports_are_stable():
    accepted = {"zeta": True, "alpha": True, "mid": True}
    assert regressions(accepted, dict.fromkeys(accepted, False)) == ["alpha", "mid", "zeta"]


def test_runs_over_different_cases_are_refused_and_the_odd_cases_named():
    with pytest.raises(ValueError, match="b, c"):
        regressions({"a": True, "b": True}, {"a": True, "c": True})


def test_a_biased_judge_decides_the_close_calls_by_position():
    quality_a = np.array([1.0, 0.2, 0.0])
    quality_b = np.array([0.0, 0.0, 1.0])
    first, second = judge_both_orders(quality_a, quality_b, position_bias=0.5)
    # Clear win for A, a close call (flips with the order), clear win for B.
    assert first.tolist() == [True, True, False]
    assert second.tolist() == [True, False, False]


def test_an_unbiased_judge_never_flips_on_distinct_answers():
    rng = np.random.default_rng(1)
    quality_a, quality_b = rng.normal(size=100), rng.normal(size=100)
    first, second = judge_both_orders(quality_a, quality_b, position_bias=0.0)
    assert (first == second).all()
    assert prefers_first(np.array([1.0]), np.array([1.0]), 0.0).tolist() == [True]


def test_kappa_by_hand():
    # p_o = 3/4; p_e = (2/4)(3/4) + (2/4)(1/4) = 1/2; kappa = (3/4 - 1/2) / (1/2) = 1/2.
    assert cohen_kappa(list("PPFF"), list("PPPF")) == pytest.approx(0.5)
    assert cohen_kappa(list("PFPF"), list("PFPF")) == 1.0
    assert cohen_kappa(list("PFPF"), list("FPFP")) == pytest.approx(-1.0)


def test_a_judge_that_always_says_pass_has_zero_kappa_whatever_its_agreement():
    human = ["P"] * 90 + ["F"] * 10
    assert cohen_kappa(human, ["P"] * 100) == pytest.approx(0.0)


def test_kappa_is_undefined_when_both_raters_use_one_label():
    assert math.isnan(cohen_kappa(["P", "P"], ["P", "P"]))


def test_kappa_refuses_lists_of_different_lengths_or_empty_ones():
    with pytest.raises(ValueError):
        cohen_kappa(["P"], ["P", "F"])
    with pytest.raises(ValueError):
        cohen_kappa([], [])


@settings(max_examples=50, deadline=None)
@given(st.lists(st.tuples(st.sampled_from("PFU"), st.sampled_from("PFU")), min_size=1, max_size=60))
def test_kappa_agrees_with_scikit_learn(pairs):
    rater_1, rater_2 = [a for a, _ in pairs], [b for _, b in pairs]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # scikit-learn warns when only one label occurs
        expected = cohen_kappa_score(rater_1, rater_2)
    mine = cohen_kappa(rater_1, rater_2)
    if math.isnan(expected):
        assert math.isnan(mine)
    else:
        assert mine == pytest.approx(expected, abs=1e-12)


def test_bootstrap_of_identical_systems_is_a_point_at_zero():
    passed = np.array([True, False, True, True])
    assert paired_bootstrap(passed, passed) == (0.0, 0.0, 0.0)


def test_bootstrap_is_reproducible_with_its_seed_and_changes_with_another():
    rng = np.random.default_rng(2)
    old, new = rng.random(50) < 0.6, rng.random(50) < 0.7
    assert paired_bootstrap(old, new, seed=3) == paired_bootstrap(old, new, seed=3)
    assert paired_bootstrap(old, new, seed=3) != paired_bootstrap(old, new, seed=4)


def test_bootstrap_refuses_mismatched_or_empty_results():
    with pytest.raises(ValueError):
        paired_bootstrap(np.array([True]), np.array([True, False]))
    with pytest.raises(ValueError):
        paired_bootstrap(np.array([]), np.array([]))


def test_a_clear_gain_gives_an_interval_above_zero():
    old = np.array([True] * 50 + [False] * 50)
    new = np.array([True] * 90 + [False] * 10)
    diff, low, high = paired_bootstrap(old, new)
    assert diff == pytest.approx(0.4)
    assert 0 < low < diff < high


@pytest.mark.parametrize("seed", range(3))
def test_bootstrap_interval_agrees_with_scipy(seed):
    rng = np.random.default_rng(seed)
    difficulty = rng.random(300)
    old = difficulty < 0.7
    new = difficulty + rng.normal(0, 0.15, 300) < 0.75
    _, low, high = paired_bootstrap(old, new, n_resamples=5000, seed=seed)
    reference = bootstrap(
        (new.astype(float), old.astype(float)),
        lambda n, o, axis: n.mean(axis=axis) - o.mean(axis=axis),
        paired=True,
        vectorized=True,
        n_resamples=5000,
        method="percentile",
        rng=np.random.default_rng(seed + 100),
    ).confidence_interval
    assert low == pytest.approx(reference.low, abs=0.008)
    assert high == pytest.approx(reference.high, abs=0.008)


def test_verdict_reads_the_interval():
    assert verdict(0.01, 0.05) == "the new system is better"
    assert verdict(-0.05, -0.01) == "the new system is worse"
    assert verdict(-0.01, 0.05) == "not distinguishable from noise"
