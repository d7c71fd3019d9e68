"""Patterns in ML code: a decorator-based model registry (a factory) and models as strategies."""

# --8<-- [start:example]
from collections.abc import Callable
from typing import Any

from sklearn.base import BaseEstimator
from sklearn.datasets import load_iris
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import cross_val_score
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.tree import DecisionTreeClassifier

Builder = Callable[..., BaseEstimator]
REGISTRY: dict[str, Builder] = {}


def register(name: str) -> Callable[[Builder], Builder]:
    """Decorator that adds a model builder to the registry under `name`."""

    def add(builder: Builder) -> Builder:
        if name in REGISTRY:
            raise ValueError(f"a model called {name!r} is already registered")
        REGISTRY[name] = builder
        return builder

    return add


@register("logistic")
def logistic(C: float = 1.0) -> BaseEstimator:
    return make_pipeline(StandardScaler(), LogisticRegression(C=C, max_iter=1000))


@register("knn")
def knn(n_neighbors: int = 5) -> BaseEstimator:
    return make_pipeline(StandardScaler(), KNeighborsClassifier(n_neighbors=n_neighbors))


@register("tree")
def tree(max_depth: int | None = None) -> BaseEstimator:
    return DecisionTreeClassifier(max_depth=max_depth, random_state=0)


def build_model(config: dict[str, Any]) -> BaseEstimator:
    """Factory: the model a config names, e.g. {"name": "knn", "params": {"n_neighbors": 3}}."""
    name = config["name"]
    if name not in REGISTRY:
        raise ValueError(f"unknown model {name!r}; available: {', '.join(sorted(REGISTRY))}")
    return REGISTRY[name](**config.get("params", {}))


def evaluate(model: BaseEstimator, X: Any, y: Any) -> float:
    """Strategy in use: any estimator with fit/predict works here, and this code never changes."""
    return float(cross_val_score(model, X, y, cv=5).mean())


def main() -> None:
    X, y = load_iris(return_X_y=True)
    configs = [  # as they would arrive from a YAML file or the command line
        {"name": "logistic", "params": {"C": 0.5}},
        {"name": "knn", "params": {"n_neighbors": 7}},
        {"name": "tree", "params": {"max_depth": 3}},
    ]
    for config in configs:
        model = build_model(config)  # the model is injected into evaluate, not built inside it
        print(f"{config['name']:>8}: 5-fold accuracy {evaluate(model, X, y):.3f}")
    from_registry = build_model({"name": "tree", "params": {"max_depth": 3}}).fit(X, y)
    direct = DecisionTreeClassifier(max_depth=3, random_state=0).fit(X, y)
    same = bool((from_registry.predict(X) == direct.predict(X)).all())
    print(f"same predictions as building the tree directly: {same}")
    try:
        build_model({"name": "svm"})
    except ValueError as error:
        print(f"error: {error}")


# --8<-- [end:example]


if __name__ == "__main__":
    main()
