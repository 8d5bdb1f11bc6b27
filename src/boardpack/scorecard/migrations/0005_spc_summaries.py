"""Stored SPC summaries and the series versions that say whether one is still good: the
database's triggers raise an indicator's version in every statement that writes its actuals
or targets, whatever writes them (see SeriesVersion and scorecard/spc/selectors.py)."""

import django.db.models.deletion
from django.db import migrations, models
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

TABLES = ("scorecard_actual", "scorecard_target")
BUMP = """
INSERT INTO scorecard_seriesversion (indicator_id, version) VALUES ({row}.indicator_id, 1)
ON CONFLICT (indicator_id) DO UPDATE SET version = scorecard_seriesversion.version + 1;
"""
SQLITE_TRIGGERS = {
    "INSERT": BUMP.format(row="NEW"),
    "UPDATE": BUMP.format(row="OLD") + BUMP.format(row="NEW"),
    "DELETE": BUMP.format(row="OLD"),
}
SQLITE_TRIGGER = """
CREATE TRIGGER series_version_{table}_{event} AFTER {event} ON {table}
BEGIN
{body}
END
"""
POSTGRES_BUMP = """
INSERT INTO scorecard_seriesversion (indicator_id, version)
SELECT DISTINCT indicator_id, 1 FROM {rows}
ON CONFLICT (indicator_id) DO UPDATE SET version = scorecard_seriesversion.version + 1;
"""
POSTGRES_FUNCTION = f"""
CREATE FUNCTION new_series_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        {POSTGRES_BUMP.format(rows="new_rows")}
    ELSIF TG_OP = 'DELETE' THEN
        {POSTGRES_BUMP.format(rows="old_rows")}
    ELSIF TG_OP = 'UPDATE' THEN
        {POSTGRES_BUMP.format(rows="(SELECT indicator_id FROM old_rows UNION SELECT indicator_id FROM new_rows) AS changed")}
    ELSE
        UPDATE scorecard_seriesversion SET version = version + 1;
    END IF;
    RETURN NULL;
END
$$
"""
POSTGRES_TRIGGERS = {
    "insert": "AFTER INSERT ON {table} REFERENCING NEW TABLE AS new_rows",
    "update": "AFTER UPDATE ON {table} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows",
    "delete": "AFTER DELETE ON {table} REFERENCING OLD TABLE AS old_rows",
    "truncate": "AFTER TRUNCATE ON {table}",
}
POSTGRES_TRIGGER = """
CREATE TRIGGER series_version_{event} {when}
FOR EACH STATEMENT EXECUTE FUNCTION new_series_version()
"""


def create_triggers(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        statements = [
            SQLITE_TRIGGER.format(table=t, event=e, body=body)
            for t in TABLES
            for e, body in SQLITE_TRIGGERS.items()
        ]
    elif vendor == "postgresql":
        statements = [
            POSTGRES_FUNCTION,
            *(
                POSTGRES_TRIGGER.format(event=e, when=when.format(table=t))
                for t in TABLES
                for e, when in POSTGRES_TRIGGERS.items()
            ),
        ]
    else:
        raise NotImplementedError(f"no series version triggers for {vendor}")
    for statement in statements:
        schema_editor.execute(statement)


def drop_triggers(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    if schema_editor.connection.vendor == "sqlite":
        for table in TABLES:
            for event in SQLITE_TRIGGERS:
                schema_editor.execute(f"DROP TRIGGER series_version_{table}_{event}")
    else:
        for table in TABLES:
            for event in POSTGRES_TRIGGERS:
                schema_editor.execute(f"DROP TRIGGER series_version_{event} ON {table}")
        schema_editor.execute("DROP FUNCTION new_series_version()")


class Migration(migrations.Migration):

    dependencies = [
        ('scorecard', '0004_indicator_spc_baseline'),
    ]

    operations = [
        migrations.CreateModel(
            name='SeriesVersion',
            fields=[
                ('indicator', models.OneToOneField(db_constraint=False, on_delete=django.db.models.deletion.CASCADE, primary_key=True, related_name='series_version', serialize=False, to='scorecard.indicator')),
                ('version', models.BigIntegerField(default=0)),
            ],
        ),
        migrations.CreateModel(
            name='StoredSpcSummary',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('period', models.DateField(help_text='The last day of the month the series runs up to.')),
                ('version', models.BigIntegerField()),
                ('polarity', models.CharField(max_length=10)),
                ('cumulative', models.BooleanField()),
                ('baseline', models.PositiveSmallIntegerField(null=True)),
                ('points', models.PositiveIntegerField()),
                ('variation', models.CharField(max_length=20)),
                ('assurance', models.CharField(max_length=20)),
                ('reason', models.CharField(blank=True, max_length=100)),
                ('indicator', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='scorecard.indicator')),
            ],
            options={
                'constraints': [models.UniqueConstraint(fields=('indicator', 'period'), name='spc_summary_one_per_month')],
            },
        ),
        migrations.RunPython(create_triggers, drop_triggers),
    ]
