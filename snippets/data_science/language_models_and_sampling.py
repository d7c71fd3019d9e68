"""A language model in miniature: a BPE tokenizer, next-token training, perplexity and sampling."""

# --8<-- [start:example]
import math

import torch
from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
from torch import nn

TRAINING_TEXT = """\
The baker opens the shop at six in the morning. She lights the oven, weighs the flour and mixes \
the dough for the first loaves of bread. While the dough rises, she bakes the rolls and the small \
cakes that the early customers like to buy.
The first customers come in at seven. Most of them buy a loaf of bread and a coffee, and some buy \
a cake for later. The baker knows what the regular customers want, so she often has their bread \
ready before they ask.
At eight the shop is busy. The baker sells bread, rolls and cakes, and her helper makes the \
coffee. When the shelves start to look empty, the helper brings more loaves from the oven at the \
back of the shop.
In the afternoon the shop is quiet. The baker cleans the oven, counts the money and writes down \
how many loaves, rolls and cakes she sold. She uses these numbers to decide how much dough to mix \
for the next morning.
On rainy days fewer customers come, and the baker bakes less bread. On sunny days the shop is \
busy from morning to evening, and she mixes more dough so that the shelves are never empty.
The helper comes to the shop at seven. He makes the coffee, sells the rolls and cleans the \
shelves. When the baker is busy at the oven, the helper sells the bread and the cakes.
On Saturday the shop opens at eight and the customers buy more cakes than on other days. The \
baker bakes the cakes in the morning, and the helper sells them until the shelves are empty."""

HELD_OUT_TEXT = """\
On Sunday the helper opens the shop at seven. He lights the oven, mixes the dough and bakes the \
bread, and the first customers buy their loaves and a coffee."""


def train_tokenizer(lines: list[str], vocab_size: int) -> Tokenizer:
    """Byte-pair encoding: start from characters, merge the most frequent pair until the
    vocabulary is full. ▁ marks a token that starts a word. Time O(merges · text length)."""
    tokenizer = Tokenizer(models.BPE(unk_token="[UNK]"))
    tokenizer.pre_tokenizer = pre_tokenizers.Sequence(
        [pre_tokenizers.Metaspace(), pre_tokenizers.Punctuation()]
    )
    tokenizer.decoder = decoders.Metaspace()
    trainer = trainers.BpeTrainer(
        vocab_size=vocab_size, special_tokens=["[UNK]"], show_progress=False
    )
    tokenizer.train_from_iterator(lines, trainer=trainer)
    return tokenizer


def next_token_model(vocab_size: int, width: int = 16) -> nn.Module:
    """Logits for the next token given only the current one: a bigram model with embeddings.
    A real language model sees the whole context through stacked attention layers."""
    return nn.Sequential(nn.Embedding(vocab_size, width), nn.Linear(width, vocab_size))


def perplexity(logits: torch.Tensor, targets: torch.Tensor) -> float:
    """exp(mean negative log-probability of each true next token). Time O(n · vocabulary)."""
    log_probs = torch.log_softmax(logits, dim=-1)
    nll = -log_probs[torch.arange(len(targets)), targets].mean()
    return math.exp(nll.item())


def train(model: nn.Module, ids: torch.Tensor, steps: int) -> None:
    """Teach the model to predict ids[t + 1] from ids[t]. Time O(steps · n · vocabulary)."""
    optimiser = torch.optim.AdamW(model.parameters(), lr=0.05, weight_decay=1.0)
    for _ in range(steps):
        loss = nn.functional.cross_entropy(model(ids[:-1]), ids[1:])
        optimiser.zero_grad()
        loss.backward()
        optimiser.step()


def top_k_filter(logits: torch.Tensor, k: int) -> torch.Tensor:
    """Keep the k highest logits, set the rest to -inf. Time O(V log k)."""
    if k < 1:
        raise ValueError("k must be at least 1")
    kept = torch.topk(logits, min(k, len(logits))).indices
    filtered = torch.full_like(logits, float("-inf"))
    filtered[kept] = logits[kept]
    return filtered


def top_p_filter(logits: torch.Tensor, p: float) -> torch.Tensor:
    """Nucleus filter: keep the smallest set of most likely tokens whose probabilities add up
    to at least p, set the rest to -inf. Time O(V log V)."""
    if not 0 < p <= 1:
        raise ValueError("p must be in (0, 1]")
    probs, order = torch.sort(torch.softmax(logits, dim=-1), descending=True, stable=True)
    mass_before = torch.cumsum(probs, dim=-1) - probs  # what the more likely tokens already hold
    keep = torch.zeros(len(logits), dtype=torch.bool)
    keep[order] = mass_before < p
    return logits.masked_fill(~keep, float("-inf"))


