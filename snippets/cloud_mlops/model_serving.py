"""Packaging a model for serving: joblib, plus the library version and a checksum beside it."""

# --8<-- [start:example]
import hashlib
import json
import tempfile
from pathlib import Path

import joblib
import numpy as np
import sklearn
from sklearn.datasets import load_iris
from sklearn.linear_model import LogisticRegression


def save_model(model: object, directory: Path) -> None:
    """Write model.joblib and a small JSON card with what a server must check before loading."""
    path = directory / "model.joblib"
    joblib.dump(model, path)
    card = {
        "sklearn_version": sklearn.__version__,
        "sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
    }
    (directory / "model.json").write_text(json.dumps(card), encoding="utf-8")


def load_model(directory: Path, sklearn_version: str = sklearn.__version__) -> object:
    """Load a model we saved ourselves, refusing a changed file or another library version.

    joblib, like pickle, can run arbitrary code while loading: never load an untrusted file.
    The checksum catches a corrupted or swapped file, not someone who can rewrite both files.
    """
    path = directory / "model.joblib"
    card = json.loads((directory / "model.json").read_text(encoding="utf-8"))
    if hashlib.sha256(path.read_bytes()).hexdigest() != card["sha256"]:
        raise ValueError("model.joblib does not match the checksum in model.json")
    if card["sklearn_version"] != sklearn_version:
        raise ValueError(
            f"saved with scikit-learn {card['sklearn_version']}, serving with {sklearn_version}"
        )
    return joblib.load(path)


def main() -> None:
    X, y = load_iris(return_X_y=True)
    model = LogisticRegression(max_iter=1000).fit(X, y)
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        save_model(model, directory)
        served = load_model(directory)
        same = np.array_equal(served.predict(X), model.predict(X))
        print(f"same predictions after the round trip: {same}")
        try:
            load_model(directory, sklearn_version="0.0")
        except ValueError:
            print("refused to load under another scikit-learn version: True")
        (directory / "model.joblib").write_bytes(b"tampered")
        try:
            load_model(directory)
        except ValueError as error:
            print(f"refused a modified file: {error}")


# --8<-- [end:example]


if __name__ == "__main__":
    main()
