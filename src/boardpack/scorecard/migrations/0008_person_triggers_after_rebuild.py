"""SQLite rebuilds a table to add a NOT NULL column, and a rebuilt table loses its triggers:
accounts 0004 rebuilt accounts_person after (on a database migrated earlier) the data version's
triggers were made on it (0003). Make them again; PostgreSQL's survive ALTER TABLE."""

from importlib import import_module

from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

DATA_VERSION = import_module("boardpack.scorecard.migrations.0003_dataversion")
TABLE = "accounts_person"


def remake_triggers(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    if schema_editor.connection.vendor != "sqlite":
        return
    for event in DATA_VERSION.EVENTS:
        schema_editor.execute(f"DROP TRIGGER IF EXISTS data_version_{TABLE}_{event}")
        schema_editor.execute(DATA_VERSION.SQLITE_TRIGGER.format(table=TABLE, event=event))


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0004_sso_subject_password_change"),
        ("scorecard", "0007_comment_correction"),
    ]

    operations = [migrations.RunPython(remake_triggers, migrations.RunPython.noop)]
