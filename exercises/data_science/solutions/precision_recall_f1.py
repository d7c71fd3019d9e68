"""Reference solution: precision, recall and F1 from the counts of a confusion matrix."""


def precision_recall_f1(y_true: list[int], y_pred: list[int]) -> tuple[float, float, float]:
    """Precision, recall and F1 for class 1; 0.0 where a denominator is 0. Time O(n), space O(1).

    The true negatives are never needed: none of the three scores looks at them.
    """
    tp = fp = fn = 0
    for truth, guess in zip(y_true, y_pred, strict=True):
        if guess == 1 and truth == 1:
            tp += 1
        elif guess == 1:
            fp += 1  # flagged, but truly 0
        elif truth == 1:
            fn += 1  # missed
    precision = tp / (tp + fp) if tp + fp > 0 else 0.0
    recall = tp / (tp + fn) if tp + fn > 0 else 0.0
    f1 = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn > 0 else 0.0
    return precision, recall, f1
