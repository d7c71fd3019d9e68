import logging
from datetime import UTC, datetime
from unittest.mock import Mock

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.preprocessing import StandardScaler

from snippets.software_engineering import production_python
from snippets.software_engineering.production_python import (
    Scaler,
    ScalerConfig,
    ScalingError,
    fit_scaler,
    save_scaler,
)

CONFIG = ScalerConfig(columns=("a", "b"))
ROWS = [{"a": 1.0, "b": 10.0}, {"a": 3.0, "b": 30.0}]


def test_fit_and_transform_a_known_case():
    scaler = fit_scaler(ROWS, CONFIG)
    assert scaler.means == {"a": 2.0, "b": 20.0}
    assert scaler.stds == {"a": 1.0, "b": 10.0}
    assert scaler.transform({"a": 3.0, "b": 0.0}) == {"a": 1.0, "b": -2.0}


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([], "need at least 2 rows, got 0"),
        (ROWS[:1], "need at least 2 rows, got 1"),
        ([*ROWS, {"a": 1.0}], "without column(s): b"),
        ([{"a": 1.0, "b": 5.0}, {"a": 2.0, "b": 5.0}], "'b' is constant"),
    ],
)
def test_bad_input_raises_a_clear_error(rows, message):
    with pytest.raises(ScalingError, match=message.replace("(", r"\(").replace(")", r"\)")):
        fit_scaler(rows, CONFIG)


def test_the_error_is_a_value_error_so_callers_can_catch_either():
    assert issubclass(ScalingError, ValueError)


def test_config_is_frozen():
    with pytest.raises(AttributeError):
        CONFIG.min_rows = 1  # type: ignore[misc]


def test_fitting_logs_what_it_did(caplog):
    with caplog.at_level(logging.INFO):
        fit_scaler(ROWS, CONFIG)
    assert "fitted a scaler on 2 rows and 2 columns" in caplog.text


def test_save_with_a_mocked_storage_and_a_fixed_clock(caplog):
    storage = Mock(spec=["put"])
    clock = Mock(return_value=datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC))
    with caplog.at_level(logging.INFO):
        key = save_scaler(Scaler({"a": 0.0}, {"a": 1.0}), storage, clock)
    assert key == "scalers/2026-01-02T030405.json"
    clock.assert_called_once_with()
    storage.put.assert_called_once_with(key, {"means": {"a": 0.0}, "stds": {"a": 1.0}})
    assert key in caplog.text


def test_a_failing_storage_is_not_hidden():
    storage = Mock(spec=["put"])
    storage.put.side_effect = ConnectionError("bucket unreachable")
    with pytest.raises(ConnectionError):
        save_scaler(Scaler({}, {}), storage, clock=lambda: datetime(2026, 1, 1, tzinfo=UTC))


def test_the_unit_test_shown_on_the_page_passes():
    production_python.test_save_scaler_names_the_file_by_the_clock()


@settings(max_examples=50, deadline=None)
@given(
    st.lists(st.tuples(st.integers(-1000, 1000), st.integers(-1000, 1000)), min_size=2, max_size=20)
)
def test_agrees_with_standard_scaler(pairs):
    rows = [{"a": float(a), "b": float(b)} for a, b in pairs]
    X = np.array(pairs, dtype=float)
    if len(set(X[:, 0])) == 1 or len(set(X[:, 1])) == 1:
        with pytest.raises(ScalingError, match="constant"):
            fit_scaler(rows, CONFIG)
        return
    scaler = fit_scaler(rows, CONFIG)
    ours = np.array([list(scaler.transform(row).values()) for row in rows])
    np.testing.assert_allclose(ours, StandardScaler().fit_transform(X), rtol=1e-9, atol=1e-9)
