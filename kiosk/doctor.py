"""`jikubata doctor`: the checks composed for this machine and this config.

The machine's facts are checked by the small functions of services/doctor.py; this module adds
the ones that need an adapter (the ledger's schema, the printer's status over its real
connection, Qt's plugin) and decides the order. Qt is never imported: its plugin is looked for
as a file and its libraries through ui/qt_check.py, which imports nothing of Qt.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import os
import socket
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .config import ConfigError, Settings, load_settings
from .services import doctor as checks
from .services.backups import backup_files
from .services.doctor import Finding, Runner, bad, good
from .services.printer_advice import CONFIRMED_CONNECTIONS, printer_place
from .services.printing_ports import Problem

SERVICE_PLATFORM = "wayland"  # what jikubata-kiosk.service gives Qt (QT_QPA_PLATFORM)
PLUGIN_FILES = {"wayland": "libqwayland.so", "xcb": "libqxcb.so", "offscreen": "libqoffscreen.so"}


@dataclass(frozen=True)
class Machine:
    """Where doctor looks: ``root`` stands for / (tests give a folder of their own)."""

    root: Path = Path("/")
    run: Runner = checks.run_command
    environ: Mapping[str, str] = field(default_factory=lambda: dict(os.environ))
    now: dt.datetime | None = None


def diagnose(config: Path, machine: Machine | None = None) -> list[Finding]:
    machine = machine or Machine()
    try:
        settings = load_settings(config)
    except ConfigError as error:
        found = [bad(f"config not valid: {error}", "correct that key in the config file.")]
        settings = None
    else:
        found = [good(f"config {config} valid")]
    if settings is not None:
        found += kiosk_checks(settings, machine)
    found += [
        checks.clock_synchronised(machine.root, machine.run),
        checks.zone_is_wit(machine.root),
        qt_platform(machine.environ),
        checks.screen_size(machine.root),
        checks.scanner_present(machine.root),
    ]
    return found


def kiosk_checks(settings: Settings, machine: Machine) -> list[Finding]:
    from .bootstrap import sqlite_path  # SQLAlchemy: only once the config is good

    now = machine.now or dt.datetime.now(dt.UTC)
    database = sqlite_path(settings.database_url)
    found = [ledger(settings.database_url)]
    found.append(
        checks.key_file(
            settings.cards.key_file,
            "card key",
            "cards.key_file",
            "restore it from its backup, or run jikubata init for a new one and print every "
            "card again",
        )
    )
    found.append(
        checks.key_file(
            settings.ledger.key_file,
            "ledger key",
            "ledger.key_file",
            "restore it from its backup; without it the kiosk cannot record a sale",
        )
    )
    found += checks.private_files(
        files=private_files(settings, database),
        folders=[
            *([database.parent] if database else []),
            settings.backup.folder,
            settings.cards.key_file.parent,
            settings.ledger.key_file.parent,
        ],
    )
    found.append(
        checks.writable_folder(
            settings.log.folder,
            "log folder",
            "set log.folder to a folder the kiosk's user may write (the package: "
            "/var/log/jikubata).",
        )
    )
    found.append(printer(settings, machine.root))
    found.append(checks.kiosk_zone_is_wit(settings.stall.timezone))
    found.append(checks.disk_free(database.parent if database else settings.backup.folder))
    if database is not None:
        found.append(checks.last_backup(settings.backup.folder, now))
    if settings.central.enabled:
        found.append(central(settings))
    return found


def central(settings: Settings) -> Finding:
    """Only with a central section: reachable, the last sync, entries waiting, no alarm."""
    from .central.doctor import central_check  # psycopg: only for a kiosk that has central

    ok, line = central_check(settings)
    if ok:
        return good(line)
    return bad(
        line,
        "check the network and central.url, or, for an alarm, fix its cause and clear it "
        "(README, 'Several kiosks, one central database').",
    )


def private_files(settings: Settings, database: Path | None) -> list[Path]:
    files = [settings.cards.key_file, settings.ledger.key_file]
    if database is not None:
        files += [database, database.with_name(database.name + "-wal")]
    files += [each.path for each in backup_files(settings.backup.folder)]
    return files


def ledger(url: str) -> Finding:
    from .ledger.health import ledger_health

    health = ledger_health(url)
    if health.error is not None:
        return bad(
            f"database {health.where} cannot be opened ({health.error})",
            "check database.url, or run jikubata init to create it.",
        )
    if health.revision != health.head:
        return bad(
            f"database {health.where} is at schema {health.revision or 'none'}, not {health.head}",
            "run jikubata init, which backs it up and migrates it.",
        )
    if health.quick_check not in (None, "ok"):
        return bad(
            f"database {health.where} fails PRAGMA quick_check ({health.quick_check})",
            "stop the kiosk, run jikubata ledger verify, and restore the newest good backup.",
        )
    checked = ", quick_check ok" if health.quick_check else ""
    return good(f"database {health.where} at schema {health.head}{checked}")


# --- the printer ----------------------------------------------------------------------------


def printer(settings: Settings, root: Path) -> Finding:
    p = settings.printer
    if p.connection == "none":
        return good("printer: none configured (printer.connection: none)")
    if p.connection == "file":
        return checks.file_printer(p.path)
    if p.connection == "cups":
        return good(f"printer: {printer_place(p)} (CUPS answers for it; not checked here)")
    if p.connection == "network":
        reached = _tcp(p.host, p.port, p.timeout_seconds)
        if reached is not None:
            return bad(
                f"printer at {p.host}:{p.port} cannot be reached ({reached})",
                "check that it is on and cabled, and printer.host and printer.port.",
            )
        device = good(f"printer at {p.host}:{p.port} reachable")
    elif p.connection == "usb":
        assert p.usb_vendor_id is not None and p.usb_product_id is not None
        device = checks.usb_printer(root, p.usb_vendor_id, p.usb_product_id)
    else:
        device = checks.serial_printer(Path(p.serial_device))
    if not device.ok or p.connection not in CONFIRMED_CONNECTIONS:
        return device
    if not p.confirm_with_status:
        return good(
            f"{device.text}; status not asked (printer.confirm_with_status: false), so paper "
            "is not checked"
        )
    return _status(settings)


def _tcp(host: str, port: int, timeout: float) -> str | None:
    """None when a TCP connection opens, else why not."""
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return None
    except OSError as error:
        return error.strerror or type(error).__name__


def _status(settings: Settings) -> Finding:
    from .printing.devices.printers import EscposPrinter  # python-escpos: only here

    p = settings.printer
    place = printer_place(p)
    status = EscposPrinter(p).status()
    if status.problem is Problem.NO_ANSWER:
        return bad(
            f"printer at {place} takes connections but does not answer status requests",
            "if jikubata printer test prints a page, set printer.confirm_with_status: false "
            "(many print servers never answer).",
        )
    if status.problem is Problem.PAPER_OUT or status.paper == "out":
        return bad(f"printer at {place} is out of paper", "load a new roll.")
    if status.problem is Problem.OFFLINE:
        return bad(
            f"printer at {place} reports it is offline",
            "close its cover and check the paper, then press its feed button.",
        )
    if status.online is not True:
        return bad(
            f"printer at {place} cannot be reached ({status.detail})",
            f"check the cable and that it is on, and the printer.{_where_key(p.connection)} "
            "setting.",
        )
    paper = "paper running low" if status.paper == "low" else "paper ok"
    return good(f"printer at {place} online, {paper}")


def _where_key(connection: str) -> str:
    return {"network": "host", "usb": "usb_vendor_id", "serial": "serial_device"}[connection]


# --- Qt -------------------------------------------------------------------------------------


def qt_platform(environ: Mapping[str, str]) -> Finding:
    from .ui import qt_check  # imports nothing of Qt

    platform = environ.get("QT_QPA_PLATFORM") or SERVICE_PLATFORM
    base = platform.split(":", 1)[0]
    spec = importlib.util.find_spec("PySide6")  # finds the package without loading Qt
    folders = list(spec.submodule_search_locations or []) if spec else []
    plugin_name = PLUGIN_FILES.get(base, f"libq{base}.so")
    plugin = next(
        (
            Path(folder) / "Qt/plugins/platforms" / plugin_name
            for folder in folders
            if (Path(folder) / "Qt/plugins/platforms" / plugin_name).is_file()
        ),
        None,
    )
    if plugin is None:
        return bad(
            f"Qt platform plugin {plugin_name} for QT_QPA_PLATFORM={base} not found",
            "reinstall the package (its PySide6 lacks the plugin).",
        )
    missing = qt_check.missing_packages(base)
    if missing:
        return bad(
            f"Qt platform {base}: system libraries missing ({', '.join(missing)})",
            f"run sudo apt-get install {' '.join(missing)}.",
        )
    return good(f"Qt platform {base}: plugin and system libraries present")
