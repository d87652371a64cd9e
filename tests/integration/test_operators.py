"""Vendors on duty log in with their own PIN."""

from __future__ import annotations

import pytest

from kiosk.domain.errors import DomainError

from .conftest import SAMPLE


def test_an_operator_logs_in_with_their_pin_only(kiosk):
    kiosk.catalog_importer.import_vendors(SAMPLE / "vendors.csv")
    kiosk.operators.set_pin("Ina", "2468", kode_umkm="UMKM-002")
    kiosk.operators.set_pin("Yance", "1357")
    assert [o.name for o in kiosk.operators.on_duty_list()] == ["Ina", "Yance"]
    assert kiosk.operators.check("Ina", "2468").ok
    assert not kiosk.operators.check("Ina", "1357").ok
    assert not kiosk.operators.check("Nobody", "2468").ok
    kiosk.operators.set_pin("Ina", "9999")  # a new PIN replaces the old one
    assert kiosk.operators.check("Ina", "9999").ok
    assert not kiosk.operators.check("Ina", "2468").ok


@pytest.mark.parametrize(
    ("name", "pin", "umkm", "message"),
    [
        ("Ina", "12", None, "4 to 8 digits"),
        ("Ina", "12ab", None, "4 to 8 digits"),
        ("", "1234", None, "name"),
        ("Ina", "1234", "UMKM-404", "not a known UMKM"),
    ],
)
def test_bad_operator_details_are_refused(kiosk, name, pin, umkm, message):
    with pytest.raises(DomainError, match=message):
        kiosk.operators.set_pin(name, pin, kode_umkm=umkm)
    assert kiosk.operators.on_duty_list() == []
