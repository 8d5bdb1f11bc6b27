from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "boardpack.accounts"
    verbose_name = "People and organisation"

    def ready(self) -> None:
        from boardpack.accounts import sessions, signin  # noqa: F401  (their signal receivers)
