"""QRIS: Bank Indonesia's QR payment standard, an EMVCo merchant-presented QR payload.

A payload is a run of TLV fields: a 2-digit tag, a 2-digit decimal length, then that many
characters of value. Tags 26-51 (merchant account information), 62 (additional data), 64
(alternate language) and 80-99 (unreserved) are templates whose value is itself TLV. Tag 00
(payload format indicator, ``01``) comes first and tag 63 (CRC) comes last: its value is the
CRC-16/CCITT-FALSE of everything before it, ``6304`` included, as 4 upper-case hex digits.

The kiosk reads a vendor's static QRIS (tag 01 = ``11``) and turns it into a dynamic one
(tag 01 = ``12``) that carries the exact amount, so the buyer's e-wallet cannot get it wrong.
It never sees the money arrive: the operator confirms payment.

Positions in error messages are 0-based character offsets into the payload. Lengths count
characters; the CRC runs over the UTF-8 bytes, which for the usual ASCII payload is the same
thing (the EMVCo specification's own example carries Chinese text in template 64).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .errors import DomainError, ErrorCode
from .money import format_rupiah


class QrisProblem(ErrorCode):
    EMPTY = "empty"
    CONTROL_CHARACTER = "control_character"  # position (tag when inside a value)
    TRUNCATED = "truncated"  # position
    NOT_A_TAG = "not_a_tag"  # tag (position when read from a payload)
    BAD_LENGTH = "bad_length"  # tag, position, length
    VALUE_TOO_LONG = "value_too_long"  # tag, length, maximum
    DUPLICATE_TAG = "duplicate_tag"  # tag, first, second
    FORMAT_INDICATOR = "format_indicator"  # tag, value: tag 00 must come first and be '01'
    CRC_MISSING = "crc_missing"
    CRC_NOT_LAST = "crc_not_last"  # position, tag (the one after it)
    CRC_MALFORMED = "crc_malformed"  # position, value
    CRC_MISMATCH = "crc_mismatch"  # position, expected, found
    MISSING_TAG = "missing_tag"  # tag
    BAD_VALUE = "bad_value"  # tag, position, value
    BAD_AMOUNT = "bad_amount"  # value: not whole rupiah
    AMOUNT_RANGE = "amount_range"  # amount, minimum, maximum
    NOT_A_TEMPLATE = "not_a_template"  # tag: asked for sub-fields of a plain field
    CRC_GIVEN = "crc_given"  # tag 63 handed to the encoder, which adds it itself


class QrisError(DomainError):
    """Text that is not a valid QRIS payload, or an amount a QRIS cannot carry."""


MIN_AMOUNT = 1
MAX_AMOUNT = 9_999_999_999  # ten digits fits EMVCo's 13-character amount field comfortably
MAX_VALUE_LENGTH = 99  # the length is two decimal digits

# Which tags hold nested TLV rather than a plain value.
MERCHANT_ACCOUNT_TAGS = frozenset(f"{n:02d}" for n in range(26, 52))
TEMPLATE_TAGS = MERCHANT_ACCOUNT_TAGS | {"62", "64"} | {f"{n:02d}" for n in range(80, 100)}
_TIP_TAGS = frozenset({"55", "56", "57"})  # a fixed amount must not invite a tip or fee prompt

_HEX4 = re.compile(r"^[0-9A-Fa-f]{4}$")
# Rupiah have no cents, but some acquirers still write "10000.00".
_AMOUNT = re.compile(r"([0-9]+)(?:\.0{1,2})?")  # 0-9 only: int() also reads other digits

Field = tuple[str, str]


# --- CRC -----------------------------------------------------------------------------------


def _crc_table() -> tuple[int, ...]:
    """One entry per leading byte, so the checksum costs one lookup per byte."""
    table = []
    for byte in range(256):
        crc = byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else (crc << 1)
        table.append(crc & 0xFFFF)
    return tuple(table)


_CRC_TABLE = _crc_table()


def crc16_ccitt_false(data: bytes) -> int:
    """CRC-16/CCITT-FALSE: poly 0x1021, init 0xFFFF, no reflection, no final xor."""
    crc = 0xFFFF
    for byte in data:
        crc = ((crc << 8) & 0xFFFF) ^ _CRC_TABLE[(crc >> 8) ^ byte]
    return crc


def _crc_hex(text: str) -> str:
    return f"{crc16_ccitt_false(text.encode('utf-8')):04X}"


# --- TLV -----------------------------------------------------------------------------------


def _split_tlv(
    text: str, *, offset: int = 0, parent: str | None = None
) -> list[tuple[str, str, int]]:
    """Cut ``text`` into (tag, value, position) triples; positions are absolute via ``offset``."""
    where = f"inside tag {parent}, " if parent else ""
    fields: list[tuple[str, str, int]] = []
    i = 0
    while i < len(text):
        pos = offset + i
        header = text[i : i + 4]
        if len(header) < 4:
            raise QrisError(
                QrisProblem.TRUNCATED,
                f"{where}the text ends in the middle of a field header at position {pos} "
                f"({header!r} is left over), so it is truncated or has trailing text",
                position=pos,
            )
        tag, length = header[:2], header[2:]
        if not (tag.isascii() and tag.isdigit()):
            raise QrisError(
                QrisProblem.NOT_A_TAG,
                f"{where}expected a 2-digit tag at position {pos} but found {tag!r}, "
                "so this is not a QRIS payload",
                tag=tag,
                position=pos,
            )
        if not (length.isascii() and length.isdigit()):
            raise QrisError(
                QrisProblem.BAD_LENGTH,
                f"{where}tag {tag} at position {pos} has length {length!r}, which is not 2 digits",
                tag=tag,
                position=pos,
                length=length,
            )
        size = int(length)
        remaining = len(text) - i - 4
        if size > remaining:
            raise QrisError(
                QrisProblem.TRUNCATED,
                f"{where}tag {tag} at position {pos} declares {size} characters but only "
                f"{remaining} remain, so the payload is truncated",
                position=pos,
                tag=tag,
            )
        fields.append((tag, text[i + 4 : i + 4 + size], pos))
        i += 4 + size
    return fields


def _check_value(tag: str, value: str) -> None:
    if not (len(tag) == 2 and tag.isascii() and tag.isdigit()):
        raise QrisError(QrisProblem.NOT_A_TAG, f"tag {tag!r} is not a 2-digit tag", tag=tag)
    if len(value) > MAX_VALUE_LENGTH:
        raise QrisError(
            QrisProblem.VALUE_TOO_LONG,
            f"the value of tag {tag} is {len(value)} characters long, "
            f"but a field holds at most {MAX_VALUE_LENGTH}",
            tag=tag,
            length=len(value),
            maximum=MAX_VALUE_LENGTH,
        )
    bad = _first_control_character(value)
    if bad is not None:
        raise QrisError(
            QrisProblem.CONTROL_CHARACTER,
            f"the value of tag {tag} has a control character at offset {bad}",
            tag=tag,
            position=bad,
        )


def encode_tlv(fields: Iterable[Field]) -> str:
    """(tag, value) pairs -> TLV text without a CRC, e.g. for a template's value."""
    parts = []
    for tag, value in fields:
        _check_value(tag, value)
        parts.append(f"{tag}{len(value):02d}{value}")
    return "".join(parts)


