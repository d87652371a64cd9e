"""The one clock the services read: an aware UTC "now". Its own module, so the touchscreen can
show its first screen (services/stall.py) without importing every port and record type."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

Clock = Callable[[], dt.datetime]  # returns an aware UTC "now"


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)
