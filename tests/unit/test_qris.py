"""QRIS TLV parsing, CRC and static -> dynamic conversion (kiosk.domain.qris)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.errors import DomainError
from kiosk.domain.qris import (
    MAX_AMOUNT,
    QrisError,
    QrisPayload,
    crc16_ccitt_false,
    encode_fields,
    encode_tlv,
    parse_qris,
    with_amount,
)

# --- published examples, checked verbatim ---------------------------------------------------

# The worked example of the EMV QR Code Specification for Payment Systems, Merchant-Presented
# Mode (EMVCo), reproduced as the "official sample" in many EMVCo QR libraries' tests. Its CRC
# A13A is computed over UTF-8 bytes (template 64 carries Chinese text); its tags are not in
# ascending order, which the specification allows. It is not a QRIS: currency 156, country CN.
EMVCO_SPEC_EXAMPLE = (
    "00020101021229300012D156000000000510A93FO3230Q31280012D15600000001030812345678"
    "520441115802CN5914BEST TRANSPORT6007BEIJING64200002ZH0104最佳运输0202北京"
    "540523.7253031565502016233030412340603***0708A60086670902ME9132"
    "0016A0112233449988770708123456786304A13A"
)

# The decode example in the README of github.com/sunary/qris (a Go QRIS encoder/decoder).
SUNARY_README_EXAMPLE = (
    "00020101021226380016ID.CO.SHOPEE.WWW01020102081586372453033605406144000"
    "5802ID5921PT. SHOPPEE INDONESIA6007JAKARTA62180814gen by go-qris63049635"
)

# A dynamic Xendit / DANA QRIS used verbatim as a test vector in public JavaScript/TypeScript
# EMVCo-QR parser test suites (found by code search, e.g. an `emvco-qr.test.ts` asserting
# merchant "XENDIT", NMID ID2021080732989 and CRC B00A). CRC verified below independently.
XENDIT_DANA_EXAMPLE = (
    "00020101021226570011ID.DANA.WWW011893600915015706056102091570605610303UME"
    "51440014ID.CO.QRIS.WWW0215ID20210807329890303UME5204893153033605405100005802ID"
    "5906XENDIT6015Kota Jakarta Se61051219062720115SzW8BPHhw35i1vT60490011ID.DANA.WWW"
    "0425MER2021071400774509608641050116304B00A"
)

PRINTABLE = "".join(chr(c) for c in range(0x20, 0x7F))


def bitwise_crc(data: bytes) -> int:
    """An independent CRC-16/CCITT-FALSE, bit by bit (the module uses a lookup table)."""
    crc = 0xFFFF
    for byte in data:
        for bit in range(7, -1, -1):
            top = (crc >> 15) & 1
            crc = (crc << 1) & 0xFFFF
            if top ^ ((byte >> bit) & 1):
                crc ^= 0x1021
    return crc


def position_of(text: str, needle: str) -> int:
    index = text.find(needle)
    assert index >= 0, needle
    return index


# A small valid static QRIS built by hand; its CRC is checked against bitwise_crc below.
STATIC_FIELDS: tuple[tuple[str, str], ...] = (
    ("00", "01"),
    ("01", "11"),
    ("26", encode_tlv([("00", "ID.CO.QRIS.WWW"), ("01", "936000000000000001"), ("03", "UMI")])),
    ("52", "5812"),
    ("53", "360"),
    ("55", "01"),
    ("58", "ID"),
    ("59", "JIKU BATA UMKM"),
    ("60", "AMBON"),
    ("61", "97128"),
    ("62", encode_tlv([("07", "KIOSK-01")])),
)
STATIC = encode_fields(STATIC_FIELDS)


def make(*replace: tuple[str, str | None], extra: tuple[tuple[str, str], ...] = ()) -> str:
    """STATIC with some tags replaced (value ``None`` drops the tag) and extra fields appended."""
    changes = dict(replace)
    fields: list[tuple[str, str]] = []
    for tag, value in STATIC_FIELDS:
        new = changes.get(tag, value)
        if new is not None:
            fields.append((tag, new))
    return encode_fields([*fields, *extra])


# --- CRC ------------------------------------------------------------------------------------


def test_crc_check_value() -> None:
    assert crc16_ccitt_false(b"123456789") == 0x29B1
    assert bitwise_crc(b"123456789") == 0x29B1


def test_crc_of_nothing_is_the_initial_value() -> None:
    assert crc16_ccitt_false(b"") == 0xFFFF


@given(st.binary(max_size=300))
def test_crc_matches_an_independent_bitwise_implementation(data: bytes) -> None:
    assert crc16_ccitt_false(data) == bitwise_crc(data)


@pytest.mark.parametrize(
    "example", [EMVCO_SPEC_EXAMPLE, SUNARY_README_EXAMPLE, XENDIT_DANA_EXAMPLE, STATIC]
)
def test_published_crcs_are_reproduced(example: str) -> None:
    body = example[:-4].encode("utf-8")
    assert example[-8:-4] == "6304"
    assert crc16_ccitt_false(body) == bitwise_crc(body) == int(example[-4:], 16)


# --- published examples ---------------------------------------------------------------------


def test_emvco_spec_example_passes_structure_and_crc_but_is_not_rupiah() -> None:
    # Everything up to the CRC is accepted; the first QRIS rule it breaks is the currency.
    position = position_of(EMVCO_SPEC_EXAMPLE, "5303156")
    with pytest.raises(QrisError, match=rf"tag 53 .* at position {position} .*'156'"):
        parse_qris(EMVCO_SPEC_EXAMPLE)


def test_sunary_readme_example_parses() -> None:
    payload = parse_qris(SUNARY_README_EXAMPLE)
    assert payload.is_dynamic
    assert payload.amount == 144000
    assert payload.merchant_name == "PT. SHOPPEE INDONESIA"
    assert payload.merchant_city == "JAKARTA"
    assert (payload.currency, payload.country) == ("360", "ID")
    assert payload.nested("26") == (
        ("00", "ID.CO.SHOPEE.WWW"),
        ("01", "01"),
        ("02", "15863724"),
    )
    assert payload.nested("62") == (("08", "gen by go-qris"),)
    assert payload.encode() == SUNARY_README_EXAMPLE


def test_xendit_dana_example_parses() -> None:
    payload = parse_qris(XENDIT_DANA_EXAMPLE)
    assert payload.is_dynamic
    assert payload.amount == 10000
    assert payload.merchant_name == "XENDIT"
    assert payload.merchant_city == "Kota Jakarta Se"
    assert payload.value("61") == "12190"
    assert ("00", "ID.CO.QRIS.WWW") in payload.nested("51")
    assert ("02", "ID2021080732989") in payload.nested("51")
    assert payload.nested("26")[0] == ("00", "ID.DANA.WWW")
    assert payload.fields[0] == ("00", "01")
    assert payload.fields[-1] == ("63", "B00A")


def test_lowercase_crc_is_accepted() -> None:
    lowered = XENDIT_DANA_EXAMPLE[:-4] + XENDIT_DANA_EXAMPLE[-4:].lower()
    assert parse_qris(lowered).amount == 10000


def test_published_dynamic_example_gets_a_new_amount() -> None:
    text = with_amount(parse_qris(SUNARY_README_EXAMPLE), 25000)
    assert parse_qris(text).amount == 25000
    assert "5405250005802ID" in text
    assert "144000" not in text


def test_hand_built_static_payload() -> None:
    payload = parse_qris(STATIC)
    assert not payload.is_dynamic
    assert payload.amount is None
    assert payload.merchant_name == "JIKU BATA UMKM"
    assert payload.merchant_city == "AMBON"
    assert payload.nested("62") == (("07", "KIOSK-01"),)
    assert payload.nested("27") == ()
    assert payload.fields[:-1] == STATIC_FIELDS


def test_values_may_hold_spaces_dots_and_slashes() -> None:
    text = make(("59", "Warung Ibu Ani / Kopi & Roti No. 7"), ("60", "KOTA AMBON."))
    assert parse_qris(text).merchant_name == "Warung Ibu Ani / Kopi & Roti No. 7"


def test_amount_with_zero_decimals_is_whole_rupiah() -> None:
    assert parse_qris(make(("01", "12"), extra=(("54", "10000.00"),))).amount == 10000


# --- with_amount ----------------------------------------------------------------------------


def test_with_amount_makes_a_dynamic_code_in_ascending_tag_order() -> None:
    text = with_amount(parse_qris(STATIC), 20000)
    payload = parse_qris(text)
    tags = [tag for tag, _ in payload.fields]
    assert payload.is_dynamic
    assert payload.amount == 20000
    assert tags == sorted(tags)
    assert tags[tags.index("53") + 1] == "54"
    assert "55" not in tags  # the static code's tip prompt must not survive
    assert "010212" in text
    assert "540520000" in text


@pytest.mark.parametrize("amount", [1, 20000, MAX_AMOUNT])
def test_with_amount_at_the_edges(amount: int) -> None:
    assert parse_qris(with_amount(parse_qris(STATIC), amount)).amount == amount


@pytest.mark.parametrize(
    ("amount", "words"),
    [
        (0, "Rp0 is out of range"),
        (-5000, "-Rp5.000 is out of range"),
        (MAX_AMOUNT + 1, "Rp10.000.000.000 is out of range"),
        (20000.0, "not float"),
        (1.5, "not float"),
        ("20000", "not str"),
        (True, "not bool"),
        (None, "not NoneType"),
    ],
)
def test_with_amount_refuses_amounts_a_qris_cannot_carry(amount: object, words: str) -> None:
    with pytest.raises(QrisError, match=re.escape(words)):
        with_amount(parse_qris(STATIC), amount)  # type: ignore[arg-type]


def test_with_amount_refuses_a_payload_that_cannot_be_valid() -> None:
    broken = QrisPayload((("00", "01"), ("01", "11"), ("53", "360")))
    with pytest.raises(QrisError, match="tag 58"):
        with_amount(broken, 1000)


# --- error cases, each naming the tag / position --------------------------------------------


def test_wrong_crc() -> None:
    text = STATIC[:-4] + ("0000" if STATIC[-4:] != "0000" else "0001")
    with pytest.raises(
        QrisError,
        match=rf"CRC mismatch in tag 63 at position {len(STATIC) - 8}: "
        rf"expected {STATIC[-4:]} but found {text[-4:]}",
    ):
        parse_qris(text)


def test_crc_that_is_not_hex() -> None:
    with pytest.raises(QrisError, match=r"tag 63 \(CRC\) at position \d+ holds 'XYZW'"):
        parse_qris(STATIC[:-4] + "XYZW")


def test_crc_with_the_wrong_length() -> None:
    body = encode_tlv(STATIC_FIELDS) + "630212"
    with pytest.raises(QrisError, match=r"tag 63 \(CRC\) at position \d+ must have length 04"):
        parse_qris(body)


def test_missing_crc() -> None:
    with pytest.raises(QrisError, match=r"tag 63 \(CRC\) is missing"):
        parse_qris(encode_tlv(STATIC_FIELDS))


def test_crc_not_last() -> None:
    text = STATIC + "9902AB"
    with pytest.raises(
        QrisError,
        match=rf"tag 63 \(CRC\) at position {len(STATIC) - 8} must be the last field, "
        rf"but tag 99 follows it at position {len(STATIC)}",
    ):
        parse_qris(text)


def test_truncated_payload() -> None:
    cut = SUNARY_README_EXAMPLE[:-10]
    position = position_of(SUNARY_README_EXAMPLE, "6218")
    with pytest.raises(
        QrisError, match=rf"tag 62 at position {position} declares 18 characters .* truncated"
    ):
        parse_qris(cut)


def test_truncated_in_a_field_header() -> None:
    cut = STATIC[:-6]  # ends with "63"
    with pytest.raises(QrisError, match=rf"middle of a field header at position {len(cut) - 2}"):
        parse_qris(cut)


def test_trailing_garbage() -> None:
    with pytest.raises(QrisError, match=rf"position {len(STATIC)} \('xy' is left over\)"):
        parse_qris(STATIC + "xy")


def test_bad_length_digits() -> None:
    position = position_of(STATIC, "5914JIKU")
    text = STATIC[: position + 2] + "1X" + STATIC[position + 4 :]
    with pytest.raises(QrisError, match=rf"tag 59 at position {position} has length '1X'"):
        parse_qris(text)


@pytest.mark.parametrize(
    ("text", "pattern"),
    [
        ("https://verifikasi.bkn.go.id/asn/198504122010011001", "position 0 but found 'ht'"),
        ("198504122010011001", "tag 19 at position 0 declares 85 characters but only 14 remain"),
        ("Kopi Jiku Bata", "position 0 but found 'Ko'"),
        ("", "the text is empty"),
        (STATIC[:-4] + "\n" + STATIC[-3:], f"position {len(STATIC) - 4} holds a control"),
    ],
)
def test_text_that_is_not_qris(text: str, pattern: str) -> None:
    with pytest.raises(QrisError, match=re.escape(pattern)):
        parse_qris(text)


def test_tag_00_not_first() -> None:
    fields = [STATIC_FIELDS[1], STATIC_FIELDS[0], *STATIC_FIELDS[2:]]
    with pytest.raises(QrisError, match=r"start with tag 00 .* starts with tag 01 at position 0"):
        parse_qris(encode_fields(fields))


def test_tag_00_with_the_wrong_version() -> None:
    with pytest.raises(QrisError, match=r"tag 00 .* at position 0 must be '01', found '02'"):
        parse_qris(make(("00", "02")))


@pytest.mark.parametrize(
    ("replace", "pattern"),
    [
        (
            ("53", "840"),
            r"tag 53 \(transaction currency\) at position {} must be '360' \(IDR\), "
            r"found '840'",
        ),
        (("58", "SG"), r"tag 58 \(country code\) at position {} must be 'ID', found 'SG'"),
        (("01", "13"), r"tag 01 \(point of initiation method\) at position {} must be '11'"),
        (("59", "   "), r"tag 59 \(merchant name\) at position {} is blank"),
    ],
)
def test_wrong_values(replace: tuple[str, str], pattern: str) -> None:
    text = make(replace)
    position = position_of(text, replace[0] + f"{len(replace[1]):02d}" + replace[1])
    with pytest.raises(QrisError, match=pattern.format(position)):
        parse_qris(text)


@pytest.mark.parametrize(
    ("tag", "pattern"),
    [
        ("53", r"tag 53 \(transaction currency\) is missing"),
        ("58", r"tag 58 \(country code\) is missing"),
        ("01", r"tag 01 \(point of initiation method\) is missing"),
        ("59", r"tag 59 \(merchant name\) is missing"),
        ("26", r"no merchant account information template \(tags 26 to 51\)"),
    ],
)
def test_missing_mandatory_tags(tag: str, pattern: str) -> None:
    with pytest.raises(QrisError, match=pattern):
        parse_qris(make((tag, None)))


def test_duplicate_tag() -> None:
    text = make(extra=(("59", "OTHER NAME"),))
    first = position_of(text, "5914JIKU")
    second = position_of(text, "5910OTHER")
    with pytest.raises(
        QrisError, match=rf"tag 59 appears twice, at positions {first} and {second}"
    ):
        parse_qris(text)


def test_malformed_merchant_account_template() -> None:
    text = make(("26", "0014ID.CO.QRIS.WWWZZ"))
    position = position_of(text, "ZZ")
    with pytest.raises(QrisError, match=rf"inside tag 26, .* position {position}"):
        parse_qris(text)


@pytest.mark.parametrize(("amount", "pattern"), [("12.50", "not a whole"), ("0", "more than")])
def test_bad_amount_tag(amount: str, pattern: str) -> None:
    text = make(("01", "12"), extra=(("54", amount),))
    position = position_of(text, f"54{len(amount):02d}{amount}")
    with pytest.raises(QrisError, match=rf"tag 54 .* at position {position} .*{pattern}"):
        parse_qris(text)


def test_errors_are_domain_errors() -> None:
    with pytest.raises(DomainError):
        parse_qris("not a qris")


def test_parse_refuses_non_text() -> None:
    with pytest.raises(TypeError):
        parse_qris(b"000201")  # type: ignore[arg-type]


def test_nested_refuses_a_plain_tag() -> None:
    with pytest.raises(QrisError, match="tag 59 is not a template"):
        parse_qris(STATIC).nested("59")


def test_encode_fields_refuses_what_it_cannot_encode() -> None:
    with pytest.raises(QrisError, match="leave tag 63 out"):
        encode_fields([("00", "01"), ("63", "ABCD")])
    with pytest.raises(QrisError, match="tag 59 is 100 characters long"):
        encode_fields([("59", "x" * 100)])
    with pytest.raises(QrisError, match="'5' is not a 2-digit tag"):
        encode_tlv([("5", "x")])
    with pytest.raises(QrisError, match="tag 59 has a control character at offset 3"):
        encode_tlv([("59", "abc\tdef")])


def test_every_single_substitution_in_a_published_example_is_caught() -> None:
    # Exhaustive over one real payload: every position before the CRC, every printable char.
    text = SUNARY_README_EXAMPLE
    for index in range(len(text) - 4):
        for char in PRINTABLE:
            if char != text[index]:
                with pytest.raises(QrisError):
                    parse_qris(text[:index] + char + text[index + 1 :])


# --- property-based -------------------------------------------------------------------------

printable_text = st.text(alphabet=PRINTABLE, min_size=1, max_size=25)
names = printable_text.filter(lambda name: name.strip() != "")
digits = st.text(alphabet="0123456789", min_size=1, max_size=18)


@st.composite
def account_templates(draw: st.DrawFn) -> list[tuple[str, str]]:
    """One to three merchant account templates (26-51) with QRIS-like sub-fields."""
    tags = draw(st.lists(st.integers(26, 51), min_size=1, max_size=3, unique=True))
    templates = []
    for tag in sorted(tags):
        sub = [("00", draw(st.sampled_from(["ID.CO.QRIS.WWW", "ID.DANA.WWW", "COM.GO-JEK.WWW"])))]
        sub.append(("01", draw(digits)))
        if draw(st.booleans()):
            sub.append(("02", draw(printable_text)))
        sub.append(("03", draw(st.sampled_from(["UMI", "UKE", "UME", "UBE"]))))
        templates.append((f"{tag:02d}", encode_tlv(sub)))
    return templates


@st.composite
def static_fields(draw: st.DrawFn) -> list[tuple[str, str]]:
    fields = [("00", "01"), ("01", "11"), *draw(account_templates())]
    fields += [("52", draw(st.text(alphabet="0123456789", min_size=4, max_size=4)))]
    fields += [("53", "360")]
    if draw(st.booleans()):
        fields.append(("55", draw(st.sampled_from(["01", "02", "03"]))))
    fields += [("58", "ID"), ("59", draw(names)), ("60", draw(names))]
    if draw(st.booleans()):
        fields.append(("61", draw(st.text(alphabet="0123456789", min_size=5, max_size=5))))
    if draw(st.booleans()):
        fields.append(("62", encode_tlv([("07", draw(printable_text))])))
    return fields


@given(static_fields())
def test_parse_encode_round_trip(fields: list[tuple[str, str]]) -> None:
    text = encode_fields(fields)
    payload = parse_qris(text)
    assert list(payload.fields[:-1]) == fields
    assert payload.fields[-1] == ("63", f"{bitwise_crc(text[:-4].encode()):04X}")
    assert payload.encode() == text
    assert payload.merchant_name == dict(fields)["59"]
    assert payload.merchant_city == dict(fields)["60"]
    assert not payload.is_dynamic
    assert payload.amount is None


@given(static_fields(), st.integers(1, MAX_AMOUNT))
def test_with_amount_for_any_amount_in_range(fields: list[tuple[str, str]], amount: int) -> None:
    text = with_amount(parse_qris(encode_fields(fields)), amount)
    payload = parse_qris(text)
    tags = [tag for tag, _ in payload.fields]
    assert payload.is_dynamic
    assert payload.amount == amount
    assert text[-4:] == f"{bitwise_crc(text[:-4].encode()):04X}"
    assert tags == sorted(tags)
    assert tags[tags.index("53") + 1] == "54"
    assert not {"55", "56", "57"} & set(tags)
    assert payload.merchant_name == dict(fields)["59"]
    assert [f for f in payload.fields if f[0] >= "26" and f[0] <= "51"] == [
        f for f in fields if "26" <= f[0] <= "51"
    ]


@given(st.integers(max_value=0) | st.integers(min_value=MAX_AMOUNT + 1))
def test_with_amount_out_of_range_always_refused(amount: int) -> None:
    with pytest.raises(QrisError, match="out of range"):
        with_amount(parse_qris(STATIC), amount)


@given(static_fields(), st.data())
def test_any_single_substitution_before_the_crc_is_caught(
    fields: list[tuple[str, str]], data: st.DataObject
) -> None:
    text = encode_fields(fields)
    for index in range(len(text) - 4):
        char = data.draw(st.sampled_from(PRINTABLE.replace(text[index], "")))
        with pytest.raises(QrisError):
            parse_qris(text[:index] + char + text[index + 1 :])
