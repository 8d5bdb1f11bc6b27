"""Writes of the benchmarks app by people: linking an indicator to a published measure.
(Published figures are written only by the importer.) Every change has history: who and why."""

from __future__ import annotations

from django.db import transaction

from boardpack.benchmarks.models import IndicatorLink, Measure
from boardpack.lib.audit import User, audited
from boardpack.scorecard.models import Indicator


@transaction.atomic
def link_save(
    *, indicator: Indicator, measure: Measure, polarity: str, user: User, reason: str
) -> str:
    """Link (or re-link) an indicator to a measure; returns created, updated or unchanged.

    `polarity` blank uses the measure's polarity, or the indicator's where the measure has none.
    """
    link = IndicatorLink.objects.filter(indicator=indicator).first()
    if link is None:
        link = IndicatorLink(indicator=indicator, measure=measure, polarity=polarity)
        outcome = "created"
    elif (link.measure_id, link.polarity) == (measure.pk, polarity):  # type: ignore[attr-defined]
        return "unchanged"
    else:
        link.measure, link.polarity = measure, polarity
        outcome = "updated"
    audited(link, user, reason)
    link.save()
    return outcome


@transaction.atomic
def link_remove(*, indicator: Indicator, user: User, reason: str) -> bool:
    link = IndicatorLink.objects.filter(indicator=indicator).first()
    if link is None:
        return False
    audited(link, user, reason)
    link.delete()
    return True
