from django.urls import path

from boardpack.boards import views

urlpatterns = [
    path("boards/", views.boards, name="boards"),
    path("boards/new/", views.board_new, name="board-new"),
    path("boards/<int:pk>/", views.board, name="board"),
    path("boards/<int:pk>/edit/", views.board_edit, name="board-edit"),
    path("boards/<int:pk>/selections/", views.selection_add, name="selection-add"),
    path(
        "boards/<int:pk>/selections/<int:selection>/remove/",
        views.selection_remove,
        name="selection-remove",
    ),
    path("boards/<int:pk>/meetings/", views.meetings_add, name="meetings-add"),
    path("meetings/<int:pk>/", views.meeting, name="meeting"),
    path("meetings/<int:pk>/edit/", views.meeting_edit, name="meeting-edit"),
    path("meetings/<int:pk>/remove/", views.meeting_delete, name="meeting-delete"),
    path("meetings/<int:pk>/requests/", views.meeting_requests_now, name="meeting-requests-now"),
    path("meetings/<int:pk>/pack.<str:fmt>", views.meeting_pack, name="meeting-pack"),
    path(
        "commentary/chase/<int:pk>/<str:period>/",
        views.commentary_chase,
        name="commentary-chase",
    ),
]
