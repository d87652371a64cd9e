"""config.yaml -> validated, frozen settings.

Every problem is reported as one sentence that names the key (``printer.port``) and says what is
allowed. Unknown keys are errors: they are nearly always typos that would otherwise be ignored.
Paths are relative to the folder holding the config file.

Each section is one frozen dataclass whose fields are its keys: ``_setting(read, default)``
gives a key its reader (which checks and converts the value, naming the key when it refuses
it) and its default. A default is written as config.yaml would write it and goes through the
same reader, so relative paths resolve against the config's folder and a default cannot be a
value the reader would refuse.
"""

from __future__ import annotations

import datetime as dt
import decimal
import difflib
import json
import math
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml

from .domain.errors import DomainError
from .domain.months import Month
from .domain.qris import QrisError, parse_qris
from .domain.regulation import Regulation, RulePeriod
from .domain.settlement import FeePeriod, FeeSchedule

CONFIG_ENV = "JIKUBATA_CONFIG"
PRINTER_CONNECTIONS = ("file", "network", "usb", "serial", "cups", "none")
CHARS_PER_LINE = (32, 42, 48)
SERIAL_BAUDRATES = (9600, 19200, 38400, 57600, 115200)


class ConfigError(ValueError):
    """The config file is missing, unreadable or has a bad key; the message names it."""


# --- small typed readers; each raises ConfigError naming the key ---------------------------


# Every text value is one line: a NUL cuts a path or a C string short, a newline or an escape
# breaks a receipt line or a log line, and no setting needs any of them.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_USB_ID = re.compile(r"(?:0[xX])?([0-9A-Fa-f]{1,4})")


def _text(key: str, value: Any, *, pattern: str | None = None, allowed: str = "") -> str:
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"{key} must be non-empty text (got {value!r})")
    control = _CONTROL.search(value)
    if control:
        raise ConfigError(
            f"{key} must be one line of text without control characters (found "
            f"U+{ord(control.group()):04X} at character {control.start() + 1}; got {value!r})"
        )
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


def _timezone(key: str, value: Any) -> str:
    _text(key, value)
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise ConfigError(
            f"{key} must be an IANA time zone such as 'Asia/Jayapura' (got {value!r})"
        ) from None
    return value


def _kiosk_id(key: str, value: Any) -> str:
    return _text(
        key,
        value,
        pattern=r"[A-Z0-9][A-Z0-9-]{0,15}",
        allowed="1-16 capital letters, digits or '-' like AMB-01",
    )


def _resolve(key: str, base: Path, relative: str) -> Path:
    try:
        return (base / relative).resolve()
    except (ValueError, OSError) as error:  # e.g. an embedded NUL byte
        raise ConfigError(f"{key} is not a usable path ({error}; got {relative!r})") from None


def _path(key: str, value: Any, base: Path) -> Path:
    return _resolve(key, base, _text(key, value))


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


def _central_url(key: str, value: Any) -> str:
    """The central PostgreSQL the kiosks meet in. Only PostgreSQL: central is where many
    kiosks write at once, which SQLite is not for. TLS comes from the URL's sslmode."""
    url = _text(key, value)
    if not re.match(r"^postgresql(\+psycopg)?://[^/]", url):
        raise ConfigError(
            f"{key} must be a postgresql+psycopg://user@host/database URL (got {value!r})"
        )
    return url.replace("postgresql://", "postgresql+psycopg://", 1)


def _usb_id(key: str, value: Any) -> int:
    """USB ids as printed by lsusb ("04b8") or as YAML numbers (0x04b8)."""
    if isinstance(value, str):
        # Not int(value, 16) alone: it also takes spaces, "_", a sign and non-ASCII digits.
        written = _USB_ID.fullmatch(value)
        if not written:
            raise ConfigError(f"{key} must be a USB id like 0x04b8 (got {value!r})")
        value = int(written.group(1), 16)
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


SCALE_RANGE = (1.0, 3.0)  # below 1 a target drops under 56 px; above 3 nothing fits


def _screen_scale(key: str, value: Any) -> float | None:
    """ "auto" (the screen's size decides, ui/scale.py) or a number such as 1.25."""
    if isinstance(value, str) and value.strip() == "auto":
        return None
    low, high = SCALE_RANGE
    if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
        raise ConfigError(f"{key} must be auto or a number from {low} to {high} (got {value!r})")
    return float(value)


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


# --- declaring a section's keys ------------------------------------------------------------

