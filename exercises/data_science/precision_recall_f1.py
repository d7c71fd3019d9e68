"""Exercise (evaluation metrics): replace the body of `precision_recall_f1`, then run
`make exercise NAME=precision_recall_f1` until every test passes."""


def precision_recall_f1(y_true: list[int], y_pred: list[int]) -> tuple[float, float, float]:
    """Return the precision, recall and F1 score of binary predictions, as three floats.

    Class 1 is the positive class. Count the true positives (tp: predicted 1 and truly 1), the
    false positives (fp: predicted 1, truly 0) and the false negatives (fn: predicted 0, truly
    1), then:

    - precision = tp / (tp + fp): of the rows flagged positive, the share that truly are;
    - recall = tp / (tp + fn): of the truly positive rows, the share that were flagged;
    - F1 = 2 * tp / (2 * tp + fp + fn), the harmonic mean of precision and recall.

    When a denominator is 0 (nothing was predicted positive, or nothing is truly positive), that
    score is 0.0. scikit-learn does the same when given `zero_division=0`.

    Examples:
        >>> precision_recall_f1([1, 0, 1, 1], [1, 1, 0, 1])
        (0.6666666666666666, 0.6666666666666666, 0.6666666666666666)
        >>> precision_recall_f1([1, 1, 0, 0], [1, 0, 0, 0])
        (1.0, 0.5, 0.6666666666666666)
        >>> precision_recall_f1([0, 0], [0, 0])
        (0.0, 0.0, 0.0)

    Constraints: `y_true` and `y_pred` have the same length, from 1 to 10**6, and hold only 0
    and 1; they may be lists or NumPy arrays. Do not call scikit-learn: the tests compare your
    answers with its `precision_score`, `recall_score` and `f1_score`.

    Expected complexity: O(n) time and O(1) extra space: one pass that counts.
    """
    raise NotImplementedError(
        "Write precision_recall_f1 - see the docstring; run: make exercise NAME=precision_recall_f1"
    )
