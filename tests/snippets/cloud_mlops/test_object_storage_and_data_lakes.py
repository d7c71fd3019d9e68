import pandas as pd
import pytest

from snippets.cloud_mlops.object_storage_and_data_lakes import (
    files_scanned,
    make_payments,
    partition_filter,
    partition_paths,
    read_back,
    write_partitioned,
)


@pytest.fixture
def lake(tmp_path):
    payments = make_payments(n=40, seed=3)
    root = tmp_path / "payments"
    write_partitioned(payments, root, ["day", "country"])
    return root, payments


def test_make_payments_is_seeded():
    assert make_payments(seed=1).equals(make_payments(seed=1))
    assert not make_payments(seed=1).equals(make_payments(seed=2))


def test_one_directory_per_partition_in_hive_style(lake):
    root, payments = lake
    expected = sorted(
        f"day={day}/country={country}"
        for day, country in payments[["day", "country"]].drop_duplicates().itertuples(index=False)
    )
    assert partition_paths(root) == expected


def test_the_full_round_trip_returns_the_source_rows(lake):
    root, payments = lake
    assert read_back(root).equals(payments)


@pytest.mark.parametrize(("column", "value"), [("country", "FR"), ("day", "2026-11-02")])
def test_a_partition_filter_returns_exactly_the_matching_rows(lake, column, value):
    root, payments = lake
    expected = payments[payments[column] == value].reset_index(drop=True)
    assert read_back(root, **{column: value}).equals(expected)


def test_two_filters_combine_with_and(lake):
    root, payments = lake
    mask = (payments["country"] == "DE") & (payments["day"] == "2026-11-01")
    result = read_back(root, country="DE", day="2026-11-01")
    assert result.equals(payments[mask].reset_index(drop=True))
    assert files_scanned(root, country="DE", day="2026-11-01") == 1


def test_a_filter_on_a_partition_column_prunes_files(lake):
    root, payments = lake
    total = files_scanned(root)
    assert total == len(partition_paths(root))
    assert (
        files_scanned(root, country="SE")
        == payments.loc[payments["country"] == "SE", "day"].nunique()
    )
    assert files_scanned(root, country="XX") == 0


def test_partition_filter_without_conditions_is_none():
    assert partition_filter() is None


def test_a_value_with_no_rows_reads_an_empty_frame(lake):
    root, _ = lake
    result = read_back(root, country="XX")
    assert isinstance(result, pd.DataFrame)
    assert result.empty
