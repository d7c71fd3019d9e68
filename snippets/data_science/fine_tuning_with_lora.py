"""LoRA with peft on a tiny BERT built from a configuration: parameters, training and merging."""

# --8<-- [start:example]
import copy

import torch
from peft import LoraConfig, PeftModel, get_peft_model
from torch import nn
from transformers import BertConfig, BertModel

VOCAB, LENGTH, HIDDEN = 16, 8, 32


class TinyClassifier(nn.Module):
    """A 2-layer BERT encoder and a linear head reading the first token's vector."""

    def __init__(self, n_outputs: int) -> None:
        super().__init__()
        config = BertConfig(  # random weights from a configuration: nothing is downloaded
            vocab_size=VOCAB,
            hidden_size=HIDDEN,
            num_hidden_layers=2,
            num_attention_heads=2,
            intermediate_size=2 * HIDDEN,
            max_position_embeddings=LENGTH,
            hidden_dropout_prob=0.0,
            attention_probs_dropout_prob=0.0,
        )
        self.encoder = BertModel(config, add_pooling_layer=False)
        self.head = nn.Linear(HIDDEN, n_outputs)

    def forward(self, input_ids: torch.Tensor) -> torch.Tensor:
        return self.head(self.encoder(input_ids=input_ids).last_hidden_state[:, 0])


def add_lora(model: nn.Module, r: int, alpha: int, targets: list[str]) -> PeftModel:
    """Freeze the model, add rank-r adapters to the named nn.Linear layers, train the head too."""
    config = LoraConfig(
        r=r, lora_alpha=alpha, target_modules=targets, lora_dropout=0.0, modules_to_save=["head"]
    )
    return get_peft_model(model, config)


def count_trainable(model: nn.Module) -> int:
    return sum(p.numel() for p in model.parameters() if p.requires_grad)


def lora_layers(model: nn.Module) -> list[nn.Module]:
    """The layers peft wrapped: each keeps its frozen base_layer and adds lora_A and lora_B."""
    return [m for m in model.modules() if hasattr(m, "lora_A") and "default" in m.lora_A]


def expected_lora_count(model: nn.Module, r: int) -> int:
    """A is r x d_in and B is d_out x r: r·(d_in + d_out) weights per adapted layer."""
    return sum(r * (m.in_features + m.out_features) for m in lora_layers(model))


def merged_by_hand(layer: nn.Module) -> torch.Tensor:
    """The weight after merging: W + (alpha / r) · B @ A. Time O(d_out · r · d_in)."""
    A, B = layer.lora_A["default"].weight, layer.lora_B["default"].weight
    return layer.base_layer.weight + layer.scaling["default"] * B @ A


def train(
    model: nn.Module, X: torch.Tensor, y: torch.Tensor, steps: int, lr: float, loss_fn: nn.Module
) -> list[float]:
    """AdamW on the trainable parameters only, batches of 32 in turn; the loss of each step."""
    optimiser = torch.optim.AdamW([p for p in model.parameters() if p.requires_grad], lr=lr)
    losses = []
    for step in range(steps):
        batch = torch.arange(step * 32, step * 32 + 32) % len(X)
        loss = loss_fn(model(X[batch]), y[batch])
        optimiser.zero_grad()
        loss.backward()
        optimiser.step()
        losses.append(loss.item())
    return losses


def main() -> None:
    torch.manual_seed(0)
    torch.set_num_threads(1)
    torch.use_deterministic_algorithms(True)
    X = torch.randint(2, VOCAB, (2048, LENGTH))  # sequences of tokens 2..15 ...
    X[:, 0] = 1  # ... after a first token whose vector the head reads (like BERT's [CLS])
    present = torch.stack([X.eq(token).any(dim=1) for token in range(VOCAB)], dim=1)

    # "Pretraining": learn which tokens each sequence contains, a general skill.
    base = TinyClassifier(n_outputs=VOCAB)
    losses = train(base, X[:1024], present[:1024].float(), 150, 3e-3, nn.BCEWithLogitsLoss())
    print(f"pretraining loss: {losses[0]:.3f} -> {sum(losses[-10:]) / 10:.3f}")

    # The new task: does exactly one of tokens 3 and 5 appear? A fresh 2-class head.
    y = (present[:, 3] ^ present[:, 5]).long()
    X_train, y_train, X_test, y_test = X[1024:], y[1024:], X[:1024], y[:1024]
    base.head = nn.Linear(HIDDEN, 2)
    total = sum(p.numel() for p in base.parameters())

    head_only = copy.deepcopy(base)
    head_only.encoder.requires_grad_(False)  # a linear probe: only the new head learns
    lora = add_lora(copy.deepcopy(base), r=4, alpha=8, targets=["query", "value"])
    frozen_before = lora_layers(lora)[0].base_layer.weight.detach().clone()
    full = copy.deepcopy(base)
    runs = [("new head only", head_only, 1e-2), ("LoRA r=4 + head", lora, 1e-2)]
    runs.append(("full fine-tuning", full, 3e-3))  # a gentler rate when every weight moves
    print("new task, 150 steps  trainable   share   training loss   test accuracy")
    for name, model, lr in runs:
        losses = train(model, X_train, y_train, 150, lr, nn.CrossEntropyLoss())
        with torch.no_grad():
            accuracy = (model(X_test).argmax(dim=1) == y_test).float().mean().item()
        trainable = count_trainable(model)
        share = trainable / total
        loss = f"{losses[0]:.3f} -> {sum(losses[-10:]) / 10:.3f}"  # first step, last ten
        print(f"{name:<19}{trainable:>10,}{share:>8.1%}{loss:>16}{accuracy:>16.2f}")

    layers = lora_layers(lora)
    n_lora = expected_lora_count(lora, r=4)
    n_head = count_trainable(lora) - n_lora
    print(f"LoRA: {len(layers)} layers x r·(d_in + d_out) = {n_lora:,}, + {n_head} in the head")
    unchanged = torch.equal(frozen_before, layers[0].base_layer.weight)
    print(f"frozen pretrained weights unchanged by LoRA training: {unchanged}")

    by_hand = {
        name: merged_by_hand(m) for name, m in lora.base_model.model.named_modules() if m in layers
    }
    merged = copy.deepcopy(lora).merge_and_unload()  # plain nn.Linear layers again
    gap = max((merged.get_submodule(n).weight - w).abs().max().item() for n, w in by_hand.items())
    print(f"merge_and_unload vs W + (alpha/r)·B·A by hand: max |difference| = {gap:.6f}")
    with torch.no_grad():
        same = torch.allclose(merged(X_test), lora(X_test), atol=1e-5)
    print(f"merged model gives the adapted model's outputs: {same}")


# --8<-- [end:example]


if __name__ == "__main__":
    main()
