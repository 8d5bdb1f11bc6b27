from django.urls import path

from boardpack.scorecard.commentary import views as commentary_views
from boardpack.scorecard.imports import views as import_views
from boardpack.scorecard.library import views as library_views
from boardpack.scorecard.spc import views as spc_views
from boardpack.scorecard.values import views as values_views

urlpatterns = [
    path("indicators/<int:pk>/spc-baseline/", spc_views.spc_baseline, name="spc-baseline"),
    path("values/", values_views.values_grid, name="values-grid"),
    path("indicators/<int:pk>/values/", values_views.indicator_values, name="indicator-values"),
    path("values/status/", values_views.status_preview, name="status-preview"),
    path("my-indicators/", commentary_views.my_indicators, name="my-indicators"),
    path(
        "my-indicators/delegations/",
        commentary_views.delegation_create,
        name="delegation-create",
    ),
    path(
        "my-indicators/delegations/<int:pk>/remove/",
        commentary_views.delegation_remove,
        name="delegation-remove",
    ),
    path(
        "indicators/<int:pk>/commentary/<str:period>/",
        commentary_views.comment_write,
        name="comment-write",
    ),
    path("commentary/review/", commentary_views.comment_review_list, name="comment-review-list"),
    path("commentary/<int:pk>/review/", commentary_views.comment_review, name="comment-review"),
    path("library/", library_views.library, name="library"),
    path("library/new/", library_views.library_new, name="library-new"),
    path("library/<int:pk>/edit/", library_views.library_edit, name="library-edit"),
    path("library/<int:pk>/targets/", library_views.library_targets, name="library-targets"),
    path("imports/", import_views.imports, name="imports"),
]
