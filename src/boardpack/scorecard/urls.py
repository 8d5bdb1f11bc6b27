from django.urls import path

from boardpack.scorecard import views

urlpatterns = [
    path("", views.scorecard, name="home"),
]
