"""The Debian package, for real: built by packaging/build-deb.sh, checked with dpkg-deb and
lintian, then installed, upgraded, removed and purged with apt-get inside a throwaway Debian 12
root (tests/package/debian_root.py), never on the machine running the tests.

The tests after the build share one root and run in file order: install the older build,
make sales, upgrade to the current one, remove, purge, delete the data. Figures (sizes and
times) are printed; run with -s or -rP to see them."""

from __future__ import annotations

import re
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from kiosk.ledger.migrate import head_revision

from .debian_root import REPO, DebianRoot, pristine_root

pytestmark = pytest.mark.slow

BUILD = REPO / "packaging" / "build-deb.sh"
OLD, CURRENT = "0.0.9", "0.1.0"
VENV_PYTHON = "/opt/jikubata/venv/bin/python3"
AS_KIOSK = "runuser -u jikubata -- env HOME=/var/lib/jikubata"
EDITED_NAME = "Jiku Bata — Lapak Uji Paket"
ONE_SCHEMA_BACK = """
from alembic import command
from sqlalchemy import create_engine, text
from kiosk.ledger.migrate import alembic_config
engine = create_engine("sqlite:////var/lib/jikubata/ledger.db")
with engine.connect() as connection:
    config = alembic_config()
    config.attributes["connection"] = connection
    command.downgrade(config, "-1")
    for action in ("UPDATE", "DELETE"):
        connection.execute(text(
            f"CREATE TRIGGER IF NOT EXISTS sales_no_{action.lower()} BEFORE {action} ON sales "
            "BEGIN SELECT RAISE(ABORT, 'history table sales is append-only'); END"
        ))
    connection.commit()
"""


