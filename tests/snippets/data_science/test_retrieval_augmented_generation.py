from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.metrics import ndcg_score

from snippets.data_science import retrieval_augmented_generation as rag
from snippets.data_science.retrieval_augmented_generation import (
    DOCS,
    Chunk,
    Retriever,
    build_prompt,
    chunk_fixed,
    chunk_paragraphs,
    evaluate,
    exact_match,
    extract_answer,
    holds_answer,
    normalise_answer,
    recall_at_k,
    rerank,
    stem,
    token_f1,
    word_windows,
)


def test_normalisation_drops_case_punctuation_and_articles():
    assert normalise_answer("The  Cat, sat!") == ["cat", "sat"]
    assert normalise_answer("An apple a day") == ["apple", "day"]
    assert normalise_answer("theatre banana") == ["theatre", "banana"]  # only whole words go


def test_exact_match():
    assert exact_match("The 30 days.", "30 days") == 1.0
    assert exact_match("30 DAYS", "30 days") == 1.0
    assert exact_match("thirty days", "30 days") == 0.0
    assert exact_match("within 30 days", "30 days") == 0.0


def test_token_f1_by_hand():
    assert token_f1("within 30 days", "30 days") == pytest.approx(0.8)  # p = 2/3, r = 1
    assert token_f1("30 days", "within 30 days") == pytest.approx(0.8)  # p = 1, r = 2/3
    assert token_f1("days days", "days") == pytest.approx(
        2 / 3
    )  # a repeat matches only as often as the gold has it
    assert token_f1("The answer.", "answer") == 1.0
    assert token_f1("two years", "five days") == 0.0


def test_token_f1_of_empty_answers():
    assert token_f1("", "") == 1.0
    assert token_f1("the", "") == 1.0  # nothing left after normalisation on either side
    assert token_f1("30 days", "") == 0.0
    assert token_f1("", "30 days") == 0.0


answers = st.lists(st.sampled_from(["a", "the", "bike", "30", "days", "Days,", "red"]), max_size=6)


@settings(max_examples=50, deadline=None)
@given(answers, answers)
def test_f1_is_symmetric_bounded_and_one_on_exact_match(a, b):
    prediction, gold = " ".join(a), " ".join(b)
    f1 = token_f1(prediction, gold)
    assert f1 == pytest.approx(token_f1(gold, prediction))
    assert 0.0 <= f1 <= 1.0
    if exact_match(prediction, gold):
        assert f1 == 1.0


def test_recall_at_k():
    ranked = [3, 0, 2, 1]
    assert recall_at_k(ranked, {3}, 1) == 1.0
    assert recall_at_k(ranked, {0, 2}, 2) == 0.5
    assert recall_at_k(ranked, {1, 2}, 10) == 1.0  # k past the end: everything retrieved
    assert recall_at_k(ranked, {3}, 0) == 0.0  # nothing retrieved yet
    assert recall_at_k(ranked, {7}, 4) == 0.0  # a relevant item the ranking lacks
    with pytest.raises(ValueError, match="relevant"):
        recall_at_k(ranked, set(), 2)


@settings(max_examples=50, deadline=None)
@given(st.integers(0, 120), st.integers(1, 30), st.data())
def test_word_windows_cover_every_word_with_the_stated_overlap(n_words, size, data):
    overlap = data.draw(st.integers(0, size - 1))
    windows = word_windows(n_words, size, overlap)
    if n_words == 0:
        assert windows == []
        return
    assert windows[0][0] == 0 and windows[-1][1] == n_words
    assert all(0 < end - start <= size for start, end in windows)
    for (_, end), (start, _) in zip(windows, windows[1:], strict=False):
        assert end - start == overlap  # neighbours share exactly `overlap` words
    # No gaps, and any run of up to overlap + 1 words is whole in some window.
    covered = set().union(*(range(start, end) for start, end in windows))
    assert covered == set(range(n_words))
    span = min(overlap + 1, n_words)
    for first in range(n_words - span + 1):
        assert any(start <= first and first + span <= end for start, end in windows)


def test_word_windows_refuse_an_overlap_as_large_as_the_window():
    with pytest.raises(ValueError):
        word_windows(10, 5, 5)
    with pytest.raises(ValueError):
        word_windows(10, 5, -1)


def test_fixed_chunks_rebuild_each_document():
    chunks = chunk_fixed(DOCS, size=7, overlap=2)
    for doc, text in DOCS.items():
        parts = [chunk.text.split() for chunk in chunks if chunk.doc == doc]
        rebuilt = parts[0] + [word for part in parts[1:] for word in part[2:]]
        assert rebuilt == text.split()
        assert [c.number for c in chunks if c.doc == doc] == list(range(len(parts)))


