"""One label for a period on every commentary page: the heading, the confirmation, the review
queue and the indicator page's link say "Quarter 2 2012/13", never "Sep 2012"."""

import re

from boardpack.scorecard.models import Indicator
from tests.scorecard.commentary_helpers import comment_of, review_url, write_url

LABEL = "Quarter 2 2012/13"
SEPTEMBER = "2012-09"


def _text(response) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


def test_the_heading_the_confirmation_and_the_queue_name_the_period_alike(client, owner, officer):
    client.force_login(owner)
    url = write_url("2042SC", SEPTEMBER)
    assert f"Commentary for {LABEL}" in _text(client.get(url))
    page = client.post(url, {"subject": "Head", "text": "Why", "action": "submit"}, follow=True)
    assert f"Commentary on 2042SC for {LABEL} submitted for approval." in _text(page)
    assert "Sep 2012" not in _text(page)
    client.force_login(officer)
    queue = _text(client.get("/commentary/review/"))
    assert re.search(rf"2042SC .*? {re.escape(LABEL)} ", queue)
    comment = comment_of("2042SC", "Head of Safeguarding Service", SEPTEMBER)
    done = client.post(review_url(comment), {"decision": "approve"}, follow=True)
    assert f"Commentary on 2042SC for {LABEL} approved." in _text(done)


def test_the_indicator_page_offers_commentary_for_the_quarter_by_its_label(client, owner):
    client.force_login(owner)
    pk = Indicator.objects.get(code="2042SC").pk
    assert "Write commentary for Quarter 1 2012/13" in _text(client.get(f"/indicators/{pk}/"))
