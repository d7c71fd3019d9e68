"""scripts/bench_vectorisation.py runs: it times the snippet's loops against NumPy."""

from scripts.bench_vectorisation import main


def test_the_benchmark_runs_on_a_tiny_size(capsys):
    main(["--rows", "10", "--repeats", "1"])  # prints timings; never asserts on them
    out = capsys.readouterr().out
    assert "ratio" in out
