"""The notebooks in docs/notebooks/: each runs top to bottom in a fresh kernel without error, and
is stored with exactly the outputs it produces today, so the site never shows stale results.
After editing a notebook, `make notebooks` runs them all again and stores what they print.

Also: roadmap/notebooks.py, which fits the rendered notebook pages to the site."""

from __future__ import annotations

import base64
import hashlib
import io
import re

import nbformat
import pytest
from nbclient.exceptions import CellExecutionError
from PIL import Image

from roadmap import css
from roadmap import notebooks as notebook_pages
from roadmap.notebook_runs import NOTEBOOK_DIR, ROOT, dumps, execute, normalise, notebooks, read

EXPECTED = {
    "bias-variance-and-validation",
    "eda-walkthrough",
    "evaluation-trade-offs",
    "linear-regression-to-glm",
    "problem-framing",
}
PATHS = notebooks()
FIX = "run `make notebooks` and commit the result"


def rel(path) -> str:
    return path.relative_to(ROOT).as_posix()


def code_cells(nb) -> list:
    return [cell for cell in nb.cells if cell.cell_type == "code"]


def first_difference(stored: str, fresh: str) -> str:
    pairs = zip(stored.splitlines(), fresh.splitlines(), strict=False)  # lengths may differ
    for number, (old, new) in enumerate(pairs, start=1):
        if old != new:
            return f"line {number}: stored {old!r}, now {new!r}"
    return f"stored {len(stored.splitlines())} lines, now {len(fresh.splitlines())}"


def differences(stored, fresh) -> list[str]:
    """Where the outputs of two runs of the same notebook differ, one line per difference."""
    found = []
    pairs = zip(code_cells(stored), code_cells(fresh), strict=True)  # same sources, checked first
    for number, (old, new) in enumerate(pairs, start=1):
        where = f"code cell {number} (In [{new.execution_count}])"
        if len(old.outputs) != len(new.outputs):
            found.append(f"{where}: {len(old.outputs)} outputs stored, {len(new.outputs)} now")
            continue
        for out_old, out_new in zip(old.outputs, new.outputs, strict=True):
            kinds = (out_old.output_type, out_new.output_type)
            if kinds[0] != kinds[1]:
                found.append(f"{where}: a {kinds[0]} output stored, a {kinds[1]} now")
            elif out_new.output_type == "stream":
                if (out_old.name, out_old.text) != (out_new.name, out_new.text):
                    found.append(
                        f"{where}: {out_new.name} " + first_difference(out_old.text, out_new.text)
                    )
            elif "data" in out_new:
                for mime in sorted(set(out_old.data) | set(out_new.data)):
                    a, b = out_old.data.get(mime), out_new.data.get(mime)
                    if a == b:
                        continue
                    if mime == "image/png" and a and b:
                        found.append(
                            f"{where}: image/png differs ({len(a)} vs {len(b)} base64 chars)"
                        )
                    elif isinstance(a, str) and isinstance(b, str):
                        found.append(f"{where}: {mime} " + first_difference(a, b))
                    else:
                        found.append(f"{where}: {mime} {'missing now' if a else 'new'}")
    return found


def test_the_notebooks_are_all_there():
    assert {path.stem for path in PATHS} >= EXPECTED


@pytest.mark.notebook
@pytest.mark.parametrize("path", PATHS, ids=lambda path: path.stem)
def test_the_notebook_runs_and_its_stored_outputs_are_current(path):
    try:
        fresh = execute(path)
    except CellExecutionError as exc:
        pytest.fail(f"{rel(path)}: a cell raised an error:\n{exc}")
    stored = read(path)
    assert [c.source for c in stored.cells] == [c.source for c in fresh.cells]
    found = differences(stored, fresh)
    assert not found, f"{rel(path)}: stored outputs differ from a fresh run; {FIX}:\n" + "\n".join(
        found
    )
    assert path.read_text(encoding="utf-8") == dumps(fresh), f"{rel(path)}: {FIX}"


@pytest.mark.parametrize("path", PATHS, ids=lambda path: path.stem)
def test_the_stored_notebook_is_normalised(path):
    """Without running it: an editor's metadata, cell ids or counts would show up here."""
    assert path.read_text(encoding="utf-8") == dumps(normalise(read(path))), f"{rel(path)}: {FIX}"


