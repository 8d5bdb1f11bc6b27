"""Template tags that render the GOV.UK package's components (`{% load govuk %}`).

    {% govuk "button" text="Save" classes="govuk-button--secondary" %}
    {% govuk_html "button" name="format" value="pdf" %}
      Download<span class="govuk-visually-hidden"> the report</span>
    {% endgovuk_html %}
    {% govuk_field form.date %}            a form field, its hint and errors (lib/forms.py)
    {% govuk_checkbox_group filters.show_only legend="Show only" %}
    {% govuk_error_summary form other_form %}
    {% govuk_summary_list %}
      {% govuk_summary_row key="Chair" value=board.chair.name %}
      {% govuk_summary_row key="Plans" %}<a ...>{{ plan }}</a>{% endgovuk_summary_row %}
    {% endgovuk_summary_list %}
    {% govuk_breadcrumbs %}{% govuk_crumb text="Boards" href=boards_url %}{% endgovuk_breadcrumbs %}
    {% govuk_pagination page numbers "Pages of actions" anchor="#actions" %}
    {% govuk_table caption="Boards" firstCellIsHeader=True %}
      {% govuk_th text="Board" %}{% govuk_th text="Plans" format="numeric" %}
      {% for board in boards %}{% govuk_tr %}
        {% govuk_td %}<a href="...">{{ board.name }}</a>{% endgovuk_td %}
        {% govuk_td text=board.plans format="numeric" %}
      {% endgovuk_tr %}{% endfor %}
    {% endgovuk_table %}

Keyword arguments are the component's Nunjucks parameters, `label__text="Year"` for a nested
one; `attr_data_count="x"` becomes the attribute `data-count="x"`. A select without a form takes
`items=choices|govuk_items:chosen`. A part's content is its tag's body unless `text` or `html` is
given, in which case the tag has no end tag. The parts a block collects live in the render's
context, never on the (shared) template nodes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django import template
from django.template.base import FilterExpression, Node, NodeList, Parser, Token
from django.template.context import Context
from django.utils.safestring import SafeString

from boardpack.lib import forms, govuk

register = template.Library()

Kwargs = dict[str, FilterExpression]
PARTS = "_govuk_parts"
ROW = "_govuk_row"


def _attributes(params: dict[str, Any]) -> dict[str, Any]:
    """Take the `attr_*` parameters out of `params`, as HTML attributes; an empty one is left
    out. Their values are always escaped: text a template marked safe is still no markup."""
    names = [name for name in params if name.startswith("attr_")]
    values = {name.removeprefix("attr_").replace("_", "-"): params.pop(name) for name in names}
    return {name: _unsafe(value) for name, value in values.items() if value not in ("", None)}


def _unsafe(value: Any) -> Any:
    return str.__str__(value) if isinstance(value, str) else value


def _params(kwargs: Kwargs, context: Context) -> dict[str, Any]:
    """Resolved parameters: `attr_*` gathered into `attributes`, and `label__text="Year"`
    nested as `label: {text: "Year"}`."""
    params: dict[str, Any] = {}
    for name, expression in kwargs.items():
        *path, last = name.split("__")
        place = params
        for step in path:
            place = place.setdefault(step, {})
        place[last] = expression.resolve(context)
    attributes = _attributes(params)
    if attributes:
        params["attributes"] = {**params.get("attributes", {}), **attributes}
    return params


@register.filter
def govuk_items(choices: Any, chosen: Any) -> list[dict[str, Any]]:
    """(value, text) pairs as a select's items, the `chosen` value selected."""
    return [
        {"value": str(value), "text": str(text), "selected": str(value) == str(chosen)}
        for value, text in choices
    ]


def _split(parser: Parser, token: Token) -> tuple[list[FilterExpression], Kwargs]:
    """Positional arguments, then keyword arguments."""
    bits = token.split_contents()[1:]
    positional = []
    while bits and "=" not in bits[0]:
        positional.append(parser.compile_filter(bits.pop(0)))
    kwargs = template.base.token_kwargs(bits, parser, support_legacy=False)
    if bits:
        raise template.TemplateSyntaxError(f"{token.contents!r}: cannot read {bits[0]!r}")
    return positional, kwargs


def _body(parser: Parser, token: Token, kwargs: Kwargs, *, inline_if: tuple[str, ...]) -> NodeList:
    """The tag's content up to its end tag, or none where a parameter gives the content."""
    if any(name in kwargs for name in inline_if):
        return NodeList()
    end = f"end{token.split_contents()[0]}"
    nodelist = parser.parse((end,))
    parser.delete_first_token()
    return nodelist


class ComponentNode(Node):
    def __init__(self, name: FilterExpression, kwargs: Kwargs, nodelist: NodeList) -> None:
        self.name = name
        self.kwargs = kwargs
        self.nodelist = nodelist

    def render(self, context: Context) -> SafeString:
        params = _params(self.kwargs, context)
        if self.nodelist:
            params["html"] = SafeString(self.nodelist.render(context).strip())
        return govuk.render(self.name.resolve(context), **params)


@register.tag("govuk")
def component(parser: Parser, token: Token) -> ComponentNode:
    (name,), kwargs = _split(parser, token)
    return ComponentNode(name, kwargs, NodeList())


@register.tag("govuk_html")
def component_with_html(parser: Parser, token: Token) -> ComponentNode:
    (name,), kwargs = _split(parser, token)
    return ComponentNode(name, kwargs, _body(parser, token, kwargs, inline_if=("html",)))


@register.simple_tag
def govuk_field(bound: Any, **options: Any) -> SafeString:
    return forms.field_html(bound, attributes=_attributes(options), **options)


@register.simple_tag
def govuk_checkbox_group(fields: Any, legend: str, classes: str | None = None) -> SafeString:
    return forms.checkbox_group_html(list(fields), legend=legend, classes=classes)


