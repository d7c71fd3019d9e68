import copy

import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st
from peft import LoraConfig, get_peft_model
from torch import nn

from snippets.data_science.fine_tuning_with_lora import (
    HIDDEN,
    LENGTH,
    VOCAB,
    TinyClassifier,
    add_lora,
    count_trainable,
    expected_lora_count,
    lora_layers,
    merged_by_hand,
    train,
)


def tokens(seed: int, n: int = 6) -> torch.Tensor:
    generator = torch.Generator().manual_seed(seed)
    return torch.randint(0, VOCAB, (n, LENGTH), generator=generator)


@settings(max_examples=25, deadline=None)
@given(
    seed=st.integers(0, 2**31 - 1),
    d_in=st.integers(1, 12),
    d_hidden=st.integers(1, 12),
    d_out=st.integers(1, 12),
    r=st.integers(1, 6),
    alpha=st.integers(1, 32),
)
def test_merge_by_hand_agrees_with_peft(seed, d_in, d_hidden, d_out, r, alpha):
    torch.manual_seed(seed)
    model = nn.Sequential(nn.Linear(d_in, d_hidden), nn.Tanh(), nn.Linear(d_hidden, d_out))
    config = LoraConfig(r=r, lora_alpha=alpha, target_modules=["0", "2"], lora_dropout=0.0)
    peft_model = get_peft_model(model, config)
    layers = lora_layers(peft_model)
    assert len(layers) == 2
    with torch.no_grad():
        for layer in layers:  # B starts at zero; give it values so the update is not trivial
            layer.lora_B["default"].weight.normal_()
            assert layer.scaling["default"] == pytest.approx(alpha / r)
    by_hand = [merged_by_hand(layer).detach() for layer in layers]
    merged = copy.deepcopy(peft_model).merge_and_unload()
    assert isinstance(merged[0], nn.Linear) and isinstance(merged[2], nn.Linear)
    for module, weight in zip((merged[0], merged[2]), by_hand, strict=True):
        assert torch.allclose(module.weight, weight, atol=1e-5)
    x = torch.randn(5, d_in)
    with torch.no_grad():
        assert torch.allclose(merged(x), peft_model(x), atol=1e-5)


def test_merge_by_hand_changes_the_weight_once_b_is_not_zero():
    torch.manual_seed(0)
    peft_model = get_peft_model(
        nn.Sequential(nn.Linear(3, 4)), LoraConfig(r=2, lora_alpha=6, target_modules=["0"])
    )
    (layer,) = lora_layers(peft_model)
    assert torch.equal(merged_by_hand(layer), layer.base_layer.weight)
    with torch.no_grad():
        layer.lora_B["default"].weight.fill_(1.0)
    A = layer.lora_A["default"].weight
    expected = layer.base_layer.weight + 3.0 * torch.ones(4, 2) @ A
    assert torch.allclose(merged_by_hand(layer), expected)
    assert not torch.allclose(merged_by_hand(layer), layer.base_layer.weight)


@settings(max_examples=10, deadline=None)
@given(
    r=st.integers(1, 8),
    targets=st.sampled_from([["query"], ["query", "value"], ["query", "key", "value", "dense"]]),
)
def test_trainable_count_is_r_times_d_in_plus_d_out_per_adapted_layer(r, targets):
    torch.manual_seed(0)
    model = add_lora(TinyClassifier(n_outputs=2), r=r, alpha=2 * r, targets=targets)
    # Per encoder layer: query, key, value and the attention output are 32 -> 32; "dense" also
    # matches the feed-forward layers, 32 -> 64 and 64 -> 32.
    per_layer = {"query": [(32, 32)], "key": [(32, 32)], "value": [(32, 32)]}
    per_layer["dense"] = [(32, 32), (32, 64), (64, 32)]
    shapes = [shape for target in targets for shape in per_layer[target]] * 2  # 2 layers
    formula = sum(r * (d_in + d_out) for d_in, d_out in shapes)
    assert len(lora_layers(model)) == len(shapes)
    assert expected_lora_count(model, r) == formula
    head = HIDDEN * 2 + 2
    assert count_trainable(model) == formula + head
    lora_weights = sum(p.numel() for n, p in model.named_parameters() if "lora_" in n)
    assert lora_weights == formula


def test_lora_at_initialisation_leaves_the_outputs_unchanged():
    torch.manual_seed(1)
    model = TinyClassifier(n_outputs=3)
    X = tokens(1)
    with torch.no_grad():
        before = model(X)
        lora = add_lora(copy.deepcopy(model), r=4, alpha=8, targets=["query", "value"])
        after = lora(X)
    assert all(not layer.lora_B["default"].weight.any() for layer in lora_layers(lora))
    assert torch.allclose(before, after)


def test_lora_training_moves_only_the_adapters_and_the_head():
    torch.manual_seed(2)
    X = tokens(2, n=64)
    y = (X == 3).any(dim=1).long()
    lora = add_lora(TinyClassifier(n_outputs=2), r=2, alpha=4, targets=["query", "value"])
    frozen = {n: p.detach().clone() for n, p in lora.named_parameters() if not p.requires_grad}
    trainable = {n: p.detach().clone() for n, p in lora.named_parameters() if p.requires_grad}
    losses = train(lora, X, y, steps=30, lr=1e-2, loss_fn=nn.CrossEntropyLoss())
    assert len(losses) == 30
    assert sum(losses[-5:]) / 5 < losses[0]
    params = dict(lora.named_parameters())
    assert all(torch.equal(params[n], value) for n, value in frozen.items())
    changed = [n for n, value in trainable.items() if not torch.equal(params[n], value)]
    assert any("lora_B" in n for n in changed) and any("head" in n for n in changed)


def test_a_model_without_adapters_has_no_lora_layers():
    model = TinyClassifier(n_outputs=2)
    assert lora_layers(model) == []
    assert expected_lora_count(model, r=4) == 0
    assert count_trainable(model) == sum(p.numel() for p in model.parameters())
    with torch.no_grad():
        assert model(tokens(0)).shape == (6, 2)
