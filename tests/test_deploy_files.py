"""deploy/ and docs/deploy.md: the systemd units are valid (systemd-analyze verify), the timers
start the services beside them, and every environment variable Boardpack reads is in
.env.example and in docs/deploy.md, and nothing there is a variable nobody reads."""

import os
import re
import shutil
import subprocess
from datetime import datetime, timedelta
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DEPLOY = ROOT / "deploy"
SRC = ROOT / "src" / "boardpack"
READ = re.compile(r'env_(?:str|int|bool|list)\("([A-Z][A-Z0-9_]+)"')
SSO = re.compile(r'"(BOARDPACK_OIDC_[A-Z_]+)"')
GUNICORN = {"BOARDPACK_BIND", "WEB_CONCURRENCY", "BOARDPACK_FORWARDED_ALLOW_IPS"}
UNITS = sorted(p.name for p in DEPLOY.glob("boardpack-*.*"))


def variables_read() -> set[str]:
    """settings.py's env_*("NAME") and single sign-on's BOARDPACK_OIDC_*, and gunicorn's."""
    settings = READ.findall((SRC / "settings.py").read_text())
    sso = SSO.findall((SRC / "lib" / "sso_settings.py").read_text())
    return {*settings, *sso, *GUNICORN}


def test_every_variable_read_is_in_env_example_and_nothing_else():
    documented = set(re.findall(r"^([A-Z][A-Z0-9_]+)=", (ROOT / ".env.example").read_text(), re.M))
    assert variables_read() == documented


def test_every_variable_read_is_in_the_deployment_guide():
    guide = (ROOT / "docs" / "deploy.md").read_text()
    assert {name for name in variables_read() if f"`{name}`" not in guide} == set()


def test_the_guide_names_every_file_in_deploy():
    guide = (ROOT / "docs" / "deploy.md").read_text()
    assert [p.name for p in DEPLOY.iterdir() if p.name not in guide] == []


def test_each_timer_starts_the_service_of_its_name():
    timers = [name for name in UNITS if name.endswith(".timer")]
    assert timers == ["boardpack-backup.timer", "boardpack-cycle.timer"]
    for timer in timers:
        assert (DEPLOY / timer.replace(".timer", ".service")).exists()


@pytest.mark.skipif(not shutil.which("systemd-analyze"), reason="needs systemd-analyze")
def test_the_units_are_valid(tmp_path):
    """As installed, with /srv/boardpack this checkout (so that their programs exist)."""
    for name in UNITS:
        text = (DEPLOY / name).read_text().replace("/srv/boardpack", str(ROOT))
        (tmp_path / name).write_text(text)
    checked = subprocess.run(
        ["systemd-analyze", "verify", *UNITS],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert (checked.returncode, checked.stderr) == (0, "")


def test_the_units_run_boardpack_as_its_own_user_with_the_env_file():
    for name in (n for n in UNITS if n.endswith(".service")):
        text = (DEPLOY / name).read_text()
        assert "User=boardpack" in text, name
        assert "EnvironmentFile=/srv/boardpack/.env" in text, name
        assert "RestrictNamespaces" not in text.replace("# No RestrictNamespaces=", ""), name


def test_the_backup_retention_keeps_35_nights_and_the_first_of_13_months(tmp_path):
    """The backup unit's clean-up commands, run on a folder of a backup a night for 500 nights:
    what is left is every backup up to 35 days old, and the first of each month's up to 400."""
    now = datetime.now() - timedelta(hours=1)  # each backup whole days and an hour old
    ages = {}
    for days in range(500):
        when = now - timedelta(days=days)
        made = tmp_path / f"boardpack-{when:%Y-%m-%dT%H%M}.backup"
        made.touch()
        os.utime(made, (when.timestamp(), when.timestamp()))
        ages[made.name] = (days, when.day == 1)
    unit = (DEPLOY / "boardpack-backup.service").read_text()
    cleanups = re.findall(r"^ExecStartPost=(.+)$", unit, re.M)
    assert len(cleanups) == 2
    for line in cleanups:
        subprocess.run(line.replace("/var/backups/boardpack", str(tmp_path)).split(), check=True)
    kept = {p.name for p in tmp_path.iterdir()}
    expected = {name for name, (days, first) in ages.items() if days <= (400 if first else 35)}
    assert kept == expected
    assert len([name for name in kept if ages[name][1]]) >= 13


def test_the_backup_unit_names_each_backup_by_its_date_and_time(tmp_path):
    """Its ExecStart as systemd hands it to the shell ($$ and %% unescaped), `boardpack backup`
    replaced by `touch`."""
    unit = (DEPLOY / "boardpack-backup.service").read_text()
    (command,) = re.findall(r"^ExecStart=/bin/sh -ec '(.+)'$", unit, re.M)
    shell = (
        command.replace("$$", "$")
        .replace("%%", "%")
        .replace("/srv/boardpack/.venv/bin/boardpack backup", "touch")
        .replace("/var/backups/boardpack", str(tmp_path))
    )
    subprocess.run(["/bin/sh", "-ec", shell], check=True)
    (made,) = [p.name for p in tmp_path.iterdir()]
    assert re.fullmatch(rf"boardpack-{datetime.now():%Y-%m-%d}T\d{{4}}\.backup", made)
