"""Property tests: whatever Excel writes (delimiter, BOM, quoting, accents), rows read back."""

from __future__ import annotations

import csv
import io
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.services.csv_input import read_csv
from kiosk.services.csv_output import neutralise, write_csv

COLUMNS = ("nip", "nama", "opd", "jabatan", "tingkat")
cell = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\x00"), max_size=30
).map(str.strip)
row = st.tuples(*[cell] * len(COLUMNS)).filter(any)


@settings(max_examples=150, deadline=None)
@given(
    rows=st.lists(row, min_size=1, max_size=8),
    delimiter=st.sampled_from([",", ";"]),
    bom=st.booleans(),
    crlf=st.booleans(),
)
def test_rows_written_like_excel_read_back_the_same(rows, delimiter, bom, crlf):
    buffer = io.StringIO()
    writer = csv.writer(
        buffer,
        delimiter=delimiter,
        lineterminator="\r\n" if crlf else "\n",
        quoting=csv.QUOTE_MINIMAL,
    )
    writer.writerow(COLUMNS)
    writer.writerows(rows)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "in.csv"
        path.write_bytes(buffer.getvalue().encode("utf-8-sig" if bom else "utf-8"))
        parsed = read_csv(path, COLUMNS)
    assert parsed.delimiter == delimiter
    assert [tuple(values.values()) for _, values in parsed.rows] == rows


@settings(max_examples=150, deadline=None)
@given(values=st.lists(cell, min_size=1, max_size=5), delimiter=st.sampled_from([",", ";"]))
def test_exported_text_never_starts_like_a_formula_and_loses_nothing(values, delimiter):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "out.csv"
        write_csv(path, [f"c{i}" for i in range(len(values))], [values], delimiter)
        text = path.read_bytes().decode("utf-8-sig")
    (read_back,) = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))[1:]
    for original, cell_text in zip(values, read_back, strict=True):
        assert not cell_text.startswith(("=", "+", "-", "@", "\t", "\r"))
        assert cell_text == neutralise(original)
        assert cell_text.removeprefix("'") == original or cell_text == original
