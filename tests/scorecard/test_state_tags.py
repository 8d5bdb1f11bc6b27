"""One tag for each commentary state, on every page (issue 13 point 4): the indicator page, My
indicators and the review pages take it from one map (scorecard.commentary.presenters), so a
draft is never yellow on one page and grey on another."""

import re

from boardpack.core.commentary import State
from boardpack.scorecard.commentary.presenters import CORRECTED, NOT_STARTED, STATE_TAGS
from boardpack.scorecard.models import Comment, Indicator
from tests.factories import CommentFactory
from tests.scorecard.commentary_helpers import review_url
from tests.test_thin_views import SRC

SRC_TAG = re.compile(r'\bTag\(\s*"(Draft|Submitted|Returned|Approved|Not started|Corrected)"')


def test_each_state_has_its_own_word_and_colour():
    tags = [*STATE_TAGS.values(), NOT_STARTED, CORRECTED]
    assert set(STATE_TAGS) == set(State)
    assert len({t.text for t in tags}) == len({t.classes for t in tags}) == len(tags)


def test_no_other_module_makes_a_commentary_state_tag():
    makers = {
        p.relative_to(SRC).as_posix() for p in SRC.rglob("*.py") if SRC_TAG.search(p.read_text())
    }
    assert makers == {"scorecard/commentary/presenters.py"}


def _comment(state: State) -> Comment:
    indicator = Indicator.objects.get(code="2042SC")
    return CommentFactory(indicator=indicator, subject=f"In state {state}", state=state)


def _tags_in(html: str) -> list[str]:
    """The page's tags, their spacing aside (a summary list indents what it holds)."""
    return [_spaced(tag) for tag in re.findall(r'<strong class="govuk-tag.*?</strong>', html, re.S)]


def _spaced(html: str) -> str:
    return " ".join(html.split())


def _tag(state: State) -> str:
    return _spaced(str(STATE_TAGS[state]))


def test_the_pages_show_a_state_with_the_same_tag(client, owner, officer):
    comments = {state: _comment(state) for state in State}
    client.force_login(officer)
    indicator = client.get(f"/indicators/{comments[State.DRAFT].indicator_id}/").content.decode()
    for state, comment in comments.items():
        card = indicator.split(f'data-comment="{comment.pk}"')[1].split('govuk-summary-card"')[0]
        assert _tag(state) in _tags_in(card), state
    review = client.get(review_url(comments[State.SUBMITTED])).content.decode()
    assert _tag(State.SUBMITTED) in _tags_in(review)
    client.force_login(owner)
    mine = client.get("/my-indicators/?period=2012-06").content.decode()
    assert _tag(State.APPROVED) in _tags_in(mine.split('data-code="2042SC"')[1])
