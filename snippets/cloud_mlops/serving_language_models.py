"""Serving a language model: padding and batching, the KV cache and its memory, int8 weights."""

# --8<-- [start:example]
import copy
import math

import torch
from torch import nn
from torch.nn import functional as F

CORPUS = (
    "a model server batches requests, caches keys and values, and streams tokens back. "
    "the cache grows with every token, so memory, not arithmetic, limits the batch. "
    "smaller weights mean fewer bytes to read for every token the server writes. "
) * 3
VOCAB = sorted(set(CORPUS))
Cache = list[tuple[torch.Tensor, torch.Tensor]]  # one (keys, values) pair per layer


class Block(nn.Module):
    """One pre-norm decoder layer: causal self-attention, then a feed-forward network."""

    def __init__(self, d_model: int, n_heads: int) -> None:
        super().__init__()
        self.n_heads = n_heads
        self.norm1, self.norm2 = nn.LayerNorm(d_model), nn.LayerNorm(d_model)
        self.qkv = nn.Linear(d_model, 3 * d_model)
        self.out = nn.Linear(d_model, d_model)
        self.mlp = nn.Sequential(
            nn.Linear(d_model, 4 * d_model), nn.GELU(), nn.Linear(4 * d_model, d_model)
        )

    def forward(self, x: torch.Tensor, past: tuple | None) -> tuple[torch.Tensor, tuple, int]:
        batch, new, d_model = x.shape
        q, k, v = self.qkv(self.norm1(x)).split(d_model, dim=2)
        q, k, v = (t.view(batch, new, self.n_heads, -1).transpose(1, 2) for t in (q, k, v))
        if past is not None:  # the keys and values of earlier tokens, computed once
            k, v = torch.cat([past[0], k], dim=2), torch.cat([past[1], v], dim=2)
        scores = q @ k.transpose(2, 3) / math.sqrt(q.shape[-1])  # (batch, heads, new, total)
        total = k.shape[2]
        visible = torch.ones(new, total, dtype=torch.bool).tril(diagonal=total - new)
        attention = scores.masked_fill(~visible, float("-inf")).softmax(dim=-1)
        mixed = (attention @ v).transpose(1, 2).reshape(batch, new, d_model)
        x = x + self.out(mixed)
        return x + self.mlp(self.norm2(x)), (k, v), scores.numel()


class TinyDecoder(nn.Module):
    """A character-level GPT-style decoder, small enough to train in a second on a CPU."""

    def __init__(self, vocab: int, d_model: int = 32, n_heads: int = 2, n_layers: int = 2):
        super().__init__()
        self.embed, self.position = nn.Embedding(vocab, d_model), nn.Embedding(128, d_model)
        self.blocks = nn.ModuleList(Block(d_model, n_heads) for _ in range(n_layers))
        self.norm, self.lm_head = nn.LayerNorm(d_model), nn.Linear(d_model, vocab)

    def forward(self, tokens: torch.Tensor, cache: Cache | None = None):
        """Logits for each new token, the updated cache, and the attention scores computed."""
        start = cache[0][0].shape[2] if cache else 0  # positions continue after the cache
        x = self.embed(tokens) + self.position(torch.arange(start, start + tokens.shape[1]))
        new_cache, n_scores = [], 0
        for i, block in enumerate(self.blocks):
            x, kv, n = block(x, cache[i] if cache else None)
            new_cache.append(kv)
            n_scores += n
        return self.lm_head(self.norm(x)), new_cache, n_scores


@torch.no_grad()
def generate(model: TinyDecoder, prompt: list[int], n_new: int, use_cache: bool):
    """Greedy decoding. Without a cache every step re-reads the whole text: O(n²) scores
    per step; with one, each step attends from one new token: O(n) scores per step."""
    tokens, cache, n_scores = list(prompt), None, 0
    for _ in range(n_new):
        if use_cache:
            fresh = tokens if cache is None else tokens[-1:]  # the prompt once, then one token
            logits, cache, n = model(torch.tensor([fresh]), cache)
        else:
            logits, _, n = model(torch.tensor([tokens]))
        tokens.append(int(logits[0, -1].argmax()))
        n_scores += n
    return tokens, n_scores


def kv_cache_bytes(layers, kv_heads, head_dim, seq_len, batch, bytes_per_value) -> int:
    """Keys and values (the 2) for every layer, head, position and sequence of the batch."""
    return 2 * layers * kv_heads * head_dim * seq_len * batch * bytes_per_value


def padded_slots(lengths: list[int], batch_size: int) -> int:
    """Token slots a static batch computes: each batch is padded to its longest request."""
    batches = [lengths[i : i + batch_size] for i in range(0, len(lengths), batch_size)]
    return sum(len(b) * max(b) for b in batches)


def decode_steps(output_lengths: list[int], batch_size: int, continuous: bool) -> int:
    """Forward passes to write every output. Static: a batch runs until its longest output
    ends. Continuous: a finished request's slot goes to the next waiting one at once."""
    if not continuous:
        return sum(
            max(output_lengths[i : i + batch_size])
            for i in range(0, len(output_lengths), batch_size)
        )
    waiting, running, steps = list(output_lengths), [], 0
    while waiting or running:
        while waiting and len(running) < batch_size:
            running.append(waiting.pop(0))
        running = [left - 1 for left in running if left > 1]  # every slot writes one token
        steps += 1
    return steps


