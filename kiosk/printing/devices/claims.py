"""Who is printing a job. A print worker writes its process's name into every job it claims,
so that a restart can tell a job whose process died (put back for the operator at once) from
one that another live process is still printing (left alone: `jikubata printer test` beside
the kiosk, say).

The name is ``host:pid:start:boot``. A pid alone is not enough: after a crash the kiosk often
comes back with the very same pid (it starts at the same point of every boot). ``start`` is the
process's start time in clock ticks since boot (``/proc/<pid>/stat``), which a reused pid does
not share, and ``boot`` the start of the boot id, which no process of an earlier boot shares.
Where there is no ``/proc`` a random token per process stands in for ``start``.
"""

from __future__ import annotations

import functools
import os
import secrets
import socket
from dataclasses import dataclass
from pathlib import Path

PROC = Path("/proc")
HOST_CHARS = 24  # the name must fit print_jobs.claimed_by (64 characters)


@dataclass(frozen=True)
class Process:
    host: str
    pid: int
    start: str
    boot: str

    @property
    def name(self) -> str:
        return f"{self.host}:{self.pid}:{self.start}:{self.boot}"


def _host() -> str:
    return socket.gethostname().replace(":", "-")[:HOST_CHARS] or "-"


def _stat(pid: int) -> tuple[str, str] | None:
    """(state, start time) of a running process, from /proc; None when there is none."""
    try:
        text = (PROC / str(pid) / "stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return None
    # The command name (field 2) is in parentheses and may itself hold spaces or ")".
    fields = text[text.rindex(")") + 2 :].split()
    return fields[0], fields[19]  # field 3 (state) and field 22 (starttime)


def _boot() -> str:
    try:
        return (PROC / "sys/kernel/random/boot_id").read_text(encoding="ascii")[:8]
    except OSError:
        return "-"


def this_process() -> Process:
    """Read once per process, on first use (nothing is read at import time); a forked child
    is a process of its own."""
    return _process(os.getpid())


@functools.cache
def _process(pid: int) -> Process:
    stat = _stat(pid)
    start = stat[1] if stat else "t" + secrets.token_hex(6)
    return Process(_host(), pid, start, _boot())


def claimer_name() -> str:
    """What a worker of this process writes into the jobs it claims."""
    return this_process().name


def claim_gone(claimed_by: str | None) -> bool | None:
    """True when the process that claimed a job no longer exists; False while it runs;
    None when this machine cannot tell (another host's claim, or an old one with no name):
    then only the claim's age decides."""
    if not claimed_by:
        return None
    try:
        host, pid_text, start, boot = claimed_by.rsplit(":", 3)
        pid = int(pid_text)
    except ValueError:
        return None
    me = this_process()
    if host != me.host:
        return None
    if boot != me.boot:
        return True  # claimed before this machine last started
    if pid == me.pid:
        return start != me.start
    stat = _stat(pid)
    if stat is not None:
        state, started = stat
        # A zombie (killed, not yet reaped) still has its /proc entry: it prints nothing.
        return state in ("Z", "X") or started != start
    if PROC.is_dir():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        pass  # some other user's process has that pid now
    return None
