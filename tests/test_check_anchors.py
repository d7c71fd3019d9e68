"""roadmap.anchors and scripts/check_anchors.py on a tiny built site: every form of in-site link
they must resolve."""

from roadmap.anchors import broken_anchors
from scripts.check_anchors import main


def page(path, body):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"<html><body>{body}</body></html>", encoding="utf-8")


def test_links_to_missing_anchors_are_reported_and_good_ones_are_not(tmp_path):
    page(
        tmp_path / "index.html",
        '<h2 id="top">Top</h2><a href="#top">same page</a><a href="#gone">missing</a>'
        '<a href="guide/#step%201">encoded</a><a href="guide/index.html#nope">file form</a>'
        '<a href="https://example.org/#x">external</a><a href="file.ipynb#x">download</a>'
        '<a href="guide/">no anchor</a>',
    )
    page(tmp_path / "guide/index.html", '<a name="step 1"></a><a href="..#top">up</a>')
    checked, broken = broken_anchors(tmp_path)
    assert checked == 5
    assert broken == ["index.html -> #gone", "index.html -> guide/index.html#nope"]


def test_the_command_fails_with_the_list(tmp_path, capsys):
    page(tmp_path / "index.html", '<a href="#gone">missing</a>')
    assert main([str(tmp_path)]) == 1
    assert (
        capsys.readouterr().out == "index.html -> #gone\n1 links with an anchor checked, 1 broken\n"
    )
    page(tmp_path / "index.html", '<p id="here"></p><a href="#here">ok</a>')
    assert main([str(tmp_path)]) == 0
    assert main([]) == 2
