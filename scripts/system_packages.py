"""Install the system packages `make test` needs, or say exactly how to install them.

The tests need Chromium (the browser tests), Node.js and npm (axe-core, Lighthouse and the page
scripts' own tests) and a Java runtime (the PySpark snippet); the README's command needs make.
`make test` runs this script first, before the Python packages are installed, so it uses the
standard library only; .ci/run runs it directly when make itself is missing.

On Debian and Ubuntu, the missing packages are installed with apt-get, as root or through
`sudo -n` (sudo that needs no password). Anywhere else, or without those rights, the script
stops within seconds, before any test runs, with the command to run for this system.

`decide` holds every decision and has no side effects: it takes a plain description of the
machine (an `Environment`) and returns a `Decision`. `probe` looks at the real machine and
`main` carries the decision out.
"""

from __future__ import annotations

import argparse
import os
import platform
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass, replace

# The browser tests' own rule (roadmap/devtools.py): ROADMAP_CHROMIUM if set, else this.
DEBIAN_CHROMIUM = "/usr/bin/chromium"
MAC_CHROMIUM = "/Applications/Chromium.app/Contents/MacOS/Chromium"
FEDORA_CHROMIUM = "/usr/bin/chromium-browser"

# What the tests need, in the order it is reported: a name for people, and per system the
# package that provides it (None: the system has no package that fits).
NEEDS = ("chromium", "node", "npm", "java", "make")
LABELS = {
    "chromium": "Chromium",
    "node": "Node.js",
    "npm": "npm",
    "java": "a Java runtime",
    "make": "make",
}
PACKAGES = {
    "debian": {
        "chromium": "chromium",
        "node": "nodejs",
        "npm": "npm",
        "java": "default-jre-headless",
        "make": "make",
    },
    # Ubuntu's chromium package only installs the snap, which has no /usr/bin/chromium.
    "ubuntu": {
        "chromium": None,
        "node": "nodejs",
        "npm": "npm",
        "java": "default-jre-headless",
        "make": "make",
    },
    "fedora": {
        "chromium": "chromium",
        "node": "nodejs",
        "npm": "nodejs-npm",
        "java": "java-21-openjdk-headless",
        "make": "make",
    },
    # Homebrew's node includes npm; chromium is a cask, installed with --cask; make comes with
    # Apple's command line tools.
    "macos": {
        "chromium": "chromium",
        "node": "node",
        "npm": "node",
        "java": "openjdk",
        "make": None,
    },
}
# Rough time each package takes to download and install on a typical connection, in minutes.
MINUTES = {"chromium": 1.5, "nodejs": 0.5, "npm": 1.0, "default-jre-headless": 1.0, "make": 0.1}


@dataclass(frozen=True)
class Environment:
    """What `decide` needs to know about the machine."""

    system: str  # "debian", "ubuntu", "fedora", "macos" or "other"
    present: frozenset[str]  # the NEEDS found working here
    root: bool = False
    sudo: bool = False  # a sudo command exists
    sudo_without_password: bool = False  # `sudo -n true` succeeded
    apt_get: bool = True  # apt-get exists (Debian and Ubuntu only)
    chromium_override: str | None = None  # ROADMAP_CHROMIUM, if set
    chromium_override_ok: bool = False  # ... and it names an executable file


@dataclass(frozen=True)
class Decision:
    action: str  # "nothing", "install" or "stop"
    message: str
    packages: tuple[str, ...] = ()
    commands: tuple[tuple[str, ...], ...] = ()  # run one after the other (action "install")


def missing(env: Environment) -> list[str]:
    """The NEEDS not present, in NEEDS order; Chromium counts as present when
    ROADMAP_CHROMIUM names an executable, whatever else is installed."""
    present = set(env.present)
    if env.chromium_override is not None:
        present.discard("chromium")
        if env.chromium_override_ok:
            present.add("chromium")
    return [need for need in NEEDS if need not in present]


