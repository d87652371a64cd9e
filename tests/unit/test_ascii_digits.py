"""Numbers are written with 0-9 only (issue #9, finding 11): Python's int() and re's \\d also
take Arabic-Indic and full-width digits, so '١٥٠٠٠' would otherwise become Rp15.000."""

from __future__ import annotations

import pytest

from kiosk.domain.money import MoneyError, MoneyProblem, parse_rupiah
from kiosk.domain.months import Month, MonthError, MonthProblem
from kiosk.domain.qris import QrisError, QrisProblem, encode_fields, encode_tlv, parse_qris
from kiosk.domain.records import SaleNumberError, SaleProblem, parse_sale_number

ARABIC_15000 = "١٥٠٠٠"
PERSIAN_15000 = "۱۵۰۰۰"
FULL_WIDTH_15000 = "１５０００"
DEVANAGARI_15000 = "१५०००"


@pytest.mark.parametrize(
    "written",
    [
        ARABIC_15000,
        PERSIAN_15000,
        FULL_WIDTH_15000,
        DEVANAGARI_15000,
        "Rp١٥.٠٠٠",
        "15.٠٠٠",
        "15000,٠٠",
        "١٥,٠٠٠",
    ],
)
def test_an_amount_in_other_digits_is_not_an_amount(written: str) -> None:
    with pytest.raises(MoneyError) as refused:
        parse_rupiah(written)
    assert refused.value.code in (MoneyProblem.NOT_AN_AMOUNT, MoneyProblem.CENTS)
    assert refused.value.values["value"] == written
    assert written in str(refused.value)


@pytest.mark.parametrize("written", ["٢٠٢٦-١١", "2026-١١", "２０２６-11"])
def test_a_month_in_other_digits_is_not_a_month(written: str) -> None:
    with pytest.raises(MonthError) as refused:
        Month.parse(written)
    assert refused.value.code is MonthProblem.NOT_A_MONTH


def test_a_month_may_still_have_spaces_around_it() -> None:
    assert Month.parse(" 2026-11 ") == Month(2026, 11)


@pytest.mark.parametrize("written", ["AMB-01-١٢٣", "AMB-01-１２３"])
def test_a_receipt_number_in_other_digits_is_not_one(written: str) -> None:
    with pytest.raises(SaleNumberError) as refused:
        parse_sale_number(written)
    assert refused.value.code is SaleProblem.NOT_A_NUMBER


def test_a_qris_amount_in_other_digits_is_refused() -> None:
    payload = encode_fields(
        [
            ("00", "01"),
            ("01", "12"),
            ("26", encode_tlv([("00", "ID.CO.QRIS.WWW"), ("01", "936008980000012345")])),
            ("52", "5812"),
            ("53", "360"),
            ("54", "١٠٠٠٠"),
            ("58", "ID"),
            ("59", "JIKU BATA"),
            ("60", "AMBON"),
        ]
    )
    with pytest.raises(QrisError) as refused:
        parse_qris(payload).amount  # noqa: B018 - reading it is what is tested
    assert refused.value.code is QrisProblem.BAD_AMOUNT
