"""Reference solution: the train and test rows of k-fold cross-validation, without shuffling."""


def k_fold_indices(n_samples: int, k: int) -> list[tuple[list[int], list[int]]]:
    """(train, test) row lists for each of k folds. Time and space O(n_samples * k).

    The first n_samples % k folds take one row more, so the sizes differ by at most one.
    """
    if not 2 <= k <= n_samples:
        raise ValueError(f"need 2 <= k <= n_samples, got k={k} and n_samples={n_samples}")
    size, larger = divmod(n_samples, k)
    folds = []
    start = 0
    for fold in range(k):
        stop = start + size + (1 if fold < larger else 0)
        test = list(range(start, stop))
        train = list(range(start)) + list(range(stop, n_samples))  # still in increasing order
        folds.append((train, test))
        start = stop
    return folds
