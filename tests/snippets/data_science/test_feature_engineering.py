import numpy as np
import pandas as pd
import pytest

from snippets.data_science.feature_engineering import (
    CATEGORICAL,
    NUMERIC,
    add_date_features,
    build_pipeline,
    make_customers,
)


def test_make_customers_is_seeded_and_has_missing_values():
    X, y = make_customers(200)
    X_again, y_again = make_customers(200)
    pd.testing.assert_frame_equal(X, X_again)
    assert y.tolist() == y_again.tolist()
    assert X["monthly_spend"].isna().any()
    assert set(y) == {0, 1}


def test_date_features_are_month_and_weekday():
    X = pd.DataFrame({"signup": pd.to_datetime(["2024-03-04", "2024-12-29"]), "age": [30.0, 40.0]})
    out = add_date_features(X)
    assert "signup" not in out
    assert out["signup_month"].tolist() == [3, 12]
    assert out["signup_weekday"].tolist() == [0, 6]  # a Monday and a Sunday
    assert "signup" in X  # the input is left alone


@pytest.mark.parametrize("k", [1, 3, 5])
def test_selector_keeps_k_features(k):
    X, y = make_customers(150)
    model = build_pipeline(k).fit(add_date_features(X), y)
    assert len(model[:-1].get_feature_names_out()) == k


def test_all_features_are_kept_by_default():
    X, y = make_customers(150)
    model = build_pipeline().fit(add_date_features(X), y)
    n_categories = sum(X[column].nunique() for column in CATEGORICAL)
    assert len(model[:-1].get_feature_names_out()) == len(NUMERIC) + n_categories


def test_preprocessing_is_fitted_on_the_training_rows_only():
    X, y = make_customers(300)
    X = add_date_features(X)
    X_train, y_train = X.iloc[:200], y.iloc[:200]
    model = build_pipeline().fit(X_train, y_train)
    imputer, scaler = model["prepare"].named_transformers_["num"]
    assert np.allclose(imputer.statistics_, X_train[NUMERIC].median())
    assert np.allclose(scaler.mean_, X_train[NUMERIC].fillna(X_train[NUMERIC].median()).mean())


def test_unknown_categories_and_missing_numbers_still_predict():
    X, y = make_customers(150)
    model = build_pipeline(3).fit(add_date_features(X), y)
    new = add_date_features(X.head(2).copy())
    new.loc[:, "city"] = "Berlin"  # never seen in training
    new.loc[:, "monthly_spend"] = np.nan
    probabilities = model.predict_proba(new)[:, 1]
    assert ((probabilities >= 0) & (probabilities <= 1)).all()
