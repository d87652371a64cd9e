"""Telling systemd how the kiosk is doing (the sd_notify protocol), standard library only.

Under jikubata-kiosk.service systemd runs cage, and cage runs the kiosk: the unit says
``NotifyAccess=all`` so the kiosk, cage's child, may speak for the service. It says READY=1
once the idle screen is painted and WATCHDOG=1 from a timer on the Qt GUI thread (ui/app.py),
so a frozen screen stops the pings and systemd restarts the service. Outside systemd (a
developer's desktop, the tests) NOTIFY_SOCKET is unset and nothing is sent.

``WATCHDOG_PID`` is ignored on purpose: it names cage, the service's main process, never the
kiosk, and libsystemd's own check would switch the watchdog off for that reason."""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Mapping
from dataclasses import dataclass

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ServiceManager:
    """Where the notifications go (None: not under systemd) and how often the watchdog
    wants a ping (None: no watchdog)."""

    socket_path: str | None
    watchdog_interval: float | None

    @classmethod
    def from_environment(cls, env: Mapping[str, str] | None = None) -> ServiceManager:
        env = os.environ if env is None else env
        path = env.get("NOTIFY_SOCKET") or None
        return cls(path, _watchdog_interval(env) if path else None)

    @property
    def enabled(self) -> bool:
        return self.socket_path is not None

    def ready(self, status: str = "") -> bool:
        """The kiosk's screen is up: systemd counts the service as started from now."""
        return self.notify("READY=1", *([f"STATUS={status}"] if status else []))

    def ping(self) -> bool:
        """Still alive: the GUI thread got round to it."""
        return self.notify("WATCHDOG=1")

    def status(self, text: str) -> bool:
        """A line for ``systemctl status``."""
        return self.notify(f"STATUS={text}")

    def stopping(self) -> bool:
        return self.notify("STOPPING=1")

    def notify(self, *assignments: str) -> bool:
        """Send ``assignments`` as one datagram; False when not under systemd or the socket
        refused it (logged: the kiosk keeps running, only the watchdog may end it)."""
        if self.socket_path is None:
            return False
        address = self.socket_path
        if address.startswith("@"):  # an abstract socket: the name starts with a NUL byte
            address = "\0" + address[1:]
        message = "\n".join(assignments).encode("utf-8")
        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC) as sock:
                sock.connect(address)
                sock.sendall(message)
        except OSError as error:
            log.warning("could not notify systemd (%s): %s", self.socket_path, error)
            return False
        return True


def _watchdog_interval(env: Mapping[str, str]) -> float | None:
    """Half of WATCHDOG_USEC, in seconds, as systemd advises; None when unset or bad."""
    try:
        usec = int(env.get("WATCHDOG_USEC", ""))
    except ValueError:
        return None
    return usec / 2_000_000 if usec > 0 else None
