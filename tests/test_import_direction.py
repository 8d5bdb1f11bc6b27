"""The import-direction contract of pyproject.toml ([tool.importlinter]) holds for the code, and
a tie back up the chain, or Django in the pure core, breaks it (run on a copy of src/)."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _lint(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-logo", "--no-cache", "--config", str(root / "pyproject.toml")],
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root / "src")},
        capture_output=True,
        text=True,
        check=False,
    )


def _copy_with(tmp_path: Path, module: str, line: str) -> Path:
    shutil.copy(REPO / "pyproject.toml", tmp_path)
    shutil.copytree(
        REPO / "src" / "boardpack",
        tmp_path / "src" / "boardpack",
        ignore=shutil.ignore_patterns("__pycache__", "templates", "static", "seed", "*.sql"),
    )
    path = tmp_path / "src" / "boardpack" / module
    old = path.read_text() if path.exists() else ""
    path.write_text(f"{old}\n{line}\n")
    return tmp_path


def test_every_import_points_down_the_chain():
    result = _lint(REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 kept, 0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "line", "broken"),
    [
        ("accounts/models.py", "from boardpack.scorecard import models", "One downward chain"),
        ("plans/models.py", "import boardpack.boards.models", "One downward chain"),
        ("scorecard/selectors.py", "import boardpack.benchmarks.selectors", "One downward chain"),
        ("plans/selectors.py", "import boardpack.calculated_indicators", "One downward chain"),
        ("reports/document.py", "import boardpack.web.context", "One downward chain"),
        ("core/periods.py", "import django.db", "import no Django"),
    ],
)
def test_a_tie_back_up_breaks_the_contract(tmp_path, module, line, broken):
    result = _lint(_copy_with(tmp_path, module, line))
    assert result.returncode == 1, result.stdout
    assert f"{broken} BROKEN" in result.stdout.replace("\n", " ")
    assert module.removesuffix(".py").replace("/", ".") in result.stdout


def test_a_new_package_must_take_its_floor(tmp_path):
    result = _lint(_copy_with(tmp_path, "extracts.py", "from boardpack.scorecard import models"))
    assert result.returncode == 1, result.stdout
    assert "not listed as layers" in result.stdout
    assert "boardpack.extracts" in result.stdout
