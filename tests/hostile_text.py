"""Text a person could type, put where people type it: a comment, an indicator's title, a
delivery-plan action's progress (imported in a tracker and added on the action's page).

`plant` writes the given texts into the demo's data, each into every place, and says where."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from boardpack.plans.models import Action, Plan
from boardpack.plans.services import progress_add
from boardpack.scorecard.models import Comment, CommentState, Indicator
from tests.plans.trackers import HEADER, TITLE, action, import_tracker

HYPERLINK = '=HYPERLINK("http://evil","x")'
DDE = "=cmd|' /C calc'!A0"
SCRIPT = "<script>alert(1)</script>"
IMAGE = "<img src=x onerror=alert(1)>"
INDICATORS = ("2042SC", "CS143")
MONTH_END = date(2012, 6, 30)
PLAN = "Hostile plan"


@dataclass(frozen=True)
class Planted:
    plan: Plan
    actions: list[Action]
    indicators: list[Indicator]


def plant(texts: tuple[str, str], officer) -> Planted:
    """The first text in the first indicator's title and approved comment of June 2012 and in
    the first action's imported progress; the second in the second's, and added as progress on
    a third action's page, by the officer."""
    indicators = []
    for code, text in zip(INDICATORS, texts, strict=True):
        Indicator.objects.filter(code=code).update(title=text)
        comment = Comment.objects.filter(indicator__code=code, period=MONTH_END).first()
        assert comment is not None, code
        Comment.objects.filter(pk=comment.pk).update(text=text, state=CommentState.APPROVED)
        indicators.append(Indicator.objects.get(code=code))
    rows = [action(str(n), activity=f"Action {n}", progress=t) for n, t in enumerate(texts, 1)]
    rows.append(action("3", activity="Action 3"))
    import_tracker(
        {"Plan": [[TITLE], HEADER, ["Objective 1 – Safe"], *rows]}, plan=PLAN, user=officer
    )
    plan = Plan.objects.get(name=PLAN)
    actions = list(plan.actions.order_by("ref"))
    progress_add(action=actions[2], day=date(2019, 7, 1), text=texts[1], user=officer)
    return Planted(plan, actions, indicators)