@pytest.mark.parametrize("path", PATHS, ids=lambda path: path.stem)
def test_the_stored_notebook_is_complete_and_clean(path):
    nb = read(path)
    first = nb.cells[0]
    assert first.cell_type == "markdown" and first.source.startswith("# "), (
        f"{rel(path)}: start with a Markdown cell whose first line is the '# Title' of the page"
    )
    outputs = [output for cell in code_cells(nb) for output in cell.outputs]
    assert all(cell.execution_count for cell in code_cells(nb)), f"{rel(path)}: {FIX}"
    assert not [o for o in outputs if o.output_type == "error"], f"{rel(path)}: an error output"
    stderr = [o.text for o in outputs if o.output_type == "stream" and o.name == "stderr"]
    assert not stderr, f"{rel(path)}: warnings or errors printed to stderr: {stderr}"
    assert any("image/png" in o.get("data", {}) for o in outputs), f"{rel(path)}: no plot"
    for output in outputs:
        png = output.get("data", {}).get("image/png")
        if png:
            assert base64.b64decode(png).startswith(b"\x89PNG"), rel(path)
        plain = output.get("data", {}).get("text/plain", "")
        assert not re.search(r"\bat 0x[0-9a-f]+", plain), f"{rel(path)}: a memory address {plain}"


def test_the_index_links_every_notebook():
    index = (NOTEBOOK_DIR / "index.md").read_text(encoding="utf-8")
    linked = set(re.findall(r"\]\(([\w-]+)\.ipynb\)", index))
    assert linked == {path.stem for path in PATHS}


@pytest.mark.parametrize("path", PATHS, ids=lambda path: path.stem)
def test_links_in_the_notebook_point_to_existing_pages(path):
    text = "\n".join(c.source for c in read(path).cells if c.cell_type == "markdown")
    for target in re.findall(r"\]\((?!https?:|#)([^)#\s]+)", text):
        assert (path.parent / target).resolve().is_file(), f"{rel(path)}: broken link {target}"


def test_differences_name_the_cell_and_the_output_that_changed():
    stored = read(NOTEBOOK_DIR / "eda-walkthrough.ipynb")
    fresh = read(NOTEBOOK_DIR / "eda-walkthrough.ipynb")
    assert differences(stored, fresh) == []
    cells = code_cells(fresh)
    stream = next(o for o in cells[1].outputs if o.output_type == "stream")
    stream.text = stream.text.replace("178", "179")
    plot = next(o for c in cells for o in c.outputs if "image/png" in o.get("data", {}))
    plot.data["image/png"] = plot.data["image/png"][:-8] + "AAAAAAA="
    found = differences(stored, fresh)
    assert found[0] == "code cell 2 (In [2]): stdout line 1: stored '178 rows, 14 columns', " + (
        "now '179 rows, 14 columns'"
    )
    assert len(found) == 2 and "image/png differs" in found[1]


# The normalisation, on a small notebook.


def test_normalise_fixes_ids_counts_streams_and_volatile_metadata():
    nb = nbformat.v4.new_notebook()
    nb.metadata = {
        "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
        "language_info": {"name": "python", "version": "3.11.7"},
        "widgets": {"state": {}},
    }
    markdown = nbformat.v4.new_markdown_cell("# Title")
    code = nbformat.v4.new_code_cell("print(1); 2", execution_count=7)
    code.metadata = {"execution": {"iopub.status.busy": "2026-11-23T10:00:00"}, "tags": ["t"]}
    code.outputs = [
        nbformat.v4.new_output("stream", name="stdout", text="a\n"),
        nbformat.v4.new_output("stream", name="stdout", text="b\n"),
        nbformat.v4.new_output("execute_result", data={"text/plain": "2"}, execution_count=7),
    ]
    nb.cells = [markdown, code]
    out = normalise(nb)
    assert [cell.id for cell in out.cells] == ["0", "1"]
    assert out.cells[1].execution_count == 1
    assert out.cells[1].metadata == {"tags": ["t"]}
    assert [o.get("text") for o in out.cells[1].outputs] == ["a\nb\n", None]
    assert out.cells[1].outputs[1].execution_count == 1
    assert out.metadata == {
        "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
        "language_info": {"name": "python"},
    }
    assert nb.cells[1].execution_count == 7  # the input is left alone
    assert dumps(normalise(out)) == dumps(out)  # idempotent


# Fitting the rendered page to the site.

PAGE = (
    '<div><h1 id="t">Title<a class="anchor-link" href="#t">¶</a></h1>'
    '<p>See <a href="../data-science/model-validation.md#k-fold">k-fold</a>, '
    '<a href="other.ipynb">another</a>, <a href="https://example.org/x.md">elsewhere</a> '
    'and <a href="#t">the top</a>.</p><table><tr style="text-align: right;"><th>a</th></tr>'
    '</table><script src=""> </script><script type="module">go()</script>'
    '<div class="clipboard-copy-txt">df.plot(x, style="--")  # href="notes.md"</div></div>'
)
PAGES = {
    "data-science/model-validation.md": "../../data-science/model-validation/",
    "notebooks/other.ipynb": "../other/",
}


