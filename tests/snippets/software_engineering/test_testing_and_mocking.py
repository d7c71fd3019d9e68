from unittest.mock import Mock

import pytest

from snippets.software_engineering.testing_and_mocking import to_euros


class FixedRates:
    """A hand-written fake: a real object, for comparison with the Mock."""

    def __init__(self, rates):
        self.rates = rates
        self.asked = []

    def rate(self, currency):
        self.asked.append(currency)
        return self.rates[currency]


def test_sums_in_euros_and_asks_once_per_foreign_currency():
    client = FixedRates({"SEK": 0.1, "USD": 0.5})
    assert to_euros({"EUR": 1.0, "SEK": 10.0, "USD": 4.0}, client) == 4.0
    assert sorted(client.asked) == ["SEK", "USD"]


def test_no_amounts_cost_no_calls():
    client = Mock(spec=["rate"])
    assert to_euros({}, client) == 0
    client.rate.assert_not_called()


def test_a_failing_service_is_not_hidden():
    client = Mock(spec=["rate"])
    client.rate.side_effect = TimeoutError("rates service down")
    with pytest.raises(TimeoutError):
        to_euros({"SEK": 1.0}, client)
