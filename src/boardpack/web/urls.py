from django.urls import path

from boardpack.web import audit_views, calculated_page, health_views, views

urlpatterns = [
    path("", views.scorecard, name="home"),
    path("scorecard/export.<str:fmt>", views.scorecard_export, name="scorecard-export"),
    path("indicators/<int:pk>/", views.indicator, name="indicator"),
    path("calculated/links/", calculated_page.calculated_links, name="calculated-links"),
    path("healthz", health_views.healthz, name="healthz"),
    path("audit/", audit_views.audit_log, name="audit-log"),
    path("audit/export.csv", audit_views.audit_export, name="audit-export"),
]
