from django.urls import path

from boardpack.accounts import views

urlpatterns = [
    path("people/", views.people, name="people"),
    path("people/new/", views.person_new, name="person-new"),
    path("people/<int:pk>/edit/", views.person_edit, name="person-edit"),
]
