from django.apps import AppConfig


class ScorecardConfig(AppConfig):
    name = "boardpack.scorecard"
    verbose_name = "Scorecard"

    def ready(self) -> None:
        from boardpack.lib.importing import register
        from boardpack.scorecard.importers import KINDS

        register(*KINDS)
