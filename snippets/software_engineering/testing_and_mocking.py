"""Unit-testing code that calls a service, with the service replaced by a mock."""

# --8<-- [start:example]
from typing import Protocol
from unittest.mock import Mock


class RatesClient(Protocol):
    def rate(self, currency: str) -> float: ...


def to_euros(amounts: dict[str, float], client: RatesClient) -> float:
    """Sum amounts in several currencies, asking the client for each rate only once."""
    rates = {currency: client.rate(currency) for currency in amounts if currency != "EUR"}
    return round(sum(amount * rates.get(currency, 1.0) for currency, amount in amounts.items()), 2)


def main() -> None:
    # In a test, a Mock stands in for the real HTTP client: no network, and a fixed answer.
    client = Mock(spec=["rate"])
    client.rate.side_effect = {"SEK": 0.087, "USD": 0.92}.get
    total = to_euros({"EUR": 10.0, "SEK": 200.0, "USD": 5.0}, client)
    print(f"total: {total} EUR")
    print(f"rates asked for: {sorted(call.args[0] for call in client.rate.call_args_list)}")
    client.rate.assert_any_call("SEK")  # raises AssertionError if the code never asked
    print(
        "the client was never asked for EUR:",
        all(c.args[0] != "EUR" for c in client.rate.call_args_list),
    )


# --8<-- [end:example]


if __name__ == "__main__":
    main()
