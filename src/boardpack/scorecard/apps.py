from django.apps import AppConfig


class ScorecardConfig(AppConfig):
    name = "boardpack.scorecard"
    verbose_name = "Scorecard"
