"""A network receipt printer on a real TCP socket (127.0.0.1), for tests and benchmarks.

Modes: "accept" reads everything and answers status queries like an online Epson;
"paper_out" answers that the roll is empty; "offline" that the cover is open; "mute" reads
(prints) everything but never answers a status query; "stall" accepts the connection and then
never reads nor answers (a printer hung mid-job). `refused_port()`
gives a port where nothing listens.
"""

from __future__ import annotations

import contextlib
import socket
import threading

ONLINE, OFFLINE = b"\x12", b"\x1a"
PAPER_OK, PAPER_OUT = b"\x12", b"\x72"


def refused_port() -> int:
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    return port


class FakeNetworkPrinter:
    def __init__(self, mode: str = "accept", port: int = 0) -> None:
        self.mode = mode
        self._server = socket.socket()
        self._server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._server.bind(("127.0.0.1", port))
        self._server.listen(8)
        self.port = self._server.getsockname()[1]
        self.jobs: list[bytes] = []  # bytes received per connection, when it closed
        self.connections = 0
        self.job_done = threading.Condition()
        self._open: list[socket.socket] = []
        self._closing = threading.Event()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while not self._closing.is_set():
            try:
                connection, _ = self._server.accept()
            except OSError:
                return
            self.connections += 1
            self._open.append(connection)
            if self.mode != "stall":
                threading.Thread(target=self._serve, args=(connection,), daemon=True).start()

    def _serve(self, connection: socket.socket) -> None:
        received = bytearray()
        with contextlib.suppress(OSError):
            while chunk := connection.recv(65536):
                received += chunk
                if self.mode == "mute":
                    continue
                if chunk.endswith(b"\x10\x04\x01"):
                    connection.sendall(OFFLINE if self.mode == "offline" else ONLINE)
                elif chunk.endswith(b"\x10\x04\x04"):
                    connection.sendall(PAPER_OUT if self.mode == "paper_out" else PAPER_OK)
        with self.job_done:
            self.jobs.append(bytes(received))
            self.job_done.notify_all()

    def wait_for_jobs(self, count: int, timeout: float = 10.0) -> bool:
        with self.job_done:
            return self.job_done.wait_for(lambda: len(self.jobs) >= count, timeout)

    def close(self) -> None:
        self._closing.set()
        # shutdown() wakes the thread blocked in accept(); close() alone would leave the port
        # listening until that thread returns.
        with contextlib.suppress(OSError):
            self._server.shutdown(socket.SHUT_RDWR)
        self._server.close()
        for connection in self._open:
            with contextlib.suppress(OSError):
                connection.close()

    def __enter__(self) -> FakeNetworkPrinter:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()
