from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("boardpack.web.urls")),
    path("", include("boardpack.scorecard.urls")),
    path("", include("boardpack.accounts.urls")),
    path("", include("boardpack.reports.urls")),
    path("", include("boardpack.benchmarks.urls")),
    path("", include("boardpack.plans.urls")),
    path("", include("boardpack.boards.urls")),
    path("", include("boardpack.calculated_indicators.urls")),
    path("", include("boardpack.api.urls")),
    path("", include("boardpack.jobs.urls")),
    path("admin/", admin.site.urls),
]
