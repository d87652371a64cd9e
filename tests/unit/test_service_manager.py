"""sd_notify as systemd receives it: datagrams on a real AF_UNIX socket (a path, or an
abstract name as systemd gives since v254), read back by the test."""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.services.service_manager import ServiceManager


@pytest.fixture
def listening(tmp_path: Path) -> Iterator[tuple[str, socket.socket]]:
    path = tmp_path / "notify"
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
        sock.bind(str(path))
        sock.settimeout(5)
        yield str(path), sock


def received(sock: socket.socket) -> str:
    return sock.recv(4096).decode("utf-8")


def test_ready_and_pings_reach_the_socket(listening):
    path, sock = listening
    service = ServiceManager.from_environment({"NOTIFY_SOCKET": path, "WATCHDOG_USEC": "30000000"})
    assert service.enabled and service.watchdog_interval == 15.0  # half, as systemd advises
    assert service.ready("idle screen up")
    assert received(sock) == "READY=1\nSTATUS=idle screen up"
    assert service.ping()
    assert received(sock) == "WATCHDOG=1"
    assert service.stopping()
    assert received(sock) == "STOPPING=1"


def test_an_abstract_socket_is_named_with_an_at_sign():
    name = f"jikubata-test-{os.getpid()}"
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
        sock.bind("\0" + name)
        sock.settimeout(5)
        service = ServiceManager.from_environment({"NOTIFY_SOCKET": "@" + name})
        assert service.ping()
        assert received(sock) == "WATCHDOG=1"


def test_outside_systemd_nothing_is_sent_and_there_is_no_watchdog():
    service = ServiceManager.from_environment({"WATCHDOG_USEC": "30000000"})
    assert not service.enabled
    assert service.watchdog_interval is None
    assert service.ready() is False and service.ping() is False


@pytest.mark.parametrize("usec", ["", "0", "-5", "soon"])
def test_no_usable_watchdog_usec_means_no_watchdog(listening, usec):
    path, _ = listening
    assert (
        ServiceManager.from_environment(
            {"NOTIFY_SOCKET": path, "WATCHDOG_USEC": usec}
        ).watchdog_interval
        is None
    )


def test_a_socket_gone_is_logged_not_raised(tmp_path, caplog):
    service = ServiceManager.from_environment({"NOTIFY_SOCKET": str(tmp_path / "gone")})
    assert service.ping() is False
    assert "could not notify systemd" in caplog.text
