"""A feature pipeline of small pure functions, composed with functools.reduce and run lazily."""

# --8<-- [start:example]
import math
from collections.abc import Callable, Iterable, Iterator
from functools import reduce

Record = dict[str, float]
Step = Callable[[Record], Record]


def compose(*steps: Step) -> Step:
    """One step that runs `steps` left to right: compose(f, g)(r) == g(f(r))."""
    return reduce(lambda first, then: lambda record: then(first(record)), steps, lambda r: r)


def clip(column: str, low: float, high: float) -> Step:
    """A higher-order function: it returns a new step, configured by its arguments."""

    def step(record: Record) -> Record:
        return {**record, column: min(max(record[column], low), high)}  # a new dict: pure

    return step


def add_amount_per_item(record: Record) -> Record:
    return {**record, "amount_per_item": record["amount"] / record["items"]}


def add_log_amount(record: Record) -> Record:
    return {**record, "log_amount": math.log1p(record["amount"])}


def features(records: Iterable[Record], pipeline: Step) -> Iterator[Record]:
    """Lazily: keep valid records (filter) and transform each (map); O(1) memory per record."""
    return map(pipeline, filter(lambda r: r["items"] > 0, records))


def main() -> None:
    records = [
        {"amount": 12.5, "items": 1},
        {"amount": 250.0, "items": 5},
        {"amount": 99.0, "items": 0},  # invalid: filtered out
        {"amount": -3.0, "items": 1},  # a refund: clipped to 0
    ]
    before = [dict(r) for r in records]
    pipeline = compose(clip("amount", 0.0, 200.0), add_amount_per_item, add_log_amount)
    stream = features(records, pipeline)  # nothing has run yet: a lazy iterator
    for row in stream:
        print({name: round(value, 3) for name, value in row.items()})
    print(f"inputs unchanged: {records == before}")
    total = reduce(lambda acc, r: acc + r["amount"], features(records, pipeline), 0.0)
    print(f"total clipped amount (reduce): {total}")
    clip_last = compose(add_log_amount, clip("amount", 0.0, 200.0))
    first, last = pipeline(records[1])["log_amount"], clip_last(records[1])["log_amount"]
    print(f"order matters: log_amount {first:.3f} if clipped first, {last:.3f} if clipped last")


# --8<-- [end:example]


if __name__ == "__main__":
    main()
