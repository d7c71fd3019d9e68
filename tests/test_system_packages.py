"""scripts/system_packages.py: what `make test` installs, or the command it tells you to run,
decided for described machines; and the script itself on this machine."""

import shlex
import subprocess
import sys
import time
from pathlib import Path

import pytest

from scripts.system_packages import NEEDS, Environment, decide, missing, os_family

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "system_packages.py"
EVERYTHING = frozenset(NEEDS)


def having(*needs):
    return frozenset(needs)


def test_everything_present_means_nothing_to_do():
    decision = decide(Environment("debian", EVERYTHING, root=True))
    assert decision.action == "nothing"
    assert decision.commands == ()
    assert "nothing to install" in decision.message


def test_root_on_debian_installs_only_what_is_missing_with_apt_get():
    decision = decide(Environment("debian", having("node", "npm", "make"), root=True))
    assert decision.action == "install"
    assert decision.packages == ("chromium", "default-jre-headless")
    assert [shlex.join(command) for command in decision.commands] == [
        "apt-get update -qq",
        "env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium default-jre-headless",
    ]
    assert decision.message.startswith("Installing the system packages the tests need (usually ")
    assert decision.message.endswith(
        "minutes, mostly downloading; first run only): " + ("chromium default-jre-headless")
    )


def test_a_missing_java_alone_installs_the_java_runtime_alone():
    decision = decide(Environment("debian", EVERYTHING - {"java"}, root=True))
    assert decision.packages == ("default-jre-headless",)
    assert decision.commands[-1][-1] == "default-jre-headless"


def test_sudo_without_a_password_installs_through_sudo_n():
    env = Environment("debian", EVERYTHING - {"chromium"}, sudo=True, sudo_without_password=True)
    decision = decide(env)
    assert decision.action == "install"
    assert [shlex.join(command) for command in decision.commands] == [
        "sudo -n apt-get update -qq",
        "sudo -n env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium",
    ]


def test_without_root_and_with_a_sudo_that_asks_it_stops_with_the_exact_command():
    decision = decide(Environment("debian", having("make"), sudo=True))
    assert decision.action == "stop"
    assert decision.commands == ()
    assert decision.message == (
        "Missing for make test: Chromium, Node.js, npm and a Java runtime.\n"
        "Installing them needs root, and sudo asks for a password (sudo -n true failed).\n"
        "Run this once (usually 2 to 6 minutes, mostly downloading), then make test again:\n"
        "\n"
        "    sudo apt-get update && sudo apt-get install -y chromium nodejs npm"
        " default-jre-headless\n"
        "\n"
        "Chromium already installed somewhere else? Point the tests at it instead:\n"
        "    export ROADMAP_CHROMIUM=/path/to/chromium"
    )


def test_without_root_or_sudo_it_says_to_run_the_command_as_root():
    decision = decide(Environment("debian", EVERYTHING - {"java"}))
    assert decision.action == "stop"
    lines = decision.message.splitlines()
    assert lines[1] == "Installing them needs root, and there is no sudo."
    assert lines[2].startswith("Run this once as root (")
    assert "    apt-get update && apt-get install -y default-jre-headless" in lines
    assert "ROADMAP_CHROMIUM" not in decision.message  # Chromium is there


def test_fedora_stops_with_the_dnf_command_even_as_root():
    for root in (False, True):
        decision = decide(Environment("fedora", having("make"), root=root, sudo=not root))
        assert decision.action == "stop"
        sudo = "" if root else "sudo "
        command = f"    {sudo}dnf install -y chromium nodejs nodejs-npm java-21-openjdk-headless"
        assert command in decision.message.splitlines()
        assert "    export ROADMAP_CHROMIUM=/usr/bin/chromium-browser" in decision.message


def test_macos_stops_with_the_homebrew_commands():
    decision = decide(Environment("macos", having("make")))
    assert decision.action == "stop"
    lines = decision.message.splitlines()
    assert "    brew install --cask chromium && brew install node openjdk" in lines
    assert '    export PATH="$(brew --prefix openjdk)/bin:$PATH"' in lines
    assert "    export ROADMAP_CHROMIUM=/Applications/Chromium.app/Contents/MacOS/Chromium" in lines
    # Homebrew's node brings npm: asked for once, and no cask when Chromium is there.
    only_npm = decide(Environment("macos", EVERYTHING - {"npm"}))
    assert only_npm.packages == ("node",)
    assert "    brew install node" in only_npm.message.splitlines()
    assert "--cask" not in only_npm.message


def test_roadmap_chromium_naming_an_executable_counts_as_chromium():
    env = Environment(
        "debian",
        EVERYTHING - {"chromium"},
        chromium_override="/opt/chrome/chrome",
        chromium_override_ok=True,
    )
    assert missing(env) == []
    assert decide(env).action == "nothing"


def test_a_roadmap_chromium_that_is_not_executable_is_reported_not_papered_over():
    # /usr/bin/chromium is there, but the tests would use the broken ROADMAP_CHROMIUM.
    env = Environment("debian", EVERYTHING, root=True, chromium_override="/opt/nothing")
    decision = decide(env)
    assert decision.action == "stop"
    assert "chromium" not in decision.packages
    assert "ROADMAP_CHROMIUM=/opt/nothing is not an executable file:" in decision.message


def test_ubuntu_installs_with_apt_get_but_never_its_snap_chromium():
    java_only = decide(Environment("ubuntu", EVERYTHING - {"java"}, root=True))
    assert java_only.action == "install"
    assert java_only.packages == ("default-jre-headless",)
    no_chromium = decide(Environment("ubuntu", EVERYTHING - {"chromium"}, root=True))
    assert no_chromium.action == "stop"
    assert no_chromium.packages == ()
    assert "    export ROADMAP_CHROMIUM=/path/to/chromium" in no_chromium.message


def test_debian_without_apt_get_on_the_path_says_so():
    decision = decide(Environment("debian", EVERYTHING - {"java"}, root=True, apt_get=False))
    assert decision.action == "stop"
    assert decision.message.splitlines()[1] == (
        "apt-get is not on the PATH, so make test cannot install them."
    )


def test_an_unknown_system_lists_what_is_missing():
    decision = decide(Environment("other", EVERYTHING - {"npm", "java"}, root=True))
    assert decision.action == "stop"
    assert decision.message.splitlines()[0] == "Missing for make test: npm and a Java runtime."


@pytest.mark.parametrize(
    ("os_release", "system", "family"),
    [
        ('PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\n', "Linux", "debian"),
        ("ID=ubuntu\nID_LIKE=debian\n", "Linux", "ubuntu"),
        ('ID=linuxmint\nID_LIKE="ubuntu debian"\n', "Linux", "ubuntu"),
        ("ID=fedora\n", "Linux", "fedora"),
        ('ID="rocky"\nID_LIKE="rhel centos fedora"\n', "Linux", "fedora"),
        ("ID=alpine\n", "Linux", "other"),
        ("", "Darwin", "macos"),
    ],
)
def test_the_system_family_comes_from_os_release_or_the_platform(os_release, system, family):
    assert os_family(os_release, system) == family


def test_the_script_on_this_machine_finds_everything_quickly():
    # Everything is installed where the tests run (make test ran this script first). -S: the
    # script needs the standard library only, as it runs before the virtual environment exists.
    start = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-I", "-S", str(SCRIPT), "--check"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    elapsed = time.monotonic() - start
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == (
        "System packages: Chromium, Node.js, npm, Java and make found; nothing to install.\n"
    )
    assert elapsed < 10