def test_adapt_links_pages_adds_a_download_link_and_drops_what_the_policy_refuses():
    out = notebook_pages.adapt(PAGE, "notebooks/this.ipynb", PAGES.get)
    assert 'href="../../data-science/model-validation/#k-fold"' in out
    assert 'href="../other/"' in out
    assert 'href="https://example.org/x.md"' in out and 'href="#t"' in out
    assert 'style="text' not in out and '<script src="">' not in out
    assert 'df.plot(x, style="--")  # href="notes.md"' in out  # code stays as written
    assert '<script type="module">go()</script>' in out
    download = '<a href="this.ipynb" download>Download this notebook (this.ipynb)</a>'
    assert out.index("</h1>") < out.index(download) < out.index("<p>See")


def test_adapt_refuses_a_link_to_a_missing_page():
    page = '<a href="../data-science/missing.md">x</a><a href="../../outside.md">y</a>'
    with pytest.raises(ValueError, match=r"missing\.md, \.\./\.\./outside\.md"):
        notebook_pages.adapt(page, "notebooks/this.ipynb", PAGES.get)


def test_adapt_puts_the_download_link_first_without_a_title():
    out = notebook_pages.adapt("<p>No title</p>", "notebooks/this.ipynb", PAGES.get)
    assert out.startswith('<p class="roadmap-notebook-download">')
    assert notebook_pages.is_notebook("notebooks/this.ipynb")
    assert not notebook_pages.is_notebook("notebooks/index.md")


def first_plot() -> bytes:
    """The first plot of a stored notebook: a real PNG file."""
    nb = read(NOTEBOOK_DIR / "eda-walkthrough.ipynb")
    outputs = (output for cell in code_cells(nb) for output in cell.outputs)
    return base64.b64decode(
        next(o.data["image/png"] for o in outputs if "image/png" in o.get("data", {}))
    )


def test_externalise_moves_stylesheets_and_images_into_shared_files():
    png = first_plot()
    width, height = Image.open(io.BytesIO(png)).size
    encoded = base64.b64encode(png).decode("ascii")
    page = (
        "<style>.a { color: red }</style><style>.a { color: red }</style><style> </style>"
        f'<img alt="plot" src="data:image/png;base64,{encoded[:10]}\n{encoded[10:]}">'
        f'<img width="300" src="data:image/png;base64,{encoded}"/><img src="logo.svg" alt="">'
        "<pre>&lt;style&gt;kept as text&lt;/style&gt;</pre>"
    )
    assets: dict[str, bytes] = {}
    out = notebook_pages.externalise(page, lambda path: "../../" + path, assets)
    css = next(path for path in assets if path.endswith(".css"))
    image = next(path for path in assets if path.endswith(".png"))
    assert assets == {css: b".a { color: red }", image: png}
    lazy = 'loading="lazy" decoding="async"'
    assert out == (
        f'<link rel="stylesheet" href="../../{css}">'
        f'<img {lazy} width="{width}" height="{height}" alt="plot" src="../../{image}">'
        f'<img {lazy} width="300" src="../../{image}"/>'  # a size given is kept
        f'<img {lazy} src="logo.svg" alt="">'
        "<pre>&lt;style&gt;kept as text&lt;/style&gt;</pre>"
    )
    # Another page with the same stylesheet shares its file.
    notebook_pages.externalise("<style>.a { color: red }</style>", str, assets)
    assert len(assets) == 2


def test_png_size_reads_the_header_of_each_plot():
    nb = read(NOTEBOOK_DIR / "eda-walkthrough.ipynb")
    outputs = [output for cell in code_cells(nb) for output in cell.outputs]
    plots = [
        base64.b64decode(o.data["image/png"]) for o in outputs if "image/png" in o.get("data", {})
    ]
    assert len(plots) > 1
    for png in plots:
        assert notebook_pages.png_size(png) == Image.open(io.BytesIO(png)).size
    for not_png in (
        plots[0][:20],
        b"GIF89a" + plots[0][6:],
        plots[0][:12] + b"IDAT" + plots[0][16:],
    ):
        with pytest.raises(ValueError, match="not a PNG"):
            notebook_pages.png_size(not_png)