def encode_fields(fields: Iterable[Field]) -> str:
    """Top-level (tag, value) pairs, in the order given -> payload text ending in tag 63."""
    fields = tuple(fields)
    if any(tag == "63" for tag, _ in fields):
        raise QrisError(
            QrisProblem.CRC_GIVEN,
            "leave tag 63 out of the fields: encode_fields appends the CRC itself",
            tag="63",
        )
    body = encode_tlv(fields) + "6304"
    return body + _crc_hex(body)


def _first_control_character(text: str) -> int | None:
    # A newline or NUL inside a scan means the scanner or the keyboard wedge mangled it.
    for index, char in enumerate(text):
        if ord(char) < 0x20 or ord(char) == 0x7F:
            return index
    return None


# --- the parsed payload --------------------------------------------------------------------


def _amount_of(value: str) -> int:
    match = _AMOUNT.fullmatch(value)
    if not match:
        raise QrisError(
            QrisProblem.BAD_AMOUNT,
            f"tag 54 (transaction amount) {value!r} is not a whole number of rupiah",
            value=value,
        )
    return int(match.group(1))


@dataclass(frozen=True, slots=True)
class QrisPayload:
    """The top-level fields of a QRIS payload, in payload order (tag 63 included)."""

    fields: tuple[Field, ...]

    def value(self, tag: str) -> str | None:
        """The value of a top-level tag, or ``None`` when the payload does not have it."""
        for field_tag, field_value in self.fields:
            if field_tag == tag:
                return field_value
        return None

    @property
    def is_dynamic(self) -> bool:
        return self.value("01") == "12"

    @property
    def amount(self) -> int | None:
        """Tag 54 in whole rupiah; ``None`` when the buyer is to type the amount."""
        raw = self.value("54")
        return None if raw is None else _amount_of(raw)

    @property
    def merchant_name(self) -> str:
        return self.value("59") or ""

    @property
    def merchant_city(self) -> str:
        return self.value("60") or ""

    @property
    def currency(self) -> str:
        return self.value("53") or ""

    @property
    def country(self) -> str:
        return self.value("58") or ""

    def nested(self, tag: str) -> tuple[Field, ...]:
        """The sub-fields of template ``tag`` (26-51, 62, 64, 80-99); empty when absent."""
        if tag not in TEMPLATE_TAGS:
            raise QrisError(
                QrisProblem.NOT_A_TEMPLATE,
                f"tag {tag} is not a template, so it has no sub-fields",
                tag=tag,
            )
        raw = self.value(tag)
        if raw is None:
            return ()
        return tuple((sub, value) for sub, value, _ in _split_tlv(raw, parent=tag))

    def encode(self) -> str:
        """The payload as text again, with a freshly computed upper-case CRC."""
        return encode_fields(field for field in self.fields if field[0] != "63")


