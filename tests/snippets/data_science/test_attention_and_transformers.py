import math

import pytest
import torch
import torch.nn.functional as F
from hypothesis import given, settings
from hypothesis import strategies as st
from torch import nn

from snippets.data_science.attention_and_transformers import (
    attention_cost,
    attention_weights,
    multi_head_attention,
    scaled_dot_product_attention,
    sinusoidal_positions,
)


def random_tensors(seed: int, *shape: int, count: int = 3) -> list[torch.Tensor]:
    generator = torch.Generator().manual_seed(seed)
    return [torch.randn(*shape, generator=generator, dtype=torch.float64) for _ in range(count)]


@settings(max_examples=40, deadline=None)
@given(
    seed=st.integers(0, 2**31 - 1),
    batch=st.integers(1, 3),
    heads=st.integers(1, 4),
    n=st.integers(1, 9),
    d=st.integers(1, 8),
    causal=st.booleans(),
)
def test_attention_agrees_with_pytorch(seed, batch, heads, n, d, causal):
    q, k, v = random_tensors(seed, batch, heads, n, d)
    expected = F.scaled_dot_product_attention(q, k, v, is_causal=causal)
    assert torch.allclose(scaled_dot_product_attention(q, k, v, causal), expected)


@settings(max_examples=30, deadline=None)
@given(
    seed=st.integers(0, 2**31 - 1),
    batch=st.integers(1, 3),
    n=st.integers(1, 8),
    heads=st.integers(1, 4),
    head_dim=st.integers(1, 5),
    causal=st.booleans(),
)
def test_multi_head_attention_agrees_with_pytorch(seed, batch, n, heads, head_dim, causal):
    torch.manual_seed(seed)
    d_model = heads * head_dim
    reference = nn.MultiheadAttention(d_model, heads, batch_first=True, dtype=torch.float64)
    with torch.no_grad():  # random biases too: PyTorch starts them at zero
        reference.in_proj_bias.normal_()
        reference.out_proj.bias.normal_()
    (x,) = random_tensors(seed, batch, n, d_model, count=1)
    mask = (
        nn.Transformer.generate_square_subsequent_mask(n, dtype=torch.float64) if causal else None
    )
    with torch.no_grad():
        expected = reference.eval()(x, x, x, attn_mask=mask, need_weights=False)[0]
        mine = multi_head_attention(
            x,
            reference.in_proj_weight,
            reference.in_proj_bias,
            reference.out_proj.weight,
            reference.out_proj.bias,
            heads,
            causal,
        )
    assert torch.allclose(mine, expected)


def test_weights_are_probabilities_and_the_causal_mask_hides_the_future():
    q, k, _ = random_tensors(0, 5, 4)
    for causal in (False, True):
        weights = attention_weights(q, k, causal)
        assert torch.allclose(weights.sum(dim=-1), torch.ones(5, dtype=torch.float64))
        assert (weights >= 0).all()
    causal_weights = attention_weights(q, k, causal=True)
    assert torch.equal(causal_weights.triu(diagonal=1), torch.zeros(5, 5, dtype=torch.float64))
    assert causal_weights[0, 0] == 1  # the first token can only look at itself
    ahead = torch.ones(5, 5, dtype=torch.bool).triu(diagonal=1)
    assert (attention_weights(q, k)[ahead] > 0).all()  # without the mask it looks ahead


def test_equal_keys_give_the_plain_average_of_the_values():
    q = torch.randn(3, 4, dtype=torch.float64)
    k = torch.ones(5, 4, dtype=torch.float64)
    v = torch.arange(10, dtype=torch.float64).reshape(5, 2)
    expected = v.mean(dim=0).expand(3, 2)
    assert torch.allclose(scaled_dot_product_attention(q, k, v), expected)


def test_scores_are_divided_by_the_square_root_of_the_dimension():
    q = torch.tensor([[1.0, 1.0, 1.0, 1.0]])
    k = torch.tensor([[1.0, 1.0, 1.0, 1.0], [0.0, 0.0, 0.0, 0.0]])
    # scores 4 / √4 = 2 and 0, so the weights are softmax([2, 0])
    expected = torch.softmax(torch.tensor([2.0, 0.0]), dim=0)
    assert torch.allclose(attention_weights(q, k)[0], expected)


def weights_of(seed: int, d_model: int) -> tuple[torch.Tensor, ...]:
    return tuple(
        random_tensors(seed, 3 * d_model, d_model, count=1)
        + random_tensors(seed + 1, 3 * d_model, count=1)
        + random_tensors(seed + 2, d_model, d_model, count=1)
        + random_tensors(seed + 3, d_model, count=1)
    )


@settings(max_examples=30, deadline=None)
@given(seed=st.integers(0, 2**31 - 1), n=st.integers(2, 8), data=st.data())
def test_without_positions_attention_only_permutes_its_outputs(seed, n, data):
    order = torch.tensor(data.draw(st.permutations(range(n))))
    (x,) = random_tensors(seed, 1, n, 6, count=1)
    weights = weights_of(seed, 6)
    out = multi_head_attention(x, *weights, num_heads=2)
    assert torch.allclose(multi_head_attention(x[:, order], *weights, num_heads=2), out[:, order])
    if not torch.equal(order, torch.arange(n)):  # a real shuffle: now order matters
        codes = sinusoidal_positions(n, 6)
        with_positions = multi_head_attention(x + codes, *weights, num_heads=2)
        shuffled = multi_head_attention(x[:, order] + codes, *weights, num_heads=2)
        assert not torch.allclose(shuffled, with_positions[:, order])


@pytest.mark.parametrize(("n", "d_model"), [(1, 2), (7, 4), (50, 16)])
def test_sinusoidal_positions_follow_the_formula(n, d_model):
    codes = sinusoidal_positions(n, d_model)
    assert codes.shape == (n, d_model)
    for pos in range(n):
        for i in range(d_model // 2):
            angle = pos / 10000 ** (2 * i / d_model)
            assert codes[pos, 2 * i].item() == pytest.approx(math.sin(angle), abs=1e-12)
            assert codes[pos, 2 * i + 1].item() == pytest.approx(math.cos(angle), abs=1e-12)
    # each position is a point on d/2 circles of radius 1, and no two positions share a code
    assert torch.allclose(
        codes.norm(dim=1), torch.full((n,), math.sqrt(d_model / 2), dtype=codes.dtype)
    )
    assert len({tuple(row) for row in codes.round(decimals=6).tolist()}) == n


def test_attention_cost_is_quadratic_in_length_and_projections_linear():
    small, large = attention_cost(1000, 64, 4), attention_cost(4000, 64, 4)
    assert small == {
        "scores": 4 * 1000 * 1000,
        "attention_flops": 4 * 1000 * 1000 * 64,
        "projection_flops": 8 * 1000 * 64 * 64,
    }
    assert large["scores"] == 16 * small["scores"]
    assert large["attention_flops"] == 16 * small["attention_flops"]
    assert large["projection_flops"] == 4 * small["projection_flops"]
    # attention overtakes the projections once n passes twice the width
    at = attention_cost(2 * 768, 768, 12)
    assert at["attention_flops"] == at["projection_flops"]
