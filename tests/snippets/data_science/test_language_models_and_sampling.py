import math

import pytest
import torch
import torch.nn.functional as F
from hypothesis import given, settings
from hypothesis import strategies as st

from snippets.data_science.language_models_and_sampling import (
    HELD_OUT_TEXT,
    TRAINING_TEXT,
    generate,
    next_token_model,
    next_token_probabilities,
    perplexity,
    top_k_filter,
    top_p_filter,
    train,
    train_tokenizer,
)

seeds = st.integers(0, 2**31 - 1)


def random_logits(seed: int, size: int) -> torch.Tensor:
    generator = torch.Generator().manual_seed(seed)
    return torch.randn(size, generator=generator, dtype=torch.float64) * 3


@pytest.fixture(scope="module")
def tokenizer():
    return train_tokenizer(TRAINING_TEXT.splitlines(), vocab_size=150)


def test_tokenizer_covers_the_text_and_decodes_it_back(tokenizer):
    assert tokenizer.get_vocab_size() == 150
    for text in (" ".join(TRAINING_TEXT.splitlines()), HELD_OUT_TEXT):
        encoding = tokenizer.encode(text)
        assert "[UNK]" not in encoding.tokens
        assert tokenizer.decode(encoding.ids) == text


def test_frequent_words_become_one_token_and_new_words_split_into_pieces(tokenizer):
    assert tokenizer.encode("the customers").tokens == ["▁the", "▁customers"]
    pieces = tokenizer.encode("holiday").tokens
    assert len(pieces) > 1 and "".join(pieces) == "▁holiday"


def test_training_the_tokenizer_is_repeatable(tokenizer):
    again = train_tokenizer(TRAINING_TEXT.splitlines(), vocab_size=150)
    assert again.get_vocab() == tokenizer.get_vocab()


@settings(max_examples=50, deadline=None)
@given(seed=seeds, n=st.integers(1, 20), vocab=st.integers(2, 30))
def test_perplexity_is_exp_of_pytorch_cross_entropy(seed, n, vocab):
    generator = torch.Generator().manual_seed(seed)
    logits = torch.randn(n, vocab, generator=generator, dtype=torch.float64) * 2
    targets = torch.randint(vocab, (n,), generator=generator)
    assert perplexity(logits, targets) == pytest.approx(
        math.exp(F.cross_entropy(logits, targets).item()), rel=1e-9
    )


def test_perplexity_of_a_uniform_guess_is_the_vocabulary_size_and_of_a_sure_one_is_one():
    targets = torch.tensor([0, 3, 2, 4])
    assert perplexity(torch.zeros(4, 7), targets) == pytest.approx(7)
    certain = F.one_hot(targets, 7).double() * 100
    assert perplexity(certain, targets) == pytest.approx(1.0)


def test_training_lowers_perplexity_on_text_it_has_not_seen(tokenizer):
    torch.manual_seed(0)
    ids = torch.tensor(tokenizer.encode(" ".join(TRAINING_TEXT.splitlines())).ids)
    held_out = torch.tensor(tokenizer.encode(HELD_OUT_TEXT).ids)
    model = next_token_model(tokenizer.get_vocab_size())
    with torch.no_grad():
        before = perplexity(model(held_out[:-1]), held_out[1:])
    train(model, ids, steps=100)
    with torch.no_grad():
        after = perplexity(model(held_out[:-1]), held_out[1:])
        on_training = perplexity(model(ids[:-1]), ids[1:])
    assert after < before / 3
    assert after < tokenizer.get_vocab_size() / 5  # far better than a uniform guess
    assert on_training < after  # text it was trained on is easier still


@settings(max_examples=50, deadline=None)
@given(seed=seeds, size=st.integers(1, 40), k=st.integers(1, 50))
def test_top_k_keeps_exactly_the_k_most_likely(seed, size, k):
    logits = random_logits(seed, size)
    kept = torch.isfinite(top_k_filter(logits, k))
    assert int(kept.sum()) == min(k, size)
    if kept.sum() < size:  # every kept logit is at least as high as every dropped one
        assert logits[kept].min() >= logits[~kept].max()
    assert torch.equal(top_k_filter(logits, k)[kept], logits[kept])


def test_top_k_keeps_exactly_k_even_among_ties():
    assert int(torch.isfinite(top_k_filter(torch.zeros(6), 2)).sum()) == 2


@settings(max_examples=50, deadline=None)
@given(seed=seeds, size=st.integers(1, 40), p=st.floats(0.01, 0.99))
def test_top_p_keeps_the_smallest_most_likely_set_that_reaches_p(seed, size, p):
    logits = random_logits(seed, size)
    probs = torch.softmax(logits, dim=0)
    kept = torch.isfinite(top_p_filter(logits, p))
    mass = probs[kept].sum().item()
    assert mass >= p - 1e-9  # it reaches p ...
    assert mass - probs[kept].min().item() < p + 1e-9  # ... and one fewer token would not
    if kept.sum() < size:  # and it is made of the most likely tokens
        assert probs[kept].min() >= probs[~kept].max()