# Only the stylesheet rules a notebook page can use (roadmap/css.py does the pruning).


@pytest.fixture(scope="module")
def rendered() -> tuple[str, list[str]]:
    """A notebook page as mkdocs-jupyter renders it for the site, its stylesheets taken out."""
    from mkdocs_jupyter.nbconvert2 import nb2html

    page = nb2html(str(NOTEBOOK_DIR / "eda-walkthrough.ipynb"), include_requirejs=False)
    assets: dict[str, bytes] = {}
    page = notebook_pages.externalise(page, str, assets)
    return page, [data.decode("utf-8") for path, data in assets.items() if path.endswith(".css")]


def test_pruning_the_real_stylesheets_keeps_the_rules_of_what_the_page_uses(rendered):
    page, sheets = rendered
    classes = css.class_names(page)
    pruned = css.prune_stylesheets(sheets, classes)
    theme = max(range(len(sheets)), key=lambda n: len(sheets[n]))  # JupyterLab's, 575 KB
    before = {rule.prelude for rule in css.split_rules(sheets[theme])}
    after = {rule.prelude for rule in css.split_rules(pruned[theme])}
    assert "jp-InputArea" in classes and ".jupyter-wrapper .jp-InputArea" in after
    assert "jp-Dialog" not in classes and ".jupyter-wrapper .jp-Dialog" in before
    assert "jp-Dialog" not in pruned[theme]
    assert after < before and len(pruned[theme]) < len(sheets[theme]) / 10

    def defined(css: str) -> set[str]:
        return set(re.findall(r"(--[\w-]+)\s*:", css))

    def read(css: str) -> set[str]:
        return set(re.findall(r"var\(\s*(--[\w-]+)", css))

    # Every property the rules left read is still set, if it was before; unread ones are gone.
    assert read("".join(pruned)) & defined("".join(sheets)) <= defined("".join(pruned))
    assert "--jp-cell-editor-background" in defined("".join(pruned))
    assert "--md-red-50" in defined(sheets[theme]) and "--md-red-50" not in "".join(pruned)
    # mkdocs-jupyter writes one stylesheet as a Python list: one string, no rule a browser keeps.
    quirk = [n for n, css in enumerate(sheets) if css.lstrip().startswith("['")]
    assert [pruned[n] for n in quirk] == [""]


def test_pruned_stylesheets_are_named_by_their_new_bytes_and_linked_again():
    assets = {
        "assets/notebooks/aaaa.css": b".used { top: 0 } .unused { top: 1px }",
        "assets/notebooks/bbbb.css": b".unused { top: 2px }",
        "assets/notebooks/cccc.png": b"an image",
    }
    renamed = notebook_pages.prune_stylesheet_assets(assets, {"used"})
    new = f"assets/notebooks/{hashlib.sha256(b'.used{ top: 0 }').hexdigest()[:16]}.css"
    assert renamed == {"assets/notebooks/aaaa.css": new, "assets/notebooks/bbbb.css": None}
    assert assets == {new: b".used{ top: 0 }", "assets/notebooks/cccc.png": b"an image"}
    others = (
        '<link rel="stylesheet" href="../../assets/stylesheets/roadmap.css">'
        '<link rel="stylesheet" href="https://example.org/assets/notebooks/aaaa.css">'
    )
    page = (
        '<link rel="stylesheet" href="../../assets/notebooks/aaaa.css">'
        '<link rel="stylesheet" href="../../assets/notebooks/bbbb.css">' + others
    )
    assert css.relink_stylesheets(page, renamed) == (
        f'<link rel="stylesheet" href="../../{new}">' + others
    )


# Only the title and introduction in the search index.

X = notebook_pages.SEARCH_EXCLUDE


def test_exclude_from_search_marks_every_element_of_every_cell_but_the_first_markdown_one():
    cells = (
        '<div class="jp-Cell jp-CodeCell"><div class="jp-InputArea"><pre>setup()</pre></div></div>',
        '<div class="jp-Cell jp-MarkdownCell"><div><h1 id="t">Title</h1></div><p>Intro</p></div>',
        '<div class="jp-Cell jp-CodeCell"><div><div class="out"><img src="a.png"/></div></div>'
        "<pre>code()</pre></div>",
        '<div class="jp-Cell jp-MarkdownCell"><h2 id="m">More</h2>'
        "<script>if (a<b) { x = '<div class=\"jp-Cell\">' }</script><p>Text</p></div>",
    )
    page = (
        '<div class="jupyter-wrapper"><div class="jp-Notebook">' + "".join(cells) + "</div></div>"
    )
    assert notebook_pages.exclude_from_search(page) == (
        '<div class="jupyter-wrapper"><div class="jp-Notebook">'
        f'<div{X} class="jp-Cell jp-CodeCell"><div{X} class="jp-InputArea"><pre{X}>setup()</pre>'
        "</div></div>"
        + cells[1]
        + f'<div{X} class="jp-Cell jp-CodeCell"><div{X}><div{X} class="out"><img{X} src="a.png"/>'
        f"</div></div><pre{X}>code()</pre></div>"
        f'<div{X} class="jp-Cell jp-MarkdownCell"><h2{X} id="m">More</h2>'
        f"<script>if (a<b) {{ x = '<div class=\"jp-Cell\">' }}</script><p{X}>Text</p></div>"
        "</div></div>"
    )


