"""boards/0003_notices rebuilds boards_delivery on SQLite (a column made nullable), which drops
the table's read-version triggers of 0002: put them back. PostgreSQL keeps them."""

from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

TABLE = "boards_delivery"
EVENTS = ("INSERT", "UPDATE", "DELETE")
TRIGGER = """
CREATE TRIGGER IF NOT EXISTS read_version_{table}_{event} AFTER {event} ON {table}
BEGIN
INSERT INTO api_readversion (id, token) VALUES (1, lower(hex(randomblob(16))))
ON CONFLICT (id) DO UPDATE SET token = excluded.token;
END
"""


def recreate(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    if schema_editor.connection.vendor == "sqlite":
        for event in EVENTS:
            schema_editor.execute(TRIGGER.format(table=TABLE, event=event))


class Migration(migrations.Migration):
    dependencies = [
        ("api", "0002_read_version_triggers"),
        ("boards", "0003_notices"),
    ]

    operations = [migrations.RunPython(recreate, migrations.RunPython.noop)]
