"""What an export file is called when nobody names it: ``compliance-2026-11.csv``. Apart from
the exports themselves so the command line can say it without loading them."""

from __future__ import annotations

from ..domain.months import Month


def default_file_name(kind: str, month: Month) -> str:
    return f"{kind}-{month}.csv"