# --- parsing -------------------------------------------------------------------------------


def _positions(fields: list[tuple[str, str, int]]) -> dict[str, tuple[str, int]]:
    """Tag -> (value, position); each tag may appear only once at the top level."""
    seen: dict[str, tuple[str, int]] = {}
    for tag, value, pos in fields:
        if tag in seen:
            raise QrisError(
                QrisProblem.DUPLICATE_TAG,
                f"tag {tag} appears twice, at positions {seen[tag][1]} and {pos}",
                tag=tag,
                first=seen[tag][1],
                second=pos,
            )
        seen[tag] = (value, pos)
    return seen


def _check_format_indicator(fields: list[tuple[str, str, int]]) -> None:
    tag, value, _ = fields[0]
    if tag != "00":
        raise QrisError(
            QrisProblem.FORMAT_INDICATOR,
            f"a QRIS payload must start with tag 00 (payload format indicator), "
            f"but it starts with tag {tag} at position 0",
            tag=tag,
            value=value,
        )
    if value != "01":
        raise QrisError(
            QrisProblem.FORMAT_INDICATOR,
            f"tag 00 (payload format indicator) at position 0 must be '01', found {value!r}",
            tag=tag,
            value=value,
        )


def _check_crc(text: str, fields: list[tuple[str, str, int]]) -> None:
    crc_at = next((i for i, field in enumerate(fields) if field[0] == "63"), None)
    if crc_at is None:
        raise QrisError(
            QrisProblem.CRC_MISSING,
            "tag 63 (CRC) is missing: a QRIS payload ends with '6304' and 4 hex digits",
        )
    _, found, pos = fields[crc_at]
    if crc_at != len(fields) - 1:
        after_tag, _, after_pos = fields[crc_at + 1]
        raise QrisError(
            QrisProblem.CRC_NOT_LAST,
            f"tag 63 (CRC) at position {pos} must be the last field, "
            f"but tag {after_tag} follows it at position {after_pos}",
            position=pos,
            tag=after_tag,
        )
    if len(found) != 4:
        raise QrisError(
            QrisProblem.CRC_MALFORMED,
            f"tag 63 (CRC) at position {pos} must have length 04, found {len(found):02d}",
            position=pos,
            value=found,
        )
    if not _HEX4.match(found):
        raise QrisError(
            QrisProblem.CRC_MALFORMED,
            f"tag 63 (CRC) at position {pos} holds {found!r}, which is not 4 hex digits",
            position=pos,
            value=found,
        )
    expected = _crc_hex(text[:-4])
    if found.upper() != expected:
        raise QrisError(
            QrisProblem.CRC_MISMATCH,
            f"CRC mismatch in tag 63 at position {pos}: expected {expected} but found {found}",
            position=pos,
            expected=expected,
            found=found,
        )


def _require(
    seen: dict[str, tuple[str, int]], tag: str, name: str, allowed: tuple[str, ...], hint: str
) -> None:
    if tag not in seen:
        raise QrisError(
            QrisProblem.MISSING_TAG, f"tag {tag} ({name}) is missing; it must be {hint}", tag=tag
        )
    value, pos = seen[tag]
    if value not in allowed:
        raise QrisError(
            QrisProblem.BAD_VALUE,
            f"tag {tag} ({name}) at position {pos} must be {hint}, found {value!r}",
            tag=tag,
            position=pos,
            value=value,
        )


