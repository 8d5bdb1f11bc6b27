"""Writes for SPC: the baseline of an indicator's limits, set by a performance officer."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.db import transaction

from boardpack.accounts.permissions import is_officer
from boardpack.core.spc import check_baseline
from boardpack.scorecard.models import Indicator


def baseline_reason(baseline: int | None) -> str:
    return f"SPC baseline: the first {baseline} points" if baseline else "SPC baseline cleared"


@transaction.atomic
def indicator_set_spc_baseline(
    *, indicator: Indicator, baseline: int | None, user: AbstractBaseUser
) -> bool:
    """Fix the indicator's SPC limits on its first `baseline` points, or clear the baseline
    (None: limits from every point). Only a performance officer may; the change is kept in the
    indicator's history with who and why. Returns whether anything changed."""
    if not is_officer(user):
        raise PermissionDenied("only a performance officer sets an SPC baseline")
    check_baseline(baseline)
    indicator = Indicator.objects.select_for_update().get(pk=indicator.pk)
    if indicator.spc_baseline == baseline:
        return False
    indicator.spc_baseline = baseline
    indicator._history_user = user  # type: ignore[attr-defined]
    indicator._change_reason = baseline_reason(baseline)  # type: ignore[attr-defined]
    indicator.save(update_fields=["spc_baseline"])
    return True
