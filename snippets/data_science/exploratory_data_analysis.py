"""A first look at a dataset with pandas: types, summary, missing values, outliers, correlations."""

# --8<-- [start:example]
import pandas as pd
from sklearn.datasets import load_diabetes


def iqr_outlier_counts(df: pd.DataFrame, k: float = 1.5) -> pd.Series:
    """Values outside [Q1 - k·IQR, Q3 + k·IQR] in each column (Tukey's fences).

    Time at most O(n·d·log n), for the quartiles; space O(n·d) for the mask.
    """
    q1, q3 = df.quantile(0.25), df.quantile(0.75)
    iqr = q3 - q1
    outside = (df < q1 - k * iqr) | (df > q3 + k * iqr)
    return outside.sum()


def top_correlations(df: pd.DataFrame, target: str, k: int = 3) -> pd.Series:
    """The k features with the largest absolute Pearson correlation with the target."""
    correlations = df.drop(columns=target).corrwith(df[target])
    order = correlations.abs().sort_values(ascending=False).index
    return correlations[order][:k]


def main() -> None:
    # Ten measurements of 442 diabetes patients; the target is disease progression a year later.
    df = load_diabetes(as_frame=True, scaled=False).frame  # bundled: no download
    print(f"shape: {df.shape[0]} rows x {df.shape[1]} columns")
    print(f"types: {sorted(set(df.dtypes.astype(str)))}")
    print(f"missing values: {int(df.isna().sum().sum())}")
    few_values = [c for c in df.columns if df[c].nunique() <= 5]
    print(f"columns with at most 5 distinct values (categories in disguise?): {few_values}")
    summary = df[["age", "bmi", "bp", "s5", "target"]].describe().T
    print(summary[["mean", "std", "min", "50%", "max"]].round(1))
    outliers = {column: int(n) for column, n in iqr_outlier_counts(df).items() if n > 0}
    print(f"IQR outliers per column: {outliers}")
    print("strongest correlations with the target:")
    print(top_correlations(df, "target").round(2).to_string())


# --8<-- [end:example]


if __name__ == "__main__":
    main()
