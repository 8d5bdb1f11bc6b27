from django.apps import AppConfig


class BenchmarksConfig(AppConfig):
    name = "boardpack.benchmarks"
    verbose_name = "Benchmarks"
