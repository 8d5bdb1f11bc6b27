from django.apps import AppConfig


class CalculatedConfig(AppConfig):
    name = "boardpack.calculated_indicators"
    label = "calculated"
    verbose_name = "Calculated indicators"
