"""Offline checks for an LLM feature: prompt regressions, a judge's position bias, kappa, a CI."""

# --8<-- [start:example]
import numpy as np
from sklearn.metrics import cohen_kappa_score


def regressions(accepted: dict[str, bool], candidate: dict[str, bool]) -> list[str]:
    """Cases that passed in the accepted run and fail in the candidate run. Time O(n log n).

    Swap the arguments to get the cases the candidate fixed. Both runs must cover the same
    cases: a run that skipped some cannot be compared case by case.
    """
    if accepted.keys() != candidate.keys():
        differ = sorted(accepted.keys() ^ candidate.keys())
        raise ValueError(f"the runs cover different cases: {', '.join(differ)}")
    return sorted(case for case, passed in accepted.items() if passed and not candidate[case])


def prefers_first(first: np.ndarray, second: np.ndarray, position_bias: float) -> np.ndarray:
    """A simulated pairwise judge that adds position_bias to the answer it reads first. O(n)."""
    return first + position_bias >= second


def judge_both_orders(
    quality_a: np.ndarray, quality_b: np.ndarray, position_bias: float
) -> tuple[np.ndarray, np.ndarray]:
    """Whether A wins when shown first, and whether A wins when shown second. Time O(n)."""
    a_wins_shown_first = prefers_first(quality_a, quality_b, position_bias)
    a_wins_shown_second = ~prefers_first(quality_b, quality_a, position_bias)
    return a_wins_shown_first, a_wins_shown_second


def cohen_kappa(rater_1: list[str], rater_2: list[str]) -> float:
    """Agreement corrected for chance, (p_o - p_e) / (1 - p_e). Time O(n k) for k labels.

    p_o is the share of items both raters label alike; p_e is the share they would agree on
    by chance, labelling independently at their own rates. Undefined (nan, as in
    scikit-learn) when both raters give every item the same single label.
    """
    if len(rater_1) != len(rater_2) or not rater_1:
        raise ValueError("the raters must label the same, non-empty list of items")
    n = len(rater_1)
    p_o = sum(a == b for a, b in zip(rater_1, rater_2, strict=True)) / n
    p_e = sum(rater_1.count(label) * rater_2.count(label) for label in set(rater_1)) / n**2
    return float("nan") if p_e == 1 else (p_o - p_e) / (1 - p_e)


def paired_bootstrap(
    passed_old: np.ndarray, passed_new: np.ndarray, n_resamples: int = 2000, seed: int = 0
) -> tuple[float, float, float]:
    """Difference in pass rate (new - old) with a 95% percentile bootstrap interval.

    Each resample draws cases with replacement and keeps both systems' results for a case
    together, since both answered the same questions. Time and space O(n_resamples * n).
    """
    old, new = np.asarray(passed_old, dtype=float), np.asarray(passed_new, dtype=float)
    if old.shape != new.shape or old.size == 0:
        raise ValueError("both systems must be scored on the same, non-empty set of cases")
    rng = np.random.default_rng(seed)
    rows = rng.integers(0, old.size, size=(n_resamples, old.size))
    differences = new[rows].mean(axis=1) - old[rows].mean(axis=1)
    low, high = np.quantile(differences, [0.025, 0.975])
    return float(new.mean() - old.mean()), float(low), float(high)


def verdict(low: float, high: float) -> str:
    """What a confidence interval for new - old allows you to say."""
    if low > 0:
        return "the new system is better"
    if high < 0:
        return "the new system is worse"
    return "not distinguishable from noise"


def main() -> None:
    # 1. A prompt change, run on the fixed regression set (True = the answer passed its check).
    accepted = {
        "refund-window": True,
        "cancel-plan": True,
        "order-status": True,
        "invoice-vat": False,
        "reset-password": True,
        "late-delivery": True,
        "french-greeting": False,
        "gift-card-terms": True,
    }
    candidate = {
        **accepted,
        "refund-window": False,
        "gift-card-terms": False,
        "invoice-vat": True,
        "french-greeting": True,
    }
    print(
        f"Regression set ({len(accepted)} cases): accepted run passes "
        f"{sum(accepted.values())}, new prompt passes {sum(candidate.values())}"
    )
    print(f"  newly failing: {', '.join(regressions(accepted, candidate))}")
    print(f"  newly passing: {', '.join(regressions(candidate, accepted))}")

    # 2. A judge that favours the first answer it reads, on 200 pairs judged in both orders.
    rng = np.random.default_rng(0)
    quality_a, quality_b = rng.normal(0.1, 1, 200), rng.normal(0.0, 1, 200)
    shown_first, shown_second = judge_both_orders(quality_a, quality_b, position_bias=0.5)
    consistent = shown_first == shown_second
    print("Judge with a position bias, 200 answer pairs judged in both orders:")
    print(f"  A wins {shown_first.sum()} when shown first, {shown_second.sum()} when shown second")
    print(
        f"  {(~consistent).sum()} verdicts flip with the order and count as ties; "
        f"consistent: A {(shown_first & consistent).sum()}, "
        f"B {(~shown_first & consistent).sum()}"
    )

    # 3. Three judges against 40 pass (P) / fail (F) labels written by a domain expert.
    human = list("PPPFPPPPFPPPFPPPPPFPPPFPPPPFPPPPFPPPFPPF")
    judges = {
        "always-pass judge": ["P"] * 40,
        "lenient judge": list("PPPFPPPPFPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPP"),
        "rubric judge": list("PPPFPPFPFPPPFPPPPPPPPFFPPPPFPPPFPPPPFPPF"),
    }
    print(f"Three judges against {len(human)} expert labels:")
    for name, labels in judges.items():
        agreement = np.mean([h == j for h, j in zip(human, labels, strict=True)])
        kappa, reference = cohen_kappa(human, labels), cohen_kappa_score(human, labels)
        print(
            f"  {name}: agreement {agreement:.3f}, kappa {kappa:.3f} "
            f"(scikit-learn: {reference:.3f})"
        )

    # 4. Old and new prompt on the same 300 cases: is the gain more than noise?
    difficulty = rng.random(300)
    passed_old = difficulty < 0.78
    passed_new = difficulty + rng.normal(0, 0.1, 300) < 0.81
    diff, low, high = paired_bootstrap(passed_old, passed_new)
    print(
        f"Old against new prompt on 300 cases: pass rate {passed_old.mean():.3f} -> "
        f"{passed_new.mean():.3f}"
    )
    print(
        f"  difference {100 * diff:+.1f} points, 95% CI [{100 * low:+.1f}, {100 * high:+.1f}]: "
        f"{verdict(low, high)}"
    )


# --8<-- [end:example]


if __name__ == "__main__":
    main()
