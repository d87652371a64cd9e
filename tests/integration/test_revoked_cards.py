"""The revoked-cards file as the scan path reads it: tolerant of typos, re-read only when it
changes, and never an exception on the way to a sale."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest

from kiosk.bootstrap import Kiosk
from kiosk.domain.scan import ScanError, ScanProblem
from kiosk.services.card_keys import create_card_key_file, read_revoked
from kiosk.services.revoked_cards import RevokedCards, RevokedFileProblem

LOST = "196608141992031002"
ALSO_LOST = "198504122010011001"
TYPO = "1985041220100110"  # a NIP two digits short


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "revoked-cards.txt"


def test_a_bad_line_is_reported_by_number_and_every_good_line_still_revokes(path: Path):
    path.write_text(f"# hilang\n{LOST}\n{TYPO}\n\n{ALSO_LOST}  # kantor\nnot-a-nip\n")
    read = read_revoked(path)
    assert read.nips == {LOST, ALSO_LOST}
    assert read.bad_lines == (3, 6)


def test_no_file_revokes_nothing_and_is_no_problem(path: Path):
    cards = RevokedCards(path)
    assert cards.current() == frozenset()
    assert cards.problem() is None


def test_a_typo_is_a_problem_naming_the_file_and_line_but_never_raises(path: Path, caplog):
    path.write_text(f"{LOST}\n{TYPO}\n")
    cards = RevokedCards(path)
    with caplog.at_level(logging.WARNING):
        assert cards.current() == {LOST}
        for _ in range(5):  # every scan asks; the log hears it once
            cards.current()
    problem = cards.problem()
    assert problem is not None and problem.code is RevokedFileProblem.BAD_LINES
    assert problem.values == {"file": str(path), "lines": "2", "count": 1}
    assert str(problem) == (
        f"{path} line 2 is not a valid NIP and is skipped; the other lines still block their cards."
    )
    warnings = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert warnings == [str(problem)]
    assert TYPO not in warnings[0] and LOST not in warnings[0]  # no NIP digits in the log


def test_an_unreadable_file_keeps_the_last_list_read(path: Path):
    path.write_text(f"{LOST}\n")
    cards = RevokedCards(path)
    assert cards.current() == {LOST}
    path.write_bytes(f"# hilang\n{ALSO_LOST}\n".encode("utf-16"))  # Notepad's "Unicode"
    assert cards.current() == {LOST}  # still blocked, not suddenly let through
    problem = cards.problem()
    assert problem is not None and problem.code is RevokedFileProblem.UNREADABLE
    assert problem.values["count"] == 1
    assert "cannot be read" in str(problem) and str(path) in str(problem)

    path.write_text(f"{ALSO_LOST}\n")  # saved again as UTF-8
    assert cards.current() == {ALSO_LOST}
    assert cards.problem() is None


def test_a_file_never_read_keeps_nothing_and_says_so(path: Path):
    path.write_bytes(b"\xff\xfe\x00garbage")
    cards = RevokedCards(path)
    assert cards.current() == frozenset()
    problem = cards.problem()
    assert problem is not None and problem.code is RevokedFileProblem.UNREADABLE
    assert problem.values["count"] == 0


def test_a_folder_in_place_of_the_file_is_unreadable_not_an_exception(path: Path):
    path.mkdir()
    cards = RevokedCards(path)
    assert cards.current() == frozenset()
    assert cards.problem().code is RevokedFileProblem.UNREADABLE


def test_the_file_is_read_again_only_when_its_size_or_time_changes(path: Path):
    path.write_text(f"{LOST}\n")
    cards = RevokedCards(path)
    assert cards.current() == {LOST}
    before = path.stat()
    path.write_text(f"{ALSO_LOST}\n")  # same size; put the old time back
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert cards.current() == {LOST}  # not read again: the scan path stays cheap
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns + 1_000_000_000))
    assert cards.current() == {ALSO_LOST}


def test_the_kiosk_logs_a_broken_file_at_start_up_and_shows_it_to_the_admin(kiosk: Kiosk, caplog):
    create_card_key_file(kiosk.settings.cards.key_file)  # what 'jikubata init' does
    revoked = kiosk.settings.cards.revoked_file
    revoked.parent.mkdir(parents=True, exist_ok=True)
    revoked.write_text(f"{LOST}\n{TYPO}\n", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        back_end = kiosk.back_end()
    assert [r.getMessage() for r in caplog.records] == [
        f"{revoked} line 2 is not a valid NIP and is skipped; the other lines still block "
        "their cards."
    ]
    assert back_end.admin.revoked_cards_problem().code is RevokedFileProblem.BAD_LINES
    with pytest.raises(ScanError) as typed:
        back_end.sale.identify_typed(LOST)
    assert typed.value.code is ScanProblem.REVOKED
