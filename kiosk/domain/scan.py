"""What a scanned QR (or a typed NIP) says about who is buying.

Accepted, in this order:
(a) the kiosk's own signed card payload ``JKB1:<key id>:<NIP>:<signature>``: the signature is
    an HMAC-SHA256 over ``JKB1:<key id>:<NIP>``, truncated to 80 bits and base32-encoded, so the
    whole payload fits QR alphanumeric mode; the key id lets a new key be added while cards
    signed with an older key stay valid;
(b) any other text containing exactly one valid 18-digit NIP (e.g. a verification URL), only
    when unsigned payloads are allowed by config;
(c) a NIP typed on the keypad (always allowed: a person typed it on purpose; the sale records
    that it was typed, so an admin sees who types NIPs a lot).

A NIP on the revoked list (its card was reported lost) is refused on every path: a lost card
must not keep working through the NIP printed on it.
"""

from __future__ import annotations

import base64
import enum
import hashlib
import hmac
import re
from collections.abc import Mapping
from dataclasses import dataclass

from .errors import DomainError, ErrorCode
from .nip import is_valid_nip, parse_nip

SIGNED_PREFIX = "JKB1"
_SIGNATURE_BYTES = 10  # 80 bits: forging one by trial at a kiosk is hopeless
_KEY_ID = re.compile(r"^[A-Z0-9]{1,8}\Z")  # \Z: no trailing newline
_SIGNATURE = re.compile(r"[A-Z2-7]{16}")  # base32 of _SIGNATURE_BYTES, no padding
_EIGHTEEN_DIGITS = re.compile(r"(?<!\d)\d{18}(?!\d)")


class ScanProblem(ErrorCode):
    EMPTY = "empty"
    FORGED = "forged"  # claims to be our card, signature does not match
    UNKNOWN_KEY = "unknown_key"  # our format, signed with a key this kiosk does not hold
    REVOKED = "revoked"  # the NIP's card was reported lost: refused by card, QR or keypad
    UNSIGNED_REFUSED = "unsigned_refused"
    NO_NIP = "no_nip"
    AMBIGUOUS = "ambiguous"  # more than one NIP in the text
    MALFORMED = "malformed"  # starts like our card but is not shaped like one


class ScanError(DomainError):
    def __init__(self, problem: ScanProblem, message: str) -> None:
        super().__init__(problem, message)
        self.problem = problem  # the same as ``code``, by its older name


class CardProblem(ErrorCode):
    KEY_ID = "key_id"  # key_id: not 1-8 capital letters or digits


class IdentifiedBy(enum.Enum):
    SIGNED_CARD = "signed_card"
    UNSIGNED_QR = "unsigned_qr"
    TYPED = "typed"


@dataclass(frozen=True)
class Identification:
    nip: str
    by: IdentifiedBy
    key_id: str | None = None


def _signature(key: bytes, key_id: str, nip: str) -> str:
    message = f"{SIGNED_PREFIX}:{key_id}:{nip}".encode("ascii")
    digest = hmac.new(key, message, hashlib.sha256).digest()[:_SIGNATURE_BYTES]
    return base64.b32encode(digest).decode("ascii").rstrip("=")


def sign_card_payload(nip: str, key_id: str, key: bytes) -> str:
    """The text to put in a card's QR code."""
    nip = parse_nip(nip)
    if not _KEY_ID.match(key_id):
        raise DomainError(
            CardProblem.KEY_ID,
            f"key id '{key_id}' must be 1-8 capital letters or digits",
            key_id=key_id,
        )
    return f"{SIGNED_PREFIX}:{key_id}:{nip}:{_signature(key, key_id, nip)}"


def read_scan(
    text: str,
    keys: Mapping[str, bytes],
    *,
    accept_unsigned: bool,
    revoked: frozenset[str] = frozenset(),
) -> Identification:
    """Identify the buyer from a scanner's payload or raise :class:`ScanError`."""
    payload = text.strip()
    if not payload:
        raise ScanError(ScanProblem.EMPTY, "Nothing was scanned.")
    if payload.upper().startswith(SIGNED_PREFIX + ":"):
        return _read_signed(payload.upper(), keys, revoked)
    nips = {match for match in _EIGHTEEN_DIGITS.findall(payload) if is_valid_nip(match)}
    if not nips:
        raise ScanError(ScanProblem.NO_NIP, "This code holds no valid NIP.")
    if len(nips) > 1:
        raise ScanError(ScanProblem.AMBIGUOUS, "This code holds more than one NIP.")
    if not accept_unsigned:
        raise ScanError(
            ScanProblem.UNSIGNED_REFUSED, "Only Jiku Bata cards are accepted at this kiosk."
        )
    nip = nips.pop()
    _refuse_revoked(nip, revoked)
    return Identification(nip, IdentifiedBy.UNSIGNED_QR)


def _read_signed(
    payload: str, keys: Mapping[str, bytes], revoked: frozenset[str]
) -> Identification:
    parts = payload.split(":")
    if (
        len(parts) != 4
        or not _KEY_ID.match(parts[1])
        or not is_valid_nip(parts[2])
        or not _SIGNATURE.fullmatch(parts[3])
    ):
        raise ScanError(ScanProblem.MALFORMED, "This card's code is damaged or incomplete.")
    _, key_id, nip, signature = parts
    key = keys.get(key_id)
    if key is None:
        raise ScanError(ScanProblem.UNKNOWN_KEY, "This card was not issued by this kiosk.")
    if not hmac.compare_digest(signature, _signature(key, key_id, nip)):
        raise ScanError(ScanProblem.FORGED, "This card's signature is not valid.")
    _refuse_revoked(nip, revoked)
    return Identification(nip, IdentifiedBy.SIGNED_CARD, key_id)


def read_typed_nip(text: str, revoked: frozenset[str] = frozenset()) -> Identification:
    nip = parse_nip(text)
    _refuse_revoked(nip, revoked)
    return Identification(nip, IdentifiedBy.TYPED)


def _refuse_revoked(nip: str, revoked: frozenset[str]) -> None:
    # The message names no NIP: the runner never logs a refusal, but a CLI might print it.
    if nip in revoked:
        raise ScanError(
            ScanProblem.REVOKED, "This NIP's card was reported lost, so the NIP is blocked."
        )
