"""What a browser posts for a GOV.UK date input, and what its day, month and year boxes show."""

import re

PARTS = ("day", "month", "year")


def date_input(name: str, typed: str) -> dict[str, str]:
    """`date_input("first", "26 9 2012")` → {"first-day": "26", "first-month": "9", ...};
    a blank part is written as `-` ("26 - 2012"), and "" leaves all three blank."""
    parts = typed.split() or ["", "", ""]
    return {
        f"{name}-{part}": "" if text == "-" else text
        for part, text in zip(PARTS, parts, strict=True)
    }


def date_boxes(page: str, name: str) -> str:
    """What a page's date input `name` shows in its day, month and year boxes: "14 1 2027"."""
    return " ".join(
        re.search(rf'id="id_{name}-{part}" name="{name}-{part}" type="text" value="(\d*)"', page)[1]
        for part in PARTS
    )
