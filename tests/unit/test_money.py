"""Money is whole rupiah: display as ``Rp20.000``, read what people and spreadsheets write."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.errors import DomainError
from kiosk.domain.money import MoneyError, format_rupiah, parse_rupiah

amounts = st.integers(min_value=0, max_value=10**15)


def grouped(amount: int) -> str:
    """``1250000`` -> ``1.250.000``, built independently of format_rupiah."""
    digits = str(amount)
    groups = []
    while digits:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    return ".".join(groups)


# --- formatting -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "shown"),
    [
        (0, "Rp0"),
        (500, "Rp500"),
        (1000, "Rp1.000"),
        (20000, "Rp20.000"),
        (1250000, "Rp1.250.000"),
        (-15000, "-Rp15.000"),
    ],
)
def test_format_rupiah_groups_thousands_with_dots(amount: int, shown: str) -> None:
    assert format_rupiah(amount) == shown


@pytest.mark.parametrize("bad", [20000.0, 20000.5, "20000", True, None])
def test_format_rupiah_refuses_anything_but_int(bad: object) -> None:
    with pytest.raises(TypeError):
        format_rupiah(bad)  # type: ignore[arg-type]


@given(amounts)
def test_format_has_no_decimals_and_only_dot_grouping(amount: int) -> None:
    shown = format_rupiah(amount)
    assert shown.startswith("Rp")
    assert "," not in shown
    assert shown[2:] == grouped(amount)


# --- parsing ----------------------------------------------------------------------------


@given(amounts)
def test_format_then_parse_round_trips(amount: int) -> None:
    assert parse_rupiah(format_rupiah(amount)) == amount


@given(amounts)
def test_csv_plain_integer_round_trips(amount: int) -> None:
    # CSV exports write plain integers so spreadsheets can sum them; imports read them back.
    assert parse_rupiah(str(amount)) == amount


@given(
    amounts,
    st.sampled_from(
        [
            "{g}",
            "Rp{g}",
            "Rp {g}",
            "rp{g}",
            "Rp.{g}",
            "Rp. {g}",
            "IDR {g}",
            "idr{g}",
            "Rp{g},00",
            "Rp {g},00",
            "{g},0",
            "  Rp{g}  ",
            "Rp\u00a0{g}",
            "{plain}",
            "Rp{plain}",
            "{plain},00",
        ]
    ),
)
def test_every_way_people_write_an_amount_reads_the_same(amount: int, template: str) -> None:
    text = template.format(g=grouped(amount), plain=amount)
    assert parse_rupiah(text) == amount


@pytest.mark.parametrize(
    "text", ["20000", "20.000", "Rp20.000", "Rp 20.000,00", "IDR 20.000", " 20000 "]
)
def test_the_documented_forms_of_twenty_thousand(text: str) -> None:
    assert parse_rupiah(text) == 20000


@pytest.mark.parametrize(
    "text",
    [
        "20.5",  # a decimal point, not a thousands group
        "2.00.000",  # misplaced group
        "20.00",
        "1.2345",
        ".500",
        "500.",
        "-5",
        "Rp-5",
        "-Rp5.000",
        "Rp",
        "IDR",
        "20,50",  # cents do not exist
        "20,5",
        "20.000,",
        ",00",
        "",
        "   ",
        "20k",
        "dua puluh ribu",
        "20000 Rp",
        "$20",
        "1e5",
        "0x10",
    ],
)
def test_what_is_not_whole_rupiah_raises(text: str) -> None:
    with pytest.raises(MoneyError):
        parse_rupiah(text)


def test_money_error_is_a_domain_value_error() -> None:
    with pytest.raises(DomainError):
        parse_rupiah("20,50")
    with pytest.raises(ValueError):
        parse_rupiah("abc")


def test_error_message_quotes_the_input() -> None:
    with pytest.raises(MoneyError, match="20,50"):
        parse_rupiah("20,50")


# Text shaped like amounts (prefixes, grouping, zero decimals, stray marks), so that many
# examples are accepted and the property below is really exercised, not just anything at all.
amount_like = st.builds(
    lambda prefix, amount, group, decimals, tail: (
        prefix + (grouped(amount) if group else str(amount)) + decimals + tail
    ),
    st.sampled_from(["", "Rp", "Rp ", "rp.", "IDR ", " ", "-", "Rp-"]),
    amounts,
    st.booleans(),
    st.sampled_from(["", ",00", ",0", ",5", ",", ".000"]),
    st.sampled_from(["", " ", "\u00a0", ".", "x"]),
)


@given(
    st.one_of(st.text(max_size=30), st.text(alphabet="0123456789.,-+ Rp", max_size=20), amount_like)
)
def test_parse_never_crashes_and_reads_exactly_the_digits_before_the_comma(text: str) -> None:
    try:
        value = parse_rupiah(text)
    except MoneyError:
        return
    assert isinstance(value, int)
    # whatever was accepted, the amount is the digits written before any (zero) decimals:
    # no sign, no separator and no decimal can have changed it
    digits = "".join(ch for ch in text.partition(",")[0] if ch.isdecimal())
    assert value == int(digits)


@given(amounts.filter(lambda n: n > 0), st.sampled_from(["-", "−", "(", "+"]))
def test_signed_amounts_are_refused(amount: int, sign: str) -> None:
    with pytest.raises(MoneyError):
        parse_rupiah(f"{sign}{amount}")


@given(amounts, st.text(alphabet="123456789", min_size=1, max_size=2))
def test_nonzero_decimals_are_refused(amount: int, decimals: str) -> None:
    with pytest.raises(MoneyError):
        parse_rupiah(f"Rp{grouped(amount)},{decimals}")


@pytest.mark.parametrize("text", ["20,000", "1,500,000", "20,000.00", "Rp 20,000"])
def test_english_thousands_separators_are_refused_not_read_as_cents(text: str) -> None:
    with pytest.raises(MoneyError, match="between thousands"):
        parse_rupiah(text)
