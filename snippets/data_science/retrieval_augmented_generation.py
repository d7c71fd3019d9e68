"""A retrieval-augmented answering pipeline without a language model, evaluated end to end."""

# --8<-- [start:example]
import re
import string
from collections import Counter
from dataclasses import dataclass

import numpy as np
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

try:  # run as a script: this folder is on the path
    from ndcg import ndcg
except ImportError:  # imported as snippets.data_science.retrieval_augmented_generation
    from .ndcg import ndcg  # the roadmap's NDCG, from the evaluation-metrics page

DOCS = {  # a made-up bike shop's help pages; paragraphs are separated by blank lines
    "returns": (
        "You can return an unused bike within 30 days of delivery for a full refund. "
        "The bike must come back in its original box.\n\n"
        "Refunds go back to the card you paid with and arrive within five working days "
        "of the bike reaching our warehouse.\n\n"
        "Used bikes cannot be returned, but the warranty still covers them."
    ),
    "warranty": (
        "Every frame has a lifetime warranty against cracks. "
        "Wheels, brakes and gears are covered for two years.\n\n"
        "The warranty does not cover damage from crashes or from racing.\n\n"
        "To make a claim, send a photo of the damage and your order number to the service team."
    ),
    "delivery": (
        "Orders placed before noon leave the warehouse the same day. "
        "Standard delivery takes three to four working days.\n\n"
        "Express delivery costs 15 euros and arrives the next working day.\n\n"
        "We deliver to the United Kingdom and the European Union only."
    ),
    "service": (
        "The workshop is open from 9 am to 6 pm, Monday to Saturday.\n\n"
        "A basic service costs 60 euros and includes a check of the brakes and gears.\n\n"
        "Book a service online at least two days ahead."
    ),
}
QUESTIONS = {  # question -> gold answer; people rarely use the documents' own words
    "How many days do I have to return an unused bike?": "30 days",
    "When will my refund arrive?": "within five working days",
    "How long are the brakes and gears covered?": "two years",
    "Which damage is not covered by the warranty?": "damage from crashes or from racing",
    "What does express delivery cost?": "15 euros",
    "Where do you deliver?": "the United Kingdom and the European Union",
    "What are the opening hours of the workshop?": "from 9 am to 6 pm, Monday to Saturday",
    "How much is a basic service?": "60 euros",
}


@dataclass(frozen=True)
class Chunk:
    doc: str  # the document it came from, to cite
    number: int  # its place in that document
    text: str


def word_windows(n_words: int, size: int, overlap: int) -> list[tuple[int, int]]:
    """[start, end) word ranges of at most `size` words, each sharing `overlap` with the last.

    Any run of up to overlap + 1 words lies whole inside some window. Time O(n_words / step).
    """
    if not 0 <= overlap < size:
        raise ValueError("need 0 <= overlap < size")
    step = size - overlap
    starts = range(0, max(n_words - overlap, 1), step) if n_words else []
    return [(start, min(start + size, n_words)) for start in starts]


def chunk_fixed(docs: dict[str, str], size: int, overlap: int) -> list[Chunk]:
    """Fixed-size chunks of words, blind to sentences and paragraphs."""
    chunks = []
    for doc, text in docs.items():
        words = text.split()
        for number, (start, end) in enumerate(word_windows(len(words), size, overlap)):
            chunks.append(Chunk(doc, number, " ".join(words[start:end])))
    return chunks


def chunk_paragraphs(docs: dict[str, str]) -> list[Chunk]:
    """One chunk per paragraph: whole thoughts, but of uneven length."""
    return [
        Chunk(doc, number, paragraph.strip())
        for doc, text in docs.items()
        for number, paragraph in enumerate(text.split("\n\n"))
    ]


def normalise_answer(text: str) -> list[str]:
    """SQuAD's normalisation: lower case, no punctuation, no articles; then the words."""
    text = "".join(ch for ch in text.lower() if ch not in string.punctuation)
    return re.sub(r"\b(a|an|the)\b", " ", text).split()


def exact_match(prediction: str, gold: str) -> float:
    return float(normalise_answer(prediction) == normalise_answer(gold))


def token_f1(prediction: str, gold: str) -> float:
    """Harmonic mean of the share of predicted words that are in the gold answer (precision)
    and the share of gold words that were predicted (recall), counting repeats."""
    predicted, expected = normalise_answer(prediction), normalise_answer(gold)
    if not predicted or not expected:
        return float(predicted == expected)
    common = sum((Counter(predicted) & Counter(expected)).values())
    if common == 0:
        return 0.0
    precision, recall = common / len(predicted), common / len(expected)
    return 2 * precision * recall / (precision + recall)


def recall_at_k(ranked: list[int], relevant: set[int], k: int) -> float:
    """Share of the relevant chunks among the first k retrieved; undefined without any."""
    if not relevant:
        raise ValueError("recall@k needs at least one relevant item")
    return len(set(ranked[:k]) & relevant) / len(relevant)


