from django.apps import AppConfig


class BoardsConfig(AppConfig):
    name = "boardpack.boards"
    verbose_name = "Boards"
