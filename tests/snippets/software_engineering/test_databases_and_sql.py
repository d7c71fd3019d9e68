import itertools
import random
from collections import defaultdict

import pytest

from snippets.software_engineering.databases_and_sql import (
    MERCHANTS,
    RUNNING_TOTALS,
    TOTALS_BY_COUNTRY,
    connect,
)


def with_random_payments(seed):
    rng = random.Random(seed)
    connection = connect()
    connection.execute("DELETE FROM payments")
    rows = [
        (rng.choice([1, 2, 3]), f"2026-03-{rng.randint(1, 28):02d}", rng.randint(1, 9999) / 100)
        for _ in range(30)
    ]
    rows = list(
        {(m, day): (m, day, amount) for m, day, amount in rows}.values()
    )  # one payment a day each
    connection.executemany("INSERT INTO payments VALUES (?, ?, ?)", rows)
    return connection, rows


@pytest.mark.parametrize("seed", range(10))
def test_totals_by_country_agree_with_python(seed):
    connection, rows = with_random_payments(seed)
    country = {merchant_id: c for merchant_id, _, c in MERCHANTS}
    count, total = defaultdict(int), defaultdict(float)
    for merchant_id, _, amount in rows:
        count[country[merchant_id]] += 1
        total[country[merchant_id]] += amount
    result = connection.execute(TOTALS_BY_COUNTRY).fetchall()
    assert {c: (n, t) for c, n, t in result} == {c: (count[c], round(total[c], 2)) for c in count}
    assert [t for _, _, t in result] == sorted((t for _, _, t in result), reverse=True)


@pytest.mark.parametrize("seed", range(10))
def test_running_totals_agree_with_accumulate(seed):
    connection, rows = with_random_payments(seed)
    name = {merchant_id: n for merchant_id, n, _ in MERCHANTS}
    expected = []
    for merchant_id, group in itertools.groupby(sorted(rows), key=lambda r: r[0]):
        group = list(group)
        running = itertools.accumulate(amount for _, _, amount in group)
        expected += [
            (name[merchant_id], day, amount, total)
            for (_, day, amount), total in zip(group, running, strict=True)
        ]
    result = connection.execute(RUNNING_TOTALS).fetchall()
    assert [(n, d, a) for n, d, a, _ in result] == sorted((n, d, a) for n, d, a, _ in expected)
    by_key = {(n, d): t for n, d, _, t in expected}
    assert all(t == pytest.approx(by_key[(n, d)]) for n, d, _, t in result)
