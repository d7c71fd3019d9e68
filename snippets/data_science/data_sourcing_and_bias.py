"""Cleaning two sources about the same merchants and merging them with pandas' safety checks."""

# --8<-- [start:example]
import pandas as pd

# Source 1, a CRM export: ids typed by hand, one merchant entered twice, a missing date.
CRM = pd.DataFrame(
    {
        "merchant_id": ["m01", " M02", "M03", "M03 ", "M04", "M05"],
        "country": ["SE", "se", "NO", "NO", "DK", "SE"],
        "signup": ["2023-01-15", "2023-03-02", "2023-06-30", "2023-06-30", None, "2024-05-20"],
    }
)
# Source 2, the payments system: one row per merchant with last year's card revenue, as text.
PAYMENTS = pd.DataFrame(
    {
        "merchant_id": ["M01", "M02", "M03", "M04", "M06"],
        "revenue": ["12500.50", "830", "n/a", "4100", "990"],
    }
)


def normalise_crm(raw: pd.DataFrame) -> pd.DataFrame:
    """Ids and country codes in one spelling, dates as dates (a missing one stays missing)."""
    return raw.assign(
        merchant_id=raw["merchant_id"].str.strip().str.upper(),
        country=raw["country"].str.upper(),
        signup=pd.to_datetime(raw["signup"]),
    )


def clean_payments(raw: pd.DataFrame) -> pd.DataFrame:
    """Revenue as a number; text that is not a number ("n/a") becomes missing, not zero."""
    return raw.assign(revenue=pd.to_numeric(raw["revenue"], errors="coerce"))


def merge_sources(crm: pd.DataFrame, payments: pd.DataFrame) -> pd.DataFrame:
    """Keep every row of both sources, and refuse to merge if either side repeats a merchant.

    `validate` raises a MergeError on repeats; `indicator` adds a `_merge` column saying whether
    each row was found in both sources, only the left one or only the right one.
    """
    return crm.merge(payments, on="merchant_id", how="outer", validate="one_to_one", indicator=True)


def main() -> None:
    matched = len(CRM.merge(PAYMENTS, on="merchant_id"))
    print(f"merchants matched on the raw ids: {matched} of {len(PAYMENTS)}")

    crm, payments = normalise_crm(CRM), clean_payments(PAYMENTS)
    try:
        merge_sources(crm, payments)
    except pd.errors.MergeError:
        repeated = crm.loc[crm["merchant_id"].duplicated(), "merchant_id"].tolist()
        print(f"merge refused: {repeated} appears twice in the CRM once ids are normalised")
    crm = crm.drop_duplicates(ignore_index=True)  # the two rows are identical: keep one

    merged = merge_sources(crm, payments)
    print(f"rows after cleaning and merging: {len(merged)}")
    print(f"where they came from: {merged['_merge'].value_counts().sort_index().to_dict()}")
    unmatched = merged[merged["_merge"] != "both"]
    print(f"unmatched merchants: {unmatched['merchant_id'].tolist()}")
    print(f"missing values per column: {merged.isna().sum()[lambda s: s > 0].to_dict()}")
    # Dropping unmatched rows is a choice with a bias: here it removes the newest merchant.
    print(f"newest signup lost by an inner join: {unmatched['signup'].max():%Y-%m-%d}")


# --8<-- [end:example]


if __name__ == "__main__":
    main()
