"""Installing the site and reading it offline: a web app manifest and a service worker, written
by the build at the site's root once every other file is final (roadmap/hooks/offline_app.py,
on `build` only: `mkdocs serve` has neither, so a writer's preview never comes from a cache).

`manifest.webmanifest` lets a browser install the site as an app: its name, its icon (the
theme's favicon), its colours (read from the theme's own stylesheets for the palette mkdocs.yml
picks), and a start URL and scope relative to the manifest, so that a project site under
`user.github.io/name/` works as well as one at the root of a domain. Every page links it, with
the name of the worker beside it (`head_tags`).

`sw.js` is templates/sw.js with the build's list of files and its version filled in. Seconds
after a page has loaded, page-scripts.js registers it for the site's root; it downloads every
file `offline_files` lists in the background and serves them when the network fails (network
first: online, a reader always gets the site as published). Its cache is named by `version`,
a hash of those files' paths and contents: a build that changes any of them writes a new
worker, which replaces the cache; a build that changes none writes the same worker, and the
browser keeps it and its cache.

The offline copy holds every page, script, stylesheet, image and data file a reader needs, and
leaves out what `LEFT_OUT` lists, each for its reason.
"""

from __future__ import annotations

import hashlib
import json
import mimetypes
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from roadmap import css, pyodide, speed

MANIFEST = "manifest.webmanifest"
WORKER = "sw.js"
WORKER_SOURCE = Path(__file__).parent / "templates" / "sw.js"
SEARCH_INDEX = "search/search_index.json"  # Material's search plugin writes it here
LUNR = "assets/javascripts/lunr/"  # the search's language support, in Material's assets

# What the offline copy leaves out: a pattern of site paths, and why.
LEFT_OUT = {
    rf"{re.escape(pyodide.SITE_RUNTIME)}/": (
        "the exercises' Python runtime and wheels (about 14 MiB): an exercise's first run "
        "downloads them, and the worker keeps them from then on"
    ),
    rf"{re.escape(LUNR)}": (
        "the search's support for languages other than English (a site in another language "
        "gets the files its search loads, `search_files`)"
    ),
    r".*\.map$": "source maps, for developers' tools",
    r"sitemap\.xml\.gz$": "the compressed sitemap, for search engines",
    r".*\.ipynb$": (
        "the notebooks' downloads (about 0.7 MiB), to run in Jupyter rather than to read; the "
        "worker keeps one once it is downloaded"
    ),
    r"404\.html$": (
        "the page a host shows for a missing address; offline, the browser's own message says "
        "more truly that the page could not be fetched"
    ),
    rf"{re.escape(WORKER)}$": "the worker itself, which the browser fetches and checks",
}
_LEFT_OUT = re.compile("|".join(f"(?:{pattern})" for pattern in LEFT_OUT))


def left_out(path: str) -> bool:
    """Whether the offline copy leaves out this site path (one of `LEFT_OUT`)."""
    return _LEFT_OUT.match(path) is not None


def search_files(languages: Iterable[str]) -> list[str]:
    """The files of `LUNR` that Material's search worker loads for these languages (its
    worker's own rule: English needs none)."""
    languages = list(languages)
    files = []
    for language in languages:
        if language == "ja":
            files.append(f"{LUNR}tinyseg.js")
        elif language in ("hi", "th"):
            files.append(f"{LUNR}wordcut.js")
        if language != "en":
            files.append(f"{LUNR}min/lunr.{language}.min.js")
    if len(languages) > 1:
        files.append(f"{LUNR}min/lunr.multi.min.js")
    return [f"{LUNR}min/lunr.stemmer.support.min.js", *files] if files else []


def search_languages(index: bytes | None) -> list[str]:
    """The languages of the search index (its config's `lang`); none without an index."""
    if index is None:
        return []
    return list(json.loads(index)["config"]["lang"])


