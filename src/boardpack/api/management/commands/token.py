"""boardpack token create --user NAME [--name LABEL] [--expires-days N] [--read-only]
boardpack token list [--user NAME]
boardpack token revoke PREFIX

Personal access tokens of the API (docs/api.md). `create` prints the secret once: only its
SHA-256 is stored. Run by an administrator, for any user.
"""

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from boardpack.api.selectors import token_named, tokens_of
from boardpack.api.services import DEFAULT_DAYS, TokenError, token_create, token_revoke

COLUMNS = ("user", "name", "starts", "access", "made", "expires", "last used", "state")


def _user(username: str) -> AbstractBaseUser:
    found = get_user_model().objects.filter(username=username).first()
    if found is None:
        raise CommandError(f"--user: no user is called {username!r}")
    return found


class Command(BaseCommand):
    help = "Make, list and revoke personal access tokens of the API."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        create = actions.add_parser("create", help="make a token and print it, once")
        create.add_argument("--user", required=True, help="whose token: it acts as them")
        create.add_argument("--name", default="", help="what uses it (by default its prefix)")
        create.add_argument(
            "--expires-days", type=int, default=DEFAULT_DAYS, help="days it lasts (90)"
        )
        create.add_argument("--read-only", action="store_true", help="reads only, never writes")
        listing = actions.add_parser("list", help="every token (or one user's), newest first")
        listing.add_argument("--user", help="only this user's tokens")
        revoke = actions.add_parser("revoke", help="stop a token at once")
        revoke.add_argument("prefix", help="the token's prefix as listed (bpat_…), or the token")

    def handle(self, *args: Any, action: str, **options: Any) -> None:
        if action == "create":
            self._create(**options)
        elif action == "list":
            self._list(options["user"])
        else:
            self._revoke(options["prefix"])

    def _create(
        self, *, user: str, name: str, expires_days: int, read_only: bool, **_: Any
    ) -> None:
        try:
            made = token_create(
                user=_user(user),
                name=name,
                expires_days=expires_days,
                read_only=read_only,
                by=None,
            )
        except TokenError as error:
            raise CommandError(str(error)) from None
        token = made.token
        self.stderr.write(
            f"Token {token.name!r} for {user}, {'read-only' if read_only else 'read and write'}, "
            f"expires {token.expires_at:%Y-%m-%d}. It is shown only now:"
        )
        self.stdout.write(made.secret)

    def _list(self, username: str | None) -> None:
        tokens = tokens_of(_user(username) if username else None)
        now = timezone.now()
        rows = [
            (
                t.user.get_username(),
                t.name,
                f"{t.prefix}…",
                "read-only" if t.read_only else "read-write",
                f"{t.created_at:%Y-%m-%d}",
                f"{t.expires_at:%Y-%m-%d}",
                f"{t.last_used_at:%Y-%m-%d %H:%M}" if t.last_used_at else "never",
                t.state(now),
            )
            for t in tokens
        ]
        widths = [max([len(c), *(len(r[i]) for r in rows)]) for i, c in enumerate(COLUMNS)]
        for row in [COLUMNS, *rows]:
            self.stdout.write(
                "  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip()
            )

    def _revoke(self, prefix: str) -> None:
        token = token_named(prefix)
        if token is None:
            raise CommandError(f"no token starts {prefix!r}: `boardpack token list` shows them")
        try:
            token_revoke(token=token, by=None)
        except TokenError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"{token} is revoked.")
