"""TF-IDF by hand, checked against scikit-learn, then a TF-IDF + logistic regression classifier."""

# --8<-- [start:example]
import re
from collections import Counter

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline, make_pipeline

TOKEN = re.compile(r"(?u)\b\w\w+\b")  # scikit-learn's default: words of 2+ characters


def tfidf(documents: list[str]) -> tuple[list[str], np.ndarray]:
    """Vocabulary and TF-IDF matrix: counts x smoothed idf, each row scaled to length 1.

    idf(t) = ln((1 + n) / (1 + df(t))) + 1, where df(t) counts the documents containing t.
    Time O(total tokens + n·V), space O(n·V) for n documents and V distinct words.
    """
    counts = [Counter(TOKEN.findall(doc.lower())) for doc in documents]
    vocabulary = sorted(set().union(*counts))
    tf = np.array([[c[word] for word in vocabulary] for c in counts], dtype=float)
    df = (tf > 0).sum(axis=0)
    idf = np.log((1 + len(documents)) / (1 + df)) + 1
    weights = tf * idf
    return vocabulary, weights / np.linalg.norm(weights, axis=1, keepdims=True)


TICKETS = [
    ("I was charged twice for my subscription this month", "billing"),
    ("Please refund the duplicate payment on my card", "billing"),
    ("My invoice shows the wrong amount", "billing"),
    ("How do I update the card used for payment", "billing"),
    ("The app crashes when I open the settings page", "technical"),
    ("I cannot log in after the latest update", "technical"),
    ("The page shows an error when I upload a photo", "technical"),
    ("Sync stopped working on my phone since yesterday", "technical"),
]


def train_classifier(examples: list[tuple[str, str]]) -> Pipeline:
    """Words to TF-IDF (English stop words dropped), then a linear model on top."""
    texts, labels = zip(*examples, strict=True)
    model = make_pipeline(TfidfVectorizer(stop_words="english"), LogisticRegression(C=10.0))
    return model.fit(texts, labels)


def main() -> None:
    corpus = ["the cat sat", "the cat sat on the mat", "dogs chase the cat"]
    vocabulary, weights = tfidf(corpus)
    reference = TfidfVectorizer(smooth_idf=True, norm="l2")
    expected = reference.fit_transform(corpus).toarray()
    row = {word: round(float(w), 2) for word, w in zip(vocabulary, weights[1], strict=True) if w}
    print(f"'{corpus[1]}': {row}")  # 'the' is everywhere: lowest idf
    same = vocabulary == list(reference.get_feature_names_out()) and np.allclose(weights, expected)
    print(f"matches TfidfVectorizer: {same}")

    model = train_classifier(TICKETS)
    new = ["I was billed the wrong amount", "The app shows an error on login"]
    for text, label in zip(new, model.predict(new), strict=True):
        print(f"{label:>9}: {text}")
    words = model[0].get_feature_names_out()
    top = np.argsort(model[1].coef_[0])  # positive weights push towards "technical"
    print(f"most 'billing' words:   {list(words[top[:4]])}")
    print(f"most 'technical' words: {list(words[top[-4:]])}")


# --8<-- [end:example]


if __name__ == "__main__":
    main()
