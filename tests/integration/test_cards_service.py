"""Card sheets from a real SQLite ledger: who gets a card, which key signs it, and that every
printed QR, read back by zxing-cpp, identifies its holder at the kiosk until it is revoked."""

from __future__ import annotations

import datetime as dt
import re
import secrets
from pathlib import Path

import pytest
import zxingcpp
from PIL import PdfParser

from kiosk.bootstrap import Kiosk
from kiosk.domain.errors import DomainError
from kiosk.domain.nip import NipError
from kiosk.domain.scan import ScanError, ScanProblem, read_scan, sign_card_payload
from kiosk.printing.cards import render_card, write_cards_pdf
from kiosk.printing.document import CardFace
from kiosk.services.card_keys import (
    CardKeyError,
    create_card_key_file,
    read_card_keys,
    read_revoked,
)
from kiosk.services.cards import CardSelectionError, CardService
from kiosk.services.identify import IdentifyService
from kiosk.services.revoked_cards import RevokedCards

from .conftest import SAMPLE

AS_OF = dt.date(2026, 10, 1)
TODAY = dt.date(2026, 11, 20)
KESEHATAN = "Dinas Kesehatan"  # 7 people in the sample roster


@pytest.fixture
def key_file(kiosk: Kiosk) -> Path:
    path = kiosk.settings.cards.key_file
    assert create_card_key_file(path)  # what 'jikubata init' does
    return path


@pytest.fixture
def service(kiosk: Kiosk, key_file: Path) -> CardService:
    kiosk.roster_importer.import_file(SAMPLE / "roster.csv", AS_OF)
    return CardService(
        kiosk.roster, kiosk.settings.regulation, key_file, lambda: TODAY, write_cards_pdf
    )


def add_key(path: Path, key_id: str) -> None:
    with path.open("a", encoding="utf-8") as out:
        out.write(f"{key_id} {secrets.token_hex(32)}\n")


def scanned(card: CardFace) -> str:
    """What a scanner would type: the card's QR as zxing-cpp reads it off the printed image."""
    [text] = [r.text for r in zxingcpp.read_barcodes(render_card(card, dpi=200))]
    return text


def pdf_page_count(path: Path) -> int:
    parser = PdfParser.PdfParser(str(path))
    try:
        return len(parser.pages)
    finally:
        parser.close()


# --- choosing whose cards to print ---------------------------------------------------------


def test_a_pdf_for_one_opd_named_in_any_case(service: CardService, tmp_path: Path):
    out = tmp_path / "out" / "kesehatan.pdf"
    assert service.write_pdf(out, opd="  dinas   KESEHATAN ") == 7
    assert pdf_page_count(out) == 1
    assert {f.opd for f in service.faces(opd=KESEHATAN)} == {KESEHATAN}


def test_a_pdf_for_two_nips(service: CardService, kiosk: Kiosk, tmp_path: Path):
    people = sorted(kiosk.roster.people_on(TODAY))[:2]
    out = tmp_path / "two.pdf"
    assert service.write_pdf(out, nips=people) == 2
    assert pdf_page_count(out) == 1
    faces = service.faces(nips=[people[1], people[0], people[1]])  # order and repeats ignored
    assert sorted(f.payload.split(":")[2] for f in faces) == people


def test_everyone_by_default_sorted_by_opd_then_name(service: CardService, kiosk: Kiosk):
    faces = service.faces()
    assert len(faces) == len(kiosk.roster.people_on(TODAY)) == 48
    assert faces == sorted(faces, key=lambda f: (f.opd.casefold(), f.nama.casefold()))


def test_a_face_shows_the_tier_label_and_only_a_masked_nip(service: CardService, kiosk: Kiosk):
    person = next(p for p in kiosk.roster.people_on(TODAY).values() if p.tingkat == "eselon_iv")
    [card] = service.faces(nips=[person.nip])
    assert (card.nama, card.opd, card.tier_label) == (
        person.nama,
        person.opd,
        "Eselon IV / Pengawas",
    )
    assert card.masked_nip == person.nip[:8] + "********" + person.nip[-2:]