def test_top_p_on_a_known_distribution():
    logits = torch.tensor([0.5, 0.3, 0.15, 0.05]).log()
    assert torch.isfinite(top_p_filter(logits, 0.4)).tolist() == [True, False, False, False]
    assert torch.isfinite(top_p_filter(logits, 0.6)).tolist() == [True, True, False, False]
    assert torch.isfinite(top_p_filter(logits, 0.9)).tolist() == [True, True, True, False]


def test_top_p_stops_as_soon_as_the_mass_reaches_p():
    # four equally likely tokens: two of them hold exactly 0.5, so p = 0.5 needs two, not three
    assert int(torch.isfinite(top_p_filter(torch.zeros(4), 0.5)).sum()) == 2
    assert int(torch.isfinite(top_p_filter(torch.zeros(4), 0.51)).sum()) == 3


def test_filtered_probabilities_are_renormalised_over_the_kept_tokens():
    logits = torch.tensor([0.5, 0.3, 0.15, 0.05], dtype=torch.float64).log()
    nucleus = next_token_probabilities(logits, top_p=0.6)
    assert torch.allclose(nucleus, torch.tensor([0.625, 0.375, 0, 0], dtype=torch.float64))
    top_3 = next_token_probabilities(logits, top_k=3)
    assert torch.allclose(top_3, torch.tensor([0.5, 0.3, 0.15, 0], dtype=torch.float64) / 0.95)
    both = next_token_probabilities(logits, top_k=3, top_p=0.6)
    assert torch.allclose(both, nucleus)


@settings(max_examples=50, deadline=None)
@given(
    seed=seeds,
    size=st.integers(1, 40),
    temperature=st.floats(0.05, 5),
    top_k=st.none() | st.integers(1, 50),
    top_p=st.none() | st.floats(0.01, 1.0),
)
def test_probabilities_sum_to_one_and_only_on_kept_tokens(seed, size, temperature, top_k, top_p):
    logits = random_logits(seed, size)
    probs = next_token_probabilities(logits, temperature, top_k, top_p)
    assert probs.sum().item() == pytest.approx(1.0)
    assert (probs >= 0).all()
    assert probs[logits.argmax()] > 0  # the most likely token always survives the filters
    if top_k is not None:
        assert int((probs > 0).sum()) <= top_k


@settings(max_examples=50, deadline=None)
@given(seed=seeds, size=st.integers(2, 40))
def test_temperature_near_zero_tends_to_greedy_and_high_temperature_to_uniform(seed, size):
    logits = random_logits(seed, size)
    top_two = torch.topk(logits, 2).values
    if top_two[0] - top_two[1] > 0.01:  # a clear winner
        cold = next_token_probabilities(logits, temperature=1e-3)
        assert cold[logits.argmax()] > 0.99
    hot = next_token_probabilities(logits, temperature=1e4)
    assert torch.allclose(hot, torch.full_like(hot, 1 / size), atol=1e-3)
    plain = next_token_probabilities(logits)
    assert torch.allclose(plain, torch.softmax(logits, dim=0))


def test_invalid_settings_are_refused():
    logits = torch.zeros(3)
    with pytest.raises(ValueError, match="temperature"):
        next_token_probabilities(logits, temperature=0)
    with pytest.raises(ValueError, match="k must"):
        top_k_filter(logits, 0)
    for p in (0, 1.5):
        with pytest.raises(ValueError, match="p must"):
            top_p_filter(logits, p)


class Fixed(torch.nn.Module):
    """A model whose next-token logits are the same whatever the context."""

    def __init__(self, logits: list[float]):
        super().__init__()
        self.logits = torch.tensor(logits)

    def forward(self, ids: torch.Tensor) -> torch.Tensor:
        return self.logits.expand(len(ids), -1)


def test_greedy_generation_repeats_the_most_likely_token():
    assert generate(Fixed([0.0, 2.0, 1.0]), [0], 4) == [0, 1, 1, 1, 1]


def test_sampling_follows_the_filters_and_the_seed():
    model = Fixed([3.0, 2.9, 2.8, -5.0])
    draws = generate(model, [0], 300, torch.Generator().manual_seed(0), top_k=2)[1:]
    assert set(draws) == {0, 1}  # top-k 2 never picks tokens 2 or 3
    again = generate(model, [0], 300, torch.Generator().manual_seed(0), top_k=2)[1:]
    assert draws == again
    wide = generate(model, [0], 300, torch.Generator().manual_seed(0), temperature=1.0)[1:]
    assert {0, 1, 2} <= set(wide)  # without a filter, the third token comes up too
