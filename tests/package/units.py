"""packaging/systemd/ as the tests read it: the units' files and the kiosk's command line and
environment, so a test starts the kiosk exactly as the unit says."""

from __future__ import annotations

import shlex
from pathlib import Path

from .appliance_root import PROJECT

UNITS = PROJECT / "packaging" / "systemd"
KIOSK_UNIT = UNITS / "jikubata-kiosk.service"


def service_settings(unit: Path) -> list[tuple[str, str]]:
    """Every ``Key=value`` of the unit's [Service] section, in order."""
    settings, section = [], ""
    for raw in unit.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("["):
            section = line
        elif section == "[Service]":
            key, _, value = line.partition("=")
            settings.append((key.strip(), value.strip()))
    return settings


def kiosk_command() -> list[str]:
    (command,) = [value for key, value in service_settings(KIOSK_UNIT) if key == "ExecStart"]
    return shlex.split(command)


def kiosk_environment() -> dict[str, str]:
    environment: dict[str, str] = {}
    for key, value in service_settings(KIOSK_UNIT):
        if key == "Environment":
            for assignment in shlex.split(value):
                name, _, setting = assignment.partition("=")
                environment[name] = setting
    return environment
