"""One static QRIS for the tests: a stall's sticker as the kiosk would be configured with it
(a made-up merchant; the structure and CRC are real)."""

from kiosk.domain.qris import encode_fields, encode_tlv

STATIC_QRIS = encode_fields(
    [
        ("00", "01"),
        ("01", "11"),
        (
            "26",
            encode_tlv(
                [
                    ("00", "ID.CO.QRIS.WWW"),
                    ("01", "936008980000012345"),
                    ("02", "ID1022123456789"),
                    ("03", "UMI"),
                ]
            ),
        ),
        ("52", "5812"),
        ("53", "360"),
        ("58", "ID"),
        ("59", "JIKU BATA BALAI KOTA"),
        ("60", "AMBON"),
        ("61", "97127"),
    ]
)