def apt_commands(packages: list[str], sudo: bool) -> tuple[tuple[str, ...], ...]:
    prefix = ("sudo", "-n") if sudo else ()
    install = ("env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y", "-qq")
    return ((*prefix, "apt-get", "update", "-qq"), (*prefix, *install, *packages))


def minutes(packages: list[str]) -> str:
    total = sum(MINUTES.get(package, 1.0) for package in packages)
    low, high = max(1, round(total / 2)), max(2, round(total * 1.5))
    return f"usually {low} to {high} minutes, mostly downloading"


def join(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def manual_command(env: Environment, packages: list[str]) -> str:
    """The command a person runs to install `packages` on this system."""
    sudo = "sudo " if env.sudo and not env.root else ""
    names = " ".join(packages)
    if env.system in ("debian", "ubuntu"):
        return f"{sudo}apt-get update && {sudo}apt-get install -y {names}"
    if env.system == "fedora":
        return f"{sudo}dnf install -y {names}"
    casks = [package for package in packages if package == "chromium"]
    formulae = [package for package in packages if package != "chromium"]
    commands = [f"brew install --cask {' '.join(casks)}"] if casks else []
    commands += [f"brew install {' '.join(formulae)}"] if formulae else []
    return " && ".join(commands)


def chromium_advice(env: Environment) -> list[str]:
    """How to point the tests at a Chromium, instead of (or after) installing one."""
    if env.chromium_override is not None and not env.chromium_override_ok:
        return [
            f"ROADMAP_CHROMIUM={env.chromium_override} is not an executable file:",
            "point it at Chromium's executable, or unset it to use " + DEBIAN_CHROMIUM + ".",
        ]
    if env.system == "ubuntu":
        return [
            "Ubuntu ships Chromium only as a snap, which the tests do not look for. Point them",
            "at a Chromium or Google Chrome executable instead:",
            "    export ROADMAP_CHROMIUM=/path/to/chromium",
        ]
    if env.system == "fedora":
        return [
            "Fedora's chromium is /usr/bin/chromium-browser; tell the tests so:",
            f"    export ROADMAP_CHROMIUM={FEDORA_CHROMIUM}",
        ]
    if env.system == "macos":
        return [
            "The tests look for Chromium at ROADMAP_CHROMIUM; after the install:",
            f"    export ROADMAP_CHROMIUM={MAC_CHROMIUM}",
        ]
    return [
        "Chromium already installed somewhere else? Point the tests at it instead:",
        "    export ROADMAP_CHROMIUM=/path/to/chromium",
    ]


def stop(env: Environment, needs: list[str], why: str, packages: list[str]) -> Decision:
    lines = [f"Missing for make test: {join([LABELS[need] for need in needs])}.", why]
    if packages:
        who = " as root" if not env.root and not env.sudo and env.system != "macos" else ""
        lines += [
            f"Run this once{who} ({minutes(packages)}), then make test again:",
            "",
            "    " + manual_command(env, packages),
            "",
        ]
    if env.system == "macos" and "make" in needs:
        lines += ["make comes with Apple's command line tools:", "    xcode-select --install"]
    if env.system == "macos" and "java" in needs:
        lines += [
            "Homebrew's openjdk is not on the PATH by itself; after the install:",
            '    export PATH="$(brew --prefix openjdk)/bin:$PATH"',
        ]
    if "chromium" in needs:
        lines += chromium_advice(env)
    return Decision("stop", "\n".join(lines).rstrip("\n"), tuple(packages))


def decide(env: Environment) -> Decision:
    """What to do on the machine `env` describes. No side effects."""
    needs = missing(env)
    if not needs:
        return Decision(
            "nothing",
            "System packages: Chromium, Node.js, npm, Java and make found; nothing to install.",
        )
    if env.system not in PACKAGES:
        why = "This system is not one the setup knows (Debian, Ubuntu, Fedora, macOS):"
        return stop(env, needs, why + " install them with its package manager.", [])
    table = dict(PACKAGES[env.system])
    if env.chromium_override is not None:
        table["chromium"] = None  # the tests use ROADMAP_CHROMIUM, whatever gets installed
    # One package can cover two needs (Homebrew's node brings npm): name it once.
    packages = list(dict.fromkeys(table[need] for need in needs if table[need] is not None))
    if env.system not in ("debian", "ubuntu"):
        why = "make test installs system packages by itself only with apt-get (Debian, Ubuntu)."
        return stop(env, needs, why, packages)
    if not env.apt_get:
        return stop(
            env, needs, "apt-get is not on the PATH, so make test cannot install them.", packages
        )
    if "chromium" in needs and table["chromium"] is None:
        why = (
            "The tests use the Chromium that ROADMAP_CHROMIUM names, so installing one won't help."
            if env.chromium_override is not None
            else "apt-get cannot install a Chromium the tests can use here."
        )
        return stop(env, needs, why, packages)
    if not env.root and not env.sudo_without_password:
        why = (
            "Installing them needs root, and sudo asks for a password (sudo -n true failed)."
            if env.sudo
            else "Installing them needs root, and there is no sudo."
        )
        return stop(env, needs, why, packages)
    commands = apt_commands(packages, sudo=not env.root)
    message = (
        f"Installing the system packages the tests need ({minutes(packages)}; first run only): "
        + " ".join(packages)
    )
    return Decision("install", message, tuple(packages), commands)


def os_family(os_release: str, system: str) -> str:
    """The system's family ("debian", "ubuntu", "fedora", "macos" or "other"), from the text
    of /etc/os-release and platform.system()."""
    if system == "Darwin":
        return "macos"
    fields = {}
    for line in os_release.splitlines():
        key, _, value = line.partition("=")
        fields[key.strip()] = value.strip().strip("\"'")
    ids = [fields.get("ID", ""), *fields.get("ID_LIKE", "").split()]
    if "ubuntu" in ids:
        return "ubuntu"
    if "debian" in ids:
        return "debian"
    if any(name in ids for name in ("fedora", "rhel", "centos")):
        return "fedora"
    return "other"


def works(*command: str) -> bool:
    try:
        return subprocess.run(command, capture_output=True, timeout=30).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


def executable(path: str) -> bool:
    return os.path.isfile(path) and os.access(path, os.X_OK)


def probe() -> Environment:
    """Look at this machine. Runs `java -version` (the macOS stub java exists without a
    runtime); asks sudo only when something is missing and we are not root."""
    try:
        with open("/etc/os-release", encoding="utf-8") as file:
            os_release = file.read()
    except OSError:
        os_release = ""
    present = set()
    if executable(DEBIAN_CHROMIUM):
        present.add("chromium")
    present |= {need for need in ("node", "npm", "make") if shutil.which(need)}
    if shutil.which("java") and works("java", "-version"):
        present.add("java")
    override = os.environ.get("ROADMAP_CHROMIUM") or None
    env = Environment(
        system=os_family(os_release, platform.system()),
        present=frozenset(present),
        root=hasattr(os, "geteuid") and os.geteuid() == 0,
        sudo=shutil.which("sudo") is not None,
        apt_get=shutil.which("apt-get") is not None,
        chromium_override=override,
        chromium_override_ok=override is not None and executable(override),
    )
    if missing(env) and not env.root and env.sudo:
        env = replace(env, sudo_without_password=works("sudo", "-n", "true"))
    return env


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--check", action="store_true", help="only say what is missing; install nothing"
    )
    args = parser.parse_args(argv)
    decision = decide(probe())
    if decision.action == "stop":
        print(decision.message, file=sys.stderr)
        return 1
    if args.check and decision.commands:
        print(decision.message.replace("Installing", "Would install", 1))
        print("\n".join("+ " + shlex.join(command) for command in decision.commands))
        return 1
    print(decision.message, flush=True)
    for command in decision.commands:
        print("+ " + shlex.join(command), flush=True)
        result = subprocess.run(command)
        if result.returncode != 0:
            print(f"Installing the system packages failed: {shlex.join(command)}", file=sys.stderr)
            return result.returncode
    if decision.commands:
        print("System packages installed.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