def offline_files(paths: Iterable[str], languages: Iterable[str] = ()) -> list[str]:
    """The site paths the offline copy keeps, sorted: all but those `left_out`, with the
    search's language files for `languages` put back."""
    paths = set(paths)
    kept = {path for path in paths if not left_out(path)}
    return sorted(kept | (paths & set(search_files(languages))))


def url(path: str) -> str:
    """The URL of a site path relative to the site's root, as links write it: a folder's
    index.html is the folder, and the root's is `./`."""
    if path == "index.html":
        return "./"
    return path.removesuffix("index.html") if path.endswith("/index.html") else path


def version(files: Mapping[str, bytes]) -> str:
    """A hash of the files' paths and contents, the same whatever their order."""
    digest = hashlib.sha256()
    for path in sorted(files):
        digest.update(f"{path}\0{len(files[path])}\0".encode())
        digest.update(files[path])
    return digest.hexdigest()[:16]


_BUILD = re.compile(r"^([ \t]*const BUILD = )\{.*?\};", re.MULTILINE)


def worker(source: str, build_version: str, urls: list[str]) -> str:
    """The service worker: `source` (templates/sw.js) with its `const BUILD = ...;` line
    holding this build's version and URLs, minified."""
    build = json.dumps({"version": build_version, "files": urls}, separators=(",", ":"))
    text, count = _BUILD.subn(lambda match: f"{match.group(1)}{build};", source, count=1)
    if count != 1:
        raise ValueError(f"{WORKER_SOURCE.name} has no `const BUILD = ...;` line to fill in")
    return speed.minified(text, ".js")


def custom_property(stylesheets: Iterable[str], selector: str, name: str) -> str | None:
    """The value the last top-level rule for exactly `selector` (among its selector list)
    gives the custom property `name`, over the stylesheets in order; None if none does."""
    found = None
    for sheet in stylesheets:
        for rule in css.split_rules(sheet):
            if rule.block is None or rule.prelude.startswith("@"):
                continue
            if selector not in (s.strip() for s in css.split_top_level(rule.prelude, ",")):
                continue
            for declaration in css.split_top_level(rule.block, ";"):
                prop, _, value = declaration.partition(":")
                if prop.strip() == name:
                    found = value.strip()
    return found


_PLAIN_COLOUR = re.compile(r"#[0-9a-fA-F]{3,8}|(?:rgba?|hsla?)\([^()]*\)|[a-zA-Z]+")


@dataclass(frozen=True)
class Colours:
    theme: str  # the header's colour: the browser's bar and the installed app's title bar
    background: str  # the page's background: the installed app's splash screen


def theme_colours(stylesheets: list[str], primary: str, scheme: str) -> Colours:
    """The colours of the palette (`primary` colour, `scheme`) in the theme's stylesheets:
    Material's `--md-primary-fg-color` and `--md-default-bg-color`. Raises ValueError naming
    what the stylesheets lack, or a colour that is not plain (a manifest cannot read `var()`)."""
    wanted = {
        "theme": ("--md-primary-fg-color", [f"[data-md-color-primary={primary}]", ":root"]),
        "background": ("--md-default-bg-color", [f"[data-md-color-scheme={scheme}]", ":root"]),
    }
    found = {}
    for field, (name, selectors) in wanted.items():
        values = (custom_property(stylesheets, selector, name) for selector in selectors)
        value = next((v for v in values if v is not None), None)
        if value is None or not _PLAIN_COLOUR.fullmatch(value):
            what = f"give {name} as {value!r}" if value else f"give no {name}"
            raise ValueError(
                f"the theme's stylesheets {what} for {selectors[0]}, where the web app "
                "manifest needs a plain colour"
            )
        found[field] = value
    return Colours(**found)


def theme_stylesheets(theme_dirs: Iterable[str]) -> list[str]:
    """Material's main and palette stylesheets, as the theme ships them, in the order pages
    link them."""
    for folder in map(Path, theme_dirs):
        sheets = sorted((folder / "assets" / "stylesheets").glob("main.*.min.css")) + sorted(
            (folder / "assets" / "stylesheets").glob("palette.*.min.css")
        )
        if sheets:
            return [sheet.read_text(encoding="utf-8") for sheet in sheets]
    return []


