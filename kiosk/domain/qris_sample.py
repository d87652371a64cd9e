"""The demo's QRIS: a valid static QRIS (structure and CRC are real) for a merchant that is
clearly an example, with an all-zero merchant account, so `jikubata run --demo` can show the
whole QRIS payment and no phone could ever pay anyone with it. The kiosk recognises it, so the
QRIS screen can say it is only an example."""

from __future__ import annotations

from .qris import QrisError, encode_fields, encode_tlv, parse_qris

SAMPLE_MERCHANT_NAME = "CONTOH JIKU BATA"

SAMPLE_QRIS = encode_fields(
    [
        ("00", "01"),
        ("01", "11"),  # static: the kiosk adds the amount for each sale
        (
            "26",
            encode_tlv(
                [
                    ("00", "ID.CO.QRIS.WWW"),
                    ("01", "936000000000000000"),  # no acquirer, no account
                    ("02", "ID0000000000000"),
                    ("03", "UMI"),
                ]
            ),
        ),
        ("52", "5812"),
        ("53", "360"),
        ("58", "ID"),
        ("59", SAMPLE_MERCHANT_NAME),
        ("60", "AMBON"),
        ("61", "97127"),
    ]
)


def is_sample_qris(payload: str) -> bool:
    """Whether ``payload`` is the demo's sample (as written, or as the config normalises it)."""
    try:
        return parse_qris(payload).encode() == SAMPLE_QRIS
    except QrisError:
        return False
