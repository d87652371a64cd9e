"""The scan tones: real WAV files, played in the background, silence when there is no player.
(There is no sound card here: the player process is the one thing replaced.)"""

from __future__ import annotations

import subprocess
import wave

from kiosk.ui import sounds


def test_the_tones_are_short_distinct_wav_files():
    player = sounds.Sounds(player="aplay")
    ok, problem = player._file("ok"), player._file("problem")
    lengths = []
    for path in (ok, problem):
        with wave.open(str(path)) as tone:
            assert (tone.getnchannels(), tone.getframerate()) == (1, sounds.RATE)
            lengths.append(tone.getnframes() / tone.getframerate())
    assert 0.05 < lengths[0] < 0.2 < lengths[1] < 0.6  # a blip, then a longer double tone
    assert ok.read_bytes() != problem.read_bytes()


def test_playing_starts_the_player_and_does_not_wait(monkeypatch):
    started = []

    class FakePopen:
        def __init__(self, argv, **_kwargs):  # type: ignore[no-untyped-def]
            started.append(argv)

    monkeypatch.setattr(subprocess, "Popen", FakePopen)
    player = sounds.Sounds(player="/usr/bin/aplay")
    player.ok()
    player.problem()
    assert [argv[-1].rsplit("/", 1)[-1] for argv in started] == ["ok.wav", "problem.wav"]
    assert all(argv[:2] == ["/usr/bin/aplay", "-q"] for argv in started)


def test_without_a_player_the_kiosk_is_silent(monkeypatch):
    monkeypatch.setattr(subprocess, "Popen", lambda *a, **k: (_ for _ in ()).throw(AssertionError))
    sounds.Sounds(player="").ok()  # no exception, nothing started