Reader = Callable[[str, Any, Path], Any]  # (dotted key, value as written, config folder)
REQUIRED: Any = object()  # the default of a key config.yaml must give
_SETTING = "jikubata.setting"  # the dataclass field metadata key


@dataclass(frozen=True)
class Setting:
    """How one key is read: ``read`` checks and converts a written value; ``default`` is used,
    read the same way, when the key is left out (None: left unset, not read)."""

    read: Reader
    default: Any


def _declare(read: Reader, default: Any) -> Any:
    return field(metadata={_SETTING: Setting(read, default)})


def _setting(read: Callable[[str, Any], Any], default: Any = REQUIRED) -> Any:
    """A section key read by ``read(key, value)``."""
    return _declare(lambda key, value, _base: read(key, value), default)


def _relative_setting(read: Reader, default: str) -> Any:
    """A section key whose reader also takes the config's folder (paths, SQLite URLs)."""
    return _declare(read, default)


def _one_of(choices: tuple[Any, ...]) -> Callable[[str, Any], Any]:
    return lambda key, value: _choice(key, value, choices)


def _whole_from(low: int, high: int) -> Callable[[str, Any], int]:
    return lambda key, value: _integer(key, value, low, high)


def _number_from(low: float, high: float) -> Callable[[str, Any], float]:
    return lambda key, value: _number(key, value, low, high)


def declared_keys(section: type) -> dict[str, Setting]:
    """A section dataclass's keys, in declaration order."""
    return {f.name: f.metadata[_SETTING] for f in fields(section)}


# --- the sections ---------------------------------------------------------------------------


@dataclass(frozen=True)
class StallSettings:
    name: str = _setting(_text)
    kiosk_id: str = _setting(_kiosk_id)
    timezone: str = _setting(_timezone, "Asia/Jayapura")
    address: str = _setting(_text, "Balai Kota Ambon")
    receipt_footer: str = _setting(_text, "Terima kasih telah berbelanja produk UMKM Ambon")

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


@dataclass(frozen=True)
class DatabaseSettings:
    url: str = _relative_setting(_database_url, "sqlite:///data/ledger.db")


@dataclass(frozen=True)
class PrinterSettings:
    connection: str = _setting(_one_of(PRINTER_CONNECTIONS), "file")
    path: Path = _relative_setting(_path, "receipts")
    host: str = _setting(_text, "127.0.0.1")
    port: int = _setting(_whole_from(1, 65535), 9100)
    profile: str = _setting(_printer_profile, "TM-T20II")
    chars_per_line: int = _setting(_one_of(CHARS_PER_LINE), 42)
    timeout_seconds: float = _setting(_number_from(0.5, 60), 5.0)
    usb_vendor_id: int | None = _setting(_usb_id, None)
    usb_product_id: int | None = _setting(_usb_id, None)
    serial_device: str = _setting(_text, "/dev/ttyUSB0")
    serial_baudrate: int = _setting(_one_of(SERIAL_BAUDRATES), 9600)
    cups_printer: str = _setting(_text, "receipt")
    open_cash_drawer: bool = _setting(_boolean, False)
    confirm_with_status: bool = _setting(_boolean, True)


@dataclass(frozen=True)
class PaymentSettings:
    qris: str | None = _setting(_qris, None)  # the stall's static QRIS payload; None: cash only


@dataclass(frozen=True)
class ScanSettings:
    # Off: a QR holding a NIP proves nothing (anyone can make one), so only the kiosk's signed
    # cards are scanned; a NIP may still be typed, and the sale records that it was typed.
    accept_unsigned: bool = _setting(_boolean, False)


@dataclass(frozen=True)
class ScreenSettings:
    # None (left out, or "auto"): from the screen's size and physical size; a number forces it
    scale: float | None = _setting(_screen_scale, None)


@dataclass(frozen=True)
class CardSettings:
    key_file: Path = _relative_setting(_path, "data/card-keys.txt")
    revoked_file: Path = _relative_setting(_path, "data/revoked-cards.txt")


@dataclass(frozen=True)
class LedgerSettings:
    # 32 random bytes made by `init`; every entry and seal carries a MAC under it
    key_file: Path = _relative_setting(_path, "data/ledger-key.txt")


@dataclass(frozen=True)
class ExportSettings:
    delimiter: str = _setting(_one_of((",", ";")), ",")
    folder: Path = _relative_setting(_path, "exports")


@dataclass(frozen=True)
class RosterSettings:
    max_deactivation_share: float = _setting(_number_from(0.0, 1.0), 0.10)


