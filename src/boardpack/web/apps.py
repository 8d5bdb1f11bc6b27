from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "boardpack.web"
    verbose_name = "Site layout"
