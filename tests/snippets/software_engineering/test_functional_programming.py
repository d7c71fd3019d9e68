import copy
import math

from hypothesis import given, settings
from hypothesis import strategies as st

from snippets.software_engineering.functional_programming import (
    add_amount_per_item,
    add_log_amount,
    clip,
    compose,
    features,
)

records = st.fixed_dictionaries(
    {"amount": st.floats(-1e6, 1e6, allow_nan=False), "items": st.integers(-3, 50)}
)
PIPELINE = compose(clip("amount", 0.0, 200.0), add_amount_per_item, add_log_amount)


def double(r):
    return {"x": r["x"] * 2}


def add_one(r):
    return {"x": r["x"] + 1}


def square(r):
    return {"x": r["x"] ** 2}


def test_a_known_record():
    out = PIPELINE({"amount": 250.0, "items": 5})
    assert out == {
        "amount": 200.0,
        "items": 5,
        "amount_per_item": 40.0,
        "log_amount": math.log1p(200),
    }


def test_compose_of_nothing_is_the_identity():
    assert compose()({"x": 1}) == {"x": 1}


@settings(max_examples=50, deadline=None)
@given(st.integers(-1000, 1000))
def test_composition_runs_left_to_right(x):
    assert compose(double, add_one)({"x": x}) == add_one(double({"x": x}))
    assert compose(add_one, double)({"x": x}) == double(add_one({"x": x}))


@settings(max_examples=50, deadline=None)
@given(st.integers(-100, 100))
def test_composition_is_associative(x):
    left = compose(compose(double, add_one), square)
    right = compose(double, compose(add_one, square))
    assert left({"x": x}) == right({"x": x}) == compose(double, add_one, square)({"x": x})


@settings(max_examples=50, deadline=None)
@given(st.lists(records, max_size=20))
def test_the_pipeline_never_mutates_its_input(rows):
    before = copy.deepcopy(rows)
    list(features(rows, PIPELINE))
    assert rows == before


@settings(max_examples=50, deadline=None)
@given(st.lists(records, max_size=20))
def test_features_filter_then_map(rows):
    out = list(features(rows, PIPELINE))
    valid = [r for r in rows if r["items"] > 0]
    assert out == [PIPELINE(r) for r in valid]
    assert all(0.0 <= r["amount"] <= 200.0 for r in out)


@settings(max_examples=50, deadline=None)
@given(records)
def test_steps_are_pure_same_input_same_output(record):
    step = clip("amount", -5.0, 5.0)
    assert step(dict(record)) == step(dict(record))
    assert step(record) is not record


def test_features_are_lazy():
    seen = []

    def spy(r):
        seen.append(r)
        return r

    stream = features(iter([{"items": 1}, {"items": 2}]), spy)
    assert seen == []
    next(stream)
    assert seen == [{"items": 1}]
