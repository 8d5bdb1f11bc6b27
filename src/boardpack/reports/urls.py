from django.urls import path

from boardpack.reports import views

urlpatterns = [
    path("reports/", views.reports, name="reports"),
]
