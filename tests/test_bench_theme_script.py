"""scripts/bench_theme_script.py: its source map reading, on small maps written by hand."""

from collections import Counter

from scripts.bench_theme_script import (
    Position,
    SourceMap,
    by_source_line,
    described,
    vlq_values,
)


def test_vlq_values_read_signs_and_several_digits():
    assert vlq_values("AAAA") == [0, 0, 0, 0]
    assert vlq_values("C") == [1]
    assert vlq_values("D") == [-1]
    assert vlq_values("gB") == [16]  # a continued digit: 0, then 1 << 5, halved for the sign
    assert vlq_values("2HwBlBC") == [123, 24, -18, 1]


def test_positions_are_relative_across_segments_and_lines():
    data = {
        "sources": ["src/templates/assets/javascripts/components/palette/index.ts", "b.ts"],
        "names": ["mountPalette", "other"],
        # line 0: column 0 -> a.ts line 0 named mountPalette; column 10 -> a.ts line 5;
        # line 1: column 4 -> b.ts line 2 named other; a segment of one value maps nowhere
        "mappings": "AAAAA,UAKA;ICKAC,E",
        "sourcesContent": ["".join(f"  line {n}\n" for n in range(1, 7))],
    }
    sources = SourceMap(data)
    palette = "src/templates/assets/javascripts/components/palette/index.ts"
    assert sources.find(0, 0) == Position(palette, 1, "mountPalette")
    assert sources.find(0, 9) == Position(palette, 1, "mountPalette")
    assert sources.find(0, 99) == Position(palette, 6, "")
    # Before a line's first mapped column, and past the last line, as Node's SourceMap finds:
    # the mapped column before it, however many lines back.
    assert sources.find(1, 3) == Position(palette, 6, "")
    assert sources.find(1, 4) == Position("b.ts", 11, "other")
    assert sources.find(5, 0) == Position("b.ts", 11, "other")
    assert SourceMap({"sources": [], "names": [], "mappings": ";E"}).find(1, 9) is None
    bundle = "http://127.0.0.1:1/assets/javascripts/bundle.a5f9d56c.min.js"
    times = Counter({(bundle, 0, 0): 2.0, (bundle, 0, 3): 1.5, ("x.js", 0, 0): 9.0})
    assert by_source_line(times, sources) == {(palette, 1): 3.5}
    assert described((palette, 6), sources) == "components/palette/index.ts:6  line 6"
    assert described(("b.ts", 11), sources) == "b.ts:11"  # no source text in the map
    assert described(None, sources) == "(not in the source map)"
