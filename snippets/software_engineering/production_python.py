"""Production-style Python: a typed scaler with a config dataclass, logging and clear errors."""

# --8<-- [start:example]
import logging
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Protocol
from unittest.mock import Mock

import numpy as np
from sklearn.preprocessing import StandardScaler

logger = logging.getLogger(__name__)  # library code logs; only the entry point configures logging


class ScalingError(ValueError):
    """The data cannot be scaled; the message says why."""


@dataclass(frozen=True)
class ScalerConfig:
    columns: tuple[str, ...]
    min_rows: int = 2


@dataclass(frozen=True)
class Scaler:
    means: dict[str, float]
    stds: dict[str, float]

    def transform(self, row: Mapping[str, float]) -> dict[str, float]:
        return {name: (row[name] - mean) / self.stds[name] for name, mean in self.means.items()}


class Storage(Protocol):
    """What the code needs from a storage client (S3, GCS, a disk): one method."""

    def put(self, key: str, data: Mapping[str, object]) -> None: ...


def fit_scaler(rows: Sequence[Mapping[str, float]], config: ScalerConfig) -> Scaler:
    """Mean and population standard deviation of each column. Time O(n·d), space O(d)."""
    if len(rows) < config.min_rows:
        raise ScalingError(f"need at least {config.min_rows} rows, got {len(rows)}")
    missing = sorted({name for row in rows for name in config.columns if name not in row})
    if missing:
        raise ScalingError(f"rows without column(s): {', '.join(missing)}")
    means: dict[str, float] = {}
    stds: dict[str, float] = {}
    for name in config.columns:
        values = [float(row[name]) for row in rows]
        means[name] = math.fsum(values) / len(values)
        stds[name] = math.sqrt(math.fsum((v - means[name]) ** 2 for v in values) / len(values))
        if stds[name] == 0:
            raise ScalingError(f"column {name!r} is constant; scaling would divide by zero")
    logger.info("fitted a scaler on %d rows and %d columns", len(rows), len(config.columns))
    return Scaler(means, stds)


def save_scaler(scaler: Scaler, storage: Storage, clock: Callable[[], datetime]) -> str:
    """Store the scaler under a key named by the time; the clock is passed in, so tests fix it."""
    key = f"scalers/{clock():%Y-%m-%dT%H%M%S}.json"
    storage.put(key, {"means": scaler.means, "stds": scaler.stds})
    logger.info("saved the scaler to %s", key)
    return key


def test_save_scaler_names_the_file_by_the_clock() -> None:
    storage = Mock(spec=["put"])  # stands in for the cloud client: no network, calls recorded
    noon = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
    key = save_scaler(Scaler({"amount": 1.0}, {"amount": 2.0}), storage, clock=lambda: noon)
    assert key == "scalers/2026-03-01T120000.json"
    storage.put.assert_called_once_with(key, {"means": {"amount": 1.0}, "stds": {"amount": 2.0}})


def main() -> None:
    logging.basicConfig(level=logging.INFO)  # configured once, here; the logs go to stderr
    rows = [
        {"amount": 12.5, "items": 1},
        {"amount": 30.0, "items": 2},
        {"amount": 250.0, "items": 5},
        {"amount": 99.0, "items": 3},
    ]
    config = ScalerConfig(columns=("amount", "items"))
    scaler = fit_scaler(rows, config)
    print("means:", {name: round(value, 3) for name, value in scaler.means.items()})
    print("stds: ", {name: round(value, 3) for name, value in scaler.stds.items()})
    X = np.array([[row[name] for name in config.columns] for row in rows], dtype=float)
    ours = np.array([list(scaler.transform(row).values()) for row in rows])
    print(f"same as StandardScaler: {np.allclose(ours, StandardScaler().fit_transform(X))}")
    for bad_rows in (rows[:1], [*rows, {"amount": 5.0}]):
        try:
            fit_scaler(bad_rows, config)
        except ScalingError as error:
            print(f"refused: {error}")
    test_save_scaler_names_the_file_by_the_clock()
    print("unit test with a mocked storage client: passed")


# --8<-- [end:example]


if __name__ == "__main__":
    main()
