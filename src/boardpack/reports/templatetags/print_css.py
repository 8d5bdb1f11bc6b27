"""Filters for the report's print CSS."""

from django import template
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

# Characters that could end the CSS string or the <style> element, or break the line.
SPECIAL = frozenset("\"'\\<>&")


@register.filter
def css_string(value: object) -> SafeString:
    """The value as a quoted CSS string, e.g. for `content:` in an @page margin box, where no
    element's text can be used (Chromium has no string-set). Special characters become CSS
    escapes ("\\22 " for a double quote)."""
    escaped = "".join(
        f"\\{ord(char):x} " if char in SPECIAL or ord(char) < 0x20 or ord(char) == 0x7F else char
        for char in str(value)
    )
    return mark_safe(f'"{escaped}"')
