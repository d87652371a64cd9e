"""docs/INSTALL.md uses the command line as it is: every `jikubata …` it tells an admin to type
is a command the parser takes, and the keys it names are config keys."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

from kiosk.cli import build_parser
from kiosk.config import SECTIONS, declared_keys

PAGE = Path(__file__).resolve().parents[2] / "docs" / "INSTALL.md"


def commands() -> list[list[str]]:
    found = []
    for line in PAGE.read_text(encoding="utf-8").splitlines():
        written = re.search(r"sudo -u jikubata jikubata (.+?)(?:`|$)", line)
        if written and written.group(1) != "…":
            found.append(shlex.split(written.group(1).replace("$in", "/var/lib/jikubata/import")))
    return found


def test_every_command_on_the_page_parses() -> None:
    found = commands()
    assert len(found) >= 8
    names = {" ".join(words[:2]) for words in found}
    assert {"admin set-pin", "roster import", "printer test", "doctor"} <= names | {
        words[0] for words in found
    }
    for words in found:
        build_parser().parse_args(words)  # exits (fails the test) on a wrong command


def test_every_config_key_named_on_the_page_exists() -> None:
    named = set(re.findall(r"`([a-z_]+\.[a-z_]+)`", PAGE.read_text(encoding="utf-8")))
    named = {key for key in named if key.split(".")[0] in SECTIONS}
    declared = {
        f"{section}.{key}" for section, cls in SECTIONS.items() if cls for key in declared_keys(cls)
    }
    assert named and named <= declared, named - declared
