"""PINs are 0-9 only (issue #9, finding 11): '\\d' also matches Arabic-Indic digits and '$'
lets a trailing newline through, so '٤٨٢٩١٣' or '482913\\n' would be stored as a PIN nobody
can type on the keypad."""

from __future__ import annotations

import pytest

from kiosk.domain.errors import DomainError
from kiosk.services.errors import Refusal


@pytest.mark.parametrize("pin", ["٤٨٢٩١٣", "４８２９１３", "482913\n", "48291٣"])
def test_an_admin_pin_in_other_digits_is_refused(kiosk, pin: str) -> None:
    with pytest.raises(DomainError) as refused:
        kiosk.admin_pin.set_pin(pin)
    assert refused.value.code is Refusal.ADMIN_PIN_LENGTH
    assert not kiosk.admin_pin.is_set()


@pytest.mark.parametrize("pin", ["٢٤٦٨", "２４６８", "2468\n", "246٨"])
def test_an_operator_pin_in_other_digits_is_refused(kiosk, pin: str) -> None:
    with pytest.raises(DomainError) as refused:
        kiosk.operators.set_pin("Ina", pin)
    assert refused.value.code is Refusal.OPERATOR_PIN
    assert not kiosk.operators.check("Ina", pin).ok
