"""Feature engineering in one leakage-safe pipeline: dates, encoding, scaling and selection."""

# --8<-- [start:example]
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.feature_selection import SelectKBest, f_classif
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_score
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

NUMERIC = ["age", "monthly_spend", "signup_month", "signup_weekday"]
CATEGORICAL = ["plan", "city"]


def make_customers(n: int, seed: int = 0) -> tuple[pd.DataFrame, pd.Series]:
    """A small churn table: numbers, categories, a date and some missing values."""
    rng = np.random.default_rng(seed)
    X = pd.DataFrame(
        {
            "age": rng.integers(18, 70, n).astype(float),
            "monthly_spend": rng.gamma(2.0, 20.0, n),
            "plan": rng.choice(["basic", "plus", "pro"], n),
            "city": rng.choice(["Leeds", "Lyon", "Oslo", "Turin"], n),
            "signup": pd.Timestamp("2024-01-01") + pd.to_timedelta(rng.integers(0, 365, n), "D"),
        }
    )
    logit = 2.0 * (X["plan"] == "basic") - 0.04 * X["monthly_spend"] + 0.5
    y = pd.Series((rng.random(n) < 1 / (1 + np.exp(-logit))).astype(int), name="churned")
    X.loc[rng.random(n) < 0.1, "monthly_spend"] = np.nan  # real tables have holes
    return X, y


def add_date_features(X: pd.DataFrame) -> pd.DataFrame:
    """Replace a timestamp by numbers a model can use. Row by row, so it cannot leak."""
    out = X.drop(columns="signup")
    out["signup_month"] = X["signup"].dt.month
    out["signup_weekday"] = X["signup"].dt.day_of_week
    return out


def build_pipeline(k: int | str = "all") -> Pipeline:
    """Imputer, scaler, encoder and selector are fitted on each training fold only."""
    prepare = ColumnTransformer(
        [
            ("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), NUMERIC),
            ("cat", OneHotEncoder(handle_unknown="ignore"), CATEGORICAL),
        ],
        verbose_feature_names_out=False,
    )
    select = SelectKBest(f_classif, k=k)
    return Pipeline([("prepare", prepare), ("select", select), ("model", LogisticRegression())])


def main() -> None:
    X, y = make_customers(400)
    X = add_date_features(X)
    cv = StratifiedKFold(5, shuffle=True, random_state=0)
    for k in ("all", 3):
        scores = cross_val_score(build_pipeline(k), X, y, cv=cv, scoring="roc_auc")
        print(f"keep {k!s:>3} features: ROC-AUC {scores.mean():.3f} ± {scores.std():.3f} (5-fold)")
    model = build_pipeline(3).fit(X, y)
    print(f"features after encoding: {len(model[:-2].get_feature_names_out())}")
    print(f"kept by SelectKBest:     {list(model[:-1].get_feature_names_out())}")


# --8<-- [end:example]


if __name__ == "__main__":
    main()
