"""The links page: performance officers choose which measure each indicator is calculated from.

Everyone else is refused (403). Links are written through services.measure_link_set and
measure_link_remove with the signed-in officer as the author.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from boardpack.accounts.permissions import officer_required
from boardpack.calculated_indicators.forms import LinkForm
from boardpack.calculated_indicators.presenters import link_message
from boardpack.calculated_indicators.selectors import linkable_indicators
from boardpack.calculated_indicators.services import LinkError, measure_link_save


@officer_required
@require_GET
def links(request: HttpRequest) -> HttpResponse:
    indicators = list(linkable_indicators())
    return render(request, "calculated/links.html", {"indicators": indicators})


@officer_required
@require_http_methods(["GET", "POST"])
def link_edit(request: HttpRequest, pk: int) -> HttpResponse:
    indicator = get_object_or_404(linkable_indicators(), pk=pk)
    current = getattr(indicator, "measure_link", None)
    form = LinkForm(request.POST or None, initial={"measure": current and current.measure_id})
    if request.method == "POST" and form.is_valid():
        chosen = form.cleaned_data["measure"]
        try:
            outcome = measure_link_save(indicator=indicator, measure_id=chosen, user=request.user)
        except LinkError as error:
            form.add_error("measure", str(error))
        else:
            messages.success(request, link_message(indicator.code, chosen, outcome))
            return redirect("calculated-links")
    context = {"indicator": indicator, "form": form}
    return render(request, "calculated/link_edit.html", context, status=400 if form.errors else 200)
