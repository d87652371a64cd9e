"""The header's clock in the screen's language. Apart from the other texts because the idle
screen shows it: this module imports nothing but Qt's translate (context "Texts")."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP

from ..i18n import translate

DAYS = (  # Monday first, like weekday()
    QT_TRANSLATE_NOOP("Texts", "Sen"),
    QT_TRANSLATE_NOOP("Texts", "Sel"),
    QT_TRANSLATE_NOOP("Texts", "Rab"),
    QT_TRANSLATE_NOOP("Texts", "Kam"),
    QT_TRANSLATE_NOOP("Texts", "Jum"),
    QT_TRANSLATE_NOOP("Texts", "Sab"),
    QT_TRANSLATE_NOOP("Texts", "Min"),
)
MONTHS = (
    QT_TRANSLATE_NOOP("Texts", "Jan"),
    QT_TRANSLATE_NOOP("Texts", "Feb"),
    QT_TRANSLATE_NOOP("Texts", "Mar"),
    QT_TRANSLATE_NOOP("Texts", "Apr"),
    QT_TRANSLATE_NOOP("Texts", "Mei"),
    QT_TRANSLATE_NOOP("Texts", "Jun"),
    QT_TRANSLATE_NOOP("Texts", "Jul"),
    QT_TRANSLATE_NOOP("Texts", "Agu"),
    QT_TRANSLATE_NOOP("Texts", "Sep"),
    QT_TRANSLATE_NOOP("Texts", "Okt"),
    QT_TRANSLATE_NOOP("Texts", "Nov"),
    QT_TRANSLATE_NOOP("Texts", "Des"),
)


def clock_text(moment: dt.datetime) -> str:
    """``Sen, 7 Des 2026 09:14 WIT`` (English: ``Mon, 7 Dec 2026 09:14 WIT``)."""
    return translate("Texts", "{weekday}, {day} {month} {year} {time} WIT").format(
        weekday=translate("Texts", DAYS[moment.weekday()]),
        day=moment.day,
        month=translate("Texts", MONTHS[moment.month - 1]),
        year=moment.year,
        time=f"{moment:%H:%M}",
    )


def short_clock_text(moment: dt.datetime) -> str:
    """``Sen, 7 Des 09:14 WIT``: the header's clock on a narrow panel (no year)."""
    return translate("Texts", "{weekday}, {day} {month} {time} WIT").format(
        weekday=translate("Texts", DAYS[moment.weekday()]),
        day=moment.day,
        month=translate("Texts", MONTHS[moment.month - 1]),
        time=f"{moment:%H:%M}",
    )