def _check_merchant(seen: dict[str, tuple[str, int]]) -> None:
    if "59" not in seen:
        raise QrisError(QrisProblem.MISSING_TAG, "tag 59 (merchant name) is missing", tag="59")
    name, pos = seen["59"]
    if not name.strip():
        raise QrisError(
            QrisProblem.BAD_VALUE,
            f"tag 59 (merchant name) at position {pos} is blank",
            tag="59",
            position=pos,
            value=name,
        )
    if not MERCHANT_ACCOUNT_TAGS & seen.keys():
        raise QrisError(
            QrisProblem.MISSING_TAG,
            "no merchant account information template (tags 26 to 51) is present",
            tag="26-51",
        )


def _check_amount(seen: dict[str, tuple[str, int]]) -> None:
    if "54" not in seen:
        return
    value, pos = seen["54"]
    if not _AMOUNT.fullmatch(value):
        raise QrisError(
            QrisProblem.BAD_AMOUNT,
            f"tag 54 (transaction amount) at position {pos} holds {value!r}, "
            "which is not a whole number of rupiah",
            value=value,
            position=pos,
        )
    if _amount_of(value) < MIN_AMOUNT:
        raise QrisError(
            QrisProblem.AMOUNT_RANGE,
            f"tag 54 (transaction amount) at position {pos} must be more than zero",
            amount=format_rupiah(_amount_of(value)),
            minimum=format_rupiah(MIN_AMOUNT),
            maximum=format_rupiah(MAX_AMOUNT),
            position=pos,
        )


def _check_templates(fields: list[tuple[str, str, int]]) -> None:
    for tag, value, pos in fields:
        if tag in TEMPLATE_TAGS:
            _split_tlv(value, offset=pos + 4, parent=tag)


def parse_qris(text: str) -> QrisPayload:
    """Read a scanned QRIS payload strictly, or raise :class:`QrisError` saying what and where."""
    if not isinstance(text, str):
        raise TypeError(f"a QRIS payload is text, not {type(text).__name__}")
    if not text:
        raise QrisError(QrisProblem.EMPTY, "the text is empty, so it is not a QRIS payload")
    bad = _first_control_character(text)
    if bad is not None:
        raise QrisError(
            QrisProblem.CONTROL_CHARACTER,
            f"position {bad} holds a control character, which a QRIS payload never has",
            position=bad,
        )
    fields = _split_tlv(text)
    _check_format_indicator(fields)
    _check_crc(text, fields)  # before the rest: a bad CRC usually means a misread scan
    seen = _positions(fields)
    _require(
        seen, "01", "point of initiation method", ("11", "12"), "'11' (static) or '12' (dynamic)"
    )
    _require(seen, "53", "transaction currency", ("360",), "'360' (IDR)")
    _require(seen, "58", "country code", ("ID",), "'ID'")
    _check_merchant(seen)
    _check_amount(seen)
    _check_templates(fields)
    return QrisPayload(tuple((tag, value) for tag, value, _ in fields))


# --- static -> dynamic ---------------------------------------------------------------------


def _check_amount_argument(amount: object) -> int:
    if isinstance(amount, bool) or not isinstance(amount, int):
        raise QrisError(
            QrisProblem.BAD_AMOUNT,
            f"the amount must be whole rupiah as an int, not {type(amount).__name__} {amount!r}",
            value=repr(amount),
        )
    if not MIN_AMOUNT <= amount <= MAX_AMOUNT:
        raise QrisError(
            QrisProblem.AMOUNT_RANGE,
            f"the amount {format_rupiah(amount)} is out of range: a QRIS amount must be from "
            f"{format_rupiah(MIN_AMOUNT)} to {format_rupiah(MAX_AMOUNT)}",
            amount=format_rupiah(amount),
            minimum=format_rupiah(MIN_AMOUNT),
            maximum=format_rupiah(MAX_AMOUNT),
        )
    return amount


def with_amount(payload: QrisPayload, amount: int) -> str:
    """A dynamic QRIS for exactly ``amount`` rupiah, built from a static (or dynamic) one."""
    amount = _check_amount_argument(amount)
    fields = [
        ("01", "12") if tag == "01" else (tag, value)
        for tag, value in payload.fields
        if tag not in _TIP_TAGS and tag not in {"54", "63"}
    ]
    if not any(tag == "01" for tag, _ in fields):
        fields.append(("01", "12"))
    fields.append(("54", str(amount)))
    # QRIS issuers expect ascending tags, which also puts 54 right after 53. Two-digit tags
    # sort as strings exactly as they do as numbers, and a stray bad tag fails in encode_fields.
    fields.sort(key=lambda field: field[0])
    text = encode_fields(fields)
    parse_qris(text)  # never hand out a code the buyer's wallet would refuse
    return text
