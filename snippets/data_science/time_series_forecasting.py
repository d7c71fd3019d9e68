"""Forecasting with time-ordered splits: naive and seasonal-naive baselines against lag features."""

# --8<-- [start:example]
import numpy as np
from sklearn.linear_model import LinearRegression
from sklearn.metrics import mean_absolute_error, mean_absolute_percentage_error
from sklearn.model_selection import TimeSeriesSplit

SEASON = 12  # monthly data with a yearly pattern


def lag_features(y: np.ndarray, lags: list[int]) -> np.ndarray:
    """Row t holds [t, y[t - lag] for each lag]; NaN where the past does not reach. O(n·lags)."""
    X = np.full((len(y), len(lags) + 1), np.nan)
    X[:, 0] = np.arange(len(y))  # a trend term
    for column, lag in enumerate(lags, start=1):
        X[lag:, column] = y[:-lag]
    return X


def forecast_fold(y: np.ndarray, train: np.ndarray, test: np.ndarray) -> dict[str, np.ndarray]:
    """Three forecasts for the test months, each using only data up to the end of train."""
    # Lags of at least the horizon, so every feature of a test month is already known.
    X = lag_features(y, [SEASON, 2 * SEASON])
    usable = train[train >= 2 * SEASON]
    model = LinearRegression().fit(X[usable], y[usable])
    return {
        "naive": np.full(len(test), y[train[-1]]),  # tomorrow looks like today
        "seasonal naive": y[test - SEASON],  # this month looks like the same month last year
        "lag model": model.predict(X[test]),
    }


def main() -> None:
    rng = np.random.default_rng(0)
    t = np.arange(120)  # ten years of months
    y = 50 + 0.3 * t + 10 * np.sin(2 * np.pi * t / SEASON) + rng.normal(0, 2, len(t))

    splitter = TimeSeriesSplit(n_splits=4, test_size=SEASON)  # forecast one year ahead
    print("fold  train rows   naive  seasonal naive  lag model   (MAE)")
    for fold, (train, test) in enumerate(splitter.split(y), start=1):
        y_hat = forecast_fold(y, train, test)
        errors = [mean_absolute_error(y[test], y_hat[name]) for name in y_hat]
        print(f"{fold:>4}  {len(train):>10}  {errors[0]:6.2f}  {errors[1]:14.2f}  {errors[2]:9.2f}")

    # MAPE divides by the actual value: near zero, a small miss becomes a huge percentage.
    actual, predicted = np.array([0.1, 10.0]), np.array([1.1, 11.0])
    print(
        f"two misses of 1.0, actuals 0.1 and 10: MAE {mean_absolute_error(actual, predicted):.1f}, "
        f"MAPE {mean_absolute_percentage_error(actual, predicted):.0%}"
    )


# --8<-- [end:example]


if __name__ == "__main__":
    main()
