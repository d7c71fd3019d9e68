import numpy as np
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from sklearn.model_selection import TimeSeriesSplit

from snippets.data_science.time_series_forecasting import SEASON, forecast_fold, lag_features


@settings(max_examples=50, deadline=None)
@given(st.integers(30, 200), st.integers(2, 6), st.integers(1, 12), st.integers(0, 3))
def test_time_series_split_never_trains_on_the_future(n, n_splits, test_size, gap):
    assume(n - gap - n_splits * test_size > 0)  # enough rows for the first training window
    splitter = TimeSeriesSplit(n_splits=n_splits, test_size=test_size, gap=gap)
    previous_end = -1
    for train, test in splitter.split(np.zeros(n)):
        assert train.max() + gap < test.min()  # every training row comes before every test row
        assert np.array_equal(train, np.arange(len(train)))  # an expanding window from the start
        assert test.min() > previous_end  # folds move forward in time
        previous_end = test.max()


def test_lag_features_only_look_back():
    y = np.arange(10.0) * 10
    X = lag_features(y, [1, 3])
    assert X[:, 0].tolist() == list(range(10))
    assert np.isnan(X[0, 1]) and np.isnan(X[2, 2])
    assert X[5, 1] == y[4] and X[5, 2] == y[2]


def make_series(seed: int, n: int = 96) -> np.ndarray:
    rng = np.random.default_rng(seed)
    t = np.arange(n)
    return 20 + 0.5 * t + 5 * np.sin(2 * np.pi * t / SEASON) + rng.normal(0, 1, n)


@settings(max_examples=50, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(2, 4))
def test_forecasts_do_not_change_when_the_future_does(seed, n_splits):
    y = make_series(seed)
    for train, test in TimeSeriesSplit(n_splits=n_splits, test_size=SEASON).split(y):
        changed = y.copy()
        changed[train[-1] + 1 :] = np.random.default_rng(seed).normal(0, 100, len(y) - len(train))
        before, after = forecast_fold(y, train, test), forecast_fold(changed, train, test)
        for name in before:
            assert np.allclose(before[name], after[name]), name


def test_baselines_repeat_last_value_and_last_season():
    y = make_series(1)
    train, test = np.arange(72), np.arange(72, 84)
    y_hat = forecast_fold(y, train, test)
    assert np.all(y_hat["naive"] == y[71])
    assert np.array_equal(y_hat["seasonal naive"], y[60:72])
    assert len(y_hat["lag model"]) == 12


def test_lag_model_recovers_an_exact_seasonal_trend():
    t = np.arange(96)
    y = 3 + 0.2 * t + np.tile(np.arange(SEASON, dtype=float), 8)  # trend plus a repeating year
    y_hat = forecast_fold(y, np.arange(84), np.arange(84, 96))
    assert np.allclose(y_hat["lag model"], y[84:])
