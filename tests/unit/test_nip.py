"""NIP: 18 digits, a real birth date, a gender digit 1 or 2; masked wherever others can see."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from kiosk.domain.errors import DomainError
from kiosk.domain.nip import (
    NipError,
    is_valid_nip,
    mask_nip,
    nip_problem,
    parse_nip,
)

SAMPLE = "198504122010011001"  # born 1985-04-12, service from 2010-01, male, sequence 001

digits = st.text(alphabet="0123456789", min_size=1, max_size=1)


def build(born: dt.date, service: str, gender: str, seq: int) -> str:
    return f"{born.year:04d}{born.month:02d}{born.day:02d}{service}{gender}{seq:03d}"


@st.composite
def pns_nips(draw: st.DrawFn) -> str:
    born = draw(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2010, 12, 31)))
    start = f"{draw(st.integers(1960, 2099)):04d}{draw(st.integers(1, 12)):02d}"
    return build(born, start, draw(st.sampled_from("12")), draw(st.integers(0, 999)))


@st.composite
def pppk_nips(draw: st.DrawFn) -> str:
    """PPPK: digits 13-14 are not a month (``...202113...``, ``...202100...``)."""
    born = draw(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2010, 12, 31)))
    not_a_month = draw(st.one_of(st.just(0), st.integers(13, 99)))
    start = f"{draw(st.integers(2019, 2099)):04d}{not_a_month:02d}"
    return build(born, start, draw(st.sampled_from("12")), draw(st.integers(0, 999)))


valid_nips = st.one_of(pns_nips(), pppk_nips())


# --- valid numbers ------------------------------------------------------------------------


@given(valid_nips)
def test_any_well_formed_nip_is_valid(nip: str) -> None:
    assert nip_problem(nip) is None
    assert is_valid_nip(nip)
    assert parse_nip(nip) == nip


@given(pppk_nips())
def test_pppk_numbers_whose_digits_13_14_are_not_a_month_are_valid(nip: str) -> None:
    assert not 1 <= int(nip[12:14]) <= 12
    assert parse_nip(nip) == nip


@pytest.mark.parametrize(
    "nip",
    [
        "199001012021131001",  # PPPK 2021 intake: "13" where a PNS has a month
        "198807152022212002",
        "197512312023001001",
    ],
)
def test_known_pppk_style_numbers_are_valid(nip: str) -> None:
    assert is_valid_nip(nip)


@pytest.mark.parametrize(
    "typed",
    [
        "19850412 201001 1 001",
        "19850412.201001.1.001",
        "19850412-201001-1-001",
        "  198504122010011001\n",
        "19850412\t201001 1 001",
    ],
)
def test_parse_nip_drops_separators_people_type(typed: str) -> None:
    assert parse_nip(typed) == SAMPLE


@given(valid_nips, st.lists(st.sampled_from([" ", ".", "-"]), min_size=17, max_size=17))
def test_parse_nip_ignores_separators_between_any_digits(nip: str, seps: list[str]) -> None:
    spaced = "".join(d + s for d, s in zip(nip, [*seps, ""], strict=True))
    assert parse_nip(spaced) == nip


# --- invalid numbers ----------------------------------------------------------------------


@given(
    st.one_of(
        st.text("0123456789", min_size=17, max_size=17),
        st.text("0123456789", min_size=19, max_size=19),
    )
)
def test_seventeen_or_nineteen_digits_are_not_a_nip(text: str) -> None:
    assert not is_valid_nip(text)
    assert nip_problem(text) is not None
    with pytest.raises(NipError):
        parse_nip(text)


@given(st.text(alphabet="0123456789", max_size=40).filter(lambda t: len(t) != 18))
def test_any_length_but_eighteen_is_refused(text: str) -> None:
    with pytest.raises(NipError, match="18 digits"):
        parse_nip(text)


@given(valid_nips, st.sampled_from("03456789"))
def test_gender_digit_other_than_1_or_2_is_refused(nip: str, gender: str) -> None:
    bad = nip[:14] + gender + nip[15:]
    assert not is_valid_nip(bad)
    with pytest.raises(NipError, match="gender"):
        parse_nip(bad)


@st.composite
def impossible_birth_dates(draw: st.DrawFn) -> str:
    year = draw(st.integers(1900, 2099))
    month = draw(st.integers(0, 99))
    day = draw(st.integers(0, 99))
    try:
        dt.date(year, month, day)
    except ValueError:
        return f"{year:04d}{month:02d}{day:02d}"
    assume(False)
    raise AssertionError("unreachable")


@given(
    impossible_birth_dates(),
    st.text("0123456789", min_size=6, max_size=6),
    st.sampled_from("12"),
    st.integers(0, 999),
)
def test_impossible_birth_date_is_refused(birth: str, service: str, gender: str, seq: int) -> None:
    bad = f"{birth}{service}{gender}{seq:03d}"
    assert len(bad) == 18
    assert not is_valid_nip(bad)
    with pytest.raises(NipError, match="birth date"):
        parse_nip(bad)


@pytest.mark.parametrize(
    "bad",
    [
        "198502292010011001",  # 1985 was not a leap year
        "198513012010011001",  # month 13
        "198500122010011001",  # month 0
        "198504312010011001",  # 31 April
        "198504002010011001",  # day 0
        "000004122010011001",  # year 0
        "189912312010011001",  # before 1900
        "198504122010013001",  # gender 3
        "198504122010010001",  # gender 0
        "19850412201001100A",
        "",
        "1985041220100110011",
    ],
)
def test_known_bad_numbers(bad: str) -> None:
    assert not is_valid_nip(bad)
    with pytest.raises(NipError):
        parse_nip(bad)


def test_leap_day_birth_is_fine() -> None:
    assert is_valid_nip("198402292010012001")


@pytest.mark.parametrize(
    "text",
    [
        SAMPLE + "\n",  # a trailing newline is not a digit
        SAMPLE + " ",
        "١٩٨٥٠٤١٢٢٠١٠٠١1٠٠١",  # Arabic-Indic digits, gender digit ASCII
        "１９８５０４１２２０１００１1００１",  # full-width digits
    ],
)
def test_only_exactly_eighteen_ascii_digits_are_a_nip(text: str) -> None:
    # The NIP is a key in the roster and the ledger: lookalike strings must not pass as one.
    assert not is_valid_nip(text)
    assert nip_problem(text) is not None


def test_parse_nip_never_returns_non_ascii_digits() -> None:
    with pytest.raises(NipError):
        parse_nip("１９８５０４１２２０１００１1００１")


@given(st.text(max_size=30))
def test_parse_nip_returns_eighteen_ascii_digits_or_raises(text: str) -> None:
    try:
        nip = parse_nip(text)
    except NipError:
        return
    assert len(nip) == 18
    assert set(nip) <= set("0123456789")


def test_nip_error_message_names_the_problem_and_is_a_domain_error() -> None:
    with pytest.raises(DomainError, match="'12345' is not a valid NIP"):
        parse_nip("12345")


# --- masking ------------------------------------------------------------------------------


def test_mask_sample() -> None:
    assert mask_nip(SAMPLE) == "19850412********01"


@given(valid_nips)
def test_mask_keeps_first_eight_and_last_two_and_hides_eight(nip: str) -> None:
    masked = mask_nip(nip)
    assert len(masked) == 18
    assert masked[:8] == nip[:8]
    assert masked[8:16] == "********"
    assert masked[16:] == nip[16:]


@given(valid_nips, valid_nips)
def test_two_nips_differing_only_in_the_middle_mask_alike(a: str, b: str) -> None:
    other = a[:8] + b[8:16] + a[16:]
    assert mask_nip(other) == mask_nip(a)


@pytest.mark.parametrize("bad", ["", "12345", SAMPLE + "0", SAMPLE[:-1]])
def test_mask_refuses_other_lengths(bad: str) -> None:
    with pytest.raises(NipError):
        mask_nip(bad)
