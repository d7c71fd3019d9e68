"""Baselines first: a model is only worth its cost if it clearly beats a trivial prediction."""

# --8<-- [start:example]
import numpy as np
from sklearn.base import BaseEstimator
from sklearn.datasets import load_breast_cancer, load_diabetes
from sklearn.dummy import DummyClassifier, DummyRegressor
from sklearn.linear_model import LinearRegression
from sklearn.model_selection import cross_val_score
from sklearn.tree import DecisionTreeClassifier


def cv_score(model: BaseEstimator, X: np.ndarray, y: np.ndarray, scoring: str) -> float:
    """Mean 5-fold cross-validated score; every model is scored on the same folds."""
    return float(cross_val_score(model, X, y, cv=5, scoring=scoring).mean())


def main() -> None:
    # Regression: predict disease progression. Baseline: always the training mean.
    X, y = load_diabetes(return_X_y=True)
    mae = "neg_mean_absolute_error"
    baseline = -cv_score(DummyRegressor(strategy="mean"), X, y, mae)
    model = -cv_score(LinearRegression(), X, y, mae)
    print(f"diabetes, mean absolute error: baseline {baseline:.1f}, linear regression {model:.1f}")

    # Classification: malignant or benign. Baseline: always the most frequent class.
    data = load_breast_cancer()
    X, y = data.data, data.target
    baseline = cv_score(DummyClassifier(strategy="most_frequent"), X, y, "accuracy")
    stump = DecisionTreeClassifier(max_depth=1, random_state=0)  # one rule: a single threshold
    model = cv_score(stump, X, y, "accuracy")
    print(f"breast cancer, accuracy: majority class {baseline:.3f}, one-rule model {model:.3f}")
    tree = stump.fit(X, y).tree_
    feature, threshold = data.feature_names[tree.feature[0]], tree.threshold[0]
    below, above = (data.target_names[tree.value[child].argmax()] for child in (1, 2))
    print(f"the rule: {below} if {feature} <= {threshold:.1f}, otherwise {above}")


# --8<-- [end:example]


if __name__ == "__main__":
    main()
