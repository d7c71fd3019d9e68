"""Attention from matrix operations checked against PyTorch, position codes, and quadratic cost."""

# --8<-- [start:example]
import math

import torch
import torch.nn.functional as F
from torch import nn


def attention_weights(q: torch.Tensor, k: torch.Tensor, causal: bool = False) -> torch.Tensor:
    """softmax(q kᵀ / √d): row i says how much query i takes from each key. Time O(n² d)."""
    scores = q @ k.transpose(-2, -1) / math.sqrt(q.size(-1))
    if causal:  # a token may look at itself and the tokens before it, never after
        future = torch.ones(scores.shape[-2:], dtype=torch.bool).triu(diagonal=1)
        scores = scores.masked_fill(future, float("-inf"))
    return torch.softmax(scores, dim=-1)


def scaled_dot_product_attention(
    q: torch.Tensor, k: torch.Tensor, v: torch.Tensor, causal: bool = False
) -> torch.Tensor:
    """Each output is a weighted average of the values. Time O(n² d), space O(n²) per head."""
    return attention_weights(q, k, causal) @ v


def multi_head_attention(
    x: torch.Tensor,
    in_weight: torch.Tensor,
    in_bias: torch.Tensor,
    out_weight: torch.Tensor,
    out_bias: torch.Tensor,
    num_heads: int,
    causal: bool = False,
) -> torch.Tensor:
    """Self-attention of x (batch, n, d_model) with h heads of d_model / h dimensions each.

    in_weight stacks the query, key and value projections, as nn.MultiheadAttention stores them.
    Time O(n² d_model + n d_model²), space O(h n²).
    """
    batch, n, d_model = x.shape
    q, k, v = (x @ in_weight.T + in_bias).chunk(3, dim=-1)

    def split_heads(t: torch.Tensor) -> torch.Tensor:  # (batch, n, d_model) -> (batch, h, n, d)
        return t.reshape(batch, n, num_heads, d_model // num_heads).transpose(1, 2)

    heads = scaled_dot_product_attention(split_heads(q), split_heads(k), split_heads(v), causal)
    joined = heads.transpose(1, 2).reshape(batch, n, d_model)  # the heads side by side again
    return joined @ out_weight.T + out_bias


def sinusoidal_positions(n: int, d_model: int) -> torch.Tensor:
    """The transformer paper's position codes: sines and cosines whose frequency falls from
    the first column to the last. Time O(n d)."""
    position = torch.arange(n, dtype=torch.float64).unsqueeze(1)
    frequency = torch.exp(
        -math.log(10000.0) * torch.arange(0, d_model, 2, dtype=torch.float64) / d_model
    )
    codes = torch.zeros(n, d_model, dtype=torch.float64)
    codes[:, 0::2] = torch.sin(position * frequency)
    codes[:, 1::2] = torch.cos(position * frequency)
    return codes


def attention_cost(n: int, d_model: int, num_heads: int) -> dict[str, int]:
    """Work of one self-attention layer on n tokens; a multiply-add counts as 2 FLOPs. Time O(1)."""
    return {
        "scores": num_heads * n * n,  # one n × n matrix per head
        "attention_flops": 4 * n * n * d_model,  # q kᵀ, then weights @ v
        "projection_flops": 8 * n * d_model * d_model,  # query, key, value and output layers
    }


def main() -> None:
    torch.manual_seed(0)
    batch, n, d_model, num_heads = 2, 6, 12, 3

    q, k, v = (torch.randn(batch, num_heads, n, d_model // num_heads) for _ in range(3))
    for causal in (False, True):
        mine = scaled_dot_product_attention(q, k, v, causal)
        theirs = F.scaled_dot_product_attention(q, k, v, is_causal=causal)
        gap = (mine - theirs).abs().max().item()
        print(f"attention, causal={causal!s:5}: max |difference| from PyTorch: {gap:.4f}")

    print("causal attention weights of 4 tokens (row = query, column = key):")
    for row in attention_weights(q[0, 0, :4], k[0, 0, :4], causal=True):
        print("   " + " ".join(f"{weight:.2f}" for weight in row.tolist()))

    reference = nn.MultiheadAttention(d_model, num_heads, batch_first=True).eval()
    weights = (
        reference.in_proj_weight,
        reference.in_proj_bias,
        reference.out_proj.weight,
        reference.out_proj.bias,
    )
    x = torch.randn(batch, n, d_model)
    with torch.no_grad():
        for causal in (False, True):
            mask = nn.Transformer.generate_square_subsequent_mask(n) if causal else None
            theirs = reference(x, x, x, attn_mask=mask, need_weights=False)[0]
            mine = multi_head_attention(x, *weights, num_heads, causal)
            gap = (mine - theirs).abs().max().item()
            print(
                f"{num_heads} heads, causal={causal!s:5}: max |difference| from PyTorch: {gap:.4f}"
            )

        # Shuffle the tokens. Without positions, attention just shuffles its outputs the same
        # way: it sees a bag of tokens. Adding position codes makes order matter.
        order = torch.tensor([3, 0, 5, 1, 4, 2])
        positions = sinusoidal_positions(n, d_model).float()
        for name, codes in (("no positions", torch.zeros(n, d_model)), ("sinusoidal", positions)):
            shuffled_out = multi_head_attention(x[:, order] + codes, *weights, num_heads)
            out = multi_head_attention(x + codes, *weights, num_heads)
            same = torch.allclose(shuffled_out, out[:, order], atol=1e-5)
            print(f"{name:>12}: shuffled input gives the same outputs, shuffled: {same}")

    print("one layer, 768 wide with 12 heads, on one sequence of n tokens:")
    print("       n   attention scores   as float32     attention   projections")
    for tokens in (256, 1024, 4096, 16384):
        cost = attention_cost(tokens, d_model=768, num_heads=12)
        megabytes = cost["scores"] * 4 / 1e6
        attention, projections = cost["attention_flops"] / 1e9, cost["projection_flops"] / 1e9
        print(
            f"{tokens:>8,} {cost['scores']:>18,} {megabytes:>9,.0f} MB"
            f" {attention:>7.1f} GFLOP {projections:>7.1f} GFLOP"
        )


# --8<-- [end:example]


if __name__ == "__main__":
    main()
