"""The demo data reproduces seed 001: every indicator, its director, its symbol."""

import re
from pathlib import Path

from boardpack.accounts.models import Person
from boardpack.core.periods import Month
from boardpack.scorecard.models import Comment, Indicator
from boardpack.scorecard.selectors import status_rows

SEED = next((Path(__file__).resolve().parents[3] / "shared" / "seeds").glob("001_*"))
SECTIONS = {"RED DIAMOND": "red-diamond", "GREEN PLUS": "green-plus", "BLUE CIRCLE": "blue-circle"}


def _seed_symbols() -> dict[str, str]:
    """Each code of seed 001 with the section it is printed under."""
    found, section = {}, None
    codes = set(Indicator.objects.values_list("code", flat=True))
    for line in SEED.read_text().splitlines():
        if line.strip() in SECTIONS:
            section = SECTIONS[line.strip()]
            continue
        match = re.match(r"^([A-Z0-9]+(?: [A-Z0-9]+)?)[:\s]", line)
        if section and match and match[1] in codes and match[1] not in found:
            found[match[1]] = section
    return found


def test_every_seed_indicator_gets_the_symbol_the_seed_prints(demo_data):
    rows = {r.indicator.code: r.symbol.key for r in status_rows(Month(2012, 6))}
    seed = _seed_symbols()
    assert len(seed) == 31
    assert {code: rows[code] for code in seed} == seed


def test_the_demo_has_four_directors_and_no_personal_names(demo_data):
    assert Indicator.objects.values("directorate").distinct().count() == 4
    text = SEED.read_text()
    names = set(re.findall(r"(?:Owner|Comment Author): ([A-Z][a-z]+ [A-Z][a-z]+)", text))
    assert len(names) > 5
    stored = " ".join(
        [
            *Person.objects.values_list("name", flat=True),
            *Comment.objects.values_list("text", flat=True),
        ]
    )
    assert [name for name in names if name in stored] == []


def test_exceptions_have_their_commentary(demo_data):
    exceptions = [r for r in status_rows(Month(2012, 6)) if r.commentary_due]
    assert exceptions
    commented = set(Comment.objects.values_list("indicator__code", flat=True))
    assert {r.indicator.code for r in exceptions if r.indicator.kind == "measure"} <= commented
