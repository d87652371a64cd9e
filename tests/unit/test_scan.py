"""Scanned QR payloads and typed NIPs -> who is buying, or a ScanError saying why not."""

from __future__ import annotations

import datetime as dt
import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.errors import DomainError
from kiosk.domain.nip import NipError, is_valid_nip
from kiosk.domain.scan import (
    Identification,
    IdentifiedBy,
    ScanError,
    ScanProblem,
    read_scan,
    read_typed_nip,
    sign_card_payload,
)

NIP = "198504122010011001"
OTHER_NIP = "199107232015032004"
KEYS = {"K1": b"kiosk-secret-one", "K2": b"kiosk-secret-two"}
QR_ALPHANUMERIC = set(string.digits + string.ascii_uppercase + " $%*+-./:")


@st.composite
def valid_nips(draw: st.DrawFn) -> str:
    born = draw(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2010, 12, 31)))
    service = draw(st.text("0123456789", min_size=6, max_size=6))  # PNS month or PPPK code
    gender = draw(st.sampled_from("12"))
    seq = draw(st.integers(0, 999))
    return f"{born.year:04d}{born.month:02d}{born.day:02d}{service}{gender}{seq:03d}"


key_ids = st.from_regex(r"[A-Z0-9]{1,8}", fullmatch=True)
secrets = st.binary(min_size=1, max_size=64)
non_digit_text = st.text(st.characters(blacklist_categories=("Nd", "Cs")), max_size=40)


def scan_problem(text: str, keys=KEYS, **options) -> ScanProblem:
    options.setdefault("accept_unsigned", True)
    with pytest.raises(ScanError) as caught:
        read_scan(text, keys, **options)
    return caught.value.problem


# --- signed card payloads -----------------------------------------------------------------


def test_signed_payload_shape() -> None:
    payload = sign_card_payload(NIP, "K1", KEYS["K1"])
    prefix, key_id, nip, signature = payload.split(":")
    assert (prefix, key_id, nip) == ("JKB1", "K1", NIP)
    assert len(signature) == 16  # 80 bits in base32, no padding
    assert set(signature) <= set(string.ascii_uppercase + "234567")


@given(valid_nips(), key_ids, secrets)
def test_sign_then_read_round_trips(nip: str, key_id: str, key: bytes) -> None:
    payload = sign_card_payload(nip, key_id, key)
    for accept_unsigned in (True, False):
        found = read_scan(payload, {key_id: key}, accept_unsigned=accept_unsigned)
        assert found == Identification(nip, IdentifiedBy.SIGNED_CARD, key_id)


@given(valid_nips(), key_ids, secrets)
def test_signed_payload_fits_qr_alphanumeric_mode(nip: str, key_id: str, key: bytes) -> None:
    assert set(sign_card_payload(nip, key_id, key)) <= QR_ALPHANUMERIC


@given(valid_nips(), key_ids, secrets, st.sampled_from(["", " ", "\n", "\r\n", "\t"]))
def test_scanner_terminators_and_caps_lock_do_not_matter(
    nip: str, key_id: str, key: bytes, around: str
) -> None:
    payload = sign_card_payload(nip, key_id, key)
    for variant in (payload, payload.lower()):
        found = read_scan(around + variant + around, {key_id: key}, accept_unsigned=False)
        assert found.nip == nip


def test_cards_signed_with_an_older_key_stay_valid() -> None:
    old = sign_card_payload(NIP, "K1", KEYS["K1"])
    new = sign_card_payload(OTHER_NIP, "K2", KEYS["K2"])
    assert read_scan(old, KEYS, accept_unsigned=False).key_id == "K1"
    assert read_scan(new, KEYS, accept_unsigned=False).key_id == "K2"


def test_the_same_nip_signed_with_different_keys_differs() -> None:
    assert sign_card_payload(NIP, "K1", KEYS["K1"]) != sign_card_payload(NIP, "K1", KEYS["K2"])


@given(valid_nips(), secrets, st.data())
def test_flipping_one_signature_character_is_refused(nip: str, key: bytes, data) -> None:
    payload = sign_card_payload(nip, "K1", key)
    start = payload.rindex(":") + 1
    index = data.draw(st.integers(start, len(payload) - 1), label="index")
    replacement = data.draw(
        st.characters(blacklist_categories=("Cs",)).filter(lambda c: c.upper() != payload[index]),
        label="replacement",
    )
    tampered = payload[:index] + replacement + payload[index + 1 :]
    problem = scan_problem(tampered, {"K1": key}, accept_unsigned=True)
    assert problem in (ScanProblem.FORGED, ScanProblem.MALFORMED)


