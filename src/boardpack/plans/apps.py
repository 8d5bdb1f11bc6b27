from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "boardpack.plans"
    verbose_name = "Plans"

    def ready(self) -> None:
        from boardpack.lib.importing import register
        from boardpack.plans.importers import KINDS

        register(*KINDS)
