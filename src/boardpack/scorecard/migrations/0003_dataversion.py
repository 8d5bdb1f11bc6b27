"""The data version: a token the database itself replaces on every write to the tables the
scorecard page reads, so the page's cache needs no hook in the code (see DataVersion)."""

from django.db import migrations, models
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

WATCHED = (
    "accounts_orgunit",
    "accounts_person",
    "scorecard_actual",
    "scorecard_comment",
    "scorecard_indicator",
    "scorecard_indicator_tags",
    "scorecard_tag",
    "scorecard_target",
)
EVENTS = ("INSERT", "UPDATE", "DELETE")
SQLITE_TRIGGER = """
CREATE TRIGGER data_version_{table}_{event} AFTER {event} ON {table}
BEGIN
    INSERT INTO scorecard_dataversion (id, token) VALUES (1, lower(hex(randomblob(16))))
    ON CONFLICT (id) DO UPDATE SET token = excluded.token;
END
"""
POSTGRES_FUNCTION = """
CREATE FUNCTION new_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO scorecard_dataversion (id, token)
    VALUES (1, replace(gen_random_uuid()::text, '-', ''))
    ON CONFLICT (id) DO UPDATE SET token = excluded.token;
    RETURN NULL;
END
$$
"""
POSTGRES_TRIGGER = """
CREATE TRIGGER data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table}
FOR EACH STATEMENT EXECUTE FUNCTION new_data_version()
"""


def create_triggers(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        statements = [
            SQLITE_TRIGGER.format(table=t, event=e) for t in WATCHED for e in EVENTS
        ]
    elif vendor == "postgresql":
        statements = [POSTGRES_FUNCTION, *(POSTGRES_TRIGGER.format(table=t) for t in WATCHED)]
    else:
        raise NotImplementedError(f"no data version triggers for {vendor}")
    for statement in statements:
        schema_editor.execute(statement)
    apps.get_model("scorecard", "DataVersion").objects.create(pk=1, token="initial")


def drop_triggers(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    if schema_editor.connection.vendor == "sqlite":
        for table in WATCHED:
            for event in EVENTS:
                schema_editor.execute(f"DROP TRIGGER data_version_{table}_{event}")
    else:
        for table in WATCHED:
            schema_editor.execute(f"DROP TRIGGER data_version ON {table}")
        schema_editor.execute("DROP FUNCTION new_data_version()")


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_person_email_opt_out"),
        ("scorecard", "0002_roles_delegation_comment_workflow"),
    ]

    operations = [
        migrations.CreateModel(
            name="DataVersion",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("token", models.CharField(max_length=32)),
            ],
        ),
        migrations.RunPython(create_triggers, drop_triggers),
    ]