def test_only_the_first_cell_of_a_real_notebook_page_reaches_the_search_index(rendered):
    """Read by Material's own search parser, as the build does."""
    from material.plugins.search.plugin import Parser

    def indexed(page: str) -> dict[str, str]:
        parser = Parser()
        parser.feed(page)
        parser.close()
        return {
            "".join(s.title).strip(): "".join(s.text).strip()
            for s in parser.data
            if not s.is_excluded() and "".join(s.text).strip()
        }

    page, _ = rendered
    intro = read(NOTEBOOK_DIR / "eda-walkthrough.ipynb").cells[0].source
    title = intro.splitlines()[0].removeprefix("# ")
    assert len(indexed(page)) > 2  # without it: the code, outputs and every section
    found = indexed(notebook_pages.exclude_from_search(page))
    assert list(found) == [title + "¶"]
    assert "We use the wine dataset" in found[title + "¶"] and "load_wine" not in found[title + "¶"]


# Every plot described for readers who cannot see it.


def test_each_image_gets_the_description_its_cell_gives():
    png, svg = {"data": {"image/png": "iVBOR"}}, {"data": {"image/svg+xml": "<svg/>"}}
    notebook = {
        "cells": [
            {"cell_type": "markdown", "metadata": {}, "source": "![a chart](a.png)"},
            {"cell_type": "code", "metadata": {"alt": "One  line\nchart."}, "outputs": [png]},
            {"cell_type": "code", "metadata": {}, "outputs": [{"text": "printed"}]},
            {
                "cell_type": "code",
                "metadata": {"alt": ["First.", "Second."]},
                "outputs": [png, svg],
            },
        ]
    }
    texts = notebook_pages.image_descriptions(notebook)
    assert texts == ["One line chart.", "First.", "Second."]
    placeholder = f'<img alt="{notebook_pages.PLACEHOLDER_ALT}" src="x.png"/>'
    page = '<img alt="kept" src="md.png"/>' + placeholder * 3
    assert notebook_pages.describe_images(page, texts) == (
        '<img alt="kept" src="md.png"/><img alt="One line chart." src="x.png"/>'
        '<img alt="First." src="x.png"/><img alt="Second." src="x.png"/>'
    )
    with pytest.raises(ValueError, match="3 images on the page, 2 descriptions"):
        notebook_pages.describe_images(page, texts[:2])
    assert notebook_pages.describe_images(placeholder, ['"<b>"']) == (
        '<img alt="&quot;&lt;b&gt;&quot;" src="x.png"/>'
    )
    # An attribute whose name only ends in alt is not the image's description.
    other = f'<img data-alt="{notebook_pages.PLACEHOLDER_ALT}" src="y.png"/>'
    assert notebook_pages.describe_images(other + placeholder, ["Z."]) == (
        other + '<img alt="Z." src="x.png"/>'
    )


def test_a_plot_without_a_description_is_named_by_its_cell():
    png = {"data": {"image/png": "iVBOR"}}
    notebook = {
        "cells": [
            {"cell_type": "code", "metadata": {}, "outputs": [png]},
            {"cell_type": "code", "metadata": {"alt": "Only one."}, "outputs": [png, png]},
            {"cell_type": "code", "metadata": {"alt": "  "}, "outputs": [png]},
        ]
    }
    with pytest.raises(ValueError) as error:
        notebook_pages.image_descriptions(notebook)
    message = str(error.value)
    assert "cell 1 outputs 1 image(s)" in message
    assert "cell 2 outputs 2 image(s)" in message
    assert "cell 3 outputs 1 image(s)" in message


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.stem)
def test_every_plot_of_every_notebook_is_described(path):
    texts = notebook_pages.image_descriptions(read(path))
    assert texts and all(len(text) > 40 for text in texts)
