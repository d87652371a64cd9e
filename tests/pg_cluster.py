"""A throwaway PostgreSQL cluster for tests: initdb into a temporary folder, a private Unix
socket (no TCP port), one fresh database per test. Uses the server binaries of the machine's
`postgresql` package; .ci/run installs it where it is missing."""

from __future__ import annotations

import itertools
import os
import shutil
import subprocess
import tempfile
from pathlib import Path


def server_bin() -> Path | None:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    return found[-1].parent if found else None


class TempCluster:
    def __init__(self, bin_dir: Path) -> None:
        self._bin = bin_dir
        self.folder = Path(tempfile.mkdtemp(prefix="jikubata-pg-"))
        self._names = itertools.count(1)
        # The server refuses to run as root: run it as the package's 'postgres' user then.
        self._as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self._as_user:
            shutil.chown(self.folder, "postgres")

    def _run(self, *args: str) -> None:
        subprocess.run([*self._as_user, *args], check=True, capture_output=True, text=True)

    def start(self) -> None:
        data = self.folder / "data"
        self._run(
            str(self._bin / "initdb"),
            "-D",
            str(data),
            "-A",
            "trust",
            "-U",
            "postgres",
            "--no-sync",
            "-E",
            "UTF8",
            "--locale=C",
        )
        self.server_up()

    def server_up(self) -> None:
        # fsync off: these tests check SQL behaviour, not PostgreSQL's durability.
        options = f"-k {self.folder} -c listen_addresses='' -c fsync=off -c max_connections=40"
        self._run(
            str(self._bin / "pg_ctl"),
            "-D",
            str(self.folder / "data"),
            "-o",
            options,
            "-w",
            "-l",
            str(self.folder / "server.log"),
            "start",
        )

    def server_down(self) -> None:
        """Central goes away (fast shutdown: every connection ends); ``server_up`` again."""
        self._run(
            str(self._bin / "pg_ctl"), "-D", str(self.folder / "data"), "-m", "fast", "-w", "stop"
        )

    @property
    def socket(self) -> Path:
        return self.folder / ".s.PGSQL.5432"

    def stop(self) -> None:
        try:
            self._run(
                str(self._bin / "pg_ctl"),
                "-D",
                str(self.folder / "data"),
                "-m",
                "immediate",
                "-w",
                "stop",
            )
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://postgres@/{database}?host={self.folder}"

    def new_database(self) -> str:
        import psycopg

        name = f"ledger_{next(self._names)}"
        with psycopg.connect(
            host=str(self.folder), user="postgres", dbname="postgres", autocommit=True
        ) as connection:
            connection.execute(f"CREATE DATABASE {name}")
        return self.url(name)
