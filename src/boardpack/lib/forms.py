"""Django form fields in GOV.UK markup: each bound field as the GOV.UK package's component for its
widget (input, textarea, select, radios, checkboxes, file upload, date input) with its label,
hint and error message, and a form's errors as the GOV.UK error summary.

Templates use `{% govuk_field form.name %}` and `{% govuk_error_summary form %}`
(lib/govuk_tags.py).
A date is entered as day, month and year (`DateField`), as GOV.UK asks, never as typed text.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from datetime import date
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.forms.boundfield import BoundField
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from boardpack.lib import govuk

WIDTHS = (2, 3, 4, 5, 10, 20, 30)
PARTS = ("day", "month", "year")


def width(characters: int) -> dict[str, str]:
    """Widget attributes giving a text input the GOV.UK fixed width nearest above `characters`."""
    size = next((n for n in WIDTHS if n >= characters), None)
    return {"class": f"govuk-input--width-{size}"} if size else {}


class DateParts(forms.Widget):
    """Three boxes, `<name>-day`, `<name>-month` and `<name>-year`, as the GOV.UK date input
    names them. `field_html` renders them; the value is the three texts as typed."""

    def value_from_datadict(self, data: Mapping[str, Any], files: Any, name: str) -> list[str]:
        return [str(data.get(f"{name}-{part}", "")) for part in PARTS]

    def value_omitted_from_data(self, data: Mapping[str, Any], files: Any, name: str) -> bool:
        return not any(f"{name}-{part}" in data for part in PARTS)


class DateField(forms.Field):
    """A date entered as day, month and year, with GOV.UK's error messages: "Enter <the date>",
    "<The date> must include a month", "<The date> must be a real date", "Year must include 4
    numbers". `what` names the date in them ("the date of the meeting")."""

    widget = DateParts

    def __init__(self, *, what: str, **kwargs: Any) -> None:
        self.what = what
        kwargs.setdefault("error_messages", {}).setdefault("required", f"Enter {what}")
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> date | None:
        if isinstance(value, date):
            return value
        parts = dict(zip(PARTS, (str(part).strip() for part in value or ("", "", "")), strict=True))
        if not any(parts.values()):
            return None
        what = self.what[:1].upper() + self.what[1:]
        missing = [part for part in PARTS if not parts[part]]
        if missing:
            raise ValidationError(
                f"{what} must include a {' and a '.join(missing)}", params={"parts": missing}
            )
        wrong = [part for part in PARTS if not parts[part].isdigit()]
        if not wrong and len(parts["year"]) != 4:
            raise ValidationError("Year must include 4 numbers", params={"parts": ["year"]})
        try:
            if wrong:
                raise ValueError(wrong)
            return date(int(parts["year"]), int(parts["month"]), int(parts["day"]))
        except ValueError:
            raise ValidationError(
                f"{what} must be a real date", params={"parts": wrong or list(PARTS)}
            ) from None

    def prepare_value(self, value: Any) -> list[str]:
        if isinstance(value, date):
            return [str(value.day), str(value.month), str(value.year)]
        return list(value) if isinstance(value, list | tuple) else ["", "", ""]


def _errors(bound: BoundField) -> dict[str, Any] | None:
    if not bound.errors:
        return None
    return {"html": mark_safe("<br>".join(escape(error) for error in bound.errors))}


def _hint(bound: BoundField, options: dict[str, Any]) -> dict[str, str] | None:
    text = options.get("hint", bound.help_text)
    return {"text": str(text)} if text else None


def _choices(bound: BoundField, options: dict[str, Any]) -> list[dict[str, Any]]:
    """Each option as (value, text, chosen); an option group's name prefixes its options.
    `options` may give the `choices` and the `value` chosen instead of the form's."""
    widget = copy.copy(bound.field.widget)
    if "choices" in options:
        widget.choices = options["choices"]
    chosen = widget.format_value(options.get("value", bound.value()))
    items = []
    for group, group_options, _ in widget.optgroups(bound.html_name, chosen):
        for option in group_options:
            text = f"{group}: {option['label']}" if group else str(option["label"])
            items.append({"value": str(option["value"]), "text": text, "on": option["selected"]})
    return items


def _input_params(widget: forms.Widget) -> dict[str, Any]:
    """The widget's attributes as the input component takes them (its width is `classes`)."""
    attrs = dict(widget.attrs)
    params: dict[str, Any] = {"classes": attrs.pop("class", None)}
    for name in ("autocomplete", "inputmode", "spellcheck"):
        params[name] = attrs.pop(name, None)
    for name in ("maxlength", "minlength", "required"):
        attrs.pop(name, None)
    params["attributes"] = attrs or None
    return params


def _date_input(bound: BoundField, options: dict[str, Any]) -> dict[str, Any]:
    day, month, year = bound.field.prepare_value(bound.value())
    wrong: list[str] = []
    for error in bound.errors.as_data():
        wrong += (error.params or {}).get("parts", list(PARTS))
    widths = {"day": 2, "month": 2, "year": 4}
    return {
        "id": bound.auto_id,
        "namePrefix": bound.html_name,
        "fieldset": {"legend": {"text": str(bound.label), "classes": options["legend"]}},
        "items": [
            {
                "name": part,
                "id": f"{bound.auto_id}-{part}",
                "value": text,
                "classes": f"govuk-input--width-{widths[part]}"
                + (" govuk-input--error" if part in wrong else ""),
            }
            for part, text in zip(PARTS, (day, month, year), strict=True)
        ],
    }