def stem(word: str) -> str:
    """A crude stemmer, enough to match covered, covers and cover."""
    for suffix in ("ing", "ed", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


STOP_WORDS = ENGLISH_STOP_WORDS | {"does", "long"}  # scikit-learn's, and two question words


def content_words(text: str) -> set[str]:
    """The stems of the words that carry meaning."""
    return {stem(word) for word in normalise_answer(text) if word not in STOP_WORDS}


def rerank(question: str, chunks: list[Chunk], ranked: list[int], top: int) -> list[int]:
    """Second stage: re-order the first stage's top candidates by how many of the question's
    words each contains (ties keep the first-stage order). Time O(top · chunk length)."""
    wanted = content_words(question)
    head = sorted(ranked[:top], key=lambda i: -len(wanted & content_words(chunks[i].text)))
    return head + ranked[top:]


def build_prompt(question: str, chunks: list[Chunk]) -> str:
    """Grounding: the model is told to answer from these numbered sources and cite them."""
    sources = "\n".join(
        f"[{i}] ({chunk.doc}, part {chunk.number + 1}) {chunk.text}"
        for i, chunk in enumerate(chunks, start=1)
    )
    return (
        "Answer the question using only the sources below, citing them like [1]. "
        "If they do not contain the answer, say that you do not know.\n"
        f"{sources}\nQuestion: {question}"
    )


def extract_answer(question: str, chunks: list[Chunk]) -> tuple[str, int]:
    """Stand-in for the language model: the sentence sharing most words with the question,
    and the number of the source it came from."""
    wanted = content_words(question)
    candidates = [
        (sentence, source)
        for source, chunk in enumerate(chunks, start=1)
        for sentence in re.split(r"(?<=[.!?])\s+", chunk.text)
    ]
    return max(candidates, key=lambda pair: len(wanted & content_words(pair[0])))


class Retriever:
    """First stage: TF-IDF vectors of every chunk, computed once."""

    def __init__(self, chunks: list[Chunk]) -> None:
        self.chunks = chunks
        self.vectoriser = TfidfVectorizer(stop_words="english")
        self.X = self.vectoriser.fit_transform([chunk.text for chunk in chunks])

    def search(self, question: str, rerank_top: int = 0) -> list[int]:
        """Every chunk's index, best first; the top `rerank_top` re-ranked if asked.

        Rows of X have length 1, so X @ q is the cosine similarity. Time O(chunks · words).
        """
        scores = (self.X @ self.vectoriser.transform([question]).T).toarray().ravel()
        ranked = np.argsort(-scores, kind="stable").tolist()
        return rerank(question, self.chunks, ranked, rerank_top) if rerank_top else ranked


def holds_answer(chunk: Chunk, gold: str) -> bool:
    """The relevance label: the chunk contains the gold answer's words, in order."""
    return f" {' '.join(normalise_answer(gold))} " in f" {' '.join(normalise_answer(chunk.text))} "


def evaluate(chunks: list[Chunk], rerank_top: int, k: int) -> dict[str, float]:
    """Mean retrieval and answer scores over the question set."""
    retriever, results = Retriever(chunks), []
    for question, gold in QUESTIONS.items():
        ranked = retriever.search(question, rerank_top)
        relevance = np.array([holds_answer(chunk, gold) for chunk in chunks], dtype=int)
        answer, _ = extract_answer(question, [chunks[i] for i in ranked[:k]])
        results.append(
            {
                f"recall@{k}": recall_at_k(ranked, set(np.flatnonzero(relevance)), k),
                # ndcg wants a score per chunk: minus its position, so the first scores highest.
                f"NDCG@{k}": ndcg(relevance, -np.argsort(ranked), k),
                "exact match": exact_match(answer, gold),
                "token F1": token_f1(answer, gold),
            }
        )
    return {name: float(np.mean([r[name] for r in results])) for name in results[0]}


def main() -> None:
    k = 2  # chunks handed to the "model"
    for name, chunks in (
        ("by paragraph", chunk_paragraphs(DOCS)),
        ("of 20 words, 5 overlapping", chunk_fixed(DOCS, size=20, overlap=5)),
    ):
        print(f"{len(QUESTIONS)} questions, {len(chunks)} chunks {name}:")
        for rerank_top in (0, 4):
            scores = evaluate(chunks, rerank_top, k)
            label = "TF-IDF, re-ranked" if rerank_top else "TF-IDF"
            print(f"  {label:18}" + "  ".join(f"{m} {v:.3f}" for m, v in scores.items()))

    chunks = chunk_paragraphs(DOCS)
    retriever = Retriever(chunks)
    question = "What does express delivery cost?"
    retrieved = [chunks[i] for i in retriever.search(question, rerank_top=4)[:k]]
    print(f"\nThe prompt a language model would get:\n{build_prompt(question, retrieved)}")
    print("\nExtractive answers (paragraphs, re-ranked) against the gold answers:")
    for question, gold in QUESTIONS.items():
        retrieved = [chunks[i] for i in retriever.search(question, rerank_top=4)[:k]]
        answer, source = extract_answer(question, retrieved)
        print(f"  F1 {token_f1(answer, gold):.2f}  {gold!r} <- {answer} [{source}]")


# --8<-- [end:example]


if __name__ == "__main__":
    main()
