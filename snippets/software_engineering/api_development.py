"""A FastAPI service for a scikit-learn model: validated JSON in, a prediction out."""

# --8<-- [start:example]
import numpy as np
from fastapi import FastAPI
from fastapi.testclient import TestClient
from pydantic import BaseModel, Field
from sklearn.datasets import load_iris
from sklearn.linear_model import LogisticRegression

# Trained once, when the module is imported; a real service loads a saved model file instead.
iris = load_iris()
model = LogisticRegression(max_iter=1000).fit(iris.data, iris.target)


class Flower(BaseModel):
    """The request body. FastAPI checks it and answers 422 before our code runs."""

    sepal_length: float = Field(gt=0, le=30, description="cm")
    sepal_width: float = Field(gt=0, le=30, description="cm")
    petal_length: float = Field(gt=0, le=30, description="cm")
    petal_width: float = Field(gt=0, le=30, description="cm")


class Prediction(BaseModel):
    species: str
    probability: float


app = FastAPI(title="Iris classifier", version="1.0.0")  # the OpenAPI page is served at /docs


@app.get("/health")
def health() -> dict[str, str]:
    return {"status": "ok"}


@app.post("/predict")
def predict(flower: Flower) -> Prediction:
    X = np.array(
        [[flower.sepal_length, flower.sepal_width, flower.petal_length, flower.petal_width]]
    )
    probabilities = model.predict_proba(X)[0]
    best = int(probabilities.argmax())
    return Prediction(species=iris.target_names[best], probability=round(probabilities[best], 3))


def main() -> None:
    client = TestClient(app)  # calls the app in-process, exactly as an HTTP client would
    response = client.get("/health")
    print(f"GET  /health  -> {response.status_code} {response.json()}")
    body = {"sepal_length": 6.1, "sepal_width": 2.8, "petal_length": 4.7, "petal_width": 1.2}
    response = client.post("/predict", json=body)
    print(f"POST /predict -> {response.status_code} {response.json()}")
    response = client.post("/predict", json={**body, "petal_width": "wide", "sepal_width": -1})
    errors = [(error["loc"][-1], error["msg"]) for error in response.json()["detail"]]
    print(f"POST /predict -> {response.status_code} {errors}")


# --8<-- [end:example]


if __name__ == "__main__":
    main()
