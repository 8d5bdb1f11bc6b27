from django.apps import AppConfig


class CalculatedConfig(AppConfig):
    name = "boardpack.calculated"
    verbose_name = "Calculated indicators"
