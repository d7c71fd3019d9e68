"""Whatever a contributor (or an attacker) writes into the data, `roadmap check` answers with
problems naming files of the project, or accepts it: never a traceback.

Hypothesis applies one to three mutations, each of a named kind, to the files of the small
fixture project and runs the whole check over the result.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from fixture_project import BASE
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from roadmap.problems import RoadmapError
from roadmap.validate import load_and_check

FILES = sorted(
    path.relative_to(BASE).as_posix()
    for path in BASE.rglob("*")
    if path.is_file() and path.suffix in {".yml", ".md"}
)

# Values a field may be set to: wrong types, edge cases, hostile text and URLs.
VALUES = {
    "null": "null",
    "empty string": '""',
    "empty list": "[]",
    "empty mapping": "{}",
    "true": "true",
    "no (a YAML boolean)": "no",
    "zero": "0",
    "negative": "-3",
    "huge number": "1e309",
    "not a number": ".nan",
    "impossible date": "2026-13-45",
    "date": "2026-02-28",
    "list of numbers": "[1, 2, 3]",
    "reversed range": "[20, 5]",
    "nested list": "[[a], [b]]",
    "mapping": "{a: 1}",
    "script tag": '"<script>alert(1)</script>"',
    "event handler": "'<img src=x onerror=alert(1)>'",
    "javascript URL": "javascript:alert(1)",
    "link breaker URL": "https://example.org/a)[x](javascript:alert(1)",
    "http URL": "http://example.org",
    "data URL": "data:text/html,hi",
    "unicode text": '"Ünïcødé — ✓"',
    "unknown id": "no-such-id",
    "anchor and alias": "&a [x, *a]",
    "long text": "x" * 5000,
    "stray quote": 'text ending in a quote"',
    "tab-indented": "\tvalue",
}
STRUCTURAL = [
    "delete a line",
    "duplicate a line",
    "swap two lines",
    "indent a line",
    "dedent a line",
    "cut the file in half",
    "empty the file",
    "drop the front matter fence",
]
BYTES = {
    "invalid UTF-8": b"\xff\xfe\xfa",
    "a byte-order mark": b"\xef\xbb\xbf",
    "a NUL byte": b"\x00",
    "a lone surrogate (CESU)": b"\xed\xa0\x80",
    "a control character": b"\x1b[31m",
    "CRLF line ends": b"\r\n",
}
KINDS = [f"value: {name}" for name in VALUES] + STRUCTURAL + [f"bytes: {name}" for name in BYTES]


def test_there_are_at_least_forty_kinds_of_mutation():
    assert len(KINDS) >= 40


def mutate(data: bytes, kind: str, where: int) -> bytes:
    lines = data.split(b"\n")
    at = where % len(lines)
    if kind.startswith("value: "):
        value = VALUES[kind.removeprefix("value: ")].encode()
        keyed = [n for n, line in enumerate(lines) if b": " in line or line.rstrip().endswith(b":")]
        if not keyed:
            return data
        n = keyed[where % len(keyed)]
        key = lines[n].split(b":", 1)[0]
        lines[n] = key + b": " + value
    elif kind.startswith("bytes: "):
        insert = BYTES[kind.removeprefix("bytes: ")]
        if insert == b"\r\n":
            return data.replace(b"\n", b"\r\n")
        position = where % (len(data) + 1)
        return data[:position] + insert + data[position:]
    elif kind == "delete a line":
        del lines[at]
    elif kind == "duplicate a line":
        lines.insert(at, lines[at])
    elif kind == "swap two lines":
        other = (at * 7 + 3) % len(lines)
        lines[at], lines[other] = lines[other], lines[at]
    elif kind == "indent a line":
        lines[at] = b"   " + lines[at]
    elif kind == "dedent a line":
        lines[at] = lines[at].lstrip()
    elif kind == "cut the file in half":
        return data[: len(data) // 2]
    elif kind == "empty the file":
        return b""
    elif kind == "drop the front matter fence":
        return data.replace(b"---\n", b"", 1)
    return b"\n".join(lines)


mutations = st.lists(
    st.tuples(st.sampled_from(FILES), st.sampled_from(KINDS), st.integers(0, 10_000)),
    min_size=1,
    max_size=3,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutations)
# Found by this test: a snippet name too long for a file name ended in a traceback (OSError).
@example(changes=[("docs/algo/first.md", "value: long text", 5163)])
def test_any_mutation_is_accepted_or_reported_by_file_never_a_traceback(changes):
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "project"
        shutil.copytree(BASE, root)
        for file, kind, where in changes:
            path = root / file
            path.write_bytes(mutate(path.read_bytes(), kind, where))
        try:
            load_and_check(root)
        except RoadmapError as error:
            assert error.problems
            for problem in error.problems:
                assert (root / problem.file).exists() or problem.message == "file is missing", (
                    problem
                )
                assert problem.where and problem.message
