"""The English screen text: the committed .ts holds exactly what the code asks to translate,
every message is translated with the same placeholders, and Qt really uses it."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

import datetime as dt
import subprocess
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import PySide6
import pytest

from kiosk.domain.months import MONTH_NAMES_ID, Month
from kiosk.services.admin import VOID_REASONS
from kiosk.ui.i18n import Language, translate

from ..translations import ENGLISH_TS, REPO, Message, placeholders, read_ts
from ..translations import english as english_installed

LUPDATE = Path(PySide6.__file__).parent / "lupdate"


@pytest.fixture(scope="module")
def committed() -> list[Message]:
    return read_ts()


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> list[Message]:
    """What lupdate finds in kiosk/ui today (a fresh .ts, so nothing is carried over)."""
    target = tmp_path_factory.mktemp("lupdate") / "extracted_en.ts"
    result = subprocess.run(
        [
            str(LUPDATE),
            "-silent",
            "-extensions",
            "py",
            str(REPO / "kiosk" / "ui"),
            "-ts",
            str(target),
            "-no-obsolete",
            "-locations",
            "none",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return read_ts(target)


def test_lupdate_finds_the_screens_text(extracted):
    # A wrong command line or a broken wrap would find nothing, and match an empty .ts.
    contexts = {message.context for message in extracted}
    assert {"SellingScreen", "PaymentScreen", "Texts", "AdminWords", "MonthPicker"} <= contexts
    assert len(extracted) > 250


def test_the_committed_ts_holds_exactly_the_messages_in_the_code(committed, extracted):
    in_code = {message.key for message in extracted}
    in_file = {message.key for message in committed}
    assert sorted(in_code - in_file) == [], "new text: run pyside6-lupdate and translate it"
    assert sorted(in_file - in_code) == [], "stale text: run pyside6-lupdate -no-obsolete"
    duplicates = [key for key, n in Counter(m.key for m in committed).items() if n > 1]
    assert duplicates == []


def test_the_ts_header_names_both_languages():
    root = ET.parse(ENGLISH_TS).getroot()
    assert (root.get("language"), root.get("sourcelanguage")) == ("en_GB", "id_ID")


def test_every_message_is_translated(committed):
    unfinished = [m.key for m in committed if not m.finished or not m.translation.strip()]
    assert unfinished == []


def test_every_translation_has_the_placeholders_of_its_source(committed):
    wrong = [
        (m.key, m.translation)
        for m in committed
        if sorted(placeholders(m.translation)) != sorted(placeholders(m.source))
    ]
    assert wrong == []


def test_placeholders_are_named(committed):
    # ``{0}`` or ``{}`` would let a translation reorder values silently wrong.
    unnamed = [
        m.key for m in committed if any(not p.isidentifier() for p in placeholders(m.source))
    ]
    assert unnamed == []


def test_every_stored_void_reason_can_be_shown_translated(committed):
    """The reasons live in kiosk.services (Indonesian, as the ledger stores them); the void
    screen marks the same words for translation. A new reason must be marked too."""
    marked = {m.source for m in committed if m.context == "VoidScreen"}
    assert set(VOID_REASONS) <= marked


def test_the_screens_month_names_are_the_domains(committed):
    marked = [m.source for m in committed if m.context == "MonthPicker" and "{" not in m.source]
    assert marked == list(MONTH_NAMES_ID)


@pytest.fixture
def english(qapp):  # type: ignore[no-untyped-def]
    with english_installed():
        yield


def test_english_is_used_once_installed_and_indonesian_comes_back(qapp):  # type: ignore[no-untyped-def]
    language = Language()
    try:
        assert translate("PaymentScreen", "Kembalian") == "Kembalian"
        assert language.use("en") and language.code == "en"
        assert translate("PaymentScreen", "Kembalian") == "Change"
        assert translate("PaymentScreen", "Kembalian {amount}") == "Kembalian {amount}"  # other
        assert translate("SuccessScreen", "Kembalian {amount}") == "Change {amount}"  # context
        assert language.use("id") and language.code == "id"
        assert translate("PaymentScreen", "Kembalian") == "Kembalian"
    finally:
        language.use("id")


def test_dates_and_months_read_as_english(english):
    from kiosk.ui.widgets.clock import clock_text
    from kiosk.ui.widgets.month_picker import month_text

    assert clock_text(dt.datetime(2026, 12, 7, 9, 14)) == "Mon, 7 Dec 2026 09:14 WIT"
    assert month_text(Month(2026, 12)) == "December 2026"
    assert Month(2026, 12).label() == "Desember 2026"  # the CSVs and the CLI stay Indonesian


def test_dates_and_months_stay_indonesian_without_english(qapp):  # type: ignore[no-untyped-def]
    from kiosk.ui.widgets.clock import clock_text
    from kiosk.ui.widgets.month_picker import month_text

    assert clock_text(dt.datetime(2026, 12, 7, 9, 14)) == "Sen, 7 Des 2026 09:14 WIT"
    assert month_text(Month(2026, 12)) == "Desember 2026"


def test_an_admin_row_problem_reads_as_english(english):
    from kiosk.services.errors import RowCode, RowProblem
    from kiosk.ui.admin.words import problem_text

    problem = RowProblem.of(
        4, "nip", RowCode.INVALID_NIP, "'1993' is not a valid NIP", value="1993"
    )
    assert (
        problem_text(problem)
        == "Line 4, column nip: '1993' is not a valid NIP (it must be 18 digits)"
    )


def test_an_admin_row_problem_stays_indonesian_without_english(qapp):  # type: ignore[no-untyped-def]
    from kiosk.services.errors import RowCode, RowProblem
    from kiosk.ui.admin.words import problem_text

    bad = RowProblem.of(4, "nip", RowCode.INVALID_NIP, "'1993' is not a valid NIP", value="1993")
    assert problem_text(bad) == "Baris 4, kolom nip: '1993' bukan NIP yang valid (harus 18 angka)"
    twice = RowProblem.of(
        7, None, RowCode.REPEATED_NIP, "NIP 1 is already on line 3", nip="1", line=3
    )
    assert problem_text(twice) == "Baris 7: NIP 1 sudah ada di baris 3"
