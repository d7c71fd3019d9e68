"""A tiny data lake on disk: Hive-partitioned Parquet, read back with a partition filter."""

# --8<-- [start:example]
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.dataset as ds

COLUMNS = ["payment_id", "day", "country", "amount"]


def make_payments(n: int = 24, seed: int = 0) -> pd.DataFrame:
    """A small, seeded table of card payments: one row per payment."""
    rng = np.random.default_rng(seed)
    return pd.DataFrame(
        {
            "payment_id": np.arange(n, dtype=np.int64),
            "day": rng.choice(["2026-11-01", "2026-11-02"], size=n),
            "country": rng.choice(["DE", "FR", "SE"], size=n),
            "amount": np.round(rng.gamma(2.0, 15.0, size=n), 2),
        }
    )


def write_partitioned(df: pd.DataFrame, root: Path, partition_cols: list[str]) -> None:
    """One directory per partition value, named key=value (the Hive convention)."""
    table = pa.Table.from_pandas(df, preserve_index=False)
    ds.write_dataset(
        table, root, format="parquet", partitioning=partition_cols, partitioning_flavor="hive"
    )


def partition_paths(root: Path) -> list[str]:
    """The directories that hold data files, relative to the root and sorted."""
    return sorted({f.parent.relative_to(root).as_posix() for f in root.rglob("*.parquet")})


def partition_filter(**equals: str) -> ds.Expression | None:
    """`column == value` for every keyword, combined with AND; None when there are none."""
    condition = None
    for column, value in equals.items():
        term = ds.field(column) == value
        condition = term if condition is None else condition & term
    return condition


def read_back(root: Path, **equals: str) -> pd.DataFrame:
    """Read the dataset, keeping only rows whose partition columns equal the given values.

    A filter on a partition column prunes whole directories: their files are never opened.
    """
    dataset = ds.dataset(root, format="parquet", partitioning="hive")
    table = dataset.to_table(columns=COLUMNS, filter=partition_filter(**equals))
    return table.to_pandas().sort_values("payment_id").reset_index(drop=True)


def files_scanned(root: Path, **equals: str) -> int:
    """How many files a read with this filter has to open."""
    dataset = ds.dataset(root, format="parquet", partitioning="hive")
    return len(list(dataset.get_fragments(filter=partition_filter(**equals))))


def main() -> None:
    payments = make_payments()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "payments"
        write_partitioned(payments, root, ["day", "country"])
        print("partitions:")
        for path in partition_paths(root):
            print(f"  {path}/")
        scanned, total = files_scanned(root, country="SE"), files_scanned(root)
        print(f"files opened to read country == 'SE': {scanned} of {total}")

        swedish = read_back(root, country="SE")
        expected = payments[payments["country"] == "SE"].reset_index(drop=True)
        print(f"rows for SE: {len(swedish)}, total amount {swedish['amount'].sum():.2f}")
        print(f"filtered read equals the source rows: {swedish.equals(expected)}")
        everything = read_back(root)
        print(f"full round trip equals the source: {everything.equals(payments)}")


# --8<-- [end:example]


if __name__ == "__main__":
    main()
