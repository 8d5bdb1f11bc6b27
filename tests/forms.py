"""What a browser posts for a GOV.UK date input: a field's day, month and year boxes."""


def date_input(name: str, typed: str) -> dict[str, str]:
    """`date_input("first", "26 9 2012")` → {"first-day": "26", "first-month": "9", ...};
    a blank part is written as `-` ("26 - 2012"), and "" leaves all three blank."""
    parts = typed.split() or ["", "", ""]
    return {
        f"{name}-{part}": "" if text == "-" else text
        for part, text in zip(("day", "month", "year"), parts, strict=True)
    }
