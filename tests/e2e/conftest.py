"""End-to-end fixtures: the real ``jikubata`` command run in a subprocess, as an admin would.

Every test gets its own ``tmp_path`` holding a copy of the shipped ``config.yaml`` (so the
database lands in ``tmp_path/data/ledger.db`` and exports in ``tmp_path/exports``) and runs the
command with ``cwd=tmp_path`` and ``$JIKUBATA_CONFIG`` unset.

Starting the command costs about half a second, so the expensive set-up (init, roster,
catalogue, paper sales) is done once per session into template folders; each test copies the
template it needs into its own ``tmp_path``.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from kiosk.bootstrap import open_kiosk
from kiosk.config import load_settings
from kiosk.domain.cart import CartLine, Payment, PaymentMethod

PROJECT = Path(__file__).resolve().parents[2]
CONFIG = PROJECT / "config.yaml"
SAMPLE = PROJECT / "assets" / "sample"
BOM = b"\xef\xbb\xbf"


def _environment() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("JIKUBATA_CONFIG", None)
    env["PYTHONIOENCODING"] = "utf-8"
    return env


@dataclass(frozen=True)
class Export:
    """One exported CSV file, read back the way a spreadsheet would read it."""

    path: Path
    raw: bytes
    header: list[str]
    rows: list[dict[str, str]]

    @classmethod
    def read(cls, path: Path, delimiter: str = ",") -> Export:
        raw = path.read_bytes()
        reader = csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=delimiter)
        header, *body = list(reader)
        for fields in body:
            assert len(fields) == len(header), f"{path.name}: row {fields} does not fit {header}"
        return cls(path, raw, header, [dict(zip(header, fields, strict=True)) for fields in body])

    def by(self, column: str) -> dict[str, dict[str, str]]:
        return {row[column]: row for row in self.rows}


@dataclass
class Kiosk:
    """A folder with a config.yaml, and the command run against it."""

    home: Path
    outputs: dict[str, subprocess.CompletedProcess[str]] = field(default_factory=dict)
    sample = SAMPLE  # assets/sample (a class attribute, not a field)

    @property
    def config(self) -> Path:
        return self.home / "config.yaml"

    @property
    def database(self) -> Path:
        return self.home / "data" / "ledger.db"

    def command(self, args: Sequence[str], *, config: Path | None = None) -> list[str]:
        return [sys.executable, "-m", "kiosk", "--config", str(config or self.config), *args]

    def run(
        self,
        *args: str | Path,
        stdin: str | None = None,
        config: Path | None = None,
        raw_argv: bool = False,
    ) -> subprocess.CompletedProcess[str]:
        """Run ``jikubata --config <home>/config.yaml ARGS`` (or exactly ARGS with raw_argv)."""
        argv = [str(a) for a in args]
        command = (
            [sys.executable, "-m", "kiosk", *argv]
            if raw_argv
            else self.command(argv, config=config)
        )
        return subprocess.run(
            command,
            cwd=self.home,
            env=_environment(),
            input=stdin,
            stdin=None if stdin is not None else subprocess.DEVNULL,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=120,
            check=False,
        )

    def run_many(
        self,
        *arg_lists: Sequence[str | Path],
        raw_argv: bool = False,
        stdins: Sequence[str | None] = (),
    ) -> list[subprocess.CompletedProcess[str]]:
        """Several independent commands at once (they only read, or fail before writing)."""
        inputs = list(stdins) or [None] * len(arg_lists)
        with ThreadPoolExecutor(max_workers=4) as pool:
            return list(
                pool.map(
                    lambda args, stdin: self.run(*args, stdin=stdin, raw_argv=raw_argv),
                    arg_lists,
                    inputs,
                )
            )

    def ok(self, *args: str | Path, stdin: str | None = None) -> str:
        """Run a command that must succeed; its stdout."""
        result = self.run(*args, stdin=stdin)
        assert result.returncode == 0, (
            f"jikubata {' '.join(map(str, args))} exited {result.returncode}: {result.stderr}"
        )
        return result.stdout

    def export(self, kind: str, month: str) -> tuple[str, Export]:
        """``export KIND --month MONTH`` to the default file; its stdout and the file."""
        stdout = self.ok("export", kind, "--month", month)
        return stdout, Export.read(self.home / "exports" / f"{kind}-{month}.csv")

    def query(self, sql: str, *params: object) -> list[tuple[object, ...]]:
        connection = sqlite3.connect(self.database)
        try:
            return connection.execute(sql, params).fetchall()
        finally:
            connection.close()

    def count(self, table: str) -> int:
        return int(self.query(f"SELECT count(*) FROM {table}")[0][0])

    @staticmethod
    def expect_ok(result: subprocess.CompletedProcess[str]) -> str:
        assert result.returncode == 0, f"exit {result.returncode}: {result.stderr}"
        return result.stdout

    @staticmethod
    def refused(result: subprocess.CompletedProcess[str]) -> list[str]:
        """stderr lines of a refused command: exit 1, nothing on stdout, no traceback."""
        assert result.returncode == 1, (
            f"expected exit 1, got {result.returncode}; stdout={result.stdout!r} "
            f"stderr={result.stderr!r}"
        )
        assert result.stdout == ""
        assert "Traceback" not in result.stderr
        lines = result.stderr.splitlines()
        assert lines, "a refused command must say why on stderr"
        return lines

    @staticmethod
    def read_export(path: Path, delimiter: str = ",") -> Export:
        return Export.read(path, delimiter)

    def write(self, name: str, text: str, *, bom: bool = False) -> Path:
        path = self.home / name
        path.write_bytes((BOM if bom else b"") + text.encode("utf-8"))
        return path


# --- session templates ---------------------------------------------------------------------


def _copy(source: Path, target: Path) -> Kiosk:
    shutil.copytree(source, target, dirs_exist_ok=True)
    return Kiosk(target)


@pytest.fixture(scope="session")
def initialised_template(tmp_path_factory: pytest.TempPathFactory) -> Kiosk:
    kiosk = Kiosk(tmp_path_factory.mktemp("initialised"))
    shutil.copyfile(CONFIG, kiosk.config)
    kiosk.outputs["init"] = kiosk.run("init")
    kiosk.expect_ok(kiosk.outputs["init"])
    return kiosk


@pytest.fixture(scope="session")
def catalogued_template(
    initialised_template: Kiosk, tmp_path_factory: pytest.TempPathFactory
) -> Kiosk:
    """Initialised, roster.csv as of 2026-11-01, vendors and products; no sales."""
    kiosk = _copy(initialised_template.home, tmp_path_factory.mktemp("catalogued"))
    steps = {
        "roster": ("roster", "import", SAMPLE / "roster.csv", "--as-of", "2026-11-01"),
        "vendors": ("vendors", "import", SAMPLE / "vendors.csv"),
        "products": ("products", "import", SAMPLE / "products.csv"),
    }
    for name, args in steps.items():
        kiosk.outputs[name] = kiosk.run(*args)
        kiosk.expect_ok(kiosk.outputs[name])
    return kiosk


@pytest.fixture(scope="session")
def loaded_template(catalogued_template: Kiosk, tmp_path_factory: pytest.TempPathFactory) -> Kiosk:
    """Catalogued, plus the 12 paper sales of 2026-11-05 (AMB-01-000001 … AMB-01-000012)."""
    kiosk = _copy(catalogued_template.home, tmp_path_factory.mktemp("loaded"))
    kiosk.outputs["sales"] = kiosk.run("sales", "import", SAMPLE / "sales-paper.csv")
    kiosk.expect_ok(kiosk.outputs["sales"])
    return kiosk


# --- per-test copies -----------------------------------------------------------------------


@pytest.fixture
def fresh(tmp_path: Path) -> Kiosk:
    """Only a copy of config.yaml: no database yet."""
    shutil.copyfile(CONFIG, tmp_path / "config.yaml")
    return Kiosk(tmp_path)


@pytest.fixture
def initialised(initialised_template: Kiosk, tmp_path: Path) -> Kiosk:
    return _copy(initialised_template.home, tmp_path)


@pytest.fixture
def catalogued(catalogued_template: Kiosk, tmp_path: Path) -> Kiosk:
    return _copy(catalogued_template.home, tmp_path)


@pytest.fixture
def loaded(loaded_template: Kiosk, tmp_path: Path) -> Kiosk:
    return _copy(loaded_template.home, tmp_path)


@pytest.fixture
def selling(catalogued: Kiosk) -> Kiosk:
    """Ina's shift open with Rp100.000, one cash sale of Rp25.000 and one QRIS of Rp10.000."""
    with open_kiosk(load_settings(catalogued.config)) as kiosk:
        shift = kiosk.shifts.open("Ina", 100_000).shift_id
        for amount, payment in (
            (25_000, Payment(PaymentMethod.TUNAI, 25_000)),
            (10_000, Payment(PaymentMethod.QRIS)),
        ):
            kiosk.checkout.checkout(
                [CartLine("UMKM-001", "Kue", amount)],
                buyer_nip=None,
                operator="Ina",
                payment=payment,
                shift_id=shift,
            )
    return catalogued
