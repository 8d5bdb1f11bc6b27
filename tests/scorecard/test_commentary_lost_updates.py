"""A writing page opened before the commentary was saved again (another tab, a colleague's
import) does not overwrite the newer text: it is refused, saying who saved it (issue 14)."""

import re
from html import unescape

from boardpack.lib.importing import run_import
from boardpack.lib.sources import Source
from tests.conftest import OWNER_NAME
from tests.scorecard.commentary_helpers import comment_of, write_url


def _opened_stamp(client, url) -> str:
    return _stamp_in(client.get(url).content.decode())


def _stamp_in(html: str) -> str:
    """The hidden input's value (Django writes none for an empty one)."""
    return unescape(re.search(r'name="opened"(?: value="([^"]*)")?', html)[1] or "")


def test_a_page_opened_before_a_newer_save_is_refused_and_then_replaces_it_knowingly(client, owner):
    client.force_login(owner)
    url = write_url("NI065", "2012-03")
    client.post(url, {"subject": "Head of Service Commentary", "text": "First", "opened": ""})
    tab_one = _opened_stamp(client, url)
    tab_two = _opened_stamp(client, url)
    assert client.post(url, {"text": "From tab two", "opened": tab_two}).status_code == 302
    response = client.post(url, {"text": "From tab one", "opened": tab_one})
    assert response.status_code == 200
    html = unescape(response.content.decode())
    assert f"saved by {OWNER_NAME} at " in html
    assert "your text was not saved" in html
    assert "From tab one" in html
    assert comment_of("NI065", OWNER_NAME, "2012-03").text == "From tab two"
    carried = _stamp_in(html)
    assert carried != tab_one
    assert client.post(url, {"text": "From tab one", "opened": carried}).status_code == 302
    assert comment_of("NI065", OWNER_NAME, "2012-03").text == "From tab one"


def test_a_new_comment_made_meanwhile_in_another_tab_is_not_overwritten(client, owner):
    client.force_login(owner)
    url = write_url("NI065", "2012-03")
    fresh = _opened_stamp(client, url)
    assert fresh == ""
    subject = "Head of Service Commentary"
    client.post(url, {"subject": subject, "text": "Tab two", "opened": fresh})
    response = client.post(url, {"subject": subject, "text": "Tab one", "opened": fresh})
    assert response.status_code == 200
    assert comment_of("NI065", OWNER_NAME, "2012-03").text == "Tab two"


def test_an_import_after_the_page_opened_is_a_newer_save_too(client, owner):
    client.force_login(owner)
    url = write_url("NI065", "2012-03")
    client.post(url, {"subject": "Head of Service Commentary", "text": "Typed", "opened": ""})
    stamp = _opened_stamp(client, url)
    rows = (
        "code,period,author,subject,text\r\n"
        f'NI065,2012-03,{OWNER_NAME},Head of Service Commentary,"Imported"\r\n'
    )
    run_import("comments", Source.file("comments.csv", rows.encode()), user=None)
    response = client.post(url, {"text": "Typed again", "opened": stamp})
    assert "saved by an import" in unescape(response.content.decode())
    assert comment_of("NI065", OWNER_NAME, "2012-03").text == "Imported"
