"""A database.url whose driver is not installed: one sentence and exit 1 at start, never a
traceback (config accepts plain postgresql://, which SQLAlchemy maps to psycopg2)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
import yaml

from kiosk import cli

from .conftest import REPO


def write_config(tmp_path: Path, url: str) -> Path:
    raw = yaml.safe_load((REPO / "config.yaml").read_text(encoding="utf-8"))
    raw["database"]["url"] = url
    path = tmp_path / "config.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return path


@pytest.fixture
def no_psycopg2(monkeypatch: pytest.MonkeyPatch) -> None:
    """psycopg2 as on a kiosk: not installed (the project installs psycopg 3 only)."""
    if importlib.util.find_spec("psycopg2") is not None:
        monkeypatch.setitem(sys.modules, "psycopg2", None)


@pytest.mark.usefixtures("no_psycopg2")
@pytest.mark.parametrize("url", ["postgresql://user@host/db", "postgresql+nodriver://user@host/db"])
@pytest.mark.parametrize("command", [["ledger", "verify"], ["init"]])
def test_a_postgresql_url_without_its_driver_says_what_to_write_and_install(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], url: str, command: list[str]
):
    config = write_config(tmp_path, url)
    assert cli.main(["--config", str(config), *command]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1, err  # one sentence on one line, no traceback
    assert err.startswith("jikubata: database.url needs the PostgreSQL driver (")
    assert err.endswith(
        "): use postgresql+psycopg://… and install the project's postgres extra "
        "(pip install 'jikubata-kiosk[postgres]')\n"
    )
    assert "user@host" not in err  # the URL may carry a password: it is not repeated


def test_another_unknown_driver_is_named_too(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    config = write_config(tmp_path, "sqlite+nodriver:///data/ledger.db")
    assert cli.main(["--config", str(config), "init"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err
    assert err.startswith("jikubata: database.url names a database driver that is not installed (")
