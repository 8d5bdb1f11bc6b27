from django.apps import AppConfig


class BoardsConfig(AppConfig):
    name = "boardpack.boards"
    verbose_name = "Boards"

    def ready(self) -> None:
        """Pages below boards open on the period of the next meeting's pack: boards tells the
        scorecard's default-period rule how to read it (scorecard cannot import boards)."""
        from boardpack.boards.selectors import next_pack_month
        from boardpack.scorecard.default_period import PACK_PERIOD_READERS

        if next_pack_month not in PACK_PERIOD_READERS:
            PACK_PERIOD_READERS.append(next_pack_month)
