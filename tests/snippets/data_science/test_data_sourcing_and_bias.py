import numpy as np
import pandas as pd
import pytest

from snippets.data_science.data_sourcing_and_bias import (
    CRM,
    PAYMENTS,
    clean_payments,
    merge_sources,
    normalise_crm,
)


def test_normalising_gives_one_spelling_and_real_dates():
    crm = normalise_crm(CRM)
    assert crm["merchant_id"].tolist() == ["M01", "M02", "M03", "M03", "M04", "M05"]
    assert crm["country"].tolist() == ["SE", "SE", "NO", "NO", "DK", "SE"]
    assert pd.api.types.is_datetime64_any_dtype(crm["signup"])
    assert crm["signup"].isna().tolist() == [False, False, False, False, True, False]
    assert CRM["merchant_id"].iloc[0] == "m01"  # the raw frame is left as it was


def test_text_that_is_not_a_number_becomes_missing_not_zero():
    revenue = clean_payments(PAYMENTS)["revenue"]
    assert revenue.iloc[0] == 12500.5
    assert np.isnan(revenue.iloc[2])
    assert revenue.isna().sum() == 1


def test_a_repeated_merchant_on_either_side_stops_the_merge():
    crm = normalise_crm(CRM)
    with pytest.raises(pd.errors.MergeError):
        merge_sources(crm, clean_payments(PAYMENTS))
    payments = pd.DataFrame({"merchant_id": ["M01", "M01"], "revenue": [1.0, 2.0]})
    with pytest.raises(pd.errors.MergeError):
        merge_sources(crm.drop_duplicates(), payments)


def test_the_merge_keeps_every_merchant_and_says_where_each_came_from():
    merged = merge_sources(normalise_crm(CRM).drop_duplicates(), clean_payments(PAYMENTS))
    origin = dict(zip(merged["merchant_id"], merged["_merge"].astype(str), strict=True))
    assert origin == {
        "M01": "both",
        "M02": "both",
        "M03": "both",
        "M04": "both",
        "M05": "left_only",
        "M06": "right_only",
    }
    assert merged.loc[merged["merchant_id"] == "M02", "revenue"].item() == 830.0
