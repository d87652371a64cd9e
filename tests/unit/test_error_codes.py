"""Every error the domain, the services and the ledger raise carries a code and named values
beside its English: a screen words the code, so the English may change freely."""

from __future__ import annotations

import ast
import copy
import pickle
from pathlib import Path

import pytest

from kiosk.domain.errors import DomainError, DuplicateImport, LedgerProblem
from kiosk.domain.money import MoneyError, MoneyProblem, parse_rupiah
from kiosk.domain.nip import NipError, NipProblem, check_nip, nip_problem, parse_nip
from kiosk.domain.scan import ScanError, ScanProblem
from kiosk.services.csv_input import read_csv
from kiosk.services.errors import ImportProblem, ImportRefused, RowCode, RowProblem

KIOSK = Path(__file__).resolve().parents[2] / "kiosk"
# Errors that set their own code from other arguments, and ImportRefused's constructors.
SETS_ITS_OWN_CODE = {"DuplicateImport", "bad_rows"}


def domain_error_names() -> set[str]:
    """The names of DomainError and every subclass the kiosk defines (by class statement, so
    a module not imported here still counts)."""
    names = {"DomainError"}
    classes = []
    for path in KIOSK.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        classes += [node for node in ast.walk(tree) if isinstance(node, ast.ClassDef)]
    grew = True
    while grew:
        grew = False
        for node in classes:
            bases = {base.id for base in node.bases if isinstance(base, ast.Name)}
            if node.name not in names and bases & names:
                names.add(node.name)
                grew = True
    return names


def raised_without_a_code(source: str, errors: set[str]) -> list[str]:
    """``raise SomeDomainError(...)`` whose first argument is text, not a code."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call)):
            continue
        func = node.exc.func
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
        if name not in errors or name in SETS_ITS_OWN_CODE:
            continue
        args = node.exc.args[1:] if name == "ImportRefused" else node.exc.args  # after path
        first = args[0] if args else None
        if first is None or isinstance(first, (ast.Constant, ast.JoinedStr, ast.BinOp)):
            found.append(f"line {node.lineno}: {ast.unparse(node.exc)[:80]}")
    return found


def test_the_check_finds_a_domain_error_raised_with_only_english():
    errors = domain_error_names()
    assert {"NipError", "ImportRefused", "NoRoster", "AlreadyVoided", "ReceiptQrError"} <= errors
    bad = (
        "raise DomainError('no code')\n"
        "raise NoRoster(f'no roster on {day}')\n"
        "raise ImportRefused(path, 'no code')\n"
        "raise NipError(NipProblem.LENGTH, 'fine')\n"
        "raise ValueError('not a domain error')\n"
    )
    assert [line.split(":")[0] for line in raised_without_a_code(bad, errors)] == [
        "line 1",
        "line 2",
        "line 3",
    ]


def test_every_domain_error_is_raised_with_its_code():
    errors = domain_error_names()
    found = [
        f"{path.relative_to(KIOSK)} {where}"
        for path in sorted(KIOSK.rglob("*.py"))
        for where in raised_without_a_code(path.read_text(encoding="utf-8"), errors)
    ]
    assert found == []


def test_a_nip_error_says_what_is_wrong_by_code_and_in_english():
    with pytest.raises(NipError) as caught:
        parse_nip(" 19850412201001300 ")
    assert caught.value.code is NipProblem.LENGTH
    assert caught.value.values == {"value": "19850412201001300"}
    assert str(caught.value) == (
        "'19850412201001300' is not a valid NIP: a NIP has exactly 18 digits"
    )
    assert check_nip("198504122010013001") is NipProblem.GENDER
    assert nip_problem("198504122010013001") == "its 15th digit (gender) must be 1 or 2"


def test_a_value_error_becomes_the_problem_of_its_line_with_its_code():
    with pytest.raises(MoneyError) as caught:
        parse_rupiah("20,000")
    problem = RowProblem.from_error(7, "harga", caught.value)
    assert (problem.code, problem.values) == (MoneyProblem.THOUSANDS_COMMA, {"value": "20,000"})
    assert str(problem) == (
        "line 7, column 'harga': '20,000' uses ',' between thousands; write it as 20000 or 20.000"
    )
    assert hash(problem) == hash(RowProblem.from_error(7, "harga", caught.value))


def test_a_refused_file_names_its_problem_and_the_file(tmp_path: Path):
    header_only = tmp_path / "umkm.csv"
    header_only.write_text("kode_umkm,nama\n", encoding="utf-8")
    with pytest.raises(ImportRefused) as caught:
        read_csv(header_only, ("kode_umkm", "nama"))
    assert caught.value.code is ImportProblem.NO_ROWS
    assert caught.value.values == {"file": "umkm.csv"}
    assert str(caught.value) == "umkm.csv has a header but no rows; nothing was imported"

    header_only.write_text("kode,nama\nA,B\n", encoding="utf-8")
    with pytest.raises(ImportRefused) as caught:
        read_csv(header_only, ("kode_umkm", "nama"))
    assert caught.value.code is ImportProblem.BAD_ROWS
    (problem,) = caught.value.problems
    assert problem.code is RowCode.BAD_HEADER
    assert problem.values["expected"] == "kode_umkm,nama"


@pytest.mark.parametrize(
    "error",
    [
        DomainError(LedgerProblem.ALREADY_VOIDED, "sale X was already voided", number="X"),
        ScanError(ScanProblem.FORGED, "This card's signature is not valid."),
        DuplicateImport("paper.csv", "2026-11-07"),
        ImportRefused.bad_rows(
            Path("roster.csv"), [RowProblem.of(2, "nip", RowCode.EMPTY, "must not be empty")]
        ),
    ],
    ids=lambda error: type(error).__name__,
)
def test_an_error_keeps_its_code_and_values_when_copied_or_pickled(error: DomainError):
    for again in (copy.copy(error), pickle.loads(pickle.dumps(error))):
        assert type(again) is type(error)
        assert (again.code, again.values, str(again)) == (error.code, error.values, str(error))
        assert again.__dict__ == error.__dict__
