from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "boardpack.plans"
    verbose_name = "Plans"
