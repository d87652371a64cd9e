"""packaging/udev/60-jikubata-printers.rules: the kiosk's group gets the receipt printers of the
usual makers, 0660, and nothing else; no rule opens a device to everybody or every device to
the kiosk. (Real udev events need real hardware: this reads the file as udev's parser would.)"""

from __future__ import annotations

import re
from pathlib import Path

RULES = Path(__file__).resolve().parents[2] / "packaging" / "udev" / "60-jikubata-printers.rules"
PAIR = re.compile(r'\s*([A-Z_]+(?:\{[A-Za-z_]+\})?)\s*(==|!=|\+=|-=|:=|=)\s*"([^"]*)"\s*(?:,|$)')
KNOWN_KEYS = {"SUBSYSTEM", "ENV{DEVTYPE}", "ATTR{idVendor}", "ATTRS{idVendor}", "KERNEL"}
KNOWN_KEYS |= {"GROUP", "MODE"}


def rules() -> list[list[tuple[str, str, str]]]:
    """Each rule as its (key, operator, value) pairs; a line udev could not read fails here."""
    parsed = []
    for number, line in enumerate(RULES.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        pairs, position = [], 0
        while position < len(line):
            match = PAIR.match(line, position)
            assert match, f'line {number} is not key=="value" pairs: {line!r}'
            pairs.append(match.groups())
            position = match.end()
        parsed.append(pairs)
    return parsed


def test_every_rule_gives_one_vendors_devices_to_the_group_0660() -> None:
    found = rules()
    assert found, "no rules at all"
    for pairs in found:
        keys = {key for key, _op, _value in pairs}
        assert keys <= KNOWN_KEYS, pairs
        assert ("GROUP", "=", "jikubata") in pairs, pairs
        assert ("MODE", "=", "0660") in pairs, pairs
        vendor = [v for k, op, v in pairs if k in ("ATTR{idVendor}", "ATTRS{idVendor}")]
        assert len(vendor) == 1 and re.fullmatch(r"[0-9a-f]{4}", vendor[0]), pairs
        assert all(op == "==" for k, op, _v in pairs if k not in ("GROUP", "MODE")), pairs


def test_no_mode_for_everybody_anywhere() -> None:
    lines = RULES.read_text(encoding="utf-8").splitlines()
    written = "\n".join(line for line in lines if not line.lstrip().startswith("#"))
    assert "0666" not in written and "0664" not in written
    assert "uaccess" not in written  # a logged-in desktop user is not the kiosk


def test_the_usual_makers_are_there() -> None:
    vendors = {v for pairs in rules() for k, _op, v in pairs if k.endswith("{idVendor}")}
    assert {"04b8", "0416", "0fe6"} <= vendors  # Epson, Xprinter (Winbond), ICS Advent


def test_the_header_says_how_to_add_a_model() -> None:
    header = RULES.read_text(encoding="utf-8").split("\n\n", 1)[0]
    assert "lsusb" in header and "/etc/udev/rules.d/" in header
    assert "udevadm control --reload-rules" in header
