from django.apps import AppConfig


class BoardsConfig(AppConfig):
    name = "boardpack.boards"
    verbose_name = "Boards"

    def ready(self) -> None:
        """Boards plugs into the scorecard below it (which cannot import boards): pages open
        on the period of the next meeting's pack, and reviewers are e-mailed when commentary
        is submitted."""
        from boardpack.boards.notices import notify_reviewers
        from boardpack.boards.selectors import next_pack_month
        from boardpack.scorecard.commentary.signals import commentary_submitted
        from boardpack.scorecard.default_period import PACK_PERIOD_READERS

        if next_pack_month not in PACK_PERIOD_READERS:
            PACK_PERIOD_READERS.append(next_pack_month)
        commentary_submitted.connect(notify_reviewers, dispatch_uid="boards.notify_reviewers")
