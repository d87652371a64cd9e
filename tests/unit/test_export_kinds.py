"""The one list of monthly exports (kiosk.services.export_kinds) that the command line and the
admin screen both read."""

from __future__ import annotations

import argparse
import inspect
import xml.etree.ElementTree as ET
from pathlib import Path
from unittest import mock

import pytest

from kiosk import cli
from kiosk.domain.months import Month
from kiosk.services.export_kinds import EXPORT_KINDS, ExportKind
from kiosk.services.export_names import default_file_name
from kiosk.services.exports import ExportService

ENGLISH_TS = Path(__file__).resolve().parents[2] / "assets" / "translations" / "jikubata_en.ts"
KEYS = [kind.key for kind in EXPORT_KINDS]


def export_commands() -> dict[str, argparse.ArgumentParser]:
    """`jikubata export`'s sub-commands, from the real parser."""
    parser = cli.build_parser()
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    export = commands.choices["export"]
    reports = next(a for a in export._actions if isinstance(a, argparse._SubParsersAction))
    return dict(reports.choices)


def test_the_command_line_offers_exactly_the_registered_exports_in_order() -> None:
    assert list(export_commands()) == KEYS
    assert len(set(KEYS)) == len(KEYS)


@pytest.mark.parametrize("kind", EXPORT_KINDS, ids=KEYS)
def test_each_export_command_runs_its_kind(kind: ExportKind, tmp_path: Path) -> None:
    args = cli.build_parser().parse_args(["export", kind.key, "--month", "2026-11"])
    kiosk = mock.Mock()
    kiosk.settings.export.folder = tmp_path
    getattr(kiosk.exports, kind.key).return_value = 7
    assert args.handler(kiosk, args) == cli.EXIT_OK
    getattr(kiosk.exports, kind.key).assert_called_once_with(
        Month(2026, 11), tmp_path / f"{kind.key}-2026-11.csv", None
    )


def test_every_public_export_of_the_service_is_registered() -> None:
    methods = [
        name
        for name, member in inspect.getmembers(ExportService, inspect.isfunction)
        if not name.startswith("_")
    ]
    assert sorted(methods) == sorted(KEYS)


@pytest.mark.parametrize("kind", EXPORT_KINDS, ids=KEYS)
def test_each_kind_runs_the_service_method_of_its_name(kind: ExportKind) -> None:
    service = mock.Mock(spec=ExportService)
    getattr(service, kind.key).return_value = 3
    assert kind.run(service, Month(2026, 11), Path("x.csv"), ";") == 3
    getattr(service, kind.key).assert_called_once_with(Month(2026, 11), Path("x.csv"), ";")
    others = [key for key in KEYS if key != kind.key]
    assert not any(getattr(service, key).called for key in others)


@pytest.mark.parametrize("kind", EXPORT_KINDS, ids=KEYS)
def test_file_names_are_the_shared_default(kind: ExportKind) -> None:
    assert kind.file_name(Month(2026, 11)) == default_file_name(kind.key, Month(2026, 11))
    assert kind.file_name(Month(2026, 11)) == f"{kind.key}-2026-11.csv"


def test_every_label_is_a_source_text_the_admin_screen_translates() -> None:
    screen = next(
        context
        for context in ET.parse(ENGLISH_TS).getroot().iter("context")
        if context.findtext("name") == "ExportsScreen"
    )
    sources = {message.findtext("source") for message in screen.iter("message")}
    assert {kind.label for kind in EXPORT_KINDS} <= sources
