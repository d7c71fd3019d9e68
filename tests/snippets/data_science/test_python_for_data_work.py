from hypothesis import given, settings
from hypothesis import strategies as st

from snippets.data_science.python_for_data_work import Run, best_per_model, read_runs, write_runs

runs_strategy = st.lists(
    st.builds(
        Run,
        model=st.sampled_from(["logistic", "tree", "knn"]),
        learning_rate=st.floats(1e-6, 1.0),
        accuracy=st.floats(0.0, 1.0),
    ),
    max_size=20,
)


def test_runs_survive_a_round_trip_through_csv(tmp_path):
    runs = [Run("logistic", 0.1, 0.9), Run("tree", 0.003, 0.75)]
    path = tmp_path / "runs.csv"
    write_runs(path, runs)
    assert read_runs(path) == runs
    assert path.read_text(encoding="utf-8").splitlines()[0] == "model,learning_rate,accuracy"


def test_an_empty_file_reads_as_no_runs(tmp_path):
    path = tmp_path / "runs.csv"
    write_runs(path, [])
    assert read_runs(path) == []


def test_a_tie_keeps_the_first_run():
    first, second = Run("tree", 0.1, 0.8), Run("tree", 0.01, 0.8)
    assert best_per_model([first, second]) == {"tree": first}


@settings(max_examples=50, deadline=None)
@given(runs_strategy)
def test_best_per_model_matches_max_over_each_group(runs):
    best = best_per_model(runs)
    assert set(best) == {run.model for run in runs}
    for model, run in best.items():
        assert run.accuracy == max(r.accuracy for r in runs if r.model == model)


@settings(max_examples=50, deadline=None)
@given(runs_strategy)
def test_any_runs_survive_a_round_trip(tmp_path_factory, runs):
    path = tmp_path_factory.mktemp("runs") / "runs.csv"
    write_runs(path, runs)
    assert read_runs(path) == runs
