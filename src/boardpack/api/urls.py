from django.urls import path

from boardpack.api import views
from boardpack.api.api import api

urlpatterns = [
    path("api/v1/", api.urls),
    path("account/", views.account, name="my-account"),
    path("account/tokens/<int:pk>/revoke/", views.token_revoke, name="token-revoke"),
]
