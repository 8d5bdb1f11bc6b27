from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "boardpack.api"
    label = "api"
    verbose_name = "API"
