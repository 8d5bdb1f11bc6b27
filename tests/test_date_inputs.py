"""Every date a person enters is a GOV.UK date input (day, month and year boxes, issue 16): no
form of Boardpack takes a date as typed text or as a browser's `type="date"` box, which
renders a stored date such as "14 Jan 2027" as blank and so refuses every save."""

import importlib
import pkgutil
import re

from django import forms

import boardpack
from boardpack.lib.forms import DateField, DateParts

TYPED_DATES = (forms.DateField, forms.DateTimeField, forms.SplitDateTimeField, forms.TimeField)
DATE_WIDGETS = (forms.DateInput, forms.DateTimeInput, forms.SplitDateTimeWidget, forms.TimeInput)
NAMES_A_DATE = re.compile(r"(?<!to )\bdate\b", re.IGNORECASE)
"""A label naming a date ("Due date", "Date of the meeting"; "year to date" is no date)."""
SKIPPED = {"migrations", "management", "__main__"}
ENTERED_DATES = {
    ("boardpack.boards.forms.MeetingForm", "date"),
    ("boardpack.boards.forms.MeetingsForm", "first"),
    ("boardpack.plans.forms.ProgressForm", "day"),
    ("boardpack.plans.forms.TimescaleForm", "due_date"),
    ("boardpack.scorecard.library.forms.IndicatorForm", "due"),
    ("boardpack.scorecard.library.forms.IndicatorForm", "completed"),
    ("boardpack.web.audit_views.AuditSearch", "start"),
    ("boardpack.web.audit_views.AuditSearch", "end"),
}
"""The dates entered today: a meeting's, an action's progress and due date, a milestone's, and
the days an audit log search runs from and to."""


def _forms() -> list[type[forms.BaseForm]]:
    """Every form class Boardpack defines (its modules imported; migrations, commands and the
    command line's entry point aside)."""
    for module in pkgutil.walk_packages(boardpack.__path__, "boardpack."):
        if not SKIPPED.intersection(module.name.split(".")):
            importlib.import_module(module.name)
    found, todo = [], [forms.BaseForm]
    while todo:
        cls = todo.pop()
        todo += cls.__subclasses__()
        if cls.__module__.startswith("boardpack."):
            found.append(cls)
    return found


def _fields() -> dict[tuple[str, str], forms.Field]:
    return {
        (f"{cls.__module__}.{cls.__qualname__}", name): field
        for cls in _forms()
        for name, field in cls.base_fields.items()
    }


def test_no_form_takes_a_date_as_typed_text_or_a_browser_date_box():
    fields = _fields()
    typed = [key for key, field in fields.items() if isinstance(field, TYPED_DATES)]
    boxes = [key for key, field in fields.items() if isinstance(field.widget, DATE_WIDGETS)]
    assert (typed, boxes) == ([], [])


def test_every_date_entered_is_the_gov_uk_date_input():
    fields = _fields()
    dated = {key for key, field in fields.items() if isinstance(field, DateField)}
    assert dated == ENTERED_DATES
    assert all(isinstance(fields[key].widget, DateParts) for key in dated)
    named = {key for key, field in fields.items() if NAMES_A_DATE.search(str(field.label or ""))}
    assert named <= dated, "a field labelled as a date that is not a date input"
