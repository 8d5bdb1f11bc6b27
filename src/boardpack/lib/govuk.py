"""GOV.UK Frontend components from the govuk-frontend-django package, rendered once compiled.

The package describes each component as a dataclass of its Nunjucks parameters
(`govuk_frontend_django.components.<name>.COMPONENT`), rendered by the govuk-frontend-jinja
macros it depends on (GOV.UK Frontend 6, as `web/static/govuk`). Its own `render()` builds a
new Jinja environment and compiles the macro on every call (15 ms a tag, measured), and its
template tags keep each render's values on the template's nodes, which Django shares between
threads. So Boardpack renders the package's components through one environment, each macro
compiled once (0.07 ms a tag), and its template tags (`lib/govuk_tags.py`) keep their state in
the render's context.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from jinja2 import Environment, PackageLoader, PrefixLoader, Template

_ENVIRONMENT = Environment(
    loader=PrefixLoader({"govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja")}),
    autoescape=True,
    auto_reload=False,
    trim_blocks=True,
    lstrip_blocks=True,
)
"""As GOV.UK Frontend renders its own macros (Nunjucks' trimBlocks and lstripBlocks): the same
markup and text, without the blank lines the template tags leave (a third of a form's bytes)."""


@cache
def component_class(name: str) -> type[Any]:
    """The package's dataclass of the component named as GOV.UK names it ("error-summary")."""
    module = importlib.import_module(f"govuk_frontend_django.components.{name.replace('-', '_')}")
    return module.COMPONENT  # type: ignore[no-any-return]


@cache
def _template(name: str) -> Template:
    cls = component_class(name)
    return _ENVIRONMENT.from_string(
        f"{{%- from '{cls._jinja2_template}' import {cls._macro_name} -%}}"
        f"{{{{ {cls._macro_name}(data) }}}}"
    )


def _clean(value: Any) -> Any:
    """Parameters without the ones left out: the macros test `is defined`, not None."""
    if isinstance(value, dict):
        return {key: _clean(item) for key, item in value.items() if item is not None}
    if isinstance(value, list | tuple):
        return [_clean(item) for item in value]
    return value


def render(name: str, /, **params: Any) -> SafeString:
    """The component's HTML. The package's dataclass checks the parameter names."""
    component = component_class(name)(**params)
    return mark_safe(_template(name).render(data=_clean(dict(vars(component)))).strip())


@dataclass(frozen=True)
class Tag:
    """A GOV.UK tag: a word, its classes (the colour) and, for a status that is never told by
    colour alone, its shape. Each kind of state has one presenter that makes its tags."""

    text: str
    classes: str = ""
    glyph: str = ""

    def __html__(self) -> SafeString:
        return _tag_html(self)

    def __str__(self) -> str:
        return self.__html__()


@lru_cache(maxsize=1024)
def _tag_html(tag: Tag) -> SafeString:
    """A tag's HTML, made once per process: a page shows the same few tags hundreds of times."""
    if tag.glyph:
        html = format_html(
            '<span class="bp-tag__glyph" aria-hidden="true">{}</span> {}', tag.glyph, tag.text
        )
        return render("tag", html=html, classes=tag.classes or None)
    return render("tag", text=tag.text, classes=tag.classes or None)
