"""Changing a link: performance officers choose which measure an indicator is calculated from.

Everyone else is refused (403). Links are written through services.measure_link_save with the
signed-in officer as the author. The list of links, with each calculated figure beside the
published one, is composed above this app and benchmarks: web.calculated_page.calculated_links.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_http_methods

from boardpack.accounts.permissions import officer_required
from boardpack.calculated_indicators.forms import LinkForm
from boardpack.calculated_indicators.presenters import link_message
from boardpack.calculated_indicators.selectors import linkable_indicators
from boardpack.calculated_indicators.services import LinkError, measure_link_save
from boardpack.lib.form_writes import form_write
from boardpack.scorecard.models import Indicator


def _link_form(request: HttpRequest, pk: int) -> tuple[Indicator, LinkForm]:
    """The indicator (404 unless it may be linked) and the form, showing its current measure."""
    indicator = get_object_or_404(linkable_indicators(), pk=pk)
    current = getattr(indicator, "measure_link", None)
    form = LinkForm(request.POST or None, initial={"measure": current and current.measure_id})
    return indicator, form


def _link_page(request: HttpRequest, indicator: Indicator, form: LinkForm) -> HttpResponse:
    context = {"indicator": indicator, "form": form}
    return render(request, "calculated/link_edit.html", context, status=400 if form.errors else 200)


@officer_required
@require_http_methods(["GET", "POST"])
def link_edit(request: HttpRequest, pk: int) -> HttpResponse:
    indicator, form = _link_form(request, pk)
    return form_write(
        request,
        form,
        lambda: measure_link_save(indicator=indicator, measure_id=form.chosen, user=request.user),
        refused=LinkError,
        message=lambda outcome: link_message(indicator.code, form.chosen, outcome),
        to=lambda _: "calculated-links",
        problem=lambda shown, error: shown.add_error("measure", str(error)),
    ) or _link_page(request, indicator, form)
