"""Read ESC/POS bytes back into what the paper shows: the text lines, with bold and double
size as the printer would set them. Knows the commands python-escpos sends for our documents
(ESC @, ESC !, ESC E, ESC a, ESC d, ESC t, GS V, GS !, GS ( k, GS v 0, ESC p) and refuses any
other, so a stray command cannot pass as text."""

from __future__ import annotations

from dataclasses import dataclass

ESC, GS = 0x1B, 0x1D
_ESC_ONE_ARGUMENT = {ord("!"), ord("E"), ord("a"), ord("d"), ord("t"), ord("-"), ord("G")}


@dataclass(frozen=True)
class PaperLine:
    text: str
    bold: bool = False
    double: bool = False


class UnknownCommand(AssertionError):
    pass


def read_paper(data: bytes) -> list[PaperLine]:
    """The printed lines, in order (a fed empty line is ''); images and 2D codes skipped."""
    lines: list[PaperLine] = []
    text = bytearray()
    bold = double = False
    line_bold = line_double = False
    i = 0
    while i < len(data):
        byte = data[i]
        if byte == ESC:
            command = data[i + 1]
            if command == ord("@"):
                bold = double = False
                i += 2
            elif command == ord("p"):
                i += 5  # the cash drawer kick
            elif command in _ESC_ONE_ARGUMENT:
                value = data[i + 2]
                if command == ord("!"):
                    double = bool(value & 0x30)
                elif command == ord("E"):
                    bold = bool(value)
                elif command == ord("d"):
                    lines.extend(PaperLine("") for _ in range(value))
                i += 3
            else:
                raise UnknownCommand(f"ESC {command:#x} at byte {i}")
        elif byte == GS:
            command = data[i + 1]
            if command == ord("V"):
                i += 4 if data[i + 2] in (65, 66) else 3
            elif command == ord("!"):
                double = bool(data[i + 2])
                i += 3
            elif command == ord("("):
                i += 5 + data[i + 3] + 256 * data[i + 4]
            elif command == ord("v"):
                width = data[i + 4] + 256 * data[i + 5]
                height = data[i + 6] + 256 * data[i + 7]
                i += 8 + width * height
            else:
                raise UnknownCommand(f"GS {command:#x} at byte {i}")
        elif byte == 0x0A:
            lines.append(PaperLine(text.decode("ascii"), line_bold, line_double))
            text.clear()
            line_bold = line_double = False
            i += 1
        elif 0x20 <= byte < 0x7F:
            if not text:
                line_bold, line_double = bold, double
            text.append(byte)
            i += 1
        else:
            raise UnknownCommand(f"byte {byte:#x} at {i}")
    if text:
        lines.append(PaperLine(text.decode("ascii"), line_bold, line_double))
    return lines


def paper_text(data: bytes) -> list[str]:
    """The printed lines' text, trailing spaces and empty lines dropped."""
    return [line.text.rstrip() for line in read_paper(data) if line.text.strip()]
