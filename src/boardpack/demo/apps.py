from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "boardpack.demo"
    verbose_name = "Demo data"
