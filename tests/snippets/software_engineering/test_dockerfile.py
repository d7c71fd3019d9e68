"""The Dockerfile on the docker page builds the api-development service from files that exist.

Docker itself is not needed: the file is parsed, and every path and module it names is checked.
"""

import importlib
import json
import re
import shlex
from pathlib import Path

from fastapi import FastAPI

ROOT = Path(__file__).resolve().parents[3]
DOCKERFILE = ROOT / "snippets" / "software_engineering" / "Dockerfile"
DOCKERIGNORE = DOCKERFILE.with_name("Dockerfile.dockerignore")
PAGE = ROOT / "docs" / "software-engineering" / "docker.md"


def instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs, with comments dropped and continued lines joined."""
    text = re.sub(r"\\\n", " ", DOCKERFILE.read_text(encoding="utf-8"))
    pairs = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            keyword, _, arguments = line.partition(" ")
            pairs.append((keyword.upper(), arguments.strip()))
    return pairs


def of(keyword: str) -> list[str]:
    return [arguments for name, arguments in instructions() if name == keyword]


def copy_sources() -> list[str]:
    sources = []
    for arguments in of("COPY"):
        words = [w for w in shlex.split(arguments) if not w.startswith("--")]
        sources.extend(words[:-1])  # the last word is the destination
    return sources


def test_it_starts_from_the_python_version_the_project_uses():
    [image] = of("FROM")
    assert image.startswith("python:3.11")


def test_every_copy_source_exists_in_the_repository():
    sources = copy_sources()
    assert sources
    for source in sources:
        assert (ROOT / source).exists(), f"COPY {source}: no such file in the repository"


def test_the_ignore_file_lets_every_copy_source_through():
    lines = DOCKERIGNORE.read_text(encoding="utf-8").splitlines()
    assert "*" in lines
    for source in copy_sources():
        assert f"!{source}" in lines


def test_dependencies_are_installed_before_the_code_is_copied():
    steps = instructions()
    install = next(i for i, (name, args) in enumerate(steps) if name == "RUN" and "pip" in args)
    last_copy = max(i for i, (name, _) in enumerate(steps) if name == "COPY")
    assert install < last_copy  # so editing the code keeps the dependency layer cached


def test_every_installed_package_is_pinned_by_the_lock_or_in_place():
    locked = {
        line.split("==")[0].lower()
        for line in (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines()
        if "==" in line and not line.startswith("#")
    }
    [install] = [a for a in of("RUN") if "pip install" in a]
    words = shlex.split(install)
    assert "-c" in words and words[words.index("-c") + 1] == "requirements.lock"
    packages = [w for w in words[words.index("-c") + 2 :] if not w.startswith("-")]
    assert packages
    for package in packages:
        assert "==" in package or package.lower() in locked, f"{package} is not pinned"


def test_the_command_serves_the_api_module_that_exists():
    [command] = of("CMD")
    argv = json.loads(command)  # exec form: a JSON list, no shell in between
    assert argv[0] == "uvicorn"
    module_name, _, attribute = argv[1].partition(":")
    assert (ROOT / (module_name.replace(".", "/") + ".py")).is_file()
    assert isinstance(getattr(importlib.import_module(module_name), attribute), FastAPI)
    port = argv[argv.index("--port") + 1]
    assert of("EXPOSE") == [port]


def test_the_container_does_not_run_as_root():
    assert of("USER") and of("USER")[-1] not in {"root", "0"}


def test_the_docker_page_shows_this_file():
    assert '--8<-- "snippets/software_engineering/Dockerfile"' in PAGE.read_text(encoding="utf-8")
