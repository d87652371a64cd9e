"""`jikubata printer test` against a real TCP printer: one that takes the bytes but never answers
a status request (many print servers) is named as such, with the setting that fits it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import yaml

from ..fake_printer import FakeNetworkPrinter

if TYPE_CHECKING:
    from conftest import Kiosk


def use_network_printer(kiosk: Kiosk, port: int, **extra: Any) -> None:
    raw = yaml.safe_load(kiosk.config.read_text(encoding="utf-8"))
    raw["printer"].update(
        connection="network", host="127.0.0.1", port=port, timeout_seconds=0.5, **extra
    )
    kiosk.config.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")


def test_a_printer_that_never_answers_status_requests_is_told_the_setting(
    initialised: Kiosk,
) -> None:
    with FakeNetworkPrinter("mute") as mute:
        use_network_printer(initialised, mute.port)
        [line] = initialised.refused(initialised.run("printer", "test"))
        assert mute.wait_for_jobs(1)
    assert "did not answer" in line
    assert "printer.confirm_with_status: false" in line
    assert f"127.0.0.1:{mute.port}" in line


def test_with_confirm_with_status_false_the_same_printer_passes(initialised: Kiosk) -> None:
    with FakeNetworkPrinter("mute") as mute:
        use_network_printer(initialised, mute.port, confirm_with_status=False)
        stdout = initialised.ok("printer", "test")
        assert mute.wait_for_jobs(1)
    assert stdout.startswith("Test page sent (network,")  # the kiosk cannot know it printed
    assert "printer.confirm_with_status is false" in stdout


def test_a_printer_that_answers_prints_the_test_page(initialised: Kiosk) -> None:
    with FakeNetworkPrinter("accept") as printer:
        use_network_printer(initialised, printer.port)
        stdout = initialised.ok("printer", "test")
    assert stdout.startswith("Test page printed (network,") and "paper ok" in stdout
