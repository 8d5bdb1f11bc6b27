from django.apps import AppConfig


class CliConfig(AppConfig):
    name = "boardpack.cli"
    verbose_name = "Command line"
