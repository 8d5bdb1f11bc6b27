from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "boardpack.reports"
    verbose_name = "Board pack reports"