def _usb_label(key: str, value: Any) -> str:
    """A filesystem label as mkfs.vfat/e2label write it (the stick's name in a file manager)."""
    return _text(
        key,
        value,
        pattern=r"[A-Za-z0-9#+.:=@_-](?:[A-Za-z0-9 #+.:=@_-]{0,30}[A-Za-z0-9#+.:=@_-])?",
        allowed="a filesystem label of 1-32 letters, digits, spaces or #+.:=@_- such as JIKUBACKUP",
    )


@dataclass(frozen=True)
class BackupSettings:
    folder: Path = _relative_setting(_path, "data/backups")
    # Retention after each `jikubata backup`: the newest copy of each of the last keep_daily
    # days and of each of the last keep_monthly months is kept; older copies are deleted.
    keep_daily: int = _setting(_whole_from(1, 3660), 14)
    keep_monthly: int = _setting(_whole_from(0, 1200), 12)
    # Set: each new backup is also copied onto the mounted filesystem with this label.
    usb_label: str | None = _setting(_usb_label, None)


@dataclass(frozen=True)
class LogSettings:
    # The kiosk's own log file (kiosk.log); the installed package points it at /var/log/jikubata
    folder: Path = _relative_setting(_path, "logs")


@dataclass(frozen=True)
class CentralSettings:
    # None (no central section): a single kiosk, exactly as before; set: this kiosk pushes
    # its entries to, and pulls the roster and catalogue from, the central PostgreSQL
    url: str | None = _setting(_central_url, None)
    interval_seconds: int = _setting(_whole_from(5, 3600), 30)

    @property
    def enabled(self) -> bool:
        return self.url is not None


# --- settlement: the stall's fee on each UMKM's earnings ------------------------------------


def _fee_basis_points(key: str, value: Any) -> int:
    """A percentage from 0 to 100 with at most two decimals (2.5, 10, 0.75), as hundredths
    of a percent: the fee is then integer arithmetic (domain/settlement.fee_of)."""
    allowed = f"{key} must be a percentage from 0 to 100 with at most 2 decimals, such as 2.5"
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ConfigError(f"{allowed} (got {value!r})")
    if isinstance(value, float) and not math.isfinite(value):
        raise ConfigError(f"{allowed} (got {value!r})")
    if not 0 <= value <= 100:
        raise ConfigError(f"{allowed} (got {value!r})")
    hundredths = decimal.Decimal(str(value)) * 100  # str: 2.55 is "2.55", not 2.5499…
    if hundredths != hundredths.to_integral_value():
        raise ConfigError(f"{allowed} (got {value!r})")
    return int(hundredths)


_FEE_PERIOD_KEYS = {
    "from": Setting(lambda key, value, base: _period_start(key, value, base), REQUIRED),
    "percent": Setting(lambda key, value, _base: _fee_basis_points(key, value), REQUIRED),
}


def _fee_schedule(key: str, value: Any) -> FeeSchedule:
    """One percentage for every month, or a list of ``{from: YYYY-MM-01, percent: N}``: a
    changed fee is a new period, so the months before it keep their fee (as the regulation's
    periods do); before the first period the fee is 0."""
    if not isinstance(value, list):
        return FeeSchedule.flat(_fee_basis_points(key, value))
    if not value:
        raise ConfigError(f"{key} must be a percentage or a list with at least one period")
    periods: list[FeePeriod] = []
    for index, item in enumerate(value):
        where = f"{key}[{index}]"
        read = _read_keys(where, item, _FEE_PERIOD_KEYS, Path())
        if any(period.start == read["from"] for period in periods):
            raise ConfigError(
                f"{where}.from: two periods start in {read['from']}; keep one per month"
            )
        periods.append(FeePeriod(read["from"], read["percent"]))
    return FeeSchedule(tuple(periods))


@dataclass(frozen=True)
class SettlementSettings:
    fee_percent: FeeSchedule = _setting(_fee_schedule, 0)


# The top level, in config.yaml's order: each key's section dataclass. "regulation" is a
# table, not flat keys: _regulation reads it, after the others, as it always has been.
SECTIONS: dict[str, type | None] = {
    "stall": StallSettings,
    "database": DatabaseSettings,
    "regulation": None,
    "printer": PrinterSettings,
    "payment": PaymentSettings,
    "scan": ScanSettings,
    "screen": ScreenSettings,
    "cards": CardSettings,
    "ledger": LedgerSettings,
    "export": ExportSettings,
    "roster": RosterSettings,
    "backup": BackupSettings,
    "settlement": SettlementSettings,
    "central": CentralSettings,
    "log": LogSettings,
}
REQUIRED_SECTIONS = ("stall", "database", "regulation")  # the rest may be left out


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
    backup: BackupSettings
    ledger: LedgerSettings
    screen: ScreenSettings
    settlement: SettlementSettings
    central: CentralSettings
    log: LogSettings

    @property
    def base_dir(self) -> Path:
        return self.source.parent

    @property
    def backup_folder(self) -> Path:
        return self.backup.folder


