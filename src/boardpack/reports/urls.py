from django.urls import path

from boardpack.reports import plan_views, views

urlpatterns = [
    path("reports/", views.reports, name="reports"),
    path("reports/appendix/", views.appendix, name="report-appendix"),
    path("reports/plan/", plan_views.plan_report, name="report-plan"),
    path("reports/priority/", plan_views.priority_report, name="report-priority"),
]
