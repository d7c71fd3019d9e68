import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st
from torch.nn import functional as F

from snippets.cloud_mlops.serving_language_models import (
    CORPUS,
    VOCAB,
    Block,
    TinyDecoder,
    decode_steps,
    dequantise,
    generate,
    kv_cache_bytes,
    padded_slots,
    quantise_int8,
    train,
)


def random_decoder(seed: int, vocab: int = 11, d_model: int = 16, n_heads: int = 2, layers=2):
    torch.manual_seed(seed)
    return TinyDecoder(vocab, d_model, n_heads, layers).double().eval()


@settings(max_examples=30, deadline=None)
@given(
    seed=st.integers(0, 2**31 - 1),
    prompt_length=st.integers(1, 12),
    n_new=st.integers(1, 15),
    n_heads=st.sampled_from([1, 2, 4]),
    layers=st.integers(1, 3),
)
def test_cached_and_uncached_generation_agree(seed, prompt_length, n_new, n_heads, layers):
    model = random_decoder(seed, n_heads=n_heads, layers=layers)
    generator = torch.Generator().manual_seed(seed)
    prompt = torch.randint(0, 11, (prompt_length,), generator=generator).tolist()
    plain, plain_scores = generate(model, prompt, n_new, use_cache=False)
    cached, cached_scores = generate(model, prompt, n_new, use_cache=True)
    assert plain == cached
    assert len(cached) == prompt_length + n_new and cached[:prompt_length] == prompt
    # Without a cache, step t scores a full t x t matrix; with one, the prompt's square once,
    # then one row of t keys per step: per layer and head.
    lengths = range(prompt_length, prompt_length + n_new)
    assert plain_scores == layers * n_heads * sum(t * t for t in lengths)
    assert cached_scores == layers * n_heads * (prompt_length**2 + sum(lengths[1:]))
    if n_new > 2:
        assert cached_scores < plain_scores


def test_cached_logits_match_the_full_forward_pass():
    model = random_decoder(3)
    tokens = torch.tensor([[1, 4, 2, 8, 5, 7, 0, 3]])
    full, _, _ = model(tokens)
    _, cache, _ = model(tokens[:, :5])
    step, cache, _ = model(tokens[:, 5:6], cache)
    assert torch.allclose(step[0, 0], full[0, 5])
    rest, cache, _ = model(tokens[:, 6:], cache)  # several new tokens at once
    assert torch.allclose(rest[0], full[0, 6:])
    assert all(k.shape == (1, 2, 8, 8) and v.shape == (1, 2, 8, 8) for k, v in cache)


def test_attention_is_causal():
    model = random_decoder(4)
    a, _, _ = model(torch.tensor([[1, 2, 3, 4, 5]]))
    b, _, _ = model(torch.tensor([[1, 2, 3, 9, 10]]))
    assert torch.allclose(a[0, :3], b[0, :3])  # later tokens never change earlier outputs
    assert not torch.allclose(a[0, 3], b[0, 3])


def test_one_block_counts_the_scores_it_computes():
    torch.manual_seed(0)
    block = Block(d_model=8, n_heads=4).double()
    x = torch.randn(3, 5, 8, dtype=torch.float64)
    out, (k, v), n = block(x, None)
    assert out.shape == x.shape and k.shape == v.shape == (3, 4, 5, 2)
    assert n == 3 * 4 * 5 * 5


def test_memory_formula_on_known_cases():
    # One layer, one head of 1 dimension, one token: a key and a value of 2 bytes each.
    assert kv_cache_bytes(1, 1, 1, 1, 1, 2) == 4
    # 32 layers x 32 heads x 128 dims, 4,096 tokens, fp16: 0.5 MiB a token, 2 GiB a sequence.
    assert kv_cache_bytes(32, 32, 128, 1, 1, 2) == 512 * 1024
    assert kv_cache_bytes(32, 32, 128, 4096, 1, 2) == 2 * 2**30
    assert kv_cache_bytes(32, 8, 128, 4096, 4, 2) == 2 * 2**30  # 4x fewer heads, 4x the batch


