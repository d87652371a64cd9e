"""The screen's own state (the admin's language choice, screen.ini) lives in the kiosk's
writable data folder beside the ledger, never beside the config: installed, the config is in
/etc/jikubata, which the kiosk's user may not write."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml

from kiosk.cli import data_folder
from kiosk.config import parse_settings

SHIPPED = Path(__file__).resolve().parents[2] / "config.yaml"


def settings_with(tmp_path: Path, url: str) -> Any:
    raw = copy.deepcopy(yaml.safe_load(SHIPPED.read_text(encoding="utf-8")))
    raw["database"]["url"] = url
    return parse_settings(raw, tmp_path / "etc" / "config.yaml")


def test_installed_the_state_goes_beside_the_ledger_not_the_config(tmp_path: Path) -> None:
    settings = settings_with(tmp_path, "sqlite:////var/lib/jikubata/ledger.db")
    assert data_folder(settings) == Path("/var/lib/jikubata")


def test_in_a_checkout_it_is_the_data_folder_beside_the_config(tmp_path: Path) -> None:
    settings = settings_with(tmp_path, "sqlite:///data/ledger.db")
    assert data_folder(settings) == tmp_path / "etc" / "data"


def test_with_a_server_database_it_is_data_beside_the_config(tmp_path: Path) -> None:
    settings = settings_with(tmp_path, "postgresql+psycopg://k@h/db")
    assert data_folder(settings) == tmp_path / "etc" / "data"
