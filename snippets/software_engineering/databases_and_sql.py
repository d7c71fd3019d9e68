"""SQL on an embedded database: a join with an aggregate, and a window function, in SQLite."""

# --8<-- [start:example]
import sqlite3

SCHEMA = """
CREATE TABLE merchants (id INTEGER PRIMARY KEY, name TEXT NOT NULL, country TEXT NOT NULL);
CREATE TABLE payments (merchant_id INTEGER REFERENCES merchants(id), day TEXT, amount REAL);
"""
MERCHANTS = [(1, "Cafe Lumen", "SE"), (2, "Bike Hub", "SE"), (3, "Tea House", "NL")]
PAYMENTS = [
    (1, "2026-03-01", 12.5),
    (1, "2026-03-02", 30.0),
    (1, "2026-03-03", 8.0),
    (2, "2026-03-01", 250.0),
    (2, "2026-03-03", 99.0),
    (3, "2026-03-02", 4.5),
]

TOTALS_BY_COUNTRY = """
SELECT m.country, COUNT(*) AS payments, ROUND(SUM(p.amount), 2) AS total
FROM payments AS p JOIN merchants AS m ON m.id = p.merchant_id
GROUP BY m.country ORDER BY total DESC
"""
# A window function keeps every row and adds a value computed over its partition.
RUNNING_TOTALS = """
SELECT m.name, p.day, p.amount,
       SUM(p.amount) OVER (PARTITION BY p.merchant_id ORDER BY p.day) AS running_total
FROM payments AS p JOIN merchants AS m ON m.id = p.merchant_id
ORDER BY m.name, p.day
"""


def connect() -> sqlite3.Connection:
    """An in-memory database with the example tables and rows."""
    connection = sqlite3.connect(":memory:")
    connection.executescript(SCHEMA)
    connection.executemany("INSERT INTO merchants VALUES (?, ?, ?)", MERCHANTS)
    connection.executemany("INSERT INTO payments VALUES (?, ?, ?)", PAYMENTS)
    return connection


def main() -> None:
    with connect() as connection:
        print("country, payments, total:")
        for row in connection.execute(TOTALS_BY_COUNTRY):
            print(" ", row)
        print("running total per merchant:")
        for row in connection.execute(RUNNING_TOTALS):
            print(" ", row)


# --8<-- [end:example]


if __name__ == "__main__":
    main()
