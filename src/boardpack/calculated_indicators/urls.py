from django.urls import path

from boardpack.calculated_indicators import views

urlpatterns = [
    path("calculated/links/<int:pk>/", views.link_edit, name="calculated-link-edit"),
]
