"""config.yaml -> validated, frozen settings.

Every problem is reported as one sentence that names the key (``printer.port``) and says what is
allowed. Unknown keys are errors: they are nearly always typos that would otherwise be ignored.
Paths are relative to the folder holding the config file.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml

from .domain.errors import DomainError
from .domain.months import Month
from .domain.qris import QrisError, parse_qris
from .domain.regulation import Regulation, RulePeriod

CONFIG_ENV = "JIKUBATA_CONFIG"
PRINTER_CONNECTIONS = ("file", "network", "usb", "serial", "cups", "none")
CHARS_PER_LINE = (32, 42, 48)
SERIAL_BAUDRATES = (9600, 19200, 38400, 57600, 115200)


class ConfigError(ValueError):
    """The config file is missing, unreadable or has a bad key; the message names it."""


@dataclass(frozen=True)
class StallSettings:
    name: str
    kiosk_id: str
    timezone: str
    address: str
    receipt_footer: str

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


@dataclass(frozen=True)
class PrinterSettings:
    connection: str
    path: Path
    host: str
    port: int
    profile: str
    chars_per_line: int
    timeout_seconds: float
    usb_vendor_id: int | None
    usb_product_id: int | None
    serial_device: str
    serial_baudrate: int
    cups_printer: str
    open_cash_drawer: bool
    confirm_with_status: bool


@dataclass(frozen=True)
class PaymentSettings:
    qris: str | None  # the stall's static QRIS payload; None: cash only


@dataclass(frozen=True)
class ScanSettings:
    accept_unsigned: bool


@dataclass(frozen=True)
class CardSettings:
    key_file: Path
    revoked_file: Path


@dataclass(frozen=True)
class ExportSettings:
    delimiter: str
    folder: Path


@dataclass(frozen=True)
class RosterSettings:
    max_deactivation_share: float


@dataclass(frozen=True)
class Settings:
    source: Path
    stall: StallSettings
    database_url: str
    regulation: Regulation
    printer: PrinterSettings
    payment: PaymentSettings
    scan: ScanSettings
    cards: CardSettings
    export: ExportSettings
    roster: RosterSettings
    backup_folder: Path

    @property
    def base_dir(self) -> Path:
        return self.source.parent


# --- small typed readers; each raises ConfigError naming the key ---------------------------


def _text(key: str, value: Any, *, pattern: str | None = None, allowed: str = "") -> str:
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"{key} must be non-empty text (got {value!r})")
    if pattern and not re.fullmatch(pattern, value):
        raise ConfigError(f"{key} must be {allowed} (got {value!r})")
    return value


def _integer(key: str, value: Any, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ConfigError(f"{key} must be a whole number from {low} to {high} (got {value!r})")
    return value


def _number(key: str, value: Any, low: float, high: float) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
        raise ConfigError(f"{key} must be a number from {low} to {high} (got {value!r})")
    return float(value)


def _boolean(key: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise ConfigError(f"{key} must be true or false (got {value!r})")
    return value


def _choice(key: str, value: Any, choices: tuple[Any, ...]) -> Any:
    # same type too: a YAML 42.0 equals 42 but is not a character count
    if not any(type(value) is type(c) and value == c for c in choices):
        allowed = ", ".join(repr(c) if isinstance(c, str) else str(c) for c in choices)
        raise ConfigError(f"{key} must be one of {allowed} (got {value!r})")
    return value


def _mapping(key: str, value: Any) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise ConfigError(f"{key} must be a section of keys (got {value!r})")
    return value


def _section(
    key: str, raw: Any, fields: dict[str, Callable[[str, Any], Any]], defaults: dict[str, Any]
) -> dict[str, Any]:
    """Read one section: reject unknown keys, fill defaults, convert every field."""
    data = _mapping(key, raw if raw is not None else {})
    for name in data:
        if name not in fields:
            known = ", ".join(fields)
            raise ConfigError(f"{key}.{name} is not a known setting (known in {key}: {known})")
    out = {}
    for name, read in fields.items():
        if name in data:
            out[name] = read(f"{key}.{name}", data[name])
        elif name in defaults:
            out[name] = defaults[name]
        else:
            raise ConfigError(f"{key}.{name} is required")
    return out


def _timezone(key: str, value: Any) -> str:
    _text(key, value)
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise ConfigError(
            f"{key} must be an IANA time zone such as 'Asia/Jayapura' (got {value!r})"
        ) from None
    return value


def _period_start(key: str, value: Any) -> Month:
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date | str):
        raise ConfigError(f"{key} must be a date YYYY-MM-01 (got {value!r})")
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value.strip())
        except ValueError:
            raise ConfigError(f"{key} must be a date YYYY-MM-01 (got {value!r})") from None
    if value.day != 1:
        raise ConfigError(
            f"{key} must be the 1st of a month, since rules change by month (got {value})"
        )
    return Month.of_date(value)


def _regulation(raw: Any) -> Regulation:
    data = _section(
        "regulation", raw, {"tiers": lambda k, v: _mapping(k, v), "periods": lambda k, v: v}, {}
    )
    tiers: dict[str, str] = {}
    for tier, label in data["tiers"].items():
        _text(
            "regulation.tiers",
            str(tier),
            pattern=r"[a-z][a-z0-9_]*",
            allowed="lower-case keys like eselon_iv",
        )
        tiers[str(tier)] = _text(f"regulation.tiers.{tier}", label)
    if not tiers:
        raise ConfigError("regulation.tiers must define at least one tier")
    periods_raw = data["periods"]
    if not isinstance(periods_raw, list) or not periods_raw:
        raise ConfigError("regulation.periods must be a list with at least one period")
    periods = []
    for index, item in enumerate(periods_raw):
        key = f"regulation.periods[{index}]"
        period = _section(
            key, item, {"from": _period_start, "minimums": lambda k, v: _mapping(k, v)}, {}
        )
        minimums = {}
        for tier, amount in period["minimums"].items():
            if tier not in tiers:
                raise ConfigError(
                    f"{key}.minimums.{tier} is not a tier defined in regulation.tiers "
                    f"(defined: {', '.join(tiers)})"
                )
            minimums[tier] = _integer(f"{key}.minimums.{tier}", amount, 0, 100_000_000)
        left_out = [tier for tier in tiers if tier not in minimums]
        if left_out:
            raise ConfigError(
                f"{key}.minimums leaves out {', '.join(left_out)}: every period lists every "
                "tier, with 0 for those who owe nothing"
            )
        periods.append(RulePeriod(period["from"], minimums))
    try:
        return Regulation(tiers, tuple(periods))
    except DomainError as error:
        raise ConfigError(f"regulation.periods: {error}") from None


def _resolve(key: str, base: Path, relative: str) -> Path:
    try:
        return (base / relative).resolve()
    except (ValueError, OSError) as error:  # e.g. an embedded NUL byte
        raise ConfigError(f"{key} is not a usable path ({error}; got {relative!r})") from None


def _usb_id(key: str, value: Any) -> int:
    """USB ids as printed by lsusb ("04b8") or as YAML numbers (0x04b8)."""
    if isinstance(value, str):
        try:
            value = int(value.removeprefix("0x"), 16)
        except ValueError:
            raise ConfigError(f"{key} must be a USB id like 0x04b8 (got {value!r})") from None
    return _integer(key, value, 0, 0xFFFF)


def _qris(key: str, value: Any) -> str:
    try:
        return parse_qris(_text(key, value)).encode()
    except QrisError as error:
        raise ConfigError(f"{key} is not a valid QRIS payload: {error}") from None


@lru_cache(maxsize=1)
def escpos_profile_names() -> frozenset[str]:
    """The capability profiles python-escpos knows (what ``escpos.capabilities.get_profile``
    accepts).

    Read as JSON from the same file escpos.capabilities loads ($ESCPOS_CAPABILITIES_FILE, else
    its packaged capabilities.json): importing escpos.capabilities parses it as YAML on every
    start (~0.3 s) and leaves a temporary folder behind, a price every CLI command would pay.
    """
    try:
        override = os.environ.get("ESCPOS_CAPABILITIES_FILE")
        if override:
            text = Path(override).read_text(encoding="utf-8")
        else:
            from importlib.resources import files

            text = (files("escpos") / "capabilities.json").read_text(encoding="utf-8")
        return frozenset(json.loads(text)["profiles"])
    except (OSError, ValueError, KeyError, TypeError):
        # a YAML override or another layout: ask python-escpos itself (slower)
        from escpos.capabilities import CAPABILITIES

        return frozenset(CAPABILITIES["profiles"])


_SUGGESTED_PROFILES = ("TM-T20II", "TM-T88V", "POS-5890", "default")


def _printer_profile(key: str, value: Any) -> str:
    profile = _text(key, value)
    known = escpos_profile_names()
    if profile in known:
        return profile
    folded = {name.casefold(): name for name in known}
    close = difflib.get_close_matches(profile.casefold(), sorted(folded), n=3, cutoff=0.6)
    suggestions = [*(folded[name] for name in close)]
    suggestions += [name for name in _SUGGESTED_PROFILES if name in known]
    shown = ", ".join(repr(name) for name in dict.fromkeys(suggestions))
    raise ConfigError(
        f"{key} must be a python-escpos capability profile such as {shown} (got {value!r})"
    )


def _printer_complete(printer: PrinterSettings) -> PrinterSettings:
    if printer.connection == "usb" and (
        printer.usb_vendor_id is None or printer.usb_product_id is None
    ):
        raise ConfigError(
            "printer.usb_vendor_id and printer.usb_product_id are required "
            "when printer.connection is 'usb' (see lsusb)"
        )
    return printer


def _database_url(key: str, value: Any, base: Path) -> str:
    url = _text(key, value)
    sqlite = re.match(r"^(sqlite(?:\+\w+)?:///)(?!/)(.*)$", url, re.DOTALL)
    if sqlite:
        prefix, relative = sqlite.groups()
        if relative and not relative.startswith(":"):
            return prefix + str(_resolve(key, base, relative))
    if not re.match(r"^(sqlite|postgresql)(\+\w+)?://", url):
        raise ConfigError(f"{key} must be a sqlite:/// or postgresql:// URL (got {value!r})")
    return url


def parse_settings(raw: Any, source: Path) -> Settings:
    """Validate a parsed YAML document; ``source`` anchors the relative paths."""
    base = source.parent
    top = _section(
        "config",
        raw,
        {
            name: (lambda k, v: v)
            for name in (
                "stall",
                "database",
                "regulation",
                "printer",
                "payment",
                "scan",
                "cards",
                "export",
                "roster",
                "backup",
            )
        },
        {
            "scan": None,
            "cards": None,
            "export": None,
            "roster": None,
            "backup": None,
            "printer": None,
            "payment": None,
        },
    )

    def path(k: str, v: Any) -> Path:
        return _resolve(k, base, _text(k, v))

    stall = _section(
        "stall",
        top["stall"],
        {
            "name": _text,
            "timezone": _timezone,
            "kiosk_id": lambda k, v: _text(
                k,
                v,
                pattern=r"[A-Z0-9][A-Z0-9-]{0,15}",
                allowed="1-16 capital letters, digits or '-' like AMB-01",
            ),
            "address": _text,
            "receipt_footer": _text,
        },
        {
            "timezone": "Asia/Jayapura",
            "address": "Balai Kota Ambon",
            "receipt_footer": "Terima kasih telah berbelanja produk UMKM Ambon",
        },
    )
    database = _section(
        "database",
        top["database"],
        {"url": lambda k, v: _database_url(k, v, base)},
        {"url": "sqlite:///" + str((base / "data/ledger.db").resolve())},
    )
    printer = _section(
        "printer",
        top["printer"],
        {
            "connection": lambda k, v: _choice(k, v, PRINTER_CONNECTIONS),
            "path": path,
            "host": _text,
            "port": lambda k, v: _integer(k, v, 1, 65535),
            "profile": _printer_profile,
            "chars_per_line": lambda k, v: _choice(k, v, CHARS_PER_LINE),
            "timeout_seconds": lambda k, v: _number(k, v, 0.5, 60),
            "usb_vendor_id": _usb_id,
            "usb_product_id": _usb_id,
            "serial_device": _text,
            "serial_baudrate": lambda k, v: _choice(k, v, SERIAL_BAUDRATES),
            "cups_printer": _text,
            "open_cash_drawer": _boolean,
            "confirm_with_status": _boolean,
        },
        {
            "connection": "file",
            "path": (base / "receipts").resolve(),
            "host": "127.0.0.1",
            "port": 9100,
            "profile": "TM-T20II",
            "chars_per_line": 42,
            "timeout_seconds": 5.0,
            "usb_vendor_id": None,
            "usb_product_id": None,
            "serial_device": "/dev/ttyUSB0",
            "serial_baudrate": 9600,
            "cups_printer": "receipt",
            "open_cash_drawer": False,
            "confirm_with_status": True,
        },
    )
    payment = _section("payment", top["payment"], {"qris": _qris}, {"qris": None})
    scan = _section("scan", top["scan"], {"accept_unsigned": _boolean}, {"accept_unsigned": True})
    cards = _section(
        "cards",
        top["cards"],
        {"key_file": path, "revoked_file": path},
        {
            "key_file": (base / "data/card-keys.txt").resolve(),
            "revoked_file": (base / "data/revoked-cards.txt").resolve(),
        },
    )
    export = _section(
        "export",
        top["export"],
        {"delimiter": lambda k, v: _choice(k, v, (",", ";")), "folder": path},
        {"delimiter": ",", "folder": (base / "exports").resolve()},
    )
    roster = _section(
        "roster",
        top["roster"],
        {"max_deactivation_share": lambda k, v: _number(k, v, 0.0, 1.0)},
        {"max_deactivation_share": 0.10},
    )
    backup = _section(
        "backup", top["backup"], {"folder": path}, {"folder": (base / "data/backups").resolve()}
    )
    return Settings(
        source=source,
        stall=StallSettings(**stall),
        database_url=database["url"],
        regulation=_regulation(top["regulation"]),
        printer=_printer_complete(PrinterSettings(**printer)),
        payment=PaymentSettings(**payment),
        scan=ScanSettings(**scan),
        cards=CardSettings(**cards),
        export=ExportSettings(**export),
        roster=RosterSettings(**roster),
        backup_folder=backup["folder"],
    )


class _UniqueKeyLoader(yaml.SafeLoader):
    """SafeLoader that refuses a key given twice in one mapping (a second ``stall:`` section, a
    tier listed twice in ``minimums``) instead of silently keeping the last one."""

    def construct_mapping(self, node: yaml.Node, deep: bool = False) -> dict[Any, Any]:
        if isinstance(node, yaml.MappingNode):
            first_line: dict[Any, int] = {}
            for key_node, _value in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    continue  # "<<: *defaults" may be overridden: that is what it is for
                key = self.construct_object(key_node, deep=True)
                try:
                    seen = first_line.get(key)
                except TypeError:
                    continue  # unhashable: SafeLoader reports that itself
                if seen is not None:
                    raise yaml.constructor.ConstructorError(
                        None,
                        None,
                        f"the key {key!r} appears twice in one section "
                        f"(first on line {seen + 1}); keep only one",
                        key_node.start_mark,
                    )
                first_line[key] = key_node.start_mark.line
        return super().construct_mapping(node, deep=deep)


def config_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """``--config``, else ``$JIKUBATA_CONFIG``, else ``./config.yaml``."""
    return Path(explicit or os.environ.get(CONFIG_ENV) or "config.yaml").resolve()


def load_settings(path: Path) -> Settings:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ConfigError(f"{path}: config file not found") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot read the config file ({error})") from None
    try:
        raw = yaml.load(text, Loader=_UniqueKeyLoader)  # a SafeLoader subclass
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(error, "problem", None) or "invalid YAML"
        raise ConfigError(f"{path}:{where}: {problem}") from None
    try:
        return parse_settings(raw, path)
    except ConfigError as error:
        raise ConfigError(f"{path}: {error}") from None
