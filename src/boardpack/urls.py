from django.contrib import admin
from django.contrib.auth import views as auth_views
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
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("admin/", admin.site.urls),
]