def next_token_probabilities(
    logits: torch.Tensor,
    temperature: float = 1.0,
    top_k: int | None = None,
    top_p: float | None = None,
) -> torch.Tensor:
    """Temperature first (below 1 sharpens, above 1 flattens), then the filters. Time O(V log V)."""
    if temperature <= 0:
        raise ValueError("temperature must be positive; pick the argmax for greedy decoding")
    logits = logits / temperature
    if top_k is not None:
        logits = top_k_filter(logits, top_k)
    if top_p is not None:
        logits = top_p_filter(logits, top_p)
    return torch.softmax(logits, dim=-1)


def generate(
    model: nn.Module,
    prompt: list[int],
    new_tokens: int,
    generator: torch.Generator | None = None,
    **sampling: float,
) -> list[int]:
    """Append one token at a time: the most likely one without a generator (greedy), else a
    draw from next_token_probabilities. Time O(new_tokens · model cost)."""
    ids = list(prompt)
    with torch.no_grad():
        for _ in range(new_tokens):
            logits = model(torch.tensor(ids))[-1]
            if generator is None:
                ids.append(int(logits.argmax()))
            else:
                probs = next_token_probabilities(logits, **sampling)
                ids.append(int(torch.multinomial(probs, 1, generator=generator)))
    return ids


def main() -> None:
    torch.manual_seed(0)
    torch.set_num_threads(1)  # tiny tensors: one thread is faster, and runs repeat exactly

    paragraphs = TRAINING_TEXT.splitlines()
    tokenizer = train_tokenizer(paragraphs, vocab_size=150)
    vocab_size = tokenizer.get_vocab_size()
    text = "The bakers mixed more dough for the busy holiday."
    tokens = tokenizer.encode(text).tokens
    print(f"BPE vocabulary: {vocab_size} tokens")
    print(f"{len(text.split())} words -> {len(tokens)} tokens: {' '.join(tokens)}")

    ids = torch.tensor(tokenizer.encode(" ".join(paragraphs)).ids)
    held_out = torch.tensor(tokenizer.encode(HELD_OUT_TEXT).ids)
    model = next_token_model(vocab_size)
    train(model, ids, steps=150)
    model.eval()
    with torch.no_grad():
        for name, tokens in (("training", ids), ("held-out", held_out)):
            print(f"{name} perplexity: {perplexity(model(tokens[:-1]), tokens[1:]):.1f}")
    print(f"a uniform guess over the vocabulary: perplexity {vocab_size}")

    with torch.no_grad():  # the model's next-token logits after a word (▁ starts a word)
        after = {
            w: model(torch.tensor([tokenizer.token_to_id("▁" + w)]))[0] for w in ("the", "coffee")
        }
    top = torch.topk(after["the"], 4).indices.tolist()
    print('P(next token | "the")' + "".join(f"{tokenizer.id_to_token(i):>10}" for i in top))
    for temperature in (0.5, 1.0, 2.0):
        probs = next_token_probabilities(after["the"], temperature)
        print(f"{f'  temperature {temperature}':<21}" + "".join(f"{probs[i]:>10.2f}" for i in top))
    for word, logits in after.items():  # top-k always keeps k; the nucleus shrinks when sure
        k_kept = int((next_token_probabilities(logits, top_k=5) > 0).sum())
        p_kept = int((next_token_probabilities(logits, top_p=0.9) > 0).sum())
        print(f'after "{word}": top-k 5 keeps {k_kept} tokens, top-p 0.9 keeps {p_kept}')

    prompt = tokenizer.encode("The helper").ids
    strategies = {
        "greedy": {},
        "temperature 1.0": {"temperature": 1.0},
        "top-k 5": {"top_k": 5},
        "top-p 0.9": {"top_p": 0.9},
    }
    generator = torch.Generator().manual_seed(0)
    for name, sampling in strategies.items():
        text = tokenizer.decode(
            generate(model, prompt, 20, None if name == "greedy" else generator, **sampling)
        )
        print(f"{name:>15}: {text}")


# --8<-- [end:example]


if __name__ == "__main__":
    main()