def quantise_int8(weight: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """Symmetric per-row int8: each output channel gets scale = max|w| / 127. Time O(weights)."""
    scale = weight.abs().amax(dim=1, keepdim=True) / 127
    scale = torch.where(scale > 0, scale, torch.ones_like(scale))  # an all-zero row
    return torch.round(weight / scale).clamp(-127, 127).to(torch.int8), scale


def dequantise(q: torch.Tensor, scale: torch.Tensor) -> torch.Tensor:
    return q.float() * scale


def train(model: TinyDecoder, data: torch.Tensor, steps: int, context: int) -> float:
    """Next-character prediction on random windows of the corpus; the last step's loss."""
    optimiser = torch.optim.AdamW(model.parameters(), lr=1e-2)
    for _ in range(steps):
        starts = torch.randint(0, len(data) - context - 1, (32,))
        X = torch.stack([data[s : s + context] for s in starts])
        y = torch.stack([data[s + 1 : s + context + 1] for s in starts])
        loss = F.cross_entropy(model(X)[0].flatten(0, 1), y.flatten())
        optimiser.zero_grad()
        loss.backward()
        optimiser.step()
    return loss.item()


def main() -> None:
    torch.manual_seed(0)
    torch.set_num_threads(1)
    torch.use_deterministic_algorithms(True)

    prompts = [12, 310, 25, 40, 18, 290, 33, 9]  # prompt lengths of 8 requests, in arrival order
    outputs = [20, 200, 15, 30, 25, 180, 10, 12]  # and how many tokens each one generates
    real, padded = sum(prompts), padded_slots(prompts, 4)
    print(f"1. Batches of 4: {real:,} prompt tokens fill {padded:,} padded slots")
    by_length = padded_slots(sorted(prompts), 4)
    print(f"   padding: {1 - real / padded:.0%}; {1 - real / by_length:.0%} if sorted by length")
    static, continuous = decode_steps(outputs, 4, False), decode_steps(outputs, 4, True)
    print(f"   forward passes to write {sum(outputs)} tokens: {static} with static batching,")
    print(
        f"   {continuous} with continuous batching (a finished request's slot is refilled at once)"
    )

    data = torch.tensor([VOCAB.index(c) for c in CORPUS])
    model = TinyDecoder(len(VOCAB))
    loss = train(model, data, steps=150, context=48)  # positions 0-47 are learned
    model.eval()
    prompt = [VOCAB.index(c) for c in "the cache "]
    plain, plain_scores = generate(model, prompt, 36, use_cache=False)
    cached, cached_scores = generate(model, prompt, 36, use_cache=True)
    print(f"2. Greedy text from a tiny decoder (training loss {loss:.2f}):")
    print(f"   {''.join(VOCAB[t] for t in cached)!r}")
    print(f"   same tokens with and without a KV cache: {plain == cached}")
    print(f"   attention scores computed: {plain_scores:,} without, {cached_scores:,} with")

    _, cache, _ = model(torch.tensor([prompt]))
    actual = sum(k.numel() * k.element_size() + v.numel() * v.element_size() for k, v in cache)
    formula = kv_cache_bytes(2, 2, 16, len(prompt), 1, 4)
    print(f"3. KV cache of {len(prompt)} tokens here: {actual:,} bytes; formula: {formula:,}")
    big = kv_cache_bytes(32, 32, 128, 4096, 1, 2)  # 32 layers, 32 heads of 128, 16-bit values
    print(f"   32 layers x 32 heads x 128, 4,096 tokens in fp16: {big / 2**30:.1f} GiB a sequence")
    print(f"   with 8 key/value heads shared by the 32 query heads: {big / 4 / 2**30:.1f} GiB")

    int8_model = copy.deepcopy(model)
    fp32_bytes = int8_bytes = 0
    for layer in [m for m in int8_model.modules() if isinstance(m, nn.Linear)]:
        q, scale = quantise_int8(layer.weight.data)
        layer.weight.data = dequantise(q, scale)  # stored as int8 + scales, computed in float
        fp32_bytes += layer.weight.numel() * 4
        int8_bytes += q.numel() * q.element_size() + scale.numel() * 4
    n = len(data) // 49  # the corpus cut into windows of 48 characters and their next ones
    X, y = data[: n * 49].view(n, 49)[:, :-1], data[: n * 49].view(n, 49)[:, 1:]
    with torch.no_grad():
        accuracy = [(m(X)[0].argmax(-1) == y).float().mean().item() for m in (model, int8_model)]
    int8_text, _ = generate(int8_model, prompt, 36, use_cache=True)
    print(f"4. Linear weights: {fp32_bytes:,} bytes in fp32, {int8_bytes:,} as int8 + scales")
    print(f"   next-character accuracy: fp32 {accuracy[0]:.3f}, int8 {accuracy[1]:.3f}")
    print(f"   int8 model writes the same 36 tokens: {int8_text == cached}")


# --8<-- [end:example]


if __name__ == "__main__":
    main()
