"""Precision, recall and F1 from a confusion matrix; a threshold for a minimum precision."""

# --8<-- [start:example]
import numpy as np
from sklearn.metrics import f1_score, precision_score, recall_score, roc_auc_score


def confusion_counts(y: np.ndarray, y_hat: np.ndarray) -> dict[str, int]:
    """True/false positives and negatives for 0/1 labels. Time O(n)."""
    return {
        "tp": int(np.sum((y == 1) & (y_hat == 1))),
        "fp": int(np.sum((y == 0) & (y_hat == 1))),
        "fn": int(np.sum((y == 1) & (y_hat == 0))),
        "tn": int(np.sum((y == 0) & (y_hat == 0))),
    }


def precision_recall_f1(counts: dict[str, int]) -> tuple[float, float, float]:
    """Each is 0.0 when undefined (no predicted or no actual positives), as in scikit-learn."""
    tp, fp, fn = counts["tp"], counts["fp"], counts["fn"]
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def threshold_for_precision(
    y: np.ndarray, scores: np.ndarray, min_precision: float
) -> float | None:
    """The lowest score threshold whose precision is at least min_precision (so recall is as
    high as that allows), or None. Time O(n²) for clarity; sorting once gives O(n log n)."""
    for threshold in np.sort(np.unique(scores)):
        y_hat = (scores >= threshold).astype(int)
        if precision_recall_f1(confusion_counts(y, y_hat))[0] >= min_precision:
            return float(threshold)
    return None


def main() -> None:
    rng = np.random.default_rng(0)
    y = (rng.random(400) < 0.1).astype(int)  # 10% positives, e.g. merchants at risk
    scores = np.clip(0.25 * y + rng.normal(0.3, 0.15, size=400), 0, 1).round(3)
    y_hat = (scores >= 0.5).astype(int)

    counts = confusion_counts(y, y_hat)
    mine = precision_recall_f1(counts)
    theirs = (precision_score(y, y_hat), recall_score(y, y_hat), f1_score(y, y_hat))
    print(f"at threshold 0.5: {counts}")
    print(f"precision, recall, F1: {np.round(mine, 3)} (scikit-learn: {np.round(theirs, 3)})")
    print(f"ROC-AUC: {roc_auc_score(y, scores):.3f} (the same whatever threshold you ship)")

    threshold = threshold_for_precision(y, scores, min_precision=0.8)
    p, r, _ = precision_recall_f1(confusion_counts(y, (scores >= threshold).astype(int)))
    print(
        f"lowest threshold with precision >= 0.8: {threshold} (precision {p:.3f}, recall {r:.3f})"
    )


# --8<-- [end:example]


if __name__ == "__main__":
    main()