def test_an_unknown_opd_is_an_error_naming_it_and_suggesting_the_right_one(
    service: CardService, tmp_path: Path
):
    with pytest.raises(
        CardSelectionError, match=r"'Dinas Kesehatn'; did you mean 'Dinas Kesehatan'\?"
    ):
        service.faces(opd="Dinas Kesehatn")
    with pytest.raises(CardSelectionError, match="nobody on the roster works in OPD 'Satpol PP'"):
        service.write_pdf(tmp_path / "never.pdf", opd="Satpol PP")
    assert list(tmp_path.glob("*.pdf")) == []


def test_an_unknown_or_invalid_nip_is_an_error_naming_it(service: CardService, kiosk: Kiosk):
    stranger = "199001012020121001"
    assert stranger not in kiosk.roster.people_on(TODAY)
    with pytest.raises(CardSelectionError, match=f"NIP {stranger} is not on the roster"):
        service.faces(nips=[stranger])
    with pytest.raises(NipError, match="'12345' is not a valid NIP"):
        service.faces(nips=["12345"])
    outsider = next(p for p in kiosk.roster.people_on(TODAY).values() if p.opd != KESEHATAN)
    with pytest.raises(CardSelectionError, match=f"NIP {outsider.nip} is not in OPD"):
        service.faces(opd=KESEHATAN, nips=[outsider.nip])


def test_the_pdf_is_written_by_the_writer_the_service_was_given(
    kiosk: Kiosk, key_file: Path, tmp_path: Path
):
    kiosk.roster_importer.import_file(SAMPLE / "roster.csv", AS_OF)
    written: list[tuple[list[CardFace], Path]] = []

    def fake_writer(faces, path: Path) -> int:
        written.append((list(faces), path))
        return 1

    service = CardService(
        kiosk.roster, kiosk.settings.regulation, key_file, lambda: TODAY, fake_writer
    )
    out = tmp_path / "kesehatan.pdf"
    assert service.write_pdf(out, opd=KESEHATAN) == 7
    assert written == [(service.faces(opd=KESEHATAN), out)]
    assert not out.exists()  # the service itself draws nothing


def test_the_kiosks_card_service_writes_a_real_pdf(kiosk: Kiosk, key_file: Path, tmp_path: Path):
    kiosk.roster_importer.import_file(SAMPLE / "roster.csv", AS_OF)
    out = tmp_path / "all.pdf"
    assert kiosk.card_service().write_pdf(out, opd=KESEHATAN) == 7
    assert pdf_page_count(out) == 1


def test_no_roster_in_force_yet_is_an_error(kiosk: Kiosk, key_file: Path):
    early = CardService(
        kiosk.roster, kiosk.settings.regulation, key_file, lambda: TODAY, write_cards_pdf
    )
    with pytest.raises(CardSelectionError, match="no roster is in force on 2026-11-20"):
        early.faces()


def test_a_missing_key_file_says_to_run_init(kiosk: Kiosk, tmp_path: Path):
    missing = CardService(
        kiosk.roster,
        kiosk.settings.regulation,
        tmp_path / "nope.txt",
        dt.date.today,
        write_cards_pdf,
    )
    with pytest.raises(CardKeyError, match="run 'jikubata init'"):
        missing.faces()


def test_a_key_file_that_is_not_utf8_is_a_card_key_error_naming_it(tmp_path: Path):
    path = tmp_path / "card-keys.txt"
    path.write_bytes(b"# kunci kartu \xe9t\xe9\n" + b"K1 " + b"ab" * 32 + b"\n")  # Latin-1
    with pytest.raises(CardKeyError, match=re.escape(f"{path}: the card key file is not UTF-8")):
        read_card_keys(path)


