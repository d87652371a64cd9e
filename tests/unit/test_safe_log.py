"""An unexpected error reaches the log as its class, code and place, never its words."""

from __future__ import annotations

import logging

from kiosk.domain.errors import DomainError
from kiosk.services.errors import Refusal
from kiosk.services.safe_log import describe, log_failure

NIP = "198207212009011005"


def lookup() -> None:
    try:
        raise ValueError(f"no row for nip {NIP}")
    except ValueError as error:
        raise RuntimeError(f"lookup of {NIP} failed") from error


def test_the_log_gets_classes_codes_and_places_not_words(caplog) -> None:
    try:
        lookup()
    except RuntimeError as error:
        with caplog.at_level(logging.ERROR):
            log_failure(logging.getLogger("test"), "sale AMB-01-000001 committed", error)
    text = caplog.text
    assert "sale AMB-01-000001 committed: RuntimeError <- ValueError" in text
    assert "in lookup" in text  # where it happened
    assert NIP not in text


def test_a_domain_error_is_named_by_its_code() -> None:
    error = DomainError(Refusal.OPERATOR_PIN, f"PIN for {NIP}")
    assert describe(error) == f"kiosk.domain.errors.DomainError [{Refusal.OPERATOR_PIN}]"
