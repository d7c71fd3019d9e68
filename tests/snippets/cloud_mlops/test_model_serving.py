import json

import numpy as np
import pytest
import sklearn
from sklearn.datasets import load_iris
from sklearn.tree import DecisionTreeClassifier

from snippets.cloud_mlops.model_serving import load_model, save_model


@pytest.fixture
def saved(tmp_path):
    X, y = load_iris(return_X_y=True)
    model = DecisionTreeClassifier(random_state=0).fit(X, y)
    save_model(model, tmp_path)
    return tmp_path, model, X


def test_round_trip_gives_the_same_predictions(saved):
    directory, model, X = saved
    assert np.array_equal(load_model(directory).predict(X), model.predict(X))


def test_the_card_records_the_library_version(saved):
    directory, _, _ = saved
    card = json.loads((directory / "model.json").read_text())
    assert card["sklearn_version"] == sklearn.__version__
    assert len(card["sha256"]) == 64


def test_another_library_version_is_refused(saved):
    directory, _, _ = saved
    with pytest.raises(ValueError, match="serving with 0.1"):
        load_model(directory, sklearn_version="0.1")


def test_a_changed_file_is_refused_before_it_is_unpickled(saved):
    directory, _, _ = saved
    (directory / "model.joblib").write_bytes(b"not a model")
    with pytest.raises(ValueError, match="checksum"):
        load_model(directory)
