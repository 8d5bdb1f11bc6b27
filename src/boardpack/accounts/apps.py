from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "boardpack.accounts"
    verbose_name = "People and organisation"