def _component(bound: BoundField, options: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """The GOV.UK component of the field's widget, and its parameters."""
    widget = bound.field.widget
    label = {"text": str(bound.label), "classes": options["label"]}
    legend = {"legend": {"text": str(bound.label), "classes": options["legend"]}}
    if isinstance(widget, DateParts):
        return "date-input", _date_input(bound, options)
    if isinstance(widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
        items = [
            {"value": item["value"], "text": item["text"], "checked": item["on"]}
            for item in _choices(bound, options)
        ]
        hints = options.get("item_hints") or {}
        for item in items:
            if item["value"] in hints:
                item["hint"] = {"text": hints[item["value"]]}
        radios = not isinstance(widget, forms.CheckboxSelectMultiple)
        return ("radios" if radios else "checkboxes"), {
            "name": bound.html_name,
            "idPrefix": bound.auto_id,
            "fieldset": legend,
            "items": items or [{"value": "", "text": "None to choose from", "disabled": True}],
            "classes": options.get(
                "classes", "govuk-radios--small" if radios else "govuk-checkboxes--small"
            ),
        }
    if isinstance(widget, forms.CheckboxInput):
        item = {"value": "yes", "text": str(bound.label), "checked": bool(bound.value())}
        if options.get("label_hidden"):
            item["html"] = format_html('<span class="govuk-visually-hidden">{}</span>', bound.label)
        return "checkboxes", {
            "name": bound.html_name,
            "idPrefix": bound.auto_id,
            "items": [item | ({"hint": _hint(bound, options)} if bound.help_text else {})],
            "classes": options.get("classes", "govuk-checkboxes--small"),
        }
    common = {"id": bound.auto_id, "name": bound.html_name, "label": label}
    if isinstance(widget, forms.Select):
        items = [
            {"value": item["value"], "text": item["text"], "selected": item["on"]}
            for item in _choices(bound, options)
        ]
        return "select", {**common, "items": items, "classes": options.get("classes")}
    if isinstance(widget, forms.Textarea):
        value = widget.format_value(bound.value())
        return "textarea", {**common, "value": value, "rows": "5"}
    if isinstance(widget, forms.FileInput):
        upload = _input_params(widget)
        return "file-upload", {
            **common,
            "classes": upload["classes"],
            "attributes": upload["attributes"],
        }
    params = {**common, **_input_params(widget), "type": getattr(widget, "input_type", "text")}
    if not isinstance(widget, forms.PasswordInput):
        params["value"] = widget.format_value(bound.value())
    return "input", params


def field_html(bound: BoundField, **options: Any) -> SafeString:
    """The field as its GOV.UK component. Options:
    - `label_classes` (of the label or legend; default small bold), or `label_hidden`
      (for screen readers only, where a table's heading says what the box is);
    - `classes` (of the component), `form_group_classes`, `attributes` (of the input);
    - `hint` (instead of the field's help text), `suffix` (of a text input), `item_hints`
      (value → the hint of a radio);
    - for a choice, `choices` and the `value` chosen, where the page has them, not the form.
    A hidden field is its input alone."""
    if bound.is_hidden:
        return SafeString(str(bound))
    size = "govuk-visually-hidden" if options.get("label_hidden") else options.get("label_classes")
    options["label"] = "govuk-label--s" if size is None else size
    options["legend"] = options["label"].replace("govuk-label", "govuk-fieldset__legend")
    name, params = _component(bound, options)
    if options.get("attributes"):
        params["attributes"] = {**(params.get("attributes") or {}), **options["attributes"]}
    if options.get("form_group_classes"):
        params["formGroup"] = {"classes": options["form_group_classes"]}
    if options.get("suffix"):
        params["suffix"] = {"text": options["suffix"]}
    if not isinstance(bound.field.widget, forms.CheckboxInput):
        params["hint"] = _hint(bound, options)
    params["errorMessage"] = _errors(bound)
    return govuk.render(name, **params)


def checkbox_group_html(
    fields: list[BoundField], *, legend: str, classes: str | None = None
) -> SafeString:
    """Several yes-or-no fields as one group of GOV.UK checkboxes under one legend."""
    items = [
        {
            "name": bound.html_name,
            "id": bound.auto_id,
            "value": "yes",
            "text": str(bound.label),
            "checked": bool(bound.value()),
        }
        for bound in fields
    ]
    return govuk.render(
        "checkboxes",
        name=fields[0].html_name,
        idPrefix=fields[0].auto_id,
        fieldset={"legend": {"text": legend, "classes": "govuk-fieldset__legend--s"}},
        items=items,
        classes=classes,
    )


def anchor(bound: BoundField) -> str:
    """The id of the field's first box: where the error summary's link lands."""
    return f"{bound.auto_id}-day" if isinstance(bound.field.widget, DateParts) else bound.auto_id


def error_summary(*forms_with_errors: object, **params: Any) -> SafeString:
    """Every error of the forms as the GOV.UK error summary, each field's linking to its box,
    then the errors of no one field, linking to the form's first box; empty when there is
    none. `descriptionText` alone gives a summary of a problem that is no form's."""
    errors: list[dict[str, str | None]] = []
    for form in forms_with_errors:
        if not isinstance(form, forms.BaseForm) or not form.errors:
            continue  # a page without that form names none, or a blank
        boxes = [bound for bound in form if not bound.is_hidden]
        for bound in boxes:
            errors += [{"text": str(e), "href": f"#{anchor(bound)}"} for e in bound.errors]
        first = f"#{anchor(boxes[0])}" if boxes else None
        errors += [{"text": str(error), "href": first} for error in form.non_field_errors()]
    if not errors and not params.get("descriptionText"):
        return SafeString("")
    return govuk.render("error-summary", titleText="There is a problem", errorList=errors, **params)