@settings(max_examples=20, deadline=None)
@given(
    seed=st.integers(0, 2**31 - 1),
    n_heads=st.sampled_from([1, 2, 4]),
    layers=st.integers(1, 3),
    length=st.integers(1, 20),
)
def test_memory_formula_matches_the_real_cache(seed, n_heads, layers, length):
    model = random_decoder(seed, n_heads=n_heads, layers=layers)
    _, cache, _ = model(torch.zeros(1, length, dtype=torch.long))
    actual = sum(k.numel() * k.element_size() + v.numel() * v.element_size() for k, v in cache)
    assert actual == kv_cache_bytes(layers, n_heads, 16 // n_heads, length, 1, 8)  # float64


def test_padding_counts():
    assert padded_slots([3, 3, 3, 3], 2) == 12  # equal lengths: no padding
    assert padded_slots([1, 10], 2) == 20
    assert padded_slots([1, 10], 1) == 11  # a batch of one never pads
    assert padded_slots([5, 1, 1, 5], 2) == 20
    assert padded_slots(sorted([5, 1, 1, 5]), 2) == 12
    assert padded_slots([], 4) == 0


@given(st.lists(st.integers(1, 50), max_size=20), st.integers(1, 6))
def test_padding_never_below_the_real_tokens(lengths, batch_size):
    assert padded_slots(lengths, batch_size) >= sum(lengths)
    assert padded_slots(lengths, 1) == sum(lengths)


@given(st.integers(1, 5), st.integers(0, 4), st.data())
def test_sorting_full_batches_by_length_never_pads_more(batch_size, n_batches, data):
    lengths = data.draw(
        st.lists(
            st.integers(1, 50), min_size=batch_size * n_batches, max_size=batch_size * n_batches
        )
    )
    assert padded_slots(sorted(lengths), batch_size) <= padded_slots(lengths, batch_size)


def test_sorting_can_pad_more_when_the_last_batch_is_short():
    # Sorted, the short request fills a batch with a long one and the other long one runs
    # alone; in arrival order the two long ones share a batch.
    assert padded_slots([2, 2, 1], 2) == 4 + 1
    assert padded_slots(sorted([2, 2, 1]), 2) == 4 + 2


def test_decode_steps_by_hand():
    assert decode_steps([3, 1, 1, 1], 2, continuous=False) == 3 + 1
    # Continuous: slots hold 3 and 1; step 1 ends the 1, the next 1 joins, and so on.
    assert decode_steps([3, 1, 1, 1], 2, continuous=True) == 3
    assert decode_steps([5], 4, continuous=True) == decode_steps([5], 4, continuous=False) == 5
    assert decode_steps([], 4, continuous=True) == 0


@given(st.lists(st.integers(1, 30), min_size=1, max_size=20), st.integers(1, 6))
def test_continuous_batching_bounds(outputs, batch_size):
    continuous = decode_steps(outputs, batch_size, continuous=True)
    static = decode_steps(outputs, batch_size, continuous=False)
    assert continuous <= static
    assert continuous >= max(max(outputs), -(-sum(outputs) // batch_size))
    assert decode_steps(outputs, 1, continuous=True) == sum(outputs)


@settings(max_examples=50, deadline=None)
@given(
    seed=st.integers(0, 2**31 - 1),
    rows=st.integers(1, 8),
    cols=st.integers(1, 16),
    spread=st.floats(1e-3, 1e3),
)
def test_quantisation_error_is_at_most_half_a_step(seed, rows, cols, spread):
    generator = torch.Generator().manual_seed(seed)
    weight = torch.randn(rows, cols, generator=generator) * spread
    q, scale = quantise_int8(weight)
    assert q.dtype == torch.int8 and scale.shape == (rows, 1)
    assert q.abs().max() <= 127
    assert torch.equal(q.abs().amax(dim=1), torch.full((rows,), 127, dtype=torch.int8))
    error = (dequantise(q, scale) - weight).abs()
    assert torch.all(error <= scale / 2 * (1 + 1e-5))


def test_quantisation_edge_cases():
    q, scale = quantise_int8(torch.tensor([[0.0, 0.0], [-2.54, 1.27]]))
    assert torch.equal(q, torch.tensor([[0, 0], [-127, 64]], dtype=torch.int8))
    assert torch.equal(dequantise(q, scale)[0], torch.zeros(2))  # an all-zero row stays zero
    assert scale[1].item() == pytest.approx(0.02)


def test_training_lowers_the_next_character_loss():
    torch.manual_seed(0)
    data = torch.tensor([VOCAB.index(c) for c in CORPUS])
    model = TinyDecoder(len(VOCAB))
    X, y = data[:32].unsqueeze(0), data[1:33].unsqueeze(0)
    with torch.no_grad():
        before = F.cross_entropy(model(X)[0][0], y[0]).item()
    last = train(model, data, steps=40, context=16)
    with torch.no_grad():
        after = F.cross_entropy(model(X)[0][0], y[0]).item()
    assert after < 0.8 * before and last < before
