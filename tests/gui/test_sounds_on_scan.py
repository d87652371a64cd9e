"""A good card sounds one way, an unreadable or forged one another."""

from __future__ import annotations

from kiosk.domain.compliance import Status

from .conftest import log_in, nip_with_status, scan, signed_card


class Recorder:
    def __init__(self) -> None:
        self.played: list[str] = []

    def ok(self) -> None:
        self.played.append("ok")

    def problem(self) -> None:
        self.played.append("problem")


def test_good_and_bad_scans_sound_different(qtbot, window) -> None:
    recorder = Recorder()
    window.ctx.sounds = recorder
    log_in(qtbot, window)
    kiosk, clock = window.ctx.kiosk, window.ctx.scanner._clock
    card = signed_card(kiosk, nip_with_status(kiosk, Status.KURANG))
    scan(qtbot, window, clock, card)
    forged = card[:-1] + ("A" if card[-1] != "A" else "B")
    scan(qtbot, window, clock, forged)
    scan(qtbot, window, clock, "hello-world-123")
    assert recorder.played == ["ok", "problem", "problem"]
