"""A command-line tool built with argparse: count the rows of a CSV file and average a column."""

# --8<-- [start:example]
import argparse
import csv
import io
import sys
from statistics import fmean

# A built-in demo file, so that running the tool with no arguments shows what it does.
DEMO_CSV = """merchant,country,amount
Cafe Lumen,SE,12.5
Cafe Lumen,SE,30.0
Bike Hub,SE,250.0
Bike Hub,SE,99.0
Tea House,NL,4.5
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="csv-summary", description="Count the rows of a CSV file and average one column."
    )
    parser.add_argument("path", nargs="?", help="CSV file, or - to read standard input")
    parser.add_argument("--column", default="amount", help="numeric column to average")
    return parser


def read_rows(path: str | None) -> list[dict[str, str]]:
    """Rows of the CSV at `path`: "-" reads standard input (a pipe), None the demo file."""
    if path is None:
        return list(csv.DictReader(io.StringIO(DEMO_CSV)))
    if path == "-":
        return list(csv.DictReader(sys.stdin))
    with open(path, newline="", encoding="utf-8") as file:
        return list(csv.DictReader(file))


def summarise(rows: list[dict[str, str]], column: str) -> tuple[int, float]:
    """(row count, mean of `column`) in one pass: time O(n), space O(1) beyond the rows."""
    if not rows:
        raise ValueError("the file has a header but no rows")
    if column not in rows[0]:
        raise ValueError(f"no column {column!r}; the columns are {', '.join(rows[0])}")
    return len(rows), fmean(float(row[column]) for row in rows)


def cli() -> None:
    """Entry point of the installed command: pyproject.toml's [project.scripts] names it."""
    main(sys.argv[1:])


def main(argv: list[str] | None = None) -> None:
    """Run the tool on the arguments in `argv`; with none, it summarises the demo file."""
    parser = build_parser()
    args = parser.parse_args([] if argv is None else argv)  # bad options: exit code 2
    try:
        count, mean = summarise(read_rows(args.path), args.column)
    except (OSError, ValueError) as error:
        parser.error(str(error))  # message and usage on stderr, exit code 2
    print(f"rows: {count}")
    print(f"mean {args.column}: {mean:.2f}")


# --8<-- [end:example]


if __name__ == "__main__":
    main()
