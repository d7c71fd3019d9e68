"""Exercise (model validation): replace the body of `k_fold_indices`, then run
`make exercise NAME=k_fold_indices` until every test passes."""


def k_fold_indices(n_samples: int, k: int) -> list[tuple[list[int], list[int]]]:
    """Split the rows 0 .. n_samples - 1 into k folds for k-fold cross-validation.

    Return k pairs (train, test), one per fold, in order. The test parts are runs of
    consecutive rows that together hold every row exactly once: the first n_samples % k folds
    hold n_samples // k + 1 rows each, the others n_samples // k. A fold's train part is every
    other row, in increasing order. Nothing is shuffled. This is what
    `sklearn.model_selection.KFold(n_splits=k).split(X)` gives for an X with n_samples rows.

    Examples:
        >>> k_fold_indices(5, 2)
        [([3, 4], [0, 1, 2]), ([0, 1, 2], [3, 4])]
        >>> k_fold_indices(4, 4)[1]
        ([0, 2, 3], [1])

    Constraints: raise ValueError unless 2 <= k <= n_samples, as scikit-learn does.
    n_samples can reach 10**5. Do not call scikit-learn: the tests compare you with it.

    Expected complexity: O(n_samples * k) time and space, the size of the output (each fold
    lists every row once).
    """
    raise NotImplementedError(
        "Write k_fold_indices - see the docstring; run: make exercise NAME=k_fold_indices"
    )
