import pytest

from boardpack.core.problems import ImportFailed
from boardpack.lib.importing import run_import
from boardpack.lib.sources import Source
from boardpack.scorecard.models import Comment


@pytest.fixture
def indicator(db):
    text = "code,title,director,polarity\n2042SC,LAC rate,Director,smaller\n"
    run_import("indicators", Source.file("i.csv", text.encode()), user=None)


def _comments(text: str):
    return run_import("comments", Source.file("comments.csv", text.encode()), user=None)


ROW = (
    "code,period,author,subject,text\n"
    '2042SC,2012-06,Head of LAC Service,Head of Service Commentary,"Currently 520.\n\nStable."\n'
)


def test_it_records_a_comment_with_author_subject_and_period(indicator):
    report = _comments(ROW)
    comment = Comment.objects.get()
    assert report.created == 1
    assert comment.author.name == "Head of LAC Service"
    assert comment.subject == "Head of Service Commentary"
    assert comment.text == "Currently 520.\n\nStable."
    assert f"{comment.period:%Y-%m-%d}" == "2012-06-30"


def test_reimporting_the_same_comments_changes_nothing(indicator):
    _comments(ROW)
    report = _comments(ROW)
    assert (report.created, report.updated, report.unchanged) == (0, 0, 1)
    assert Comment.history.count() == 1


def test_a_comment_without_text_or_with_an_unknown_code_is_refused(indicator):
    with pytest.raises(ImportFailed) as failure:
        _comments(
            "code,period,author,subject,text\n"
            "2042SC,2012-06,Head,Subject,\n"
            "XX,2012-06,Head,Subject,Words\n"
        )
    assert [str(e) for e in failure.value.errors] == [
        "comments.csv, row 3, column 'code': 'XX' is not a known indicator code",
        "comments.csv, row 2, column 'text': is required",
    ]
    assert not Comment.objects.exists()