@given(valid_nips(), secrets, st.data())
def test_flipping_one_nip_character_is_refused(nip: str, key: bytes, data) -> None:
    payload = sign_card_payload(nip, "K1", key)
    start = len("JKB1:K1:")
    index = data.draw(st.integers(start, start + 17), label="index")
    replacement = data.draw(
        st.one_of(
            st.sampled_from("0123456789"),
            st.characters(blacklist_categories=("Cs",)),
        ).filter(lambda c: c.upper() != payload[index]),
        label="replacement",
    )
    tampered = payload[:index] + replacement + payload[index + 1 :]
    problem = scan_problem(tampered, {"K1": key}, accept_unsigned=True)
    assert problem in (ScanProblem.FORGED, ScanProblem.MALFORMED)


def test_a_valid_nip_swapped_into_someone_elses_card_is_forged() -> None:
    payload = sign_card_payload(NIP, "K1", KEYS["K1"])
    assert scan_problem(payload.replace(NIP, OTHER_NIP)) is ScanProblem.FORGED


def test_a_card_signed_with_another_key_of_the_same_id_is_forged() -> None:
    payload = sign_card_payload(NIP, "K1", b"someone else's secret")
    assert scan_problem(payload) is ScanProblem.FORGED


@given(valid_nips(), key_ids.filter(lambda k: k not in KEYS), secrets)
def test_a_card_signed_with_an_unknown_key_id_is_refused(nip: str, key_id: str, key: bytes) -> None:
    payload = sign_card_payload(nip, key_id, key)
    assert scan_problem(payload, accept_unsigned=True) is ScanProblem.UNKNOWN_KEY


@given(valid_nips(), key_ids, secrets)
def test_a_revoked_card_is_refused(nip: str, key_id: str, key: bytes) -> None:
    payload = sign_card_payload(nip, key_id, key)
    problem = scan_problem(payload, {key_id: key}, revoked=frozenset({nip}))
    assert problem is ScanProblem.REVOKED


def test_revoking_one_card_leaves_others_valid() -> None:
    payload = sign_card_payload(NIP, "K1", KEYS["K1"])
    found = read_scan(payload, KEYS, accept_unsigned=False, revoked=frozenset({OTHER_NIP}))
    assert found.nip == NIP


@pytest.mark.parametrize(
    "payload",
    [
        "JKB1:",
        "JKB1:K1",
        f"JKB1:K1:{NIP}",
        f"JKB1:K1:{NIP}:",
        f"JKB1:K1:{NIP}:AAAA",  # a truncated scan
        f"JKB1:K1:{NIP}:AAAAAAAAAAAAAAAAA",
        f"JKB1:K1:{NIP}:AAAAAAAAAAAAAAA1",  # 1 is not a base32 letter
        f"JKB1:K1:{NIP}:ÄAAAAAAAAAAAAAAA",
        f"JKB1:K1:{NIP}:AAAA:BBBB",
        f"JKB1::{NIP}:AAAAAAAAAAAAAAAA",
        f"JKB1:K1!:{NIP}:AAAAAAAAAAAAAAAA",
        f"JKB1:TOOLONGID:{NIP}:AAAAAAAAAAAAAAAA",
        "JKB1:K1:12345:AAAAAAAAAAAAAAAA",
        "JKB1:K1:198502292010011001:AAAAAAAAAAAAAAAA",  # not a real birth date
    ],
)
def test_payloads_that_look_like_our_cards_but_are_not_shaped_like_one(payload: str) -> None:
    assert scan_problem(payload) is ScanProblem.MALFORMED


def test_signing_refuses_a_bad_key_id_or_nip() -> None:
    with pytest.raises(DomainError):
        sign_card_payload(NIP, "k1", KEYS["K1"])
    with pytest.raises(DomainError):
        sign_card_payload(NIP, "TOOLONGID", KEYS["K1"])
    with pytest.raises(DomainError):  # a newline in the QR would end the scanner's burst
        sign_card_payload(NIP, "K1\n", KEYS["K1"])
    with pytest.raises(NipError):
        sign_card_payload("12345", "K1", KEYS["K1"])


# --- unsigned QR codes --------------------------------------------------------------------


@given(non_digit_text, valid_nips(), non_digit_text)
def test_text_with_exactly_one_nip_is_accepted_only_when_allowed(
    before: str, nip: str, after: str
) -> None:
    text = before + nip + after
    found = read_scan(text, KEYS, accept_unsigned=True)
    assert found == Identification(nip, IdentifiedBy.UNSIGNED_QR)
    assert scan_problem(text, accept_unsigned=False) is ScanProblem.UNSIGNED_REFUSED


