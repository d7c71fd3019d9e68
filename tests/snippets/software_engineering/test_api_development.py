import numpy as np
import pytest
from fastapi.testclient import TestClient
from hypothesis import given, settings
from hypothesis import strategies as st

from snippets.software_engineering.api_development import app, iris, model

client = TestClient(app)
VALID = {"sepal_length": 5.1, "sepal_width": 3.5, "petal_length": 1.4, "petal_width": 0.2}
FIELDS = list(VALID)


def test_health():
    response = client.get("/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_a_valid_flower_gets_a_species_and_a_probability():
    response = client.post("/predict", json=VALID)
    assert response.status_code == 200
    body = response.json()
    assert body["species"] == "setosa"
    assert 0.5 < body["probability"] <= 1.0


@pytest.mark.parametrize(
    ("change", "field", "error_type"),
    [
        ({"petal_width": "wide"}, "petal_width", "float_parsing"),
        ({"sepal_length": 0}, "sepal_length", "greater_than"),
        ({"sepal_width": -2.5}, "sepal_width", "greater_than"),
        ({"petal_length": 31}, "petal_length", "less_than_equal"),
        ({"petal_length": None}, "petal_length", "float_type"),
    ],
)
def test_invalid_values_get_422_naming_the_field(change, field, error_type):
    response = client.post("/predict", json={**VALID, **change})
    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert error["loc"] == ["body", field]
    assert error["type"] == error_type


def test_a_missing_field_gets_422():
    body = {k: v for k, v in VALID.items() if k != "petal_width"}
    response = client.post("/predict", json=body)
    assert response.status_code == 422
    assert response.json()["detail"][0]["type"] == "missing"


def test_a_body_that_is_not_json_gets_422():
    response = client.post(
        "/predict", content=b"not json", headers={"content-type": "application/json"}
    )
    assert response.status_code == 422


def test_wrong_method_and_unknown_path():
    assert client.get("/predict").status_code == 405
    assert client.get("/nope").status_code == 404


def test_the_openapi_schema_documents_the_endpoints():
    schema = app.openapi()
    assert set(schema["paths"]) == {"/health", "/predict"}
    assert schema["info"]["version"] == "1.0.0"
    assert set(schema["components"]["schemas"]["Flower"]["required"]) == set(FIELDS)


@settings(max_examples=50, deadline=None)
@given(st.lists(st.floats(0.1, 10, allow_nan=False), min_size=4, max_size=4))
def test_predictions_equal_model_predict(values):
    body = dict(zip(FIELDS, values, strict=True))
    response = client.post("/predict", json=body)
    assert response.status_code == 200
    X = np.array([values])
    assert response.json()["species"] == iris.target_names[model.predict(X)[0]]
    assert response.json()["probability"] == pytest.approx(model.predict_proba(X).max(), abs=5e-4)