def test_paragraph_chunks_rebuild_each_document():
    chunks = chunk_paragraphs(DOCS)
    for doc, text in DOCS.items():
        assert "\n\n".join(c.text for c in chunks if c.doc == doc) == text
    assert len(chunks) == sum(text.count("\n\n") + 1 for text in DOCS.values())


def test_ndcg_is_the_roadmaps_own():
    assert Path(rag.ndcg.__code__.co_filename).name == "ndcg.py"


@settings(max_examples=50, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(2, 15), st.data())
def test_ndcg_agrees_with_scikit_learn(seed, n, data):
    rng = np.random.default_rng(seed)
    relevance = rng.integers(0, 4, size=n)
    ranked = rng.permutation(n).tolist()
    k = data.draw(st.integers(1, n))
    scores = -np.argsort(ranked)  # as evaluate() scores a ranking: first place highest
    expected = ndcg_score([relevance], [scores], k=k) if relevance.any() else 0.0
    assert rag.ndcg(relevance, scores, k) == pytest.approx(expected)


def test_minus_argsort_scores_the_ranking_in_order():
    ranked = [2, 0, 3, 1]
    scores = -np.argsort(ranked)
    assert np.argsort(-scores).tolist() == ranked
    assert rag.ndcg(np.array([1, 0, 3, 0]), scores, 2) == pytest.approx(1.0)
    assert rag.ndcg(np.array([0, 0, 3, 1]), scores, 2) < 1.0  # relevant chunk 3 comes third


def test_stem():
    assert stem("covered") == stem("covers") == stem("cover") == "cover"
    assert stem("opening") == "open"
    assert stem("bus") == "bus"  # too short to strip


def test_holds_answer_matches_whole_words_in_order():
    chunk = Chunk("shop", 0, "A service costs 160 euros.")
    assert holds_answer(chunk, "160 Euros")
    assert not holds_answer(chunk, "60 euros")
    assert not holds_answer(chunk, "euros 160")


def test_rerank_reorders_only_the_top_candidates():
    chunks = [
        Chunk("d", 0, "express"),
        Chunk("d", 1, "express delivery cost"),
        Chunk("d", 2, "nothing here"),
        Chunk("d", 3, "delivery cost of express"),
    ]
    question = "What does express delivery cost?"
    assert rerank(question, chunks, [0, 2, 1, 3], top=3) == [1, 0, 2, 3]
    assert rerank(question, chunks, [0, 3, 1, 2], top=4) == [3, 1, 0, 2]  # ties keep order
    assert rerank(question, chunks, [0, 1, 2, 3], top=1) == [0, 1, 2, 3]


def test_retriever_ranks_the_matching_chunk_first():
    chunks = chunk_paragraphs(DOCS)
    ranked = Retriever(chunks).search("What does express delivery cost?")
    assert sorted(ranked) == list(range(len(chunks)))
    assert "15 euros" in chunks[ranked[0]].text


def test_prompt_numbers_and_cites_every_source():
    chunks = [Chunk("returns", 0, "Return within 30 days."), Chunk("delivery", 2, "Next day.")]
    prompt = build_prompt("How long?", chunks)
    assert "[1] (returns, part 1) Return within 30 days." in prompt
    assert "[2] (delivery, part 3) Next day." in prompt
    assert "only the sources" in prompt and prompt.endswith("Question: How long?")


def test_extract_answer_picks_the_best_sentence_and_its_source():
    chunks = [
        Chunk("a", 0, "Bikes are fun. Shipping is free."),
        Chunk("b", 0, "Express delivery costs 15 euros. Returns are free."),
    ]
    assert extract_answer("What does express delivery cost?", chunks) == (
        "Express delivery costs 15 euros.",
        2,
    )
    assert extract_answer("Unrelated?", chunks) == ("Bikes are fun.", 1)  # ties: the first


def test_evaluate_on_the_bundled_questions():
    scores = evaluate(chunk_paragraphs(DOCS), rerank_top=0, k=2)
    assert list(scores) == ["recall@2", "NDCG@2", "exact match", "token F1"]
    assert scores["recall@2"] == 1.0  # every answer sits in one of the top two paragraphs
    assert all(0.0 <= value <= 1.0 for value in scores.values())
    fixed = evaluate(chunk_fixed(DOCS, size=20, overlap=5), rerank_top=0, k=2)
    reranked = evaluate(chunk_fixed(DOCS, size=20, overlap=5), rerank_top=4, k=2)
    assert reranked["NDCG@2"] > fixed["NDCG@2"]