def build(version: str, output: Path) -> tuple[Path, float]:
    started = time.monotonic()
    result = subprocess.run(
        [str(BUILD), "--version", version, "--output", str(output)],
        capture_output=True,
        text=True,
        check=False,
        timeout=900,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return Path(result.stdout.strip().splitlines()[-1]), time.monotonic() - started


@dataclass
class Packages:
    old: Path
    current: Path
    build_seconds: float


@pytest.fixture(scope="module")
def packages(tmp_path_factory: pytest.TempPathFactory) -> Packages:
    output = tmp_path_factory.mktemp("dist")
    old, _ = build(OLD, output)
    current, seconds = build(CURRENT, output)
    return Packages(old, current, seconds)


@dataclass
class System:
    root: DebianRoot
    notes: dict[str, str] = field(default_factory=dict)

    def sql(self, query: str) -> str:
        """One query on the installed ledger, with the root's own Python."""
        code = (
            "import sqlite3; c = sqlite3.connect('file:/var/lib/jikubata/ledger.db?mode=ro', "
            f"uri=True); print(c.execute({query!r}).fetchone()[0])"
        )
        return self.root.run(f'python3 -c "{code}"').stdout.strip()


@pytest.fixture(scope="module")
def system() -> Iterator[System]:
    root = DebianRoot(pristine_root())
    try:
        root.run("apt-get update -qq")
        yield System(root)
    finally:
        root.remove()


def run_doctor(system: System) -> None:
    """`jikubata doctor` as the kiosk's user in the installed system: the package's own part
    must be all ✓ (config, ledger at the current schema, keys and their modes, folders, the
    file printer's folder). A throwaway root has no synchronised clock, no WIT zone, no
    backup yet and no display, so doctor exits 1 for those; they are named, not hidden."""
    found = system.root.run(f"{AS_KIOSK} jikubata doctor", check=False)
    lines = found.stdout.splitlines()
    assert "✓ config /etc/jikubata/config.yaml valid" in lines, found.stdout
    assert any(
        line.startswith("✓ database sqlite:////var/lib/jikubata/ledger.db at schema")
        for line in lines
    ), found.stdout
    for must_be_fine in ("card key present, mode 0600", "ledger key present, mode 0600"):
        assert f"✓ {must_be_fine}" in lines, found.stdout
    failing = [line for line in lines if line.startswith("✗")]
    expected_here = ("clock", "time zone", "no backup")
    unexpected = [line for line in failing if not any(word in line for word in expected_here)]
    assert unexpected == [], found.stdout
    assert found.returncode == (1 if failing else 0), found.stdout
    verified = system.root.run(f"{AS_KIOSK} jikubata ledger verify")
    assert "Ledger intact" in verified.stdout, verified.stdout


def installed_version(system: System) -> str:
    return system.root.run("dpkg-query -W -f '${Version}' jikubata-kiosk").stdout


# --- the build ----------------------------------------------------------------------------


def test_a_malformed_version_is_refused_in_one_sentence(tmp_path: Path) -> None:
    result = subprocess.run(
        [str(BUILD), "--version", "1.x", "--output", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "build-deb.sh: --version must look like 0.1.0 (digits and dots, optionally ~rc1 "
        "or -1), not '1.x'."
    ]
    assert not list(tmp_path.iterdir())


def test_metadata_lists_what_the_kiosk_needs(packages: Packages) -> None:
    info = subprocess.run(
        ["dpkg-deb", "-I", str(packages.current)], capture_output=True, text=True, check=True
    ).stdout
    fields = dict(re.findall(r"^ (\w[\w-]*): (.*(?:\n  .*)*)", info, re.MULTILINE))
    assert fields["Package"] == "jikubata-kiosk"
    assert fields["Version"] == CURRENT
    assert fields["Architecture"] == "amd64"
    depends = {d.strip() for d in re.split(r",", fields["Depends"].replace("\n", " "))}
    for needed in (
        "python3 (>= 3.11)",
        "python3-venv",
        "cage",
        "adduser",
        "systemd",
        "fonts-dejavu-core",
        "libwayland-cursor0",  # the one nothing installed when tried by hand (issue #12)
        "libxcb-cursor0",
        "libusb-1.0-0",
    ):
        assert needed in depends, needed
    conffiles = subprocess.run(
        ["dpkg-deb", "-I", str(packages.current), "conffiles"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert conffiles.split() == ["/etc/jikubata/config.yaml"]
    installed_kb = int(fields["Installed-Size"])
    print(
        f"\n.deb {packages.current.stat().st_size / 2**20:.1f} MiB, "
        f"Installed-Size {installed_kb / 1024:.0f} MiB (before the venv), "
        f"build {packages.build_seconds:.0f} s"
    )


def test_contents_and_modes(packages: Packages) -> None:
    listing = subprocess.run(
        ["dpkg-deb", "-c", str(packages.current)], capture_output=True, text=True, check=True
    ).stdout
    entries = {}
    for line in listing.splitlines():
        mode, owner, _size, _day, _time, name = line.split(maxsplit=5)
        entries[name.removeprefix(".")] = (mode, owner)
    expected = {
        "/usr/bin/jikubata": "-rwxr-xr-x",
        "/etc/jikubata/config.yaml": "-rw-r--r--",
        "/lib/systemd/system/jikubata-kiosk.service": "-rw-r--r--",
        "/lib/systemd/system/jikubata-backup.service": "-rw-r--r--",
        "/lib/systemd/system/jikubata-backup.timer": "-rw-r--r--",
        "/lib/udev/rules.d/60-jikubata-printers.rules": "-rw-r--r--",
        "/opt/jikubata/requirements.txt": "-rw-r--r--",
        "/opt/jikubata/app/kiosk/cli.py": "-rw-r--r--",
        "/opt/jikubata/app/assets/translations/jikubata_en.qm": "-rw-r--r--",
        "/opt/jikubata/app/assets/sample/roster.csv": "-rw-r--r--",
        "/usr/share/doc/jikubata-kiosk/copyright": "-rw-r--r--",
    }
    for name, mode in expected.items():
        assert entries.get(name, (None,))[0] == mode, name
    assert {owner for _mode, owner in entries.values()} == {"root/root"}
    assert not [name for name in entries if "__pycache__" in name]
    wheels = [Path(name).name for name in entries if name.endswith(".whl")]
    # One package for both Pythons: the compiled wheels come twice, Qt once (abi3).
    for wheel in ("pillow", "sqlalchemy", "pyyaml", "greenlet", "markupsafe"):
        assert any(w.startswith(f"{wheel}-") and "-cp311-" in w for w in wheels), wheel
        assert any(w.startswith(f"{wheel}-") and "-cp312-" in w for w in wheels), wheel
    (pyside,) = [w for w in wheels if w.startswith("pyside6_essentials-")]
    major, minor = map(int, pyside.split("-")[1].split(".")[:2])
    assert (6, 7) <= (major, minor) < (6, 12), pyside  # pyproject.toml's pin


def test_lintian_finds_no_errors(packages: Packages, system: System) -> None:
    system.root.run("apt-get install -y -q lintian >/dev/null")
    deb = system.root.put(packages.current)
    result = system.root.run(f"lintian --no-tag-display-limit {deb}", check=False)
    tags = result.stdout.splitlines()
    errors = [tag for tag in tags if tag.startswith("E:")]
    assert not errors, result.stdout
    assert result.returncode == 0 or not errors, result.stderr
    print("\nlintian:\n" + ("\n".join(tags) or "no tags"))


# --- install, upgrade, remove, purge (in this order, in one root) -----------------------


def test_install_from_the_archive(packages: Packages, system: System) -> None:
    deb = system.root.put(packages.old)
    started = time.monotonic()
    system.root.run(f"apt-get install -y -q {deb}")
    seconds = time.monotonic() - started
    print(f"\ninstall into the root (deps from the archive, venv): {seconds:.0f} s")
    assert installed_version(system) == OLD

    assert system.root.run("id -nG jikubata").stdout.split()[0] == "jikubata"
    assert "/usr/sbin/nologin" in system.root.run("getent passwd jikubata").stdout
    modes = system.root.run(
        "stat -c '%n %a %U:%G' /var/lib/jikubata /var/log/jikubata /var/lib/jikubata/ledger.db "
        "/var/lib/jikubata/card-keys.txt /var/lib/jikubata/ledger-key.txt "
        "/etc/jikubata/config.yaml"
    ).stdout.splitlines()
    assert modes == [
        "/var/lib/jikubata 750 jikubata:jikubata",
        "/var/log/jikubata 700 jikubata:jikubata",
        "/var/lib/jikubata/ledger.db 600 jikubata:jikubata",
        "/var/lib/jikubata/card-keys.txt 600 jikubata:jikubata",
        "/var/lib/jikubata/ledger-key.txt 600 jikubata:jikubata",
        "/etc/jikubata/config.yaml 640 root:jikubata",
    ]
    assert system.sql("select version_num from alembic_version") == head_revision()
    run_doctor(system)
    # sudo jikubata ...: the command runs as the kiosk's user, so it leaves no file behind
    # that the kiosk could not open.
    system.root.run("cd /root && jikubata init && jikubata backup")
    assert system.root.run("find /var/lib/jikubata ! -user jikubata").stdout == ""
    enabled = system.root.run(
        "readlink /etc/systemd/system/graphical.target.wants/jikubata-kiosk.service "
        "/etc/systemd/system/timers.target.wants/jikubata-backup.timer"
    ).stdout.split()
    assert enabled == [
        "/lib/systemd/system/jikubata-kiosk.service",
        "/lib/systemd/system/jikubata-backup.timer",
    ]
    system.root.run("test -f /lib/udev/rules.d/60-jikubata-printers.rules")
    size = system.root.run("du -sm /opt/jikubata | cut -f1").stdout.strip()
    print(f"installed size with the venv: {size} MiB (/opt/jikubata)")


def test_installed_qt_keeps_its_references(system: System) -> None:
    """tests/unit/test_qt_refcounts.py's guard, on the PySide6 the package installed."""
    probe = (REPO / "tests" / "unit" / "test_qt_refcounts.py").read_text()
    code = re.search(r'PROBE = """(.*?)"""', probe, re.DOTALL)
    assert code is not None
    (system.root.path / "tmp" / "probe.py").write_text(code.group(1))
    result = system.root.run(f"{VENV_PYTHON} /tmp/probe.py")
    none_delta, true_delta, _lowest = map(int, result.stdout.split())  # Debian 12: Python 3.11
    assert abs(none_delta) < 50 and abs(true_delta) < 50, (none_delta, true_delta)


def test_upgrade_keeps_config_and_sales_and_backs_up_before_migrating(
    packages: Packages, system: System
) -> None:
    (system.root.path / "tmp" / "one-schema-back.py").write_text(ONE_SCHEMA_BACK)
    seeded = system.root.run(f"cd / && {AS_KIOSK} jikubata init --sample-data").stdout
    assert "Sample data loaded" in seeded, seeded
    sales = int(system.sql("select count(*) from sales"))
    assert sales > 0
    system.root.run(
        "sed -i 's/^  name: .*/  name: \"" + EDITED_NAME + "\"/' /etc/jikubata/config.yaml"
    )
    # The older build's ledger is one schema behind, as after a release that adds a migration.
    # 0006's downgrade rebuilds `sales` and so loses its append-only triggers (0004's): put
    # them back, so the ledger is what 0005 left.
    system.root.run(f"cd / && {AS_KIOSK} {VENV_PYTHON} /tmp/one-schema-back.py")
    behind = system.sql("select version_num from alembic_version")
    assert behind != head_revision()

    deb = system.root.put(packages.current)
    output = system.root.run(f"apt-get install -y -q {deb}").stdout
    assert installed_version(system) == CURRENT
    assert "Copy of the database before migrating: /var/lib/jikubata/backups/" in output
    backups = system.root.run("ls /var/lib/jikubata/backups").stdout.split()
    assert [b for b in backups if b.startswith(f"ledger-before-{head_revision()}-")], backups
    assert system.sql("select version_num from alembic_version") == head_revision()
    assert int(system.sql("select count(*) from sales")) == sales
    assert EDITED_NAME in (system.root.path / "etc/jikubata/config.yaml").read_text()
    run_doctor(system)


def test_remove_keeps_config_and_data(system: System) -> None:
    system.root.run("apt-get remove -y -q jikubata-kiosk")
    for gone in ("/usr/bin/jikubata", "/opt/jikubata/venv", "/opt/jikubata/app"):
        assert not (system.root.path / gone.lstrip("/")).exists(), gone
    for kept in ("/etc/jikubata/config.yaml", "/var/lib/jikubata/ledger.db"):
        assert (system.root.path / kept.lstrip("/")).exists(), kept


def test_purge_removes_config_and_says_how_to_delete_the_data(system: System) -> None:
    output = system.root.run("apt-get purge -y -q jikubata-kiosk").stdout
    assert not (system.root.path / "etc/jikubata").exists()
    assert not (system.root.path / "opt/jikubata").exists()
    assert (system.root.path / "var/lib/jikubata/ledger.db").exists()
    assert "DATA IS KEPT in /var/lib/jikubata" in output, output
    assert "the sales ledger" in output and "card signing key" in output
    (command,) = [line for line in output.splitlines() if line.startswith("  sudo rm -rf ")]

    # The second, explicit step: the command the purge printed.
    system.root.run(command.strip().replace("sudo ", ""))
    assert not (system.root.path / "var/lib/jikubata").exists()
    assert not (system.root.path / "var/log/jikubata").exists()
    assert system.root.run("getent passwd jikubata", check=False).returncode == 2
