"""Scan feedback by ear: one short high tone when a card is read, two low tones when it is not.

Qt's own audio lives in a separate 200 MB package, so the tones are written once as WAV files
with the standard library and played by ALSA's ``aplay`` (Debian: alsa-utils) in the
background. Without ``aplay`` or a sound card the kiosk stays silent and says so once in the log.
"""

from __future__ import annotations

import logging
import math
import shutil
import struct
import subprocess
import tempfile
import wave
from pathlib import Path

log = logging.getLogger(__name__)
RATE = 22_050


def _tone(path: Path, beeps: list[tuple[float, float]]) -> None:
    """beeps: (frequency Hz, seconds); 60 ms of silence between them."""
    frames = bytearray()
    for index, (frequency, seconds) in enumerate(beeps):
        if index:
            frames += b"\x00\x00" * int(RATE * 0.06)
        count = int(RATE * seconds)
        for n in range(count):
            fade = min(1.0, n / 200, (count - n) / 200)  # no clicks at the edges
            sample = int(12_000 * fade * math.sin(2 * math.pi * frequency * n / RATE))
            frames += struct.pack("<h", sample)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(bytes(frames))


class Sounds:
    def __init__(self, player: str | None = None) -> None:
        self._player = player if player is not None else shutil.which("aplay")
        self._files: dict[str, Path] = {}
        self._warned = False

    def _file(self, name: str) -> Path:
        if name not in self._files:
            folder = Path(tempfile.gettempdir()) / "jikubata-sounds"
            folder.mkdir(exist_ok=True)
            path = folder / f"{name}.wav"
            if not path.exists():
                _tone(path, [(1760, 0.09)] if name == "ok" else [(330, 0.16), (262, 0.22)])
            self._files[name] = path
        return self._files[name]

    def play(self, name: str) -> None:
        if not self._player:
            if not self._warned:
                log.info("no 'aplay' (alsa-utils): scans are silent")
                self._warned = True
            return
        try:  # never wait for it: the screen answers first
            subprocess.Popen(
                [self._player, "-q", str(self._file(name))],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        except OSError:
            log.exception("could not play the %s sound", name)

    def ok(self) -> None:
        self.play("ok")

    def problem(self) -> None:
        self.play("problem")
