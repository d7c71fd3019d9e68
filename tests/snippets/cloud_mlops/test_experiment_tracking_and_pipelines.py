import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from snippets.cloud_mlops.experiment_tracking_and_pipelines import Tracker, train_and_score

params = st.dictionaries(
    st.text(min_size=1, max_size=8),
    st.one_of(st.integers(), st.text(max_size=8), st.booleans(), st.none()),
    max_size=4,
)
metrics = st.dictionaries(
    st.sampled_from(["accuracy", "f1", "loss"]),
    st.floats(allow_nan=False, allow_infinity=False),
    max_size=3,
)


def test_an_empty_tracker_has_no_runs(tmp_path):
    assert Tracker(tmp_path / "runs.jsonl").runs() == []


def test_run_ids_count_up_and_each_run_is_one_line(tmp_path):
    tracker = Tracker(tmp_path / "runs.jsonl")
    assert tracker.log_run({"C": 1.0}, {"accuracy": 0.9}) == "run-001"
    assert tracker.log_run({"C": 0.1}, {"accuracy": 0.8}) == "run-002"
    lines = tracker.path.read_text().splitlines()
    assert [json.loads(line)["run_id"] for line in lines] == ["run-001", "run-002"]


@settings(max_examples=50, deadline=None)
@given(st.lists(st.tuples(params, metrics), max_size=5))
def test_round_trip(tmp_path_factory, logged):
    tracker = Tracker(tmp_path_factory.mktemp("runs") / "runs.jsonl")
    for p, m in logged:
        tracker.log_run(p, m)
    assert [(run["params"], run["metrics"]) for run in tracker.runs()] == logged


def test_best_run_takes_the_highest_value_and_skips_runs_without_the_metric(tmp_path):
    tracker = Tracker(tmp_path / "runs.jsonl")
    tracker.log_run({"C": 1}, {"accuracy": 0.7})
    tracker.log_run({"C": 2}, {"loss": 0.1})
    tracker.log_run({"C": 3}, {"accuracy": 0.9})
    assert tracker.best_run("accuracy")["params"] == {"C": 3}


def test_best_run_without_that_metric_is_an_error(tmp_path):
    tracker = Tracker(tmp_path / "runs.jsonl")
    tracker.log_run({"C": 1}, {"loss": 0.3})
    with pytest.raises(ValueError, match="'accuracy'"):
        tracker.best_run("accuracy")


def test_a_corrupt_line_is_reported_with_its_number(tmp_path):
    tracker = Tracker(tmp_path / "runs.jsonl")
    tracker.log_run({"C": 1}, {"accuracy": 0.7})
    tracker.log_run({"C": 2}, {"accuracy": 0.8})
    with tracker.path.open("a") as f:
        f.write('{"run_id": "run-003", "params": {"C": 3}\n')  # cut off mid-write
    with pytest.raises(ValueError, match=r"runs\.jsonl, line 3: not valid JSON"):
        tracker.runs()


def test_train_and_score_is_deterministic():
    assert train_and_score(1.0) == train_and_score(1.0)
    assert 0.5 < train_and_score(1.0) <= 1.0
