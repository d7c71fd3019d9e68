"""PyTorch in one page: tensors, autograd checked by hand, and a small training loop."""

# --8<-- [start:example]
import torch
from torch import nn


def mse_gradient_by_hand(X: torch.Tensor, y: torch.Tensor, w: torch.Tensor) -> torch.Tensor:
    """The gradient of mean((X @ w - y)²) with respect to w: 2/n · Xᵀ(X @ w - y)."""
    return 2 / len(y) * X.T @ (X @ w - y)


def mse_gradient_by_autograd(X: torch.Tensor, y: torch.Tensor, w: torch.Tensor) -> torch.Tensor:
    """The same gradient, recorded on the forward pass and computed by backward()."""
    w = w.detach().clone().requires_grad_(True)
    loss = torch.mean((X @ w - y) ** 2)
    loss.backward()
    return w.grad


def train(
    model: nn.Module, X: torch.Tensor, y: torch.Tensor, epochs: int, lr: float
) -> list[float]:
    """Mini-batch gradient descent; the mean loss of each epoch. Time O(epochs · n · parameters)."""
    optimiser = torch.optim.SGD(model.parameters(), lr=lr)
    loss_fn = nn.CrossEntropyLoss()
    losses = []
    for _ in range(epochs):
        order, total = torch.randperm(len(X)), 0.0  # a fresh shuffle every epoch
        for batch in order.split(32):
            loss = loss_fn(model(X[batch]), y[batch])
            optimiser.zero_grad()  # gradients add up unless cleared
            loss.backward()  # autograd fills .grad of every parameter
            optimiser.step()  # parameter -= lr * parameter.grad, for each one
            total += loss.item() * len(batch)
        losses.append(total / len(X))
    return losses


def main() -> None:
    torch.manual_seed(0)
    torch.set_num_threads(1)  # and deterministic kernels: the same output on every run
    torch.use_deterministic_algorithms(True)
    device = "cpu"  # "cuda" on an NVIDIA GPU; model and tensors must live on the same device

    # Points in a square, labelled by whether they fall inside a circle: not linearly separable.
    X = torch.rand(1200, 2, device=device) * 2 - 1
    y = (X.norm(dim=1) < 0.7).long()
    X_train, X_test, y_train, y_test = X[:1000], X[1000:], y[:1000], y[1000:]

    model = nn.Sequential(nn.Linear(2, 32), nn.ReLU(), nn.Linear(32, 2)).to(device)
    for epoch, loss in enumerate(train(model, X_train, y_train, epochs=5, lr=0.5), start=1):
        print(f"epoch {epoch}: training loss {loss:.3f}")
    model.eval()
    with torch.no_grad():  # no graph needed to predict
        accuracy = (model(X_test).argmax(dim=1) == y_test).float().mean().item()
    print(f"test accuracy: {accuracy:.2f}")

    X_small, y_small, w = torch.randn(8, 3), torch.randn(8), torch.randn(3)
    same = torch.allclose(
        mse_gradient_by_hand(X_small, y_small, w), mse_gradient_by_autograd(X_small, y_small, w)
    )
    print(f"autograd agrees with the gradient derived by hand: {same}")


# --8<-- [end:example]


if __name__ == "__main__":
    main()
