"""The read version: a token the database itself replaces on every write to a table the API
reads beyond the scorecard's (which scorecard.DataVersion follows), so the API's ETags need no
hook in the code (docs/api.md, "ETags").

Published figures (benchmarks_publishedvalue, 640,000 rows) are written only by the benchmarks
import, which records a benchmarks_benchmarkimport row in the same transaction: that row is
what changes the version, so the import's rows need no trigger each on SQLite.
"""

from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

WATCHED = (
    "benchmarks_area",
    "benchmarks_benchmarkimport",
    "benchmarks_indicatorlink",
    "benchmarks_measure",
    "benchmarks_neighbour",
    "benchmarks_neighbourset",
    "boards_board",
    "boards_board_members",
    "boards_boardselection",
    "boards_delivery",
    "boards_meeting",
    "calculated_calculatedvalue",
    "calculated_calculation",
    "calculated_measurelink",
    "plans_action",
    "plans_action_responsible_people",
    "plans_action_responsible_units",
    "plans_bragchange",
    "plans_objective",
    "plans_plan",
    "plans_progressentry",
    "plans_timescaleresolution",
)
EVENTS = ("INSERT", "UPDATE", "DELETE")
NEW_TOKEN = {
    "sqlite": "lower(hex(randomblob(16)))",
    "postgresql": "replace(gen_random_uuid()::text, '-', '')",
}
UPSERT = """
INSERT INTO api_readversion (id, token) VALUES (1, {token})
ON CONFLICT (id) DO UPDATE SET token = excluded.token;
"""


def _sqlite(table: str, event: str) -> str:
    body = UPSERT.format(token=NEW_TOKEN["sqlite"])
    return f"CREATE TRIGGER read_version_{table}_{event} AFTER {event} ON {table}\nBEGIN{body}END"


def _postgres_function() -> str:
    body = UPSERT.format(token=NEW_TOKEN["postgresql"])
    return (
        "CREATE FUNCTION new_read_version() RETURNS trigger LANGUAGE plpgsql AS $$\n"
        f"BEGIN{body}RETURN NULL;\nEND\n$$"
    )


def _postgres(table: str) -> str:
    return (
        f"CREATE TRIGGER read_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table}\n"
        "FOR EACH STATEMENT EXECUTE FUNCTION new_read_version()"
    )


def create_triggers(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        statements = [_sqlite(t, e) for t in WATCHED for e in EVENTS]
    elif vendor == "postgresql":
        statements = [_postgres_function(), *(_postgres(t) for t in WATCHED)]
    else:
        raise NotImplementedError(f"no read version triggers for {vendor}")
    for statement in statements:
        schema_editor.execute(statement)
    apps.get_model("api", "ReadVersion").objects.create(pk=1, token="initial")


def drop_triggers(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    if schema_editor.connection.vendor == "sqlite":
        for table in WATCHED:
            for event in EVENTS:
                schema_editor.execute(f"DROP TRIGGER read_version_{table}_{event}")
    else:
        for table in WATCHED:
            schema_editor.execute(f"DROP TRIGGER read_version ON {table}")
        schema_editor.execute("DROP FUNCTION new_read_version()")
    apps.get_model("api", "ReadVersion").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("api", "0001_tokens"),
        ("benchmarks", "0001_initial"),
        ("boards", "0002_cycle"),
        ("calculated", "0001_initial"),
        ("plans", "0002_timescale_resolution"),
    ]

    operations = [migrations.RunPython(create_triggers, drop_triggers)]
