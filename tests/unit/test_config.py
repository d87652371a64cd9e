"""config.yaml -> validated settings; every error names the key that is wrong."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from kiosk.config import (
    REQUIRED,
    SECTIONS,
    ConfigError,
    Settings,
    declared_keys,
    escpos_profile_names,
    load_settings,
    parse_settings,
)
from kiosk.domain.months import Month

SHIPPED = Path(__file__).resolve().parents[2] / "config.yaml"

# Exactly the keys the README lists as required; everything else must have a default.
REQUIRED_ONLY = {
    "stall": {
        "name": "Jiku Bata — Sudut Balai Kota Ambon",
        "kiosk_id": "AMB-01",
        "timezone": "Asia/Jayapura",
    },
    "database": {"url": "sqlite:///data/ledger.db"},
    "regulation": {
        "tiers": {"eselon_iv": "Eselon IV / Pengawas", "eselon_iii": "Eselon III"},
        "periods": [
            {"from": dt.date(2022, 9, 1), "minimums": {"eselon_iv": 20000, "eselon_iii": 30000}}
        ],
    },
    "printer": {
        "connection": "file",
        "path": "receipts",
        "host": "192.168.1.50",
        "port": 9100,
        "profile": "TM-T20II",
        "chars_per_line": 42,
    },
}


@pytest.fixture(scope="module")
def shipped_raw() -> dict[str, Any]:
    return yaml.safe_load(SHIPPED.read_text(encoding="utf-8"))


@pytest.fixture
def raw(shipped_raw: dict[str, Any]) -> dict[str, Any]:
    return copy.deepcopy(shipped_raw)


def config_error(raw: Any, source: Path) -> str:
    with pytest.raises(ConfigError) as caught:
        parse_settings(raw, source)
    return str(caught.value)


# --- the shipped config -------------------------------------------------------------------


def test_the_shipped_config_loads() -> None:
    settings = load_settings(SHIPPED)
    assert settings.source == SHIPPED
    assert settings.stall.kiosk_id == "AMB-01"
    assert settings.stall.timezone == "Asia/Jayapura"
    assert settings.stall.tz.key == "Asia/Jayapura"
    assert settings.printer.connection == "file"
    assert settings.printer.chars_per_line == 42
    assert settings.printer.port == 9100
    assert settings.export.delimiter == ","
    assert settings.scan.accept_unsigned is False  # only the kiosk's own signed cards
    base = SHIPPED.parent
    assert settings.database_url == "sqlite:///" + str(base / "data" / "ledger.db")
    assert settings.printer.path == base / "receipts"
    assert settings.export.folder == base / "exports"


def test_the_shipped_config_carries_the_published_minimums() -> None:
    regulation = load_settings(SHIPPED).regulation
    september_2022 = Month(2022, 9)
    assert regulation.minimum("eselon_iv", september_2022) == 20000
    assert regulation.minimum("eselon_iii", september_2022) == 30000
    assert regulation.minimum("eselon_ii", september_2022) == 100000
    assert regulation.minimum("wali_kota", september_2022) == 200000
    # every tier is priced in the first period (an omission would silently mean "owes nothing")
    assert set(regulation.periods[0].minimums) == set(regulation.tiers)
    with pytest.raises(ValueError):
        regulation.minimum("eselon_iv", Month(2022, 8))


def test_a_config_with_only_the_designs_keys_works_with_defaults(tmp_path: Path) -> None:
    settings = parse_settings(copy.deepcopy(REQUIRED_ONLY), tmp_path / "config.yaml")
    base = tmp_path.resolve()
    assert settings.base_dir == tmp_path
    assert settings.stall.address
    assert settings.stall.receipt_footer
    assert settings.printer.timeout_seconds == 5.0
    assert settings.scan.accept_unsigned is False  # any QR with a NIP would credit anyone
    assert settings.export.delimiter == ","
    assert settings.export.folder == base / "exports"
    assert settings.cards.key_file.parent == base / "data"
    assert settings.cards.revoked_file.parent == base / "data"
    assert settings.backup_folder == base / "data" / "backups"
    assert 0 < settings.roster.max_deactivation_share < 1
    assert settings.regulation.minimum("eselon_iii", Month(2030, 1)) == 30000


def test_stall_timezone_and_printer_section_may_be_left_out(tmp_path: Path) -> None:
    raw = copy.deepcopy(REQUIRED_ONLY)
    del raw["stall"]["timezone"]
    del raw["printer"]
    settings = parse_settings(raw, tmp_path / "config.yaml")
    assert settings.stall.timezone == "Asia/Jayapura"
    assert settings.printer.connection == "file"
    assert settings.printer.chars_per_line in (32, 42, 48)
    assert settings.printer.path == tmp_path.resolve() / "receipts"


def test_empty_sections_take_their_defaults(tmp_path: Path) -> None:
    raw = copy.deepcopy(REQUIRED_ONLY)
    raw.update(scan=None, export=None, cards=None, roster=None, backup=None)
    settings = parse_settings(raw, tmp_path / "config.yaml")
    assert settings.export.delimiter == ","


def test_settings_are_frozen(raw: dict[str, Any], tmp_path: Path) -> None:
    settings = parse_settings(raw, tmp_path / "config.yaml")
    with pytest.raises(AttributeError):
        settings.printer.port = 1  # type: ignore[misc]


# --- paths and URLs are relative to the config's folder -----------------------------------


def test_relative_sqlite_url_resolves_against_the_configs_folder(
    raw: dict[str, Any], tmp_path: Path
) -> None:
    raw["database"]["url"] = "sqlite:///data/ledger.db"
    settings = parse_settings(raw, tmp_path / "site" / "config.yaml")
    expected = (tmp_path / "site" / "data" / "ledger.db").resolve()
    assert settings.database_url == f"sqlite:///{expected}"


def test_relative_sqlite_url_with_a_driver_resolves_too(
    raw: dict[str, Any], tmp_path: Path
) -> None:
    raw["database"]["url"] = "sqlite+pysqlite:///data/ledger.db"
    settings = parse_settings(raw, tmp_path / "config.yaml")
    assert settings.database_url == f"sqlite+pysqlite:///{(tmp_path / 'data/ledger.db').resolve()}"


def test_parent_relative_sqlite_url(raw: dict[str, Any], tmp_path: Path) -> None:
    raw["database"]["url"] = "sqlite:///../common/ledger.db"
    settings = parse_settings(raw, tmp_path / "site" / "config.yaml")
    assert settings.database_url == f"sqlite:///{(tmp_path / 'common' / 'ledger.db').resolve()}"


@pytest.mark.parametrize(
    "url",
    [
        "sqlite:////var/lib/jikubata/ledger.db",
        "sqlite:///:memory:",
        "sqlite://",
        "postgresql+psycopg://kiosk@db.example/jikubata",
        "postgresql://kiosk@db.example/jikubata",
    ],
)
def test_absolute_memory_and_server_urls_are_kept(
    raw: dict[str, Any], tmp_path: Path, url: str
) -> None:
    raw["database"]["url"] = url
    assert parse_settings(raw, tmp_path / "config.yaml").database_url == url


def test_relative_paths_resolve_against_the_configs_folder(
    raw: dict[str, Any], tmp_path: Path
) -> None:
    raw["printer"]["path"] = "out/receipts"
    raw["export"]["folder"] = "../exports"
    raw["cards"] = {"key_file": "secret/keys.txt", "revoked_file": "/etc/jikubata/revoked.txt"}
    raw["backup"] = {"folder": "backups"}
    site = tmp_path / "site"
    settings = parse_settings(raw, site / "config.yaml")
    assert settings.printer.path == (site / "out" / "receipts").resolve()
    assert settings.export.folder == (tmp_path / "exports").resolve()
    assert settings.cards.key_file == (site / "secret" / "keys.txt").resolve()
    assert settings.cards.revoked_file == Path("/etc/jikubata/revoked.txt")
    assert settings.backup_folder == (site / "backups").resolve()


def test_paths_do_not_depend_on_the_working_directory(
    raw: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    settings = parse_settings(raw, tmp_path / "site" / "config.yaml")
    assert settings.printer.path == (tmp_path / "site" / "receipts").resolve()
    assert "elsewhere" not in settings.database_url


# --- every error names the key ------------------------------------------------------------


def test_unknown_top_level_key(raw: dict[str, Any], tmp_path: Path) -> None:
    raw["printers"] = {"connection": "file"}
    assert "printers" in config_error(raw, tmp_path / "config.yaml")


def test_unknown_key_inside_printer(raw: dict[str, Any], tmp_path: Path) -> None:
    raw["printer"]["prot"] = 9100
    assert "printer.prot" in config_error(raw, tmp_path / "config.yaml")


def test_unknown_key_inside_a_period(raw: dict[str, Any], tmp_path: Path) -> None:
    raw["regulation"]["periods"][0]["form"] = dt.date(2023, 1, 1)
    assert "regulation.periods[0].form" in config_error(raw, tmp_path / "config.yaml")


def test_wrong_type(raw: dict[str, Any], tmp_path: Path) -> None:
    raw["printer"]["port"] = "abc"
    message = config_error(raw, tmp_path / "config.yaml")
    assert "printer.port" in message
    assert "abc" in message


@pytest.mark.parametrize("port", [0, 65536, 9100.0, True, None])
def test_bad_ports(raw: dict[str, Any], tmp_path: Path, port: object) -> None:
    raw["printer"]["port"] = port
    assert "printer.port" in config_error(raw, tmp_path / "config.yaml")


@pytest.mark.parametrize("width", [40, 0, 42.0, "42", True])
def test_chars_per_line_must_be_32_42_or_48(
    raw: dict[str, Any], tmp_path: Path, width: object
) -> None:
    raw["printer"]["chars_per_line"] = width
    assert "printer.chars_per_line" in config_error(raw, tmp_path / "config.yaml")


def test_backup_and_log_defaults(raw: dict[str, Any], tmp_path: Path) -> None:
    settings = parse_settings(raw, tmp_path / "config.yaml")
    assert (settings.backup.keep_daily, settings.backup.keep_monthly) == (14, 12)
    assert settings.backup.usb_label is None
    assert settings.log.folder == (tmp_path / "logs").resolve()  # beside the config, as before


def test_backup_and_log_keys_as_written(raw: dict[str, Any], tmp_path: Path) -> None:
    raw["backup"] = {"keep_daily": 7, "keep_monthly": 0, "usb_label": "JIKU BACKUP"}
    raw["log"] = {"folder": "/var/log/jikubata"}
    settings = parse_settings(raw, tmp_path / "config.yaml")
    assert (settings.backup.keep_daily, settings.backup.keep_monthly) == (7, 0)
    assert settings.backup.usb_label == "JIKU BACKUP"
    assert settings.log.folder == Path("/var/log/jikubata")


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("keep_daily", 0),  # would delete the backup just written
        ("keep_daily", -1),
        ("keep_daily", 14.0),
        ("keep_daily", "14"),
        ("keep_daily", True),
        ("keep_monthly", -1),
        ("keep_monthly", None),
        ("usb_label", ""),
        ("usb_label", "../etc"),
        ("usb_label", "a/b"),
        ("usb_label", " LEADING"),
        ("usb_label", "X" * 33),
        ("usb_label", 42),
    ],
)
def test_bad_backup_values_are_refused_naming_the_key(
    raw: dict[str, Any], tmp_path: Path, key: str, value: object
) -> None:
    raw["backup"] = {key: value}
    assert config_error(raw, tmp_path / "config.yaml").startswith(f"backup.{key} must be")


@pytest.mark.parametrize("value", ["", None, 42, ["logs"]])
def test_a_bad_log_folder_is_refused_naming_the_key(
    raw: dict[str, Any], tmp_path: Path, value: object
) -> None:
    raw["log"] = {"folder": value}
    assert config_error(raw, tmp_path / "config.yaml").startswith("log.folder must be")


@pytest.mark.parametrize("width", [32, 42, 48])
def test_the_three_printer_widths(raw: dict[str, Any], tmp_path: Path, width: int) -> None:
    raw["printer"]["chars_per_line"] = width
    assert parse_settings(raw, tmp_path / "config.yaml").printer.chars_per_line == width


def test_unknown_printer_connection(raw: dict[str, Any], tmp_path: Path) -> None:
    raw["printer"]["connection"] = "bluetooth"
    message = config_error(raw, tmp_path / "config.yaml")
    assert "printer.connection" in message
    assert "bluetooth" in message


@pytest.mark.parametrize("connection", ["file", "network", "usb", "serial", "cups", "none"])
def test_every_printer_connection_is_accepted(
    raw: dict[str, Any], tmp_path: Path, connection: str
) -> None:
    raw["printer"]["connection"] = connection
    if connection == "usb":
        raw["printer"].update(usb_vendor_id="04b8", usb_product_id=0x0E15)
    printer = parse_settings(raw, tmp_path / "config.yaml").printer
    assert printer.connection == connection


def test_an_unknown_printer_profile_is_refused_naming_valid_ones(
    raw: dict[str, Any], tmp_path: Path
) -> None:
    raw["printer"]["profile"] = "NOPE"
    message = config_error(raw, tmp_path / "config.yaml")
    assert message.startswith("printer.profile ")
    assert "'NOPE'" in message
    for valid in ("'TM-T20II'", "'TM-T88V'", "'POS-5890'", "'default'"):
        assert valid in message


def test_a_mistyped_printer_profile_suggests_the_close_one(
    raw: dict[str, Any], tmp_path: Path
) -> None:
    raw["printer"]["profile"] = "tm-t88iv"  # python-escpos names are case-sensitive
    message = config_error(raw, tmp_path / "config.yaml")
    assert "printer.profile" in message and "'TM-T88IV'" in message


@pytest.mark.parametrize("profile", ["TM-T20II", "TM-T88V", "POS-5890", "default", "TM-P80"])
def test_every_escpos_profile_is_accepted_and_prints(
    raw: dict[str, Any], tmp_path: Path, profile: str
) -> None:
    from escpos.capabilities import get_profile

    raw["printer"]["profile"] = profile
    assert parse_settings(raw, tmp_path / "config.yaml").printer.profile == profile
    assert get_profile(profile) is not None  # what printing does with it later


def test_the_profile_list_is_python_escposs_own() -> None:
    from escpos.capabilities import CAPABILITIES

    assert escpos_profile_names() == frozenset(CAPABILITIES["profiles"])


def test_usb_printer_needs_its_ids(raw: dict[str, Any], tmp_path: Path) -> None:
    raw["printer"]["connection"] = "usb"
    with pytest.raises(ConfigError, match=r"printer\.usb_vendor_id and printer\.usb_product_id"):
        parse_settings(raw, tmp_path / "config.yaml")
    raw["printer"].update(usb_vendor_id="04b8", usb_product_id="0e15")
    printer = parse_settings(raw, tmp_path / "config.yaml").printer
    assert (printer.usb_vendor_id, printer.usb_product_id) == (0x04B8, 0x0E15)
    raw["printer"]["usb_product_id"] = "zz"
    with pytest.raises(ConfigError, match=r"printer\.usb_product_id must be a USB id"):
        parse_settings(raw, tmp_path / "config.yaml")


def test_a_malformed_qris_is_an_error_at_start_naming_the_key(
    raw: dict[str, Any], tmp_path: Path
) -> None:
    raw["payment"] = {"qris": "https://example.com/pay"}
    with pytest.raises(ConfigError, match=r"payment\.qris is not a valid QRIS payload"):
        parse_settings(raw, tmp_path / "config.yaml")


@pytest.mark.parametrize("start", [dt.date(2022, 9, 15), "2022-09-15"])
def test_a_period_must_start_on_the_first(
    raw: dict[str, Any], tmp_path: Path, start: object
) -> None:
    raw["regulation"]["periods"][0]["from"] = start
    assert "regulation.periods[0].from" in config_error(raw, tmp_path / "config.yaml")


@pytest.mark.parametrize("start", ["2022-09", "September 2022", dt.datetime(2022, 9, 1), 20220901])
def test_a_period_start_must_be_a_date(raw: dict[str, Any], tmp_path: Path, start: object) -> None:
    raw["regulation"]["periods"][0]["from"] = start
    assert "regulation.periods[0].from" in config_error(raw, tmp_path / "config.yaml")


def test_a_quoted_period_start_is_fine(raw: dict[str, Any], tmp_path: Path) -> None:
    raw["regulation"]["periods"][0]["from"] = "2022-09-01"
    settings = parse_settings(raw, tmp_path / "config.yaml")
    assert settings.regulation.periods[0].start == Month(2022, 9)


def test_a_minimum_for_an_undefined_tier(raw: dict[str, Any], tmp_path: Path) -> None:
    raw["regulation"]["periods"][0]["minimums"]["camat"] = 50000
    assert "regulation.periods[0].minimums.camat" in config_error(raw, tmp_path / "config.yaml")


@pytest.mark.parametrize("amount", [-1, 20000.5, "20000", "Rp20.000", None, True])
def test_a_minimum_must_be_whole_non_negative_rupiah(
    raw: dict[str, Any], tmp_path: Path, amount: object
) -> None:
    raw["regulation"]["periods"][0]["minimums"]["eselon_iv"] = amount
    message = config_error(raw, tmp_path / "config.yaml")
    assert "regulation.periods[0].minimums.eselon_iv" in message


def test_errors_in_a_later_period_name_its_index(raw: dict[str, Any], tmp_path: Path) -> None:
    raw["regulation"]["periods"].append(
        {
            "from": dt.date(2025, 1, 1),
            "minimums": {**raw["regulation"]["periods"][0]["minimums"], "eselon_iv": -5},
        }
    )
    assert "regulation.periods[1].minimums.eselon_iv" in config_error(raw, tmp_path / "config.yaml")


def test_a_later_period_changes_the_rule_from_its_month(
    raw: dict[str, Any], tmp_path: Path
) -> None:
    raw["regulation"]["periods"].append(
        {
            "from": dt.date(2025, 1, 1),
            "minimums": {**raw["regulation"]["periods"][0]["minimums"], "eselon_iv": 25000},
        }
    )
    regulation = parse_settings(raw, tmp_path / "config.yaml").regulation
    assert regulation.minimum("eselon_iv", Month(2024, 12)) == 20000
    assert regulation.minimum("eselon_iv", Month(2025, 1)) == 25000


def test_a_period_that_leaves_out_a_tier_names_it(raw: dict[str, Any], tmp_path: Path) -> None:
    raw["regulation"]["periods"].append(
        {"from": dt.date(2025, 1, 1), "minimums": {"wali_kota": 250000}}
    )
    with pytest.raises(
        ConfigError, match=r"regulation\.periods\[1\]\.minimums leaves out wakil_wali_kota"
    ):
        parse_settings(raw, tmp_path / "config.yaml")


def test_two_periods_in_the_same_month(raw: dict[str, Any], tmp_path: Path) -> None:
    raw["regulation"]["periods"].append(
        {
            "from": dt.date(2022, 9, 1),
            "minimums": {**raw["regulation"]["periods"][0]["minimums"], "eselon_iv": 25000},
        }
    )
    assert "regulation.periods" in config_error(raw, tmp_path / "config.yaml")


@pytest.mark.parametrize("periods", [[], None, {"from": dt.date(2022, 9, 1)}])
def test_periods_must_be_a_non_empty_list(
    raw: dict[str, Any], tmp_path: Path, periods: object
) -> None:
    raw["regulation"]["periods"] = periods
    assert "regulation.periods" in config_error(raw, tmp_path / "config.yaml")


@pytest.mark.parametrize("tier", ["Eselon IV", "4eselon", "eselon-iv"])
def test_tier_keys_are_lower_case_identifiers(
    raw: dict[str, Any], tmp_path: Path, tier: str
) -> None:
    raw["regulation"]["tiers"][tier] = "label"
    assert "regulation.tiers" in config_error(raw, tmp_path / "config.yaml")


def test_a_tier_needs_a_label(raw: dict[str, Any], tmp_path: Path) -> None:
    raw["regulation"]["tiers"]["pppk"] = ""
    assert "regulation.tiers.pppk" in config_error(raw, tmp_path / "config.yaml")


@pytest.mark.parametrize(
    "zone", ["Asia/Ambon", "WIT", "Asia/Jayapura/", "../etc/passwd", "Asia", "UTC+9"]
)
def test_unknown_time_zone(raw: dict[str, Any], tmp_path: Path, zone: str) -> None:
    raw["stall"]["timezone"] = zone
    message = config_error(raw, tmp_path / "config.yaml")
    assert "stall.timezone" in message
    assert zone in message


@pytest.mark.parametrize(
    "kiosk_id", ["amb-01", "AMB 01", "-AMB", "AMB_01", "AMB-01-TOO-LONG-ID", "", "AMB-01\n", 1]
)
def test_bad_kiosk_id(raw: dict[str, Any], tmp_path: Path, kiosk_id: object) -> None:
    raw["stall"]["kiosk_id"] = kiosk_id
    assert "stall.kiosk_id" in config_error(raw, tmp_path / "config.yaml")


def test_a_required_key_missing_is_named(raw: dict[str, Any], tmp_path: Path) -> None:
    del raw["stall"]["kiosk_id"]
    assert "stall.kiosk_id" in config_error(raw, tmp_path / "config.yaml")


@pytest.mark.parametrize(
    ("section", "key", "value"),
    [
        ("database", "url", "mysql://kiosk@db/jikubata"),
        ("database", "url", ""),
        ("export", "delimiter", "\t"),
        ("scan", "accept_unsigned", "ya"),
        ("printer", "timeout_seconds", 0),
        ("printer", "timeout_seconds", 120),
        ("printer", "host", ""),
        ("roster", "max_deactivation_share", 1.5),
    ],
)
def test_other_bad_values_name_their_key(
    raw: dict[str, Any], tmp_path: Path, section: str, key: str, value: object
) -> None:
    raw.setdefault(section, {})[key] = value
    assert f"{section}.{key}" in config_error(raw, tmp_path / "config.yaml")


@pytest.mark.parametrize(
    ("section", "key", "value"),
    [
        ("printer", "path", "receipts\x00"),  # YAML can write one: "receipts\0"
        ("export", "folder", "ex\x00ports"),
        ("database", "url", "sqlite:///data/\x00ledger.db"),
    ],
)
def test_an_unusable_path_is_a_config_error_naming_the_key(
    raw: dict[str, Any], tmp_path: Path, section: str, key: str, value: str
) -> None:
    raw[section][key] = value
    assert f"{section}.{key}" in config_error(raw, tmp_path / "config.yaml")


@pytest.mark.parametrize("section", ["stall", "printer", "regulation", "scan"])
def test_a_section_that_is_not_a_mapping(raw: dict[str, Any], tmp_path: Path, section: str) -> None:
    raw[section] = ["not", "a", "mapping"]
    assert section in config_error(raw, tmp_path / "config.yaml")


@pytest.mark.parametrize("document", [None, [], "just text", 42])
def test_a_document_that_is_not_a_mapping(tmp_path: Path, document: object) -> None:
    with pytest.raises(ConfigError):
        parse_settings(document, tmp_path / "config.yaml")


# --- any value in any place gives settings or a ConfigError naming the key ----------------

LEAVES = [
    ("stall", "name"),
    ("stall", "kiosk_id"),
    ("stall", "timezone"),
    ("stall", "address"),
    ("database", "url"),
    ("regulation", "tiers"),
    ("regulation", "tiers", "pppk"),
    ("regulation", "periods"),
    ("regulation", "periods", 0, "from"),
    ("regulation", "periods", 0, "minimums"),
    ("regulation", "periods", 0, "minimums", "eselon_iv"),
    ("printer", "connection"),
    ("printer", "path"),
    ("printer", "host"),
    ("printer", "port"),
    ("printer", "profile"),
    ("printer", "chars_per_line"),
    ("printer", "timeout_seconds"),
    ("scan", "accept_unsigned"),
    ("export", "delimiter"),
    ("export", "folder"),
    ("settlement", "fee_percent"),
    ("printer",),
    ("stall",),
]

values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(max_size=20),
    st.dates(),
    st.datetimes(),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
)


def dotted(path: tuple[Any, ...]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


@pytest.fixture(scope="module")
def fuzz_source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz") / "config.yaml"


@given(st.sampled_from(LEAVES), values)
def test_any_value_anywhere_gives_settings_or_a_config_error_naming_the_key(
    shipped_raw: dict[str, Any], fuzz_source: Path, path: tuple[Any, ...], value: Any
) -> None:
    raw = copy.deepcopy(shipped_raw)
    target = raw
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    try:
        parse_settings(raw, fuzz_source)
    except ConfigError as error:
        assert dotted(path) in str(error)


# --- each section's keys are declared once (kiosk/config.py) ------------------------------

REPO = SHIPPED.parent
DECLARED = [
    (section, name, declaration)
    for section, cls in SECTIONS.items()
    if cls is not None
    for name, declaration in declared_keys(cls).items()
]
NEEDED = {"stall.name", "stall.kiosk_id"}  # the only keys config.yaml must give


def section_values(settings: Settings, section: str) -> dict[str, Any]:
    """One section of parsed settings as key -> value (the database is flattened onto Settings)."""
    if section == "database":
        return {"url": settings.database_url}
    return dataclasses.asdict(getattr(settings, section))


@pytest.mark.parametrize(
    ("section", "name", "declaration"), DECLARED, ids=[f"{s}.{n}" for s, n, _ in DECLARED]
)
def test_every_declared_key_has_a_default_read_as_if_written(
    tmp_path: Path, section: str, name: str, declaration: Any
) -> None:
    key = f"{section}.{name}"
    if declaration.default is REQUIRED:
        assert key in NEEDED, f"{key} has no default"
        return
    left_out = copy.deepcopy(REQUIRED_ONLY)
    left_out.setdefault(section, {}).pop(name, None)
    value = section_values(parse_settings(left_out, tmp_path / "config.yaml"), section)[name]
    if declaration.default is None:
        assert value is None
        return
    written = copy.deepcopy(left_out)
    written[section][name] = declaration.default
    again = section_values(parse_settings(written, tmp_path / "config.yaml"), section)[name]
    assert value == again is not None


def test_the_needed_keys_are_declared_without_a_default() -> None:
    for key in NEEDED:
        section, name = key.split(".")
        assert declared_keys(SECTIONS[section])[name].default is REQUIRED


@pytest.mark.parametrize(
    "where",
    ["config", *(s for s, cls in SECTIONS.items() if cls), "regulation", "regulation.periods[0]"],
)
def test_every_section_refuses_an_unknown_key_and_lists_the_known_ones(
    raw: dict[str, Any], tmp_path: Path, where: str
) -> None:
    if where == "config":
        section, known = raw, list(SECTIONS)
    elif where.startswith("regulation"):
        section = raw["regulation"]["periods"][0] if where.endswith("[0]") else raw["regulation"]
        known = list(section)  # the shipped config gives exactly these
    else:
        section = raw.setdefault(where, {})
        known = list(declared_keys(SECTIONS[where]))
    section["colour"] = "blue"
    expected = f"{where}.colour is not a known setting (known in {where}: {', '.join(known)})"
    assert config_error(raw, tmp_path / "config.yaml") == expected


def test_the_readme_documents_every_declared_key() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("| key | default | meaning |") :].split("\n\n", 1)[0]
    documented = set(re.findall(r"`([a-z_]+\.[a-z_]+)`", table))
    declared = {f"{section}.{name}" for section, name, _ in DECLARED}
    assert declared | {"regulation.tiers", "regulation.periods"} == documented


# --- reading the file ---------------------------------------------------------------------


def test_load_settings_reads_a_file_saved_with_a_bom(tmp_path: Path) -> None:
    path = tmp_path / "config.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + SHIPPED.read_bytes())
    assert load_settings(path).stall.kiosk_id == "AMB-01"


def test_load_settings_errors_name_the_file_and_the_key(tmp_path: Path) -> None:
    raw = yaml.safe_load(SHIPPED.read_text(encoding="utf-8"))
    raw["printer"]["prot"] = 9100
    path = tmp_path / "config.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_settings(path)
    assert str(path) in str(caught.value)
    assert "printer.prot" in str(caught.value)


def test_invalid_yaml_reports_the_line(tmp_path: Path) -> None:
    path = tmp_path / "config.yaml"
    path.write_text(
        "stall:\n"
        '  name: "Jiku Bata"\n'
        '  kiosk_id: "AMB-01"\n'
        "printer:\n"
        "  port: 9100\n"
        '  host: "192.168.1.50\n'  # unterminated quote
        "  profile: TM-T20II\n",
        encoding="utf-8",
    )
    with pytest.raises(ConfigError) as caught:
        load_settings(path)
    message = str(caught.value)
    assert str(path) in message
    line = re.search(r"line (\d+)", message)
    assert line is not None, message
    assert 6 <= int(line.group(1)) <= 8


def test_bad_indentation_reports_its_line(tmp_path: Path) -> None:
    path = tmp_path / "config.yaml"
    path.write_text("stall:\n  name: x\n kiosk_id: y\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"line 3\b"):
        load_settings(path)


def test_a_section_given_twice_is_an_error_naming_its_line(tmp_path: Path) -> None:
    path = tmp_path / "config.yaml"
    shipped = SHIPPED.read_text(encoding="utf-8")
    path.write_text(shipped + '\nstall:\n  name: "Kedua"\n  kiosk_id: "AMB-02"\n', "utf-8")
    second = shipped.count("\n") + 2
    with pytest.raises(ConfigError) as caught:
        load_settings(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: line {second}, column 1: ")
    assert "'stall' appears twice" in message
    assert f"(first on line {shipped.splitlines().index('stall:') + 1})" in message


def test_a_tier_listed_twice_in_minimums_is_an_error_naming_its_line(tmp_path: Path) -> None:
    path = tmp_path / "config.yaml"
    path.write_text(
        "stall:\n"
        "  name: Jiku Bata\n"
        "  kiosk_id: AMB-01\n"
        "regulation:\n"
        "  tiers:\n"
        "    eselon_iv: Eselon IV\n"
        "  periods:\n"
        "    - from: 2022-09-01\n"
        "      minimums:\n"
        "        eselon_iv: 20000\n"
        "        eselon_iv: 0\n",
        encoding="utf-8",
    )
    with pytest.raises(ConfigError, match=r"line 11, column 9: the key 'eselon_iv' appears twice"):
        load_settings(path)


def test_a_merge_key_may_still_be_overridden(tmp_path: Path) -> None:
    path = tmp_path / "config.yaml"
    path.write_text(
        "stall:\n"
        "  name: Jiku Bata\n"
        "  kiosk_id: AMB-01\n"
        "database:\n"
        "  url: sqlite:///ledger.db\n"
        "regulation:\n"
        "  tiers:\n"
        "    eselon_iv: Eselon IV\n"
        "    eselon_iii: Eselon III\n"
        "  periods:\n"
        "    - from: 2022-09-01\n"
        "      minimums: &first\n"
        "        eselon_iv: 20000\n"
        "        eselon_iii: 30000\n"
        "    - from: 2027-01-01\n"
        "      minimums:\n"
        "        <<: *first\n"
        "        eselon_iv: 25000\n",  # overrides the merged value: not a duplicate
        encoding="utf-8",
    )
    regulation = load_settings(path).regulation
    assert regulation.minimum("eselon_iv", Month(2027, 1)) == 25000
    assert regulation.minimum("eselon_iii", Month(2027, 1)) == 30000


def test_an_empty_file_says_what_is_missing(tmp_path: Path) -> None:
    path = tmp_path / "config.yaml"
    path.write_text("# nothing yet\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="stall"):
        load_settings(path)


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nowhere" / "config.yaml"
    with pytest.raises(ConfigError, match="not found") as caught:
        load_settings(path)
    assert str(path) in str(caught.value)


def test_a_file_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "config.yaml"
    path.write_bytes(b"stall:\n  name: \xff\xfe\n")
    with pytest.raises(ConfigError) as caught:
        load_settings(path)
    assert str(path) in str(caught.value)


def test_config_error_is_a_value_error() -> None:
    assert issubclass(ConfigError, ValueError)


def test_the_demo_accepts_other_qr_codes_the_shipped_config_refuses(tmp_path: Path) -> None:
    from kiosk.cli import demo_settings

    shipped = load_settings(SHIPPED)
    demo = demo_settings(shipped, tmp_path)
    assert (shipped.scan.accept_unsigned, demo.scan.accept_unsigned) == (False, True)
    assert demo.cards.revoked_file == tmp_path / "data" / "revoked-cards.txt"


# --- control characters and digits in text values (issue #9, finding 11) -------------------

TEXT_KEYS = [
    ("stall", "name"),
    ("stall", "address"),
    ("stall", "receipt_footer"),
    ("printer", "host"),
    ("printer", "serial_device"),
    ("printer", "cups_printer"),
    ("printer", "path"),
    ("cards", "key_file"),
    ("export", "folder"),
    ("backup", "folder"),
    ("backup", "usb_label"),
    ("log", "folder"),
    ("database", "url"),
]


@pytest.mark.parametrize(("section", "key"), TEXT_KEYS, ids=[f"{s}.{k}" for s, k in TEXT_KEYS])
@pytest.mark.parametrize(
    "control", ["\x00", "\t", "\n", "\r", "\x1b", "\x7f", "\x85", "\u2028"], ids=repr
)
def test_a_control_character_in_a_text_value_is_refused_naming_the_key(
    raw: dict[str, Any], tmp_path: Path, section: str, key: str, control: str
) -> None:
    good = parse_settings(copy.deepcopy(raw), tmp_path / "config.yaml")
    written = "sqlite:///data/led" + control + "ger.db" if key == "url" else "Ambon" + control + "1"
    raw.setdefault(section, {})[key] = written
    message = config_error(raw, tmp_path / "config.yaml")
    assert message.startswith(f"{section}.{key} must be one line of text"), message
    assert f"U+{ord(control):04X}" in message
    assert good  # the same key with ordinary text is fine


def test_a_control_character_in_a_tier_label_names_the_tier(
    raw: dict[str, Any], tmp_path: Path
) -> None:
    raw["regulation"]["tiers"]["pppk"] = "PPPK\x00"
    assert config_error(raw, tmp_path / "config.yaml").startswith(
        "regulation.tiers.pppk must be one line of text"
    )


def test_a_nul_written_as_a_yaml_escape_is_refused_naming_the_key(tmp_path: Path) -> None:
    text = SHIPPED.read_text(encoding="utf-8")
    footer = 'receipt_footer: "Terima kasih telah berbelanja produk UMKM Ambon"'
    assert footer in text, "the shipped config.yaml changed; update this test"
    path = tmp_path / "config.yaml"
    path.write_text(text.replace(footer, 'receipt_footer: "Terima kasih\\0"'), encoding="utf-8")
    with pytest.raises(ConfigError, match=r"stall\.receipt_footer must be one line of text"):
        load_settings(path)


def test_accents_and_other_scripts_are_still_text(raw: dict[str, Any], tmp_path: Path) -> None:
    raw["stall"]["receipt_footer"] = "Terima kasih — ﻿شكرا · 谢谢 · Danke schön"
    footer = parse_settings(raw, tmp_path / "config.yaml").stall.receipt_footer
    assert footer == raw["stall"]["receipt_footer"]


@pytest.mark.parametrize("usb_id", ["٠٤b8", "０４b8", " 04b8", "04_b8", "+4b8", "0x"])
def test_a_usb_id_is_written_with_ascii_hex_digits(
    raw: dict[str, Any], tmp_path: Path, usb_id: str
) -> None:
    raw["printer"].update(connection="usb", usb_vendor_id=usb_id, usb_product_id="0e15")
    assert config_error(raw, tmp_path / "config.yaml").startswith(
        "printer.usb_vendor_id must be a USB id like 0x04b8"
    )


@pytest.mark.parametrize("start", [dt.date(1899, 1, 1), "1899-12-01", dt.date(9999, 1, 1)])
def test_a_period_start_outside_the_calendar_is_a_config_error_naming_the_key(
    raw: dict[str, Any], tmp_path: Path, start: object
) -> None:
    """Found by the config fuzzer: a month the domain refuses escaped as a MonthError."""
    raw["regulation"]["periods"][0]["from"] = start
    assert config_error(raw, tmp_path / "config.yaml").startswith(
        "regulation.periods[0].from must be a month from 1900-01 to 9998-12"
    )


def test_screen_scale_is_automatic_unless_a_number_is_given(
    raw: dict[str, Any], tmp_path: Path
) -> None:
    assert parse_settings(raw, tmp_path / "config.yaml").screen.scale is None
    raw["screen"] = {"scale": 1.25}
    assert parse_settings(raw, tmp_path / "config.yaml").screen.scale == 1.25


@pytest.mark.parametrize("bad", ["big", 0.5, 4, True, "1.25"])
def test_a_bad_screen_scale_names_the_key(raw: dict[str, Any], tmp_path: Path, bad: object) -> None:
    raw["screen"] = {"scale": bad}
    with pytest.raises(ConfigError, match=r"screen\.scale must be auto or a number from 1\.0"):
        parse_settings(raw, tmp_path / "config.yaml")


# --- central ----------------------------------------------------------------------------------


def test_without_a_central_section_the_kiosk_stands_alone(
    raw: dict[str, Any], tmp_path: Path
) -> None:
    raw.pop("central", None)
    central = parse_settings(raw, tmp_path / "config.yaml").central
    assert (central.url, central.interval_seconds, central.enabled) == (None, 30, False)


def test_a_central_url_takes_the_psycopg_driver(raw: dict[str, Any], tmp_path: Path) -> None:
    raw["central"] = {"url": "postgresql://kiosk_k1@db.example/jikubata?sslmode=require"}
    central = parse_settings(raw, tmp_path / "config.yaml").central
    assert central.url == "postgresql+psycopg://kiosk_k1@db.example/jikubata?sslmode=require"
    assert central.enabled


@pytest.mark.parametrize(
    "url", ["sqlite:///central.db", "mysql://x@y/z", "postgresql://", "", 5, None]
)
def test_a_central_url_must_be_postgresql(raw: dict[str, Any], tmp_path: Path, url: object) -> None:
    raw["central"] = {"url": url}
    assert "central.url" in config_error(raw, tmp_path / "config.yaml")


@pytest.mark.parametrize("seconds", [0, 4, 3601, 2.5, "30", True])
def test_a_central_interval_outside_5_to_3600_seconds_is_refused(
    raw: dict[str, Any], tmp_path: Path, seconds: object
) -> None:
    raw["central"] = {"url": "postgresql+psycopg://k@h/db", "interval_seconds": seconds}
    assert "central.interval_seconds" in config_error(raw, tmp_path / "config.yaml")
