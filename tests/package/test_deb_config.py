"""The production config the package installs as /etc/jikubata/config.yaml: valid for this
version of the kiosk, and everything the kiosk writes lands under /var/lib/jikubata, never
beside the config (the kiosk user cannot write /etc/jikubata)."""

from __future__ import annotations

import shutil
from pathlib import Path

from kiosk.bootstrap import kiosk_folders
from kiosk.config import load_settings

from .debian_root import REPO

PACKAGED = REPO / "packaging" / "debian" / "config.yaml"
DATA = Path("/var/lib/jikubata")
# What pyproject.toml's extras bring in (an unknown extra fails the test: add it here).
EXTRAS = {
    ("python-escpos", "usb"): "pyusb",
    ("python-escpos", "serial"): "pyserial",
    ("qrcode", "pil"): "pillow",
    ("psycopg", "binary"): "psycopg-binary",
}


def test_the_packaged_config_puts_every_file_under_var_lib(tmp_path: Path) -> None:
    # Where /etc/jikubata would be: relative paths would resolve there, absolute ones do not.
    config = tmp_path / "etc" / "config.yaml"
    config.parent.mkdir()
    shutil.copy(PACKAGED, config)
    settings = load_settings(config)

    assert settings.database_url == "sqlite:////var/lib/jikubata/ledger.db"
    assert settings.cards.key_file == DATA / "card-keys.txt"
    assert settings.ledger.key_file == DATA / "ledger-key.txt"
    assert settings.log.folder == Path("/var/log/jikubata")
    written = [f for f in kiosk_folders(settings) if f != settings.log.folder]
    assert all(folder.is_relative_to(DATA) for folder in written), written
    # Until the admin sets up the printer, receipts are files in the data folder.
    assert settings.printer.connection == "file"
    assert settings.printer.path == DATA / "receipts"
    assert settings.stall.timezone == "Asia/Jayapura"


def test_the_placeholders_the_admin_must_change_say_so() -> None:
    text = PACKAGED.read_text()
    settings = load_settings(PACKAGED)
    assert settings.stall.kiosk_id == "GANTI-01"
    assert "GANTI" in settings.stall.name
    assert "SET THESE TWO before the first sale" in text


def test_the_pinned_wheels_cover_every_run_time_dependency() -> None:
    """packaging/requirements.txt is what the package installs: a dependency added to
    pyproject.toml but not pinned there would be missing on the kiosk (the venv is made
    offline from the package's wheels)."""
    import tomllib

    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    pins = {}
    for line in (REPO / "packaging" / "requirements.txt").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            name, version = line.split("==")
            pins[canonicalize_name(name)] = version
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    for text in project["dependencies"]:
        wanted = Requirement(text)
        name = canonicalize_name(wanted.name)
        assert name in pins, f"{wanted.name} is not pinned in packaging/requirements.txt"
        assert wanted.specifier.contains(pins[name]), (text, pins[name])
        for extra in sorted(wanted.extras):
            package = EXTRAS[(name, extra)]
            assert package in pins, f"{text} needs {package} pinned in packaging/requirements.txt"
