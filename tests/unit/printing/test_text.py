"""Text for the printer: safe degradation to ASCII, wrapping and two-column lines."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.printing.text import columns, columns_lines, printable, wrap, wrap_phrases

# Every code point, lone surrogates included: whatever reaches a receipt must not crash it.
any_text = st.text(alphabet=st.characters(exclude_categories=()), max_size=200)
widths = st.integers(1, 64)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Kopi Ambon — spesial café", "Kopi Ambon - spesial cafe"),
        ("Rp20.000 – Rp30.000", "Rp20.000 - Rp30.000"),
        ("‘kue’ “asida”", "'kue' \"asida\""),
        ("Tunggu…", "Tunggu..."),
        ("• Sagu × 2", "* Sagu x 2"),
        ("Ñoño Ümit Øre Straße", "Nono Umit Ore Strasse"),
        ("ﬁle ①", "file 1"),  # compatibility forms decompose to ASCII
        ("a\tb\nc", "a b c"),  # no control characters reach the printer
        ("sambal 🌶 日本", "sambal ? ??"),
        ("bell\x07", "bell?"),
        ("\ud800", "?"),
        ("", ""),
        (12345, "12345"),
    ],
)
def test_printable_degrades_safely(raw: object, expected: str) -> None:
    assert printable(raw) == expected


def test_printable_survives_a_broken_object() -> None:
    class Broken:
        def __str__(self) -> str:
            raise RuntimeError("no")

    assert printable(Broken()) == "?"


@given(any_text)
def test_printable_is_ascii_and_idempotent(text: str) -> None:
    out = printable(text)
    assert all(" " <= char <= "~" for char in out)
    assert printable(out) == out
    if text.isascii() and text.isprintable():
        assert out == text


def test_wrap_examples() -> None:
    assert wrap("Sagu lempeng isi 10 keping", 12) == ["Sagu lempeng", "isi 10", "keping"]
    assert wrap("abcdefghij xy", 4) == ["abcd", "efgh", "ij", "xy"]
    assert wrap("", 10) == [""]
    assert wrap("   ", 10) == [""]
    assert wrap("a   b", 10) == ["a b"]
    with pytest.raises(ValueError):
        wrap("x", 0)


@given(st.text(alphabet=st.sampled_from("ab cdé-\n"), max_size=120), widths)
def test_wrap_fits_and_keeps_every_character(text: str, width: int) -> None:
    lines = wrap(text, width)
    assert lines and all(len(line) <= width for line in lines)
    assert "".join(lines).replace(" ", "") == "".join(text.split())


def test_wrap_phrases_keeps_phrases_whole() -> None:
    phrases = ["Belanja Jiku Bata bulan ini", "Rp50.000 / minimum Rp30.000 -", "MEMENUHI"]
    assert wrap_phrases(phrases, 32) == [
        "Belanja Jiku Bata bulan ini",
        "Rp50.000 / minimum Rp30.000 -",
        "MEMENUHI",
    ]
    assert wrap_phrases(phrases, 48) == [
        "Belanja Jiku Bata bulan ini",
        "Rp50.000 / minimum Rp30.000 - MEMENUHI",
    ]
    assert wrap_phrases([], 10) == [""]


@given(st.lists(st.text(alphabet="abc ", max_size=40), max_size=6), widths)
def test_wrap_phrases_fits(phrases: list[str], width: int) -> None:
    assert all(len(line) <= width for line in wrap_phrases(phrases, width))


def test_columns() -> None:
    assert columns("Total", "Rp78.000", 20) == "Total       Rp78.000"
    assert columns("", "Rp1", 3) == "Rp1"
    with pytest.raises(ValueError, match="do not fit"):
        columns("Kembalian", "Rp22.000", 17)
    with pytest.raises(ValueError):
        columns("", "Rp22.000", 5)


def test_columns_lines_falls_back_to_more_lines() -> None:
    assert columns_lines("Total", "Rp78.000", 20) == ["Total       Rp78.000"]
    assert columns_lines("  999 x Rp50.000.000", "Rp49.950.000.000", 32) == [
        "  999 x Rp50.000.000",
        "                Rp49.950.000.000",
    ]
    # The left text wraps, and the amount rides on its last line when there is room.
    assert columns_lines("Petugas jaga pagi", "Ona", 16) == ["Petugas jaga", "pagi         Ona"]
    assert columns_lines("Petugas jaga pagi hari ini", "Ona", 16) == [
        "Petugas jaga",
        "pagi hari ini",
        "             Ona",
    ]
    # An item's indent survives the wrap.
    assert columns_lines("  3 x Rp1.000.000 kain", "Rp3.000.000", 20) == [
        "  3 x Rp1.000.000",
        "  kain   Rp3.000.000",
    ]


@given(
    st.text(alphabet="ab xy", max_size=60),
    st.text(alphabet="Rp0123456789.", min_size=1, max_size=40),
    widths,
)
def test_columns_lines_fit_and_end_with_the_amount(left: str, right: str, width: int) -> None:
    lines = columns_lines(left, right, width)
    assert lines and all(len(line) <= width for line in lines)
    if len(right) <= width:
        assert lines[-1].endswith(right) and len(lines[-1]) == width
