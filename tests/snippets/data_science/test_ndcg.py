import numpy as np
import pytest
from sklearn.metrics import ndcg_score

from snippets.data_science.ndcg import dcg, ndcg


def test_dcg_by_hand():
    assert dcg([3, 2, 1]) == pytest.approx(3 + 2 / np.log2(3) + 1 / 2)
    assert dcg([3, 2, 1], k=1) == 3


def test_a_perfect_ranking_scores_one_and_no_relevance_scores_zero():
    assert ndcg(np.array([3, 1, 0]), np.array([0.9, 0.5, 0.1])) == pytest.approx(1.0)
    assert ndcg(np.array([0, 0]), np.array([0.2, 0.1])) == 0.0


@pytest.mark.parametrize("seed", range(30))
def test_ndcg_agrees_with_scikit_learn_on_random_rankings(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(2, 12))
    relevance = rng.integers(0, 4, size=n)
    scores = rng.permutation(n) / n  # distinct scores: scikit-learn averages over ties
    k = int(rng.integers(1, n + 1))
    assert ndcg(relevance, scores, k) == pytest.approx(ndcg_score([relevance], [scores], k=k))
