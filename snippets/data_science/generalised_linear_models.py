"""Poisson regression for counts, fitted by Newton's method and checked against scikit-learn."""

# --8<-- [start:example]
import numpy as np
from sklearn.linear_model import LinearRegression, PoissonRegressor


def add_bias(X: np.ndarray) -> np.ndarray:
    return np.column_stack([np.ones(len(X)), X])


def fit_poisson(X: np.ndarray, y: np.ndarray, num_iters: int = 25) -> np.ndarray:
    """Weights [bias, w1, ..., wd] of log E[y] = X @ w, maximising the Poisson likelihood.

    Newton's method (the same steps as iteratively reweighted least squares): each step costs
    O(n·d² + d³) and few are needed. Needs some non-zero counts.
    """
    X1 = add_bias(X)
    w = np.zeros(X1.shape[1])
    w[0] = np.log(y.mean())  # start from the model that predicts the mean count everywhere
    for _ in range(num_iters):
        mu = np.exp(X1 @ w)  # the inverse of the log link: predicted mean counts, always > 0
        gradient = X1.T @ (y - mu)
        hessian = X1.T @ (X1 * mu[:, None])  # Poisson variance = mean: rows weighted by mu
        w += np.linalg.solve(hessian, gradient)
    return w


def main() -> None:
    rng = np.random.default_rng(0)
    X = rng.normal(size=(300, 2))  # e.g. standardised driver age and car power
    y = rng.poisson(np.exp(-0.5 + 0.8 * X[:, 0] - 0.4 * X[:, 1]))  # claims per policy

    w = fit_poisson(X, y)
    model = PoissonRegressor(alpha=0, solver="newton-cholesky", tol=1e-10).fit(X, y)
    w_sk = np.concatenate([[model.intercept_], model.coef_])
    print(f"Newton from scratch: {np.round(w, 3)}")
    print(f"scikit-learn:        {np.round(w_sk, 3)}")
    print(f"agree: {np.allclose(w, w_sk, atol=1e-6)}")
    print(f"one unit more of x1 multiplies the expected count by {np.exp(w[1]):.2f}")

    negative = {
        name: int((estimator.predict(X) < 0).sum())
        for name, estimator in [
            ("linear regression", LinearRegression().fit(X, y)),
            ("Poisson", model),
        ]
    }
    print(f"negative counts predicted: {negative}")


# --8<-- [end:example]


if __name__ == "__main__":
    main()
