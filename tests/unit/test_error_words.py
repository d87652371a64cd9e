"""The screens word an error by its code and values, never by its English: every code has
Indonesian words with an English translation, the words name only values the error has,
rewording the English changes nothing on screen, and kiosk/ui matches no English text."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

import ast
import datetime as dt
import importlib
import pkgutil
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

import pytest

import kiosk
from kiosk.domain.errors import DomainError, ErrorCode, LedgerProblem
from kiosk.domain.money import MoneyProblem
from kiosk.domain.nip import NIP_REASONS, NipError, NipProblem, parse_nip
from kiosk.domain.scan import ScanProblem
from kiosk.services.csv_input import read_csv
from kiosk.services.errors import ImportProblem, ImportRefused, RowCode
from kiosk.services.roster_import import RosterImporter
from kiosk.ui.admin import words
from kiosk.ui.widgets import texts

from ..translations import english, placeholders, read_ts

KIOSK = Path(kiosk.__file__).resolve().parent
UI = KIOSK / "ui"


def error_code_enums() -> list[type[ErrorCode]]:
    """Every ErrorCode enum below the screens (each module imported, so a new one counts)."""
    for package in ("domain", "services", "ledger", "printing"):
        prefix = f"kiosk.{package}."
        for info in pkgutil.walk_packages([str(KIOSK / package)], prefix):
            if ".migrations" not in info.name:  # alembic scripts run when imported
                importlib.import_module(info.name)
    found, todo = [], list(ErrorCode.__subclasses__())
    while todo:
        enum_class = todo.pop()
        found.append(enum_class)
        todo += enum_class.__subclasses__()
    return sorted(found, key=lambda enum_class: enum_class.__name__)


ENUMS = error_code_enums()
CODES = [code for enum_class in ENUMS for code in enum_class]


def tables_for(code: ErrorCode) -> list[tuple[str, dict[ErrorCode, str]]]:
    """Where the words for ``code`` must be: (translation context, table)."""
    if isinstance(code, ScanProblem):
        return [("Texts", texts.SCAN_PROBLEMS)]
    if isinstance(code, NipProblem):  # the buyer's keypad and the admin screens
        return [("Texts", texts.NIP_PROBLEMS), ("AdminWords", words.ERRORS)]
    if isinstance(code, (RowCode, MoneyProblem)):  # a value on one line of a file
        return [("AdminWords", words.ROW_PROBLEMS)]
    return [("AdminWords", words.ERRORS)]


def test_every_error_code_enum_is_found():
    names = {enum_class.__name__ for enum_class in ENUMS}
    assert {"NipProblem", "ScanProblem", "Refusal", "ImportProblem", "RowCode"} <= names
    assert {"LedgerProblem", "QrisProblem", "ReceiptQrProblem"} <= names
    assert len(names) == len(ENUMS), "two code enums share a name"


@pytest.mark.parametrize("code", CODES, ids=lambda code: f"{type(code).__name__}.{code.name}")
def test_every_code_has_indonesian_words_with_an_english_translation(code: ErrorCode):
    english_for = {(m.context, m.source): m for m in read_ts()}
    for context, table in tables_for(code):
        assert code in table, f"no words for {code} in {context}"
        message = english_for.get((context, table[code]))
        assert message is not None, f"{table[code]!r} is not in the .ts: run pyside6-lupdate"
        assert message.finished and message.translation.strip(), f"translate {table[code]!r}"


def test_the_tables_word_only_codes_that_exist():
    known = set(CODES)
    for table in (words.ERRORS, words.ROW_PROBLEMS, texts.SCAN_PROBLEMS, texts.NIP_PROBLEMS):
        assert set(table) <= known


# --- the values each code is raised with ----------------------------------------------------


def raise_sites() -> dict[ErrorCode, list[set[str] | None]]:
    """For each code, the value names given wherever the code is written into a call below
    kiosk/ui (an error, a RowProblem); ``None`` where the values are splatted in."""
    by_name = {enum_class.__name__: enum_class for enum_class in ENUMS}
    sites: dict[ErrorCode, list[set[str] | None]] = defaultdict(list)
    for path in sorted(KIOSK.rglob("*.py")):
        if UI in path.parents or "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            for arg in node.args:
                if not (
                    isinstance(arg, ast.Attribute)
                    and isinstance(arg.value, ast.Name)
                    and arg.value.id in by_name
                ):
                    continue
                code = by_name[arg.value.id][arg.attr]
                if any(keyword.arg is None for keyword in node.keywords):
                    sites[code].append(None)
                    continue
                given = {keyword.arg for keyword in node.keywords if keyword.arg} - {"problems"}
                if isinstance(code, ImportProblem):
                    given.add("file")  # ImportRefused adds the file's name
                sites[code].append(given)
    return sites


SITES = raise_sites()


def test_the_raise_sites_are_found():
    assert SITES[LedgerProblem.ALREADY_VOIDED] == [{"number"}]
    assert {"value", "reason"} in SITES[RowCode.INVALID_NIP]
    assert SITES[ImportProblem.NOT_FOUND] == [{"file"}]


@pytest.mark.parametrize("code", CODES, ids=lambda code: f"{type(code).__name__}.{code.name}")
def test_the_words_name_only_values_every_raise_of_the_code_gives(code: ErrorCode):
    if isinstance(code, NipProblem):
        assert code not in SITES or code is NipProblem.LENGTH  # check_nip returns the others
    else:
        assert SITES.get(code), f"{code} is never raised"
    for _, table in tables_for(code):
        named = set(placeholders(table[code]))
        for given in SITES.get(code, []):
            if given is not None:
                assert named <= given, f"{table[code]!r} names values {code} lacks"


# --- rewording the English ------------------------------------------------------------------


def reworded(error: DomainError, message: str = "a message someone rewrote") -> DomainError:
    error.args = (message,)
    assert str(error) == message
    return error


def test_rewording_a_nip_reason_leaves_the_buyer_and_admin_words_alone(qapp, monkeypatch):
    monkeypatch.setitem(NIP_REASONS, NipProblem.GENDER, "digit fifteen is odd")
    with pytest.raises(NipError) as caught:
        parse_nip("198504122010013001")
    assert str(caught.value).endswith("digit fifteen is odd")  # the English did change
    assert texts.nip_problem_text(caught.value.code) == "Angka ke-15 NIP harus 1 atau 2."
    assert words.error_text(caught.value) == "NIP tidak valid. Periksa kembali (18 angka)."


def test_rewording_a_refusal_leaves_its_words_filled_with_its_values(qapp, tmp_path: Path):
    with pytest.raises(ImportRefused) as caught:
        read_csv(tmp_path / "asn_november.csv", ("nip",))
    error = reworded(caught.value)
    assert words.error_text(error) == (
        "File asn_november.csv tidak ditemukan. Pasang ulang flashdisk lalu tekan Muat ulang."
    )
    voided = reworded(
        DomainError(LedgerProblem.ALREADY_VOIDED, "sale was voided", number="AMB-01-000007")
    )
    assert words.error_text(voided) == "Transaksi AMB-01-000007 sudah dibatalkan sebelumnya."
    # Another layer's refusal passed on by an import keeps its own code and values.
    passed_on = reworded(
        ImportRefused(Path("catatan.csv"), LedgerProblem.SALE_NOT_FOUND, "x", number="AMB-01-9")
    )
    assert words.error_text(passed_on) == (
        "File ditolak, tidak ada yang diimpor: Struk AMB-01-9 tidak ditemukan. Periksa nomornya."
    )


class EmptyRoster:
    def people_on(self, day: dt.date) -> dict[str, object]:
        return {}


def test_rewording_a_row_problem_leaves_its_words_filled_with_its_values(qapp, tmp_path: Path):
    bad = tmp_path / "asn.csv"
    bad.write_text("nip\n198504122010011001\n", encoding="utf-8")
    with pytest.raises(ImportRefused) as caught:
        read_csv(bad, ("nip", "nama"))
    (header,) = caught.value.problems
    assert words.problem_text(replace(header, message="reworded")) == (
        "Baris 1: baris judul harus 'nip,nama'"
    )
    bad.write_text(
        "nip,nama,opd,jabatan,tingkat\n"
        "198504122010011001,Ani,Dinas,Staf,staf\n"
        "198504122010011001,Budi,Dinas,Staf,staf\n",
        encoding="utf-8",
    )
    importer = RosterImporter(EmptyRoster(), {"staf": "Staf"}, max_deactivation_share=0.1)  # type: ignore[arg-type]
    (twice,) = importer.preview(bad, dt.date(2026, 11, 1)).problems
    assert words.problem_text(replace(twice, message="reworded")) == (
        "Baris 3, kolom nip: NIP 198504122010011001 sudah ada di baris 2"
    )


def test_the_words_read_as_english_once_installed(qapp):
    refused = DomainError(LedgerProblem.ALREADY_VOIDED, "whatever", number="AMB-01-000007")
    with english():
        assert words.error_text(refused) == "Sale AMB-01-000007 was already voided."
        assert texts.nip_problem_text(NipProblem.LENGTH) == "NIP must be 18 digits."


class Unlisted(ErrorCode):
    NEW = "new"


def test_an_unknown_code_or_a_missing_value_gives_the_general_words(qapp):
    general = (
        "Maaf, ada yang tidak berhasil. Coba sekali lagi; bila tetap gagal, hubungi petugas TI."
    )
    # The English says what the old text matching looked for; the code decides.
    assert words.error_text(DomainError(Unlisted.NEW, "'1993' is not a valid NIP")) == general
    assert words.error_text(DomainError(LedgerProblem.ALREADY_VOIDED, "no number")) == general
    assert texts.nip_problem_text(Unlisted.NEW) == "NIP tidak valid. Periksa kembali."
    assert texts.nip_problem_text(None) == "NIP tidak valid. Periksa kembali."
    assert words.error_text(ImportRefused(Path("x.csv"), Unlisted.NEW, "is empty")) == (
        "File ditolak, tidak ada yang diimpor. Periksa isinya lalu coba lagi."
    )


# --- no English matching in kiosk/ui --------------------------------------------------------

_TEXT_METHODS = {"lower", "upper", "casefold", "strip", "lstrip", "rstrip"}
_SEARCHES = {"startswith", "endswith", "find", "rfind", "index", "count", "split", "partition"}


def english_matching(source: str) -> list[str]:
    """Where ``source`` decides something by an error's English text: ``in``/``not in``,
    a string search or an ``re`` call on ``str(x)``, on ``x.args``, or on a name holding
    either (``text = str(error)``)."""
    tree = ast.parse(source)
    held = {
        target.id
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign) and _is_text_of_error(node.value, set())
        for target in node.targets
        if isinstance(target, ast.Name)
    }
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare) and any(
            isinstance(op, (ast.In, ast.NotIn)) for op in node.ops
        ):
            if any(_is_text_of_error(side, held) for side in (node.left, *node.comparators)):
                found.append((node.lineno, ast.unparse(node)))
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            func = node.func
            searched = func.attr in _SEARCHES and _is_text_of_error(func.value, held)
            is_re = isinstance(func.value, ast.Name) and func.value.id == "re"
            if searched or (is_re and any(_is_text_of_error(a, held) for a in node.args)):
                found.append((node.lineno, ast.unparse(node)))
    return [f"line {line}: {text}" for line, text in sorted(found)]


def _is_text_of_error(node: ast.expr, held: set[str]) -> bool:
    if isinstance(node, ast.Call):
        if isinstance(node.func, ast.Name) and node.func.id == "str" and node.args:
            return True
        if isinstance(node.func, ast.Attribute) and node.func.attr in _TEXT_METHODS:
            return _is_text_of_error(node.func.value, held)
    if isinstance(node, ast.Attribute) and node.attr == "args":
        return True
    if isinstance(node, ast.Subscript):
        return _is_text_of_error(node.value, held)
    return isinstance(node, ast.Name) and node.id in held


def test_the_check_finds_the_english_matching_the_screens_used_to_do():
    old = (
        "if 'already exempt' in str(error): pass\n"
        "text = str(error)\n"
        "if isinstance(error, DomainError) and 'already voided' in text: pass\n"
        "match = re.search(pattern, str(problem))\n"
        "if str(error).lower().startswith('sale'): pass\n"
        "if 'not UTF-8' not in error.args[0]: pass\n"
        "if 'x' in self.keypad.text: pass\n"  # a screen's own text is fine
    )
    lines = [hit.split(":")[0] for hit in english_matching(old)]
    assert lines == ["line 1", "line 3", "line 4", "line 5", "line 6"]


@pytest.mark.parametrize("path", sorted(UI.rglob("*.py")), ids=lambda p: str(p.relative_to(UI)))
def test_no_screen_decides_by_an_errors_english(path: Path):
    assert english_matching(path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize(
    "path", [UI / "admin" / "words.py", UI / "widgets" / "texts.py"], ids=lambda p: p.name
)
def test_the_words_modules_read_only_codes_and_values(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    imported = {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    }
    assert "re" not in imported  # no pattern over a message
    read = {node.attr for node in ast.walk(tree) if isinstance(node, ast.Attribute)}
    assert not read & {"message", "args", "strerror"}  # the English of an error
    strings = [
        ast.unparse(node)
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
        if node.func.id in {"str", "repr"}
    ]
    assert strings == []
    # Text handed in (``def nip_problem_text(reason: str)``) searched with ``in``.
    text_parameters = {
        argument.arg
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef)
        for argument in node.args.args
        if argument.annotation is not None and ast.unparse(argument.annotation) == "str"
    }
    searched = [
        ast.unparse(node)
        for node in ast.walk(tree)
        if isinstance(node, ast.Compare)
        if any(
            isinstance(side, ast.Name) and side.id in text_parameters for side in node.comparators
        )
    ]
    assert searched == []
