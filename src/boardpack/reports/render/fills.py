"""A filled cell's colours (BRAG as trackers show it): the status's own colour behind, and the
text colour that reads on it (the print CSS of reports/document.html says the same)."""

from boardpack.core.brag import BRAG_STYLES, Brag

DARK, LIGHT = "0B0C0C", "FFFFFF"
FILLS: dict[str, tuple[str, str]] = {
    **{
        status.value: (style.hex.removeprefix("#").upper(), DARK if status is Brag.AMBER else LIGHT)
        for status, style in BRAG_STYLES.items()
    },
    "none": ("F3F2F1", DARK),
}
"""Mark key: (fill, text), RGB hex."""
