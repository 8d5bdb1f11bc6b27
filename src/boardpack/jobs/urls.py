from django.urls import path

from boardpack.jobs import template_views, upload_views, views

urlpatterns = [
    path("jobs/", views.my_jobs, name="my-jobs"),
    path("jobs/<uuid:pk>/", views.job, name="job"),
    path("jobs/<uuid:pk>/file", views.job_file, name="job-file"),
    path("jobs/new/report/<str:report>/", views.start_report, name="job-report"),
    path("jobs/<uuid:pk>/confirm/", upload_views.confirm, name="job-confirm"),
    path("uploads/", upload_views.uploads, name="uploads"),
    path(
        "uploads/templates/<str:kind>.<str:fmt>",
        template_views.import_template,
        name="import-template",
    ),
    path("jobs/new/pack/<int:pk>/<str:fmt>/", views.start_pack, name="job-pack"),
]