def test_a_revoked_file_that_is_not_utf8_is_a_card_key_error_naming_it(tmp_path: Path):
    path = tmp_path / "revoked-cards.txt"
    path.write_bytes("# hilang\n196608141992031002\n".encode("utf-16"))  # Notepad's "Unicode"
    with pytest.raises(
        CardKeyError, match=re.escape(f"{path}: the revoked-cards file is not UTF-8")
    ):
        read_revoked(path)


def test_selection_errors_are_user_errors_the_cli_reports():
    assert issubclass(CardSelectionError, DomainError)


# --- keys: the newest signs, every listed key still verifies ---------------------------------


def test_key_rotation_keeps_old_cards_valid(service: CardService, key_file: Path):
    [old_card] = service.faces(nips=["196608141992031002"])
    assert old_card.payload.startswith("JKB1:K1:")
    add_key(key_file, "K2")
    [new_card] = service.faces(nips=["196608141992031002"])
    assert new_card.payload.startswith("JKB1:K2:")  # the newest key, last in the file
    keys = read_card_keys(key_file)
    for card in (old_card, new_card):
        who = read_scan(scanned(card), keys, accept_unsigned=False)
        assert who.nip == "196608141992031002"
    assert read_scan(scanned(new_card), keys, accept_unsigned=False).key_id == "K2"
    assert read_scan(scanned(old_card), keys, accept_unsigned=False).key_id == "K1"


def test_a_card_signed_with_a_key_not_in_the_file_is_refused(key_file: Path):
    foreign = CardFace(
        "Orang Lain",
        "Dinas Lain",
        "Pelaksana",
        "19850412********01",
        sign_card_payload("198504122010011001", "K9", secrets.token_bytes(32)),
    )
    with pytest.raises(ScanError) as refused:
        read_scan(scanned(foreign), read_card_keys(key_file), accept_unsigned=False)
    assert refused.value.problem is ScanProblem.UNKNOWN_KEY


# --- revocation is read at every scan (again only when the file changed) --------------------


def test_revoking_a_card_blocks_the_next_scan_without_a_restart(
    service: CardService, key_file: Path, tmp_path: Path
):
    revoked_file = tmp_path / "revoked-cards.txt"
    identify = IdentifyService(
        read_card_keys(key_file),
        accept_unsigned=False,
        revoked=RevokedCards(revoked_file).current,
    )
    lost, kept = service.faces(opd=KESEHATAN)[:2]
    lost_nip = lost.payload.split(":")[2]
    assert identify.scan(scanned(lost)).nip == lost_nip

    revoked_file.write_text(f"# reported lost at the front desk\n{lost_nip}\n", encoding="utf-8")
    with pytest.raises(ScanError) as blocked:
        identify.scan(scanned(lost))
    assert blocked.value.problem is ScanProblem.REVOKED
    assert identify.scan(scanned(kept)).nip == kept.payload.split(":")[2]

    # A typo in the file neither stops the scan nor un-revokes the lines around it.
    revoked_file.write_text(f"not-a-nip\n{lost_nip}\n", encoding="utf-8")
    assert identify.scan(scanned(kept)).nip == kept.payload.split(":")[2]
    with pytest.raises(ScanError) as still_blocked:
        identify.scan(scanned(lost))
    assert still_blocked.value.problem is ScanProblem.REVOKED
    with pytest.raises(ScanError) as typed:
        identify.typed(lost_nip)
    assert typed.value.problem is ScanProblem.REVOKED


def test_the_kiosks_own_identify_service_honours_the_configured_revoked_file(
    service: CardService, kiosk: Kiosk
):
    identify = kiosk.identify_service()  # built before the card is revoked
    [card] = service.faces(nips=["196608141992031002"])
    assert identify.scan(scanned(card)).nip == "196608141992031002"
    kiosk.settings.cards.revoked_file.write_text("196608141992031002\n", encoding="utf-8")
    with pytest.raises(ScanError) as blocked:
        identify.scan(scanned(card))
    assert blocked.value.problem is ScanProblem.REVOKED