def test_a_verification_url_with_a_nip_is_accepted() -> None:
    url = f"https://bkn.example/verify?nip={NIP}&v=2"
    assert read_scan(url, {}, accept_unsigned=True).nip == NIP


def test_the_same_nip_twice_is_still_one_nip() -> None:
    assert read_scan(f"{NIP}|{NIP}", KEYS, accept_unsigned=True).nip == NIP


@given(
    valid_nips(),
    valid_nips(),
    non_digit_text,
    non_digit_text.filter(lambda t: t != ""),
    non_digit_text,
    st.booleans(),
)
def test_two_different_nips_are_ambiguous(
    a: str, b: str, before: str, between: str, after: str, accept: bool
) -> None:
    if a == b:
        b = OTHER_NIP if a != OTHER_NIP else NIP
    text = before + a + between + b + after
    assert scan_problem(text, accept_unsigned=accept) is ScanProblem.AMBIGUOUS


@given(non_digit_text.filter(lambda t: t.strip() != ""), st.booleans())
def test_text_without_digits_holds_no_nip(text: str, accept: bool) -> None:
    assert scan_problem(text, accept_unsigned=accept) is ScanProblem.NO_NIP


@pytest.mark.parametrize(
    "text",
    [
        "198502292010011001",  # 18 digits, no real birth date
        "198504122010013001",  # gender digit 3
        "1" + NIP,  # a valid NIP inside 19 digits is not a NIP
        NIP + "0",
        NIP + NIP,  # 36 digits
        "ORDER 12345 / 2024",
    ],
)
def test_digits_that_are_not_a_nip(text: str) -> None:
    assert scan_problem(text) is ScanProblem.NO_NIP


@pytest.mark.parametrize("text", ["", " ", "\n", "\r\n\t "])
def test_an_empty_scan(text: str) -> None:
    assert scan_problem(text) is ScanProblem.EMPTY


def test_scan_error_is_a_domain_error_with_a_message() -> None:
    with pytest.raises(DomainError, match="NIP"):
        read_scan("hello", KEYS, accept_unsigned=True)


@given(st.text(max_size=60), st.booleans())
def test_any_scanned_text_gives_an_identification_or_a_scan_error(text: str, accept: bool) -> None:
    try:
        found = read_scan(text, KEYS, accept_unsigned=accept)
    except ScanError:
        return
    assert is_valid_nip(found.nip)


@given(st.text(max_size=60), st.booleans())
def test_any_text_after_our_prefix_gives_a_scan_error(tail: str, accept: bool) -> None:
    with pytest.raises(ScanError):
        read_scan("JKB1:" + tail, KEYS, accept_unsigned=accept)


# --- typed NIPs ---------------------------------------------------------------------------


@given(valid_nips())
def test_a_typed_nip_is_always_accepted(nip: str) -> None:
    assert read_typed_nip(nip) == Identification(nip, IdentifiedBy.TYPED)


def test_a_typed_nip_may_have_spaces() -> None:
    assert read_typed_nip("19850412 201001 1 001").nip == NIP


@pytest.mark.parametrize("typed", ["", "12345", "198502292010011001", NIP + "1"])
def test_a_badly_typed_nip_raises(typed: str) -> None:
    with pytest.raises(NipError):
        read_typed_nip(typed)


# --- a revoked NIP is refused on every path -----------------------------------------------


@given(non_digit_text, valid_nips(), non_digit_text)
def test_an_unsigned_qr_holding_a_revoked_nip_is_refused(before: str, nip: str, after: str) -> None:
    problem = scan_problem(before + nip + after, accept_unsigned=True, revoked=frozenset({nip}))
    assert problem is ScanProblem.REVOKED


def test_an_unsigned_qr_is_refused_as_unsigned_before_its_nip_is_looked_up() -> None:
    # The kiosk that refuses other QR codes says so, whatever NIP the code holds.
    problem = scan_problem(NIP, accept_unsigned=False, revoked=frozenset({NIP}))
    assert problem is ScanProblem.UNSIGNED_REFUSED


@given(valid_nips())
def test_a_typed_revoked_nip_is_refused(nip: str) -> None:
    with pytest.raises(ScanError) as refused:
        read_typed_nip(nip, revoked=frozenset({nip}))
    assert refused.value.code is ScanProblem.REVOKED
    assert "reported lost" in str(refused.value)


def test_a_typed_nip_is_refused_only_when_it_is_the_revoked_one() -> None:
    found = read_typed_nip("19850412 201001 1 001", revoked=frozenset({OTHER_NIP}))
    assert found == Identification(NIP, IdentifiedBy.TYPED)
    with pytest.raises(ScanError):
        read_typed_nip("19850412 201001 1 001", revoked=frozenset({NIP}))