@register.simple_tag
def govuk_error_summary(*forms_with_errors: Any, **params: Any) -> SafeString:
    return forms.error_summary(*forms_with_errors, **params)


@register.simple_tag(takes_context=True)
def govuk_pagination(
    context: Context, page: Any, numbers: list[int | None], landmark: str, anchor: str = ""
) -> SafeString:
    """The GOV.UK pagination of a Django `page`: its `numbers` linked (None for an ellipsis),
    each link the request's query with its page changed, then `anchor` ("#actions")."""
    query = context["request"].GET

    def href(number: int) -> str:
        changed = query.copy()
        changed["page"] = number
        return f"?{changed.urlencode()}{anchor}"

    items = [
        {"ellipsis": True}
        if number is None
        else {"number": str(number), "href": href(number), "current": number == page.number}
        for number in numbers
    ]
    previous = {"href": href(page.previous_page_number())} if page.has_previous() else None
    following = {"href": href(page.next_page_number())} if page.has_next() else None
    return govuk.render(
        "pagination",
        items=items,
        previous=previous,
        next=following,
        landmarkLabel=landmark,
        classes="bp-no-print",
    )


@dataclass
class Parts:
    """What a block component's inner tags give it, for one render."""

    items: list[dict[str, Any]] = field(default_factory=list)
    head: list[dict[str, Any]] = field(default_factory=list)


class BlockNode(Node):
    """A component built from inner tags: a table's rows, a summary list's rows."""

    component = ""
    items = ""

    def __init__(self, kwargs: Kwargs, nodelist: NodeList) -> None:
        self.kwargs = kwargs
        self.nodelist = nodelist

    def render(self, context: Context) -> SafeString:
        parts = Parts()
        with context.push({PARTS: parts}):
            self.nodelist.render(context)
        params = _params(self.kwargs, context)
        if parts.head:
            params["head"] = parts.head
        return govuk.render(self.component, **params, **{self.items: parts.items})


class TableNode(BlockNode):
    component = "table"
    items = "rows"


class SummaryListNode(BlockNode):
    component = "summary-list"
    items = "rows"


class BreadcrumbsNode(BlockNode):
    component = "breadcrumbs"
    items = "items"


def _block(cls: type[BlockNode]) -> Any:
    def compile_block(parser: Parser, token: Token) -> BlockNode:
        _, kwargs = _split(parser, token)
        return cls(kwargs, _body(parser, token, kwargs, inline_if=()))

    return compile_block


register.tag("govuk_table", _block(TableNode))
register.tag("govuk_summary_list", _block(SummaryListNode))
register.tag("govuk_breadcrumbs", _block(BreadcrumbsNode))


class PartNode(Node):
    """One part of a block: its parameters, and its body as `html` unless given."""

    def __init__(self, kwargs: Kwargs, nodelist: NodeList) -> None:
        self.kwargs = kwargs
        self.nodelist = nodelist

    def part(self, context: Context) -> dict[str, Any]:
        params = _params(self.kwargs, context)
        if self.nodelist:
            params["html"] = SafeString(self.nodelist.render(context).strip())
        return params

    def render(self, context: Context) -> str:
        self.add(context, self.part(context))
        return ""

    def add(self, context: Context, part: dict[str, Any]) -> None:
        raise NotImplementedError


class HeadNode(PartNode):
    def add(self, context: Context, part: dict[str, Any]) -> None:
        context[PARTS].head.append(part)


class RowNode(PartNode):
    """A table row: its cells come from the `govuk_td` tags inside it."""

    def part(self, context: Context) -> dict[str, Any]:
        cells: list[dict[str, Any]] = []
        with context.push({ROW: cells}):
            self.nodelist.render(context)
        return {"cells": cells}

    def add(self, context: Context, part: dict[str, Any]) -> None:
        context[PARTS].items.append(part["cells"])


class CellNode(PartNode):
    def add(self, context: Context, part: dict[str, Any]) -> None:
        context[ROW].append(part)


class ItemNode(PartNode):
    """An item of a list: a breadcrumb, a summary list's row."""

    def add(self, context: Context, part: dict[str, Any]) -> None:
        context[PARTS].items.append(part)


class SummaryRowNode(ItemNode):
    """A summary list row: `key` (or a `govuk_summary_key` inside), and `value` or else its
    body as the value; `key_classes` and `value_classes` style them."""

    def part(self, context: Context) -> dict[str, Any]:
        key: dict[str, Any] = {}
        with context.push({ROW: key}):
            params = super().part(context)
        value = {"html": params.pop("html", None), "classes": params.pop("value_classes", None)}
        if "value" in params:
            value["text"] = params.pop("value")
        if "key" in params:
            key["text"] = params.pop("key")
        key["classes"] = params.pop("key_classes", None)
        return {**params, "key": key, "value": value}


class SummaryKeyNode(PartNode):
    def add(self, context: Context, part: dict[str, Any]) -> None:
        context[ROW]["html"] = part["html"]


def _part(cls: type[PartNode], inline_if: tuple[str, ...]) -> Any:
    def compile_part(parser: Parser, token: Token) -> PartNode:
        _, kwargs = _split(parser, token)
        return cls(kwargs, _body(parser, token, kwargs, inline_if=inline_if))

    return compile_part


register.tag("govuk_th", _part(HeadNode, ("text", "html")))
register.tag("govuk_tr", _part(RowNode, ()))
register.tag("govuk_td", _part(CellNode, ("text", "html")))
register.tag("govuk_summary_row", _part(SummaryRowNode, ("value",)))
register.tag("govuk_summary_key", _part(SummaryKeyNode, ()))
register.tag("govuk_crumb", _part(ItemNode, ("text", "html")))
