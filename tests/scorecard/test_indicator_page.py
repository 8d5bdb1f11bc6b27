"""The indicator page: header, the seed's financial-year grid, trend chart, commentary, history."""

import re
from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from boardpack.core.commentary import Actor
from boardpack.core.periods import Month
from boardpack.lib.importing import run_import
from boardpack.lib.sources import Source
from boardpack.scorecard import services
from boardpack.scorecard.models import Actual, Comment, Indicator
from tests.pages import rows, summary

MONTH_ENDS = "30/04/12 31/05/12 30/06/12 31/07/12 31/08/12 30/09/12 31/10/12 30/11/12 31/12/12"
YEAR_END = "31/01/13 28/02/13 31/03/13"
QUARTER_TARGETS = ["", "", "36.00"] * 4


def _url(code: str, query: str = "") -> str:
    return reverse("indicator", args=[Indicator.objects.get(code=code).pk]) + query


def _html(client, user, code="2042SC", query=""):
    client.force_login(user)
    response = client.get(_url(code, query))
    assert response.status_code == 200
    return response.content.decode()


def _cells(html: str, row: str) -> list[str]:
    found = re.search(rf'data-row="{row}">(.*?)</tr>', html, re.S)[1]
    return [re.sub(r"\s+", " ", c).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", found, re.S)]


def _history(html: str) -> list[str]:
    return [row for _, row in rows(html, "data-history")]


def _record(code: str, month: str, *, actual=None, target=None, provisional=False, user=None):
    services.values_record(
        entries=[
            services.ValueEntry(
                code=code,
                month=Month(*map(int, month.split("-"))),
                actual=Decimal(actual) if actual is not None else None,
                target=Decimal(target) if target is not None else None,
                provisional=provisional,
            )
        ],
        user=user,
        source="form",
        source_ref="",
    )


def test_a_visitor_must_sign_in(client, demo_data):
    response = client.get(_url("2042SC"))
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


def test_an_unknown_indicator_is_not_found(client, viewer, demo_data):
    client.force_login(viewer)
    assert client.get(reverse("indicator", args=[99999])).status_code == 404


def test_the_header_describes_the_indicator(client, viewer, demo_data):
    html = _html(client, viewer)
    header = summary(html)
    assert header["Code"] == "2042SC"
    assert header["Owner"] == "Head of Safeguarding Service"
    assert header["Polarity"] == "Smaller is better"
    assert header["Unit"] == "Rate per 10,000 population under 18"
    assert header["Plan tags"] == "CBP, CYPP"
    assert header["Tolerance (worse)"] == "2%"
    assert header["Frequency"] == "Quarterly"
    assert '<a class="govuk-breadcrumbs__link" href="/">Scorecard</a>' in html


def test_the_grid_prints_2042SC_in_2012_13_as_the_seed_does(client, viewer, demo_data):
    html = _html(client, viewer)
    assert "Values 2012/13" in html
    headings = re.search(r"<thead.*?</thead>", html.split('id="values"')[1], re.S)[0]
    assert (
        re.findall(r"<th scope=\"col\"[^>]*>([\d/]+)</th>", headings)
        == f"{MONTH_ENDS} {YEAR_END}".split()
    )
    assert _cells(html, "actual") == ["", "", "37.47", *[""] * 9]
    assert _cells(html, "target") == QUARTER_TARGETS
    symbols = _cells(html, "symbol")
    assert "bp-status--red-diamond" in symbols[2]
    assert "◆" in symbols[2]
    assert "Worse than target" in symbols[2]
    assert symbols[:2] == ["", ""]
    assert symbols[3:] == [""] * 9


def test_a_month_without_its_own_target_is_judged_against_the_latest_earlier_one(
    client, viewer, demo_data
):
    _record("2042SC", "2012-07", actual="35.00")
    html = _html(client, viewer)
    assert _cells(html, "target")[3] == ""
    assert "Better than target" in _cells(html, "symbol")[3]
    assert "judged against the latest earlier target" in html


def test_a_provisional_actual_is_marked(client, viewer, demo_data):
    _record("2042SC", "2012-09", actual="37.90", provisional=True)
    assert (
        _cells(_html(client, viewer), "actual")[5] == '37.90 <abbr title="provisional">(p)</abbr>'
    )


def test_another_financial_year_can_be_chosen_but_only_one_with_data(client, viewer, demo_data):
    html = _html(client, viewer, query="?year=2011")
    assert "Values 2011/12" in html
    assert _cells(html, "actual")[2] == "34.92"
    assert '<option value="2012">2012/13</option>' in html
    for bad in ("2005", "twenty", "-1"):
        assert client.get(_url("2042SC", f"?year={bad}")).status_code == 404


def test_the_page_opens_with_the_latest_actual_status_travel_and_trend_then_the_definition(
    client, viewer, demo_data
):
    html = _html(client, viewer)
    headings = re.findall(r'<h2 class="govuk-heading-m"[^>]*>([^<]+)</h2>', html)
    assert headings[:2] == ["Latest: Jun 2012", "Trend"]
    assert headings.index("Values 2012/13") < headings.index("About this indicator")
    latest = html.split("Latest: Jun 2012</h2>")[1].split("<h2")[0]
    assert re.search(r"Actual\s*</dt>\s*<dd[^>]*>\s*37.47", latest)
    assert re.search(r"Target\s*</dt>\s*<dd[^>]*>\s*36.00", latest)
    assert "◆</span> Worse than target" in latest


def test_direction_of_travel_compares_the_latest_month_with_earlier_ones(client, viewer, demo_data):
    html = _html(client, viewer)
    travel = html.split("Latest: Jun 2012</h2>")[1].split("<h2")[0]
    assert re.search(r"previous period \(Mar 2012\).*?↓</span> Worsening", travel, re.S)
    assert re.search(r"last year \(Jun 2011\).*?↓</span> Worsening", travel, re.S)


def test_the_trend_chart_comes_with_its_data_as_a_table(client, viewer, demo_data):
    html = _html(client, viewer)
    trend = html.split("Trend</h2>")[1].split('id="values"')[0]
    assert trend.count('role="img"') == 2
    assert "<title id=" in trend
    assert "<desc id=" in trend
    assert "Chart data: 2042SC: 2012/13 and 2011/12 against target" in trend
    rows = re.findall(r'<th scope="row"[^>]*>(\w+)</th>(.*?)</tr>', trend, re.S)
    table = {month: re.findall(r">([^<]+)</td>", cells) for month, cells in rows}
    assert table == {
        "Jun": ["37.47", "34.92", "36.00"],
        "Sep": ["–", "35.61", "36.00"],
        "Dec": ["–", "36.34", "36.00"],
        "Mar": ["–", "37.05", "36.00"],
    }


def test_commentary_is_listed_newest_first_with_its_state_and_workflow(
    client, officer, owner, demo_data
):
    indicator = Indicator.objects.get(code="2042SC")
    comment = services.comment_write(
        indicator=indicator,
        month=Month(2012, 9),
        author=owner.person,
        subject="Head of Service Commentary",
        text="Numbers are falling.",
        submit=True,
        user=owner,
        actors=frozenset({Actor.WRITER}),
    )
    services.comment_review(
        comment=comment,
        approve=False,
        reason="Say by how much.",
        user=officer,
        actors=frozenset({Actor.REVIEWER}),
    )
    html = _html(client, officer)
    cards = re.findall(r'data-comment="\d+">(.*?)</ol>', html, re.S)
    assert len(cards) == 2
    assert "Quarter 2 2012/13" in cards[0]
    assert re.search(
        r'<strong class="govuk-tag govuk-tag--orange">\s*Returned\s*</strong>', cards[0]
    )
    assert "Submitted by Head of Safeguarding Service" in cards[0]
    assert "Returned by Performance Officer" in cards[0]
    assert "Say by how much." in cards[0]
    assert "Quarter 1 2012/13" in cards[1]
    assert re.search(
        r'<strong class="govuk-tag govuk-tag--green">\s*Approved\s*</strong>', cards[1]
    )
    assert "Currently there are 520 children looked after" in cards[1]


def test_history_shows_the_old_and_new_value_after_a_value_is_reimported(
    client, officer, demo_data
):
    data = b"code,period,actual,target\n2042SC,2012-06,38.10,\n"
    run_import("values", Source.file("corrected.csv", data), user=officer)
    entries = _history(_html(client, officer))
    newest = re.sub(r"\s+", " ", entries[0])
    assert "Performance Officer" in newest
    assert "Actual Jun 2012" in newest
    assert "Changed: import: corrected.csv" in newest
    assert '<strong>Value:</strong> 37.47 <span aria-hidden="true">→</span>' in newest
    assert "changed to</span> 38.1" in newest


def test_history_shows_a_deleted_value_as_removed(client, viewer, demo_data):
    Actual.objects.get(indicator__code="2042SC", period="2012-06-30").delete()
    newest = re.sub(r"\s+", " ", _history(_html(client, viewer))[0])
    assert "Actual Jun 2012" in newest
    assert "Deleted" in newest
    assert "changed to</span> (removed)" in newest
    assert "<strong>Value:</strong> 37.47" in newest


def test_history_shows_created_values_and_plan_tags(client, viewer, demo_data):
    entries = [re.sub(r"\s+", " ", e) for e in _history(_html(client, viewer))]
    assert any("Target Mar 2013" in e and "<strong>Value:</strong> 36" in e for e in entries)
    assert any("Plan tags:</strong> (none)" in e and "CBP, CYPP" in e for e in entries)


def test_a_viewer_may_read_but_sees_no_edit_links(client, viewer, demo_data):
    html = _html(client, viewer)
    indicator = Indicator.objects.get(code="2042SC")
    assert reverse("indicator-values", args=[indicator.pk]) not in html
    assert "/commentary/" not in html
    assert "Enter values" not in html.split("</nav>", 2)[-1]


def test_an_owner_sees_edit_links_for_their_own_indicator_only(client, owner, demo_data):
    own = Indicator.objects.get(code="2042SC")
    html = _html(client, owner)
    assert reverse("indicator-values", args=[own.pk]) + "?year=2012" in html
    assert reverse("comment-write", args=[own.pk, "2012-06"]) in html
    other = Indicator.objects.get(code="CS143")
    html = _html(client, owner, code="CS143")
    assert reverse("indicator-values", args=[other.pk]) not in html
    assert reverse("comment-write", args=[other.pk, "2012-06"]) not in html


def test_a_delegate_may_write_commentary_but_not_enter_values(client, delegate, demo_data):
    indicator = Indicator.objects.get(code="2042SC")
    html = _html(client, delegate)
    assert reverse("comment-write", args=[indicator.pk, "2012-06"]) in html
    assert reverse("indicator-values", args=[indicator.pk]) not in html


def test_officers_get_a_review_link_for_submitted_commentary(client, officer, owner, demo_data):
    indicator = Indicator.objects.get(code="2042SC")
    comment = services.comment_write(
        indicator=indicator,
        month=Month(2012, 6),
        author=owner.person,
        subject="Update",
        text="Draft text.",
        submit=True,
        user=owner,
        actors=frozenset({Actor.WRITER}),
    )
    review = reverse("comment-review", args=[comment.pk])
    assert review in _html(client, officer)
    assert review not in _html(client, owner)


def test_a_milestone_shows_due_completion_and_status_instead_of_a_grid(client, viewer, demo_data):
    html = _html(client, viewer, code="MIL02")
    milestone = html.split("Milestone</h2>")[1].split("<h2")[0]
    assert "30/04/2012" in milestone
    assert "bp-status--blue-circle" in milestone
    assert 'data-row="actual"' not in html
    assert 'role="img"' not in html
    assert "Enter values" not in html.split("</nav>", 2)[-1]
    overdue = _html(client, viewer, code="MIL01").split("Milestone</h2>")[1].split("<h2")[0]
    assert "Not completed" in overdue
    assert "Worse than target" in overdue


def _rework(officer, rounds: range) -> None:
    """Re-import one actual and ten comments with new text, once per round: history piles up."""
    for number in rounds:
        data = f"code,period,actual\n2042SC,2012-06,{40 + number}\n".encode()
        run_import("values", Source.file(f"fix-{number}.csv", data), user=officer)
        comments = "\n".join(
            f"2042SC,2012-{month:02d},Head of Safeguarding Service,Note {n},Text {number}"
            for n, month in enumerate((4, 5, 6, 7, 8, 9, 10, 11, 12, 6))
        )
        run_import(
            "comments",
            Source.file(
                f"notes-{number}.csv", f"code,period,author,subject,text\n{comments}\n".encode()
            ),
            user=officer,
        )


def test_the_query_count_stays_fixed_however_long_the_history(
    client, officer, demo_data, django_assert_max_num_queries
):
    client.force_login(officer)
    url = _url("2042SC")
    _rework(officer, range(2))
    with CaptureQueriesContext(connection) as short:
        client.get(url)
    _rework(officer, range(2, 30))
    with django_assert_max_num_queries(len(short)):
        html = client.get(url).content.decode()
    assert len(_history(html)) == 50
    assert html.count('class="govuk-summary-card"') == 11


def test_a_viewer_sees_only_approved_commentary_and_no_comment_history(client, viewer, owner):
    lac = Indicator.objects.get(code="2042SC")
    draft = Comment.objects.get(indicator=lac)
    draft.state = "draft"
    draft.text = "A first thought, not for the board."
    draft.save()
    client.force_login(viewer)
    html = client.get(f"/indicators/{lac.pk}/").content.decode()
    assert "A first thought, not for the board." not in html
    client.force_login(owner)
    assert (
        "A first thought, not for the board."
        in client.get(f"/indicators/{lac.pk}/").content.decode()
    )
