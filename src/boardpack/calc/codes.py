"""The code lists the readers check, from CALC.md and the DfE validators' lists.

A code list may depend on the collection year (the year of the 31 March the
return is for). ``CODES`` maps (table, column) to the list for each range of
years; a value outside it is a validation problem. The synthetic generator
draws from the same lists, so what it writes always passes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final


@dataclass(frozen=True)
class CodeList:
    codes: frozenset[str]
    first_year: int = 0  # the first collection year the list applies to
    last_year: int = 9999

    def applies(self, year: int) -> bool:
        return self.first_year <= year <= self.last_year


def _codes(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _series(prefix: str, first: int, last: int) -> str:
    return " ".join(f"{prefix}{n}" for n in range(first, last + 1))


RNE: Final = _codes("S L P T B U")
LS: Final = _codes("C1 C2 D1 E1 V2 V3 V4 L1 L2 L3 J1 J2 J3")
REC: Final = _codes(
    "X1 E11 E12 E2 E3 E4A E4B E13 E41 E45 E46 E47 E48 E5 E6 E7 E8 E9 E14 E15 E16 E17"
)
_PLACE_2024 = "A3 A4 A5 A6 H5 K1 K2 P1 P2 P3 R1 R2 R3 R5 S1 " + _series("T", 0, 4) + " "
_PLACE_2024 += _series("U", 1, 6)
PLACE_2024: Final = _codes(_PLACE_2024 + " Z1")
# 2024-25 adds K3 (the sector validator still takes H5 and P2 that year);
# 2025-26 drops H5 and P2 and splits Z1 into Z11-Z14.
PLACE_2025: Final = PLACE_2024 | {"K3"}
PLACE_2026: Final = (PLACE_2025 - {"H5", "P2", "Z1"}) | _codes(_series("Z1", 1, 4))
REVIEW_CODE: Final = _codes(_series("PN", 0, 7))
SEX_TO_2024: Final = _codes("1 2")
SEX_FROM_2025: Final = _codes("M F U")
CATEGORY_OF_NEED: Final = _codes(_series("N", 1, 8))
IN_TOUCH: Final = _codes("YES NO DIED REFU NREQ RHOM")
ACTIV: Final = _codes("F1 P1 F2 P2 F4 P4 F5 P5 G4 G5 G6 0")
# ACCOM: a letter for the kind of accommodation and 1 (suitable) or 2 (not), or 0.
ACCOM: Final = frozenset(f"{letter}{s}" for letter in "BCDEGHKRSTUVWXYZ" for s in "12") | {"0"}
MISSING: Final = _codes("M A")

REFERRAL_SOURCE: Final = _codes("1A 1B 1C 1D 2A 2B 3A 3B 3C 3D 3E 3F 4 5A 5B 5C 6 7 8 9 10")
PRIMARY_NEED: Final = _codes(_series("N", 0, 9))
CLOSURE_REASON: Final = _codes(_series("RC", 1, 9))
CATEGORY_OF_ABUSE: Final = _codes("NEG PHY SAB EMO MUL")
# The census has used 0/1/2/9 and, from 2025-26, M/F/U: both are taken.
CIN_SEX: Final = _codes("0 1 2 9 M F U")

CODES: Final[dict[tuple[str, str], tuple[CodeList, ...]]] = {
    ("header", "sex"): (CodeList(SEX_TO_2024, last_year=2024), CodeList(SEX_FROM_2025, 2025)),
    ("uasc", "sex"): (CodeList(SEX_TO_2024, last_year=2024), CodeList(SEX_FROM_2025, 2025)),
    ("episodes", "rne"): (CodeList(RNE),),
    ("episodes", "ls"): (CodeList(LS),),
    ("episodes", "cin"): (CodeList(CATEGORY_OF_NEED),),
    ("episodes", "place"): (
        CodeList(PLACE_2024, last_year=2024),
        CodeList(PLACE_2025, 2025, 2025),
        CodeList(PLACE_2026, 2026),
    ),
    ("episodes", "rec"): (CodeList(REC),),
    ("reviews", "review_code"): (CodeList(REVIEW_CODE),),
    ("oc3", "in_touch"): (CodeList(IN_TOUCH),),
    ("oc3", "activ"): (CodeList(ACTIV),),
    ("oc3", "accom"): (CodeList(ACCOM),),
    ("missing", "missing"): (CodeList(MISSING),),
    ("cin_child", "sex"): (CodeList(CIN_SEX),),
    ("cin_referrals", "referral_source"): (CodeList(REFERRAL_SOURCE),),
    ("cin_referrals", "primary_need"): (CodeList(PRIMARY_NEED),),
    ("cin_referrals", "closure_reason"): (CodeList(CLOSURE_REASON),),
    ("cin_cpp", "initial_category"): (CodeList(CATEGORY_OF_ABUSE),),
    ("cin_cpp", "latest_category"): (CodeList(CATEGORY_OF_ABUSE),),
}


def place_codes(year: int) -> frozenset[str]:
    """The placement types valid in a collection year."""
    return next(c.codes for c in CODES[("episodes", "place")] if c.applies(year))
