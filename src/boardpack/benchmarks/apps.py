from django.apps import AppConfig


class BenchmarksConfig(AppConfig):
    name = "boardpack.benchmarks"
    verbose_name = "Benchmarks"

    def ready(self) -> None:
        from boardpack.benchmarks.importers import KINDS
        from boardpack.lib.importing import register

        register(*KINDS)