@dataclass(frozen=True)
class Site:
    """What the manifest says of the site, from mkdocs.yml."""

    name: str
    short_name: str
    description: str
    language: str
    icon: str  # a site path
    colours: Colours


def site_settings(config: Mapping, theme: Mapping, theme_dirs: Iterable[str]) -> Site:
    """What the manifest says of the site, from mkdocs.yml (`config`, its `theme`) and the
    theme's stylesheets. Raises ValueError naming the setting that does not do."""
    name = config["site_name"]
    short_name = (config.get("extra") or {}).get("short_name", name)
    if not isinstance(short_name, str) or not short_name.strip():
        raise ValueError(
            "mkdocs.yml, extra.short_name: the name an installed copy of the site shows under "
            f"its icon must be text (about 12 characters at most); found {short_name!r}"
        )
    palette = theme.get("palette") or {}
    first = (palette[0] if isinstance(palette, list) and palette else palette) or {}
    primary, scheme = first.get("primary", "indigo"), first.get("scheme", "default")
    try:
        colours = theme_colours(theme_stylesheets(theme_dirs), str(primary), str(scheme))
    except ValueError as exc:
        raise ValueError(f"mkdocs.yml, theme.palette: {exc}") from None
    return Site(
        name=name,
        short_name=short_name.strip(),
        description=config.get("site_description") or "",
        language=theme.get("language") or "en",
        icon=theme["favicon"],
        colours=colours,
    )


def manifest(site: Site) -> str:
    """The web app manifest: every URL in it relative to the manifest, at the site's root."""
    icon_type = mimetypes.guess_type(site.icon)[0] or "image/png"
    data = {
        "name": site.name,
        "short_name": site.short_name,
        "description": site.description,
        "lang": site.language,
        "dir": "ltr",
        "id": "./",
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "theme_color": site.colours.theme,
        "background_color": site.colours.background,
        "icons": [{"src": site.icon, "sizes": "any", "type": icon_type, "purpose": "any"}],
    }
    return json.dumps(data, indent=1, ensure_ascii=False) + "\n"


def site_root_path(site_url: str | None) -> str:
    """The site's root as pages that may be served at any address (404.html) link it: the
    path of mkdocs.yml's site_url, or `/` without one."""
    return urlsplit(site_url or "/").path


def head_tags(manifest_url: str, colours: Colours) -> str:
    """What every page's <head> gets: the link to the manifest (naming the worker beside it,
    for page-scripts.js) and the theme colour."""
    return (
        f'<link rel="manifest" href="{manifest_url}" data-worker="{WORKER}">'
        f'<meta name="theme-color" content="{colours.theme}">'
    )


def add_head_tags(page: str, tags: str) -> str:
    """The page with `tags` at the end of its <head> (unchanged without one)."""
    end = page.find("</head>")
    return page if end < 0 else page[:end] + tags + "\n" + page[end:]


@dataclass(frozen=True)
class OfflineCopy:
    version: str
    files: dict[str, int]  # site path -> size in bytes

    @property
    def size(self) -> int:
        return sum(self.files.values())


def write(site_dir: Path, site: Site, source: str) -> OfflineCopy:
    """Write the manifest and the worker (`source`, templates/sw.js, filled in) into a built
    site, and say what the offline copy holds."""
    (site_dir / MANIFEST).write_text(manifest(site), encoding="utf-8")
    paths = [p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*") if p.is_file()]
    index = site_dir / SEARCH_INDEX
    languages = search_languages(index.read_bytes() if index.is_file() else None)
    files = {path: (site_dir / path).read_bytes() for path in offline_files(paths, languages)}
    build_version = version(files)
    text = worker(source, build_version, [url(path) for path in files])
    (site_dir / WORKER).write_text(text, encoding="utf-8")
    return OfflineCopy(build_version, {path: len(data) for path, data in files.items()})
