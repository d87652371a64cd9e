"""The kiosk's ledger key: 32 random bytes in a file outside the database.

Every ledger entry stores HMAC-SHA256(key, entry_hash) and every seal a MAC under the same key,
so someone who can edit the database file but not read this file cannot write an entry or a
seal that ``ledger verify`` accepts, however carefully they recompute the public hashes.

File format: ``#`` comment lines and one line of 64 hex digits. ``jikubata init`` makes it
(owner-only, never overwritten); kiosks sharing one central database share one key file."""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import secrets
from pathlib import Path

_KEY_LINE = re.compile(r"^[0-9a-fA-F]{64}$")


class LedgerKeyError(RuntimeError):
    """The key file is missing where one is needed, or unreadable; the message names it."""


class LedgerKey:
    """The secret, or the knowledge that it is absent (``secret`` None): reading the ledger
    works without it, writing an entry or a seal does not."""

    __slots__ = ("_mac", "path", "secret")

    def __init__(self, path: Path | None, secret: bytes | None) -> None:
        self.path = path
        self.secret = secret
        # Copying a keyed HMAC object is cheaper than keying a new one on every sale.
        self._mac = hmac.new(secret, digestmod=hashlib.sha256) if secret else None

    def __repr__(self) -> str:  # never the secret, not even in a traceback
        return f"LedgerKey({self.path}, {'present' if self.secret else 'missing'})"

    @property
    def present(self) -> bool:
        return self._mac is not None

    def _keyed(self) -> hmac.HMAC:
        if self._mac is None:
            where = f" at {self.path}" if self.path else ""
            raise LedgerKeyError(
                f"there is no ledger key{where}, so nothing can be written to the ledger; "
                "run 'jikubata init' (or restore the key file from its backup)"
            )
        return self._mac.copy()

    def require(self) -> None:
        """Refuse a write before it starts when there is no key."""
        self._keyed()

    def mac(self, message: str) -> str:
        keyed = self._keyed()
        keyed.update(message.encode("utf-8"))
        return keyed.hexdigest()

    def matches(self, message: str, mac: str) -> bool:
        return hmac.compare_digest(self.mac(message), mac)


NO_KEY = LedgerKey(None, None)


def read_ledger_key(path: Path) -> LedgerKey:
    """The key in ``path``; a missing file gives a LedgerKey without a secret."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return LedgerKey(path, None)
    except (OSError, UnicodeDecodeError) as error:
        raise LedgerKeyError(f"{path}: cannot read the ledger key file ({error})") from None
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    keys = [line for line in lines if not line.startswith("#")]
    if len(keys) != 1 or not _KEY_LINE.match(keys[0]):
        raise LedgerKeyError(f"{path}: a ledger key file holds one line of 64 hex digits")
    return LedgerKey(path, bytes.fromhex(keys[0]))


def create_ledger_key_file(path: Path) -> bool:
    """Make a new key readable only by its owner; never overwrite one (every MAC in the
    ledger was made with it)."""
    if path.exists():
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as out:
        out.write(
            "# Jiku Bata ledger key: signs every ledger entry and seal. Keep secret and back it\n"
            "# up apart from the database; never commit it; never replace it.\n"
        )
        out.write(f"{secrets.token_hex(32)}\n")
    return True
