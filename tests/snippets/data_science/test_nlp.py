import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.feature_extraction.text import TfidfVectorizer

from snippets.data_science.nlp import TICKETS, tfidf, train_classifier

WORDS = ["apple", "Banana", "cherry", "dog", "ok", "to", "a", "x", "été", "café"]
documents = st.lists(
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=8)
    .map(" ".join)
    .map(
        lambda text: text + " zz"  # every document keeps at least one token
    ),
    min_size=1,
    max_size=6,
)


@settings(max_examples=50, deadline=None)
@given(documents)
def test_tfidf_agrees_with_scikit_learn(corpus):
    vocabulary, weights = tfidf(corpus)
    reference = TfidfVectorizer(smooth_idf=True, norm="l2")
    expected = reference.fit_transform(corpus).toarray()
    assert vocabulary == list(reference.get_feature_names_out())
    assert np.allclose(weights, expected)


def test_rows_have_unit_length_and_short_words_are_dropped():
    vocabulary, weights = tfidf(["A cat, a CAT!", "I am a dog"])
    assert vocabulary == ["am", "cat", "dog"]
    assert np.allclose(np.linalg.norm(weights, axis=1), 1.0)


def test_a_word_in_every_document_weighs_less_than_a_rare_one():
    vocabulary, weights = tfidf(["common rare", "common other"])
    assert weights[0, vocabulary.index("common")] < weights[0, vocabulary.index("rare")]


def test_ticket_classifier_learns_its_training_set():
    texts, labels = zip(*TICKETS, strict=True)
    model = train_classifier(TICKETS)
    assert list(model.predict(texts)) == list(labels)
    assert list(model.classes_) == ["billing", "technical"]
    assert "the" not in model[0].vocabulary_  # stop words are dropped
