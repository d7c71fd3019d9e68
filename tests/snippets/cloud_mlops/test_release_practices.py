import numpy as np
import pytest

from snippets.cloud_mlops.release_practices import ShadowLog, ShadowRouter, compare, promote


class Constant:
    def __init__(self, value):
        self.value = value

    def predict(self, X):
        return np.full(len(X), self.value)


class Threshold:
    """Predicts 1 when the first feature is positive."""

    def predict(self, X):
        return (X[:, 0] > 0).astype(int)


class Broken:
    def predict(self, X):
        raise RuntimeError("candidate crashed")


class BrokenOnNegative:
    def predict(self, X):
        if X[0, 0] < 0:
            raise RuntimeError("candidate crashed")
        return np.ones(len(X), dtype=int)


def test_users_always_get_the_live_answer_and_the_shadow_is_logged():
    router = ShadowRouter(live=Constant(0), shadow=Constant(1))
    answers = [router.handle(i, np.array([float(i)])) for i in range(5)]
    assert answers == [0] * 5
    assert router.log == [ShadowLog(i, 0, 1) for i in range(5)]


def test_a_failing_shadow_never_breaks_the_live_answer():
    router = ShadowRouter(live=Constant(1), shadow=Broken())
    assert router.handle(7, np.array([1.0])) == 1
    assert router.log == [ShadowLog(7, 1, None)]


def test_compare_counts_agreement_errors_and_accuracy_on_labelled_requests():
    router = ShadowRouter(live=Constant(1), shadow=BrokenOnNegative())
    X = np.array([[1.0], [2.0], [-1.0], [3.0]])
    for i, x in enumerate(X):
        router.handle(i, x)
    router.shadow = Threshold()  # from now on the shadow answers 0 for non-positive inputs
    router.handle(4, np.array([-5.0]))
    report = compare(router.log, labels={0: 1, 2: 0, 4: 0})
    assert report["requests"] == 5
    assert report["shadow_errors"] == 1
    assert report["agreement"] == pytest.approx(3 / 4)
    assert report["labelled"] == 2  # request 2 has a label but no shadow answer
    assert report["live_accuracy"] == pytest.approx(1 / 2)
    assert report["shadow_accuracy"] == pytest.approx(1.0)


def test_compare_needs_at_least_one_labelled_shadow_answer():
    with pytest.raises(ValueError, match="label"):
        compare([ShadowLog(0, 1, 1)], labels={})


def report(**changes):
    base = {
        "requests": 100,
        "shadow_errors": 0,
        "agreement": 0.9,
        "labelled": 60,
        "live_accuracy": 0.90,
        "shadow_accuracy": 0.93,
    }
    return base | changes


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({}, True),
        ({"labelled": 10}, False),  # too few labels to trust the comparison
        ({"shadow_errors": 1}, False),  # the candidate crashed at least once
        ({"shadow_accuracy": 0.905}, False),  # better, but not by the required margin
        ({"shadow_accuracy": 0.85}, False),
    ],
)
def test_promotion_rule(changes, expected):
    assert promote(report(**changes)) is expected
