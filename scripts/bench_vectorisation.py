"""Time the snippet's plain-Python loops against their vectorised NumPy versions.

    .venv/bin/python -m scripts.bench_vectorisation            # or: --rows 2000 --repeats 7

A benchmark, not a test: it prints figures and never fails on them. Each figure is the
minimum over several repeats (the least disturbed run), as `timeit` recommends.
"""

from __future__ import annotations

import argparse
import timeit
from collections.abc import Callable

import numpy as np

from snippets.data_science.numpy_pandas_and_plotting import (
    distances_loop,
    distances_vectorised,
    standardise_loop,
    standardise_vectorised,
)


def best_time(function: Callable[[], object], repeats: int) -> float:
    """Seconds for one call: the minimum over `repeats` timed calls."""
    return min(timeit.repeat(function, number=1, repeat=repeats))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1000, help="rows of X (default 1000)")
    parser.add_argument("--repeats", type=int, default=5, help="timed runs of each (default 5)")
    args = parser.parse_args(argv)

    rng = np.random.default_rng(0)
    X = rng.normal(size=(args.rows, 3))
    centres = X[:20]
    cases = [
        ("standardise", lambda: standardise_loop(X), lambda: standardise_vectorised(X)),
        (
            f"distances to {len(centres)} centres",
            lambda: distances_loop(X, centres),
            lambda: distances_vectorised(X, centres),
        ),
    ]
    print(f"{args.rows} rows, minimum of {args.repeats} runs")
    for name, loop, vectorised in cases:
        loop_s, vectorised_s = best_time(loop, args.repeats), best_time(vectorised, args.repeats)
        print(
            f"{name:<26} loop {loop_s * 1e3:9.3f} ms   vectorised {vectorised_s * 1e3:8.3f} ms"
            f"   ratio {loop_s / vectorised_s:8.1f}x"
        )


if __name__ == "__main__":
    main()
