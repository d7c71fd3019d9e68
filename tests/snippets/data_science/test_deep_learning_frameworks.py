import torch
from hypothesis import given, settings
from hypothesis import strategies as st
from torch import nn

from snippets.data_science.deep_learning_frameworks import (
    mse_gradient_by_autograd,
    mse_gradient_by_hand,
    train,
)


@settings(max_examples=50, deadline=None)
@given(st.integers(0, 2**31 - 1), st.integers(1, 30), st.integers(1, 6))
def test_autograd_matches_the_hand_derived_gradient(seed, n, d):
    generator = torch.Generator().manual_seed(seed)
    X = torch.randn(n, d, generator=generator, dtype=torch.float64)
    y = torch.randn(n, generator=generator, dtype=torch.float64)
    w = torch.randn(d, generator=generator, dtype=torch.float64)
    assert torch.allclose(mse_gradient_by_autograd(X, y, w), mse_gradient_by_hand(X, y, w))


def test_gradient_is_zero_at_an_exact_fit():
    X = torch.tensor([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
    w = torch.tensor([2.0, -1.0])
    assert torch.allclose(mse_gradient_by_autograd(X, X @ w, w), torch.zeros(2))


def test_autograd_leaves_its_input_untouched():
    w = torch.tensor([1.0, 2.0])
    mse_gradient_by_autograd(torch.ones(3, 2), torch.zeros(3), w)
    assert not w.requires_grad and w.grad is None


def make_problem(seed: int) -> tuple[nn.Module, torch.Tensor, torch.Tensor]:
    torch.manual_seed(seed)
    X = torch.rand(400, 2) * 2 - 1
    y = (X.norm(dim=1) < 0.7).long()
    return nn.Sequential(nn.Linear(2, 16), nn.ReLU(), nn.Linear(16, 2)), X, y


def test_training_loss_goes_down():
    model, X, y = make_problem(0)
    losses = train(model, X, y, epochs=8, lr=0.5)
    assert len(losses) == 8
    assert losses[-1] < 0.6 * losses[0]
    assert all(later < earlier for earlier, later in zip(losses, losses[1:], strict=False))


def test_training_is_reproducible_with_a_seed():
    first = train(*make_problem(3), epochs=2, lr=0.5)
    second = train(*make_problem(3), epochs=2, lr=0.5)
    assert first == second


def test_zero_epochs_leaves_the_model_unchanged():
    model, X, y = make_problem(1)
    before = [p.clone() for p in model.parameters()]
    assert train(model, X, y, epochs=0, lr=0.5) == []
    assert all(torch.equal(a, b) for a, b in zip(before, model.parameters(), strict=True))
