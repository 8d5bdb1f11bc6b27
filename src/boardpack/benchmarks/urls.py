from django.urls import path

from boardpack.benchmarks import views

urlpatterns = [
    path("benchmarks/", views.benchmarks, name="benchmarks"),
    path("benchmarks/links/", views.link_save_view, name="benchmark-link-save"),
    path(
        "benchmarks/links/<int:pk>/remove/",
        views.link_remove_view,
        name="benchmark-link-remove",
    ),
]
