"""Command line for the roadmap's data.

`python -m roadmap check [--root DIR]` validates everything, listing every problem (the pages'
markers too); it exits 0 when the data is valid and 1 otherwise.
`python -m roadmap new TRACK SKILL-ID "Title"` creates a skill's page, snippet, output and test.
`python -m roadmap generate [--root DIR]` writes the Markdown the site is built from (every page
of docs/ with its generated parts, and the data files the pages load) into build/docs/, writing
only the files that changed.
`python -m roadmap build [--site-dir site]` generates, then builds the site strictly and replaces
the site folder only when the build succeeded.
`python -m roadmap serve [-a HOST:PORT] [-f mkdocs.yml] [--open]` generates, builds and serves
the site with live reload, and on each save in docs/, data/, snippets/ or exercises/ generates
again and renders what changed (roadmap/serve.py).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from roadmap.conventions import DATA_DIR, DOCS_DIR, snippet_name


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m roadmap", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate every data file and skill page")
    check.add_argument(
        "--root", type=Path, default=Path.cwd(), help="project root (default: current folder)"
    )
    new = commands.add_parser("new", help="create a new skill's page, snippet, output and test")
    new.add_argument("track", help="track id, from data/tracks.yml")
    new.add_argument("skill_id", help="kebab-case id, also the page's file name")
    new.add_argument("title", help="the skill's title")
    new.add_argument(
        "--root", type=Path, default=Path.cwd(), help="project root (default: current folder)"
    )
    build = commands.add_parser(
        "build", help="build the site strictly; replace the site folder only if it succeeds"
    )
    build.add_argument("--site-dir", type=Path, default=Path("site"), help="default: site")
    build.add_argument(
        "--root", type=Path, default=Path.cwd(), help="project root (default: current folder)"
    )
    generate = commands.add_parser(
        "generate", help="write the Markdown the site is built from into build/docs/"
    )
    generate.add_argument(
        "--root", type=Path, default=Path.cwd(), help="project root (default: current folder)"
    )
    serving = commands.add_parser(
        "serve", help="generate, build and serve the site, showing each save within a second"
    )
    serving.add_argument(
        "-a", "--dev-addr", metavar="HOST:PORT", help="default: mkdocs.yml's, 127.0.0.1:8000"
    )
    serving.add_argument(
        "-f", "--config-file", type=Path, help="default: mkdocs.yml in the current folder"
    )
    serving.add_argument("-o", "--open", action="store_true", help="open the site in a browser")
    args = parser.parse_args(argv)
    root = getattr(args, "root", Path.cwd())
    missing = [name for name in (DATA_DIR, DOCS_DIR) if not (root / name).is_dir()]
    if missing:
        print(
            f"{root} is not the roadmap's project folder: it has no "
            f"{' and no '.join(name + '/' for name in missing)} folder. Run this from the folder "
            f"that holds mkdocs.yml{', or name it with --root' if hasattr(args, 'root') else ''}.",
            file=sys.stderr,
        )
        return 2

    command = {
        "generate": _generate,
        "serve": _serve,
        "build": _build,
        "new": _new,
        "check": _check,
    }[args.command]
    return command(args)


# Each command imports what it needs when it runs: `build` starts MkDocs before it imports the
# generator (roadmap/build.py), so that the two start together.


def _generate(args: argparse.Namespace) -> int:
    from roadmap.build import generate_or_explain

    problems, changes = generate_or_explain(args.root)
    if problems:
        print(problems, file=sys.stderr)
        return 1
    print(f"Generated: {len(changes.written)} written, {len(changes.removed)} removed.")
    return 0


def _serve(args: argparse.Namespace) -> int:
    from roadmap.serve import serve

    config = args.config_file or Path.cwd() / "mkdocs.yml"
    return serve(Path.cwd(), config.absolute(), args.dev_addr, args.open)


def _build(args: argparse.Namespace) -> int:
    from roadmap.build import build_site

    try:
        result = build_site(args.root, args.root / args.site_dir)
    except KeyboardInterrupt:
        print(f"\nThe build was interrupted; {args.site_dir} is as it was.", file=sys.stderr)
        return 130
    sys.stderr.write(result.stderr)
    if result.returncode:
        print(f"The build failed; {args.site_dir} is as it was.", file=sys.stderr)
    return result.returncode


def _new(args: argparse.Namespace) -> int:
    from roadmap.scaffold import ScaffoldError, new_skill

    try:
        created = new_skill(args.root, args.track, args.skill_id, args.title)
    except ScaffoldError as exc:
        print(f"Cannot create the skill: {exc}", file=sys.stderr)
        return 1
    print("Created:\n" + "\n".join(f"  {path.relative_to(args.root)}" for path in created))
    print(
        "Now replace every line marked TODO: `make check` lists them, and `make serve` "
        "shows the page meanwhile. Then run `make outputs NAME="
        f"{snippet_name(args.skill_id)}` and `make test`."
    )
    return 0


def _check(args: argparse.Namespace) -> int:
    from roadmap import markers
    from roadmap.generate import marker_problems, read_pages
    from roadmap.load import load_roadmap
    from roadmap.problems import RoadmapError, format_problems
    from roadmap.render import counted
    from roadmap.validate import load_and_check, short_of_standard

    report = []
    try:
        roadmap = load_and_check(args.root)
    except RoadmapError as exc:
        report.append(str(exc))
        roadmap, _ = load_roadmap(args.root)  # the tracks that did load, for the markers
    # The pages' markers too, so that every problem shows at once.
    wrong = marker_problems({track.id for track in roadmap.tracks}, read_pages(args.root))
    if wrong:
        heading = f"The pages have {counted(len(wrong), 'marker')} to fix:"
        report.append("\n".join([heading, *wrong, markers.allowed()]))
    if report:
        print("\n\n".join(report), file=sys.stderr)
        return 1
    counts = {
        "track": len(roadmap.tracks),
        "skill": len(roadmap.skills),
        "checklist item": sum(len(page.skill.checklist) for page in roadmap.skills),
        "resource": len(roadmap.resources),
        "snippet": len(roadmap.snippets),
    }
    summary = ", ".join(f"{n} {noun}{'' if n == 1 else 's'}" for noun, n in counts.items())
    print(f"The roadmap data is valid: {summary}.")
    short = short_of_standard(roadmap)
    if short:
        pages = len({problem.file for problem in short})
        listed = format_problems(short).split("\n", 1)[1]
        which = "a skill page needs" if pages == 1 else f"{pages} skill pages need"
        print(
            f"\nBefore it is merged, {which} more (`make test` fails on these, in "
            f"tests/test_content.py):\n{listed}"
        )
    return 0
