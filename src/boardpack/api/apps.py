from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "boardpack.api"
    label = "api"
    verbose_name = "API"

    def ready(self) -> None:
        from boardpack.api import audit

        audit.connect()
