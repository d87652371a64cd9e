"""Receipts and cards: pure layout, python-escpos output, previews, the print queue."""