# --- reading ---------------------------------------------------------------------------------


def _read_keys(key: str, raw: Any, declared: Mapping[str, Setting], base: Path) -> dict[str, Any]:
    """Read one section: reject unknown keys, fill defaults, convert every key."""
    data = _mapping(key, raw if raw is not None else {})
    for name in data:
        if name not in declared:
            known = ", ".join(declared)
            raise ConfigError(f"{key}.{name} is not a known setting (known in {key}: {known})")
    out = {}
    for name, declaration in declared.items():
        if name in data:
            out[name] = declaration.read(f"{key}.{name}", data[name], base)
        elif declaration.default is REQUIRED:
            raise ConfigError(f"{key}.{name} is required")
        elif declaration.default is None:
            out[name] = None
        else:
            out[name] = declaration.read(f"{key}.{name}", declaration.default, base)
    return out


_S = TypeVar("_S")


def _read_section(section: type[_S], key: str, raw: Any, base: Path) -> _S:
    return section(**_read_keys(key, raw, declared_keys(section), base))


def _as_written(_key: str, value: Any, _base: Path) -> Any:
    return value


def _section_of_keys(key: str, value: Any, _base: Path) -> Mapping[str, Any]:
    return _mapping(key, value)


def _period_start(key: str, value: Any, _base: Path) -> Month:
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
    try:
        return Month.of_date(value)
    except DomainError:  # a year the months do not cover (found by the config fuzzer)
        raise ConfigError(f"{key} must be a month from 1900-01 to 9998-12 (got {value})") from None


# "from" is a Python keyword, so these two are declared as tables rather than dataclasses.
_REGULATION_KEYS = {
    "tiers": Setting(_section_of_keys, REQUIRED),
    "periods": Setting(_as_written, REQUIRED),
}
_PERIOD_KEYS = {
    "from": Setting(_period_start, REQUIRED),
    "minimums": Setting(_section_of_keys, REQUIRED),
}


def _regulation(raw: Any, base: Path) -> Regulation:
    data = _read_keys("regulation", raw, _REGULATION_KEYS, base)
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
        period = _read_keys(key, item, _PERIOD_KEYS, base)
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


def _printer_complete(printer: PrinterSettings) -> PrinterSettings:
    if printer.connection == "usb" and (
        printer.usb_vendor_id is None or printer.usb_product_id is None
    ):
        raise ConfigError(
            "printer.usb_vendor_id and printer.usb_product_id are required "
            "when printer.connection is 'usb' (see lsusb)"
        )
    return printer


# Each section as written, read by its own reader in parse_settings; an optional section left
# out reads as empty (every key takes its default).
_TOP_KEYS = {
    name: Setting(_as_written, REQUIRED if name in REQUIRED_SECTIONS else None) for name in SECTIONS
}


def parse_settings(raw: Any, source: Path) -> Settings:
    """Validate a parsed YAML document; ``source`` anchors the relative paths."""
    base = source.parent
    top = _read_keys("config", raw, _TOP_KEYS, base)
    # Read in this order so that, of several mistakes, the same one is reported first.
    sections: dict[str, Any] = {
        key: _read_section(cls, key, top[key], base)
        for key, cls in SECTIONS.items()
        if cls is not None
    }
    return Settings(
        source=source,
        stall=sections["stall"],
        database_url=sections["database"].url,
        regulation=_regulation(top["regulation"], base),
        printer=_printer_complete(sections["printer"]),
        payment=sections["payment"],
        scan=sections["scan"],
        cards=sections["cards"],
        export=sections["export"],
        roster=sections["roster"],
        backup=sections["backup"],
        ledger=sections["ledger"],
        screen=sections["screen"],
        settlement=sections["settlement"],
        central=sections["central"],
        log=sections["log"],
    )


# libyaml's parser where PyYAML was built with it (its wheels are): the same documents, read
# several times faster, which every command and the kiosk's start wait for.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _UniqueKeyLoader(_SafeLoader):  # type: ignore[misc]
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
