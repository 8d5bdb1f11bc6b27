"""What the bench scripts share: failing a run, logging, running a command, writing a section."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any


class BenchError(Exception):
    """A command failed or gave a wrong answer: the figures would mean nothing."""


def check(condition: bool, message: str) -> None:
    if not condition:
        raise BenchError(message)


def log(message: str) -> None:
    print(message, flush=True)


def run(
    command: list[str], env: Mapping[str, str] | None = None, timeout: float | None = None
) -> tuple[float, str]:
    """Run a command to its exit; returns its wall-clock time and its output."""
    start = time.perf_counter()
    try:
        done = subprocess.run(
            command, env=env, capture_output=True, text=True, timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired:
        raise BenchError(f"{' '.join(command)} did not finish in {timeout:.0f} s") from None
    elapsed = time.perf_counter() - start
    check(done.returncode == 0, f"{' '.join(command)} failed:\n{done.stderr}")
    return elapsed, done.stdout


def collect_static(directory: Path) -> None:
    """Production's static files, collected into `directory`: with DEBUG off, pages name the
    hashed files `collectstatic` writes (docs/deploy.md, "Static files"). BOARDPACK_STATIC_ROOT
    is set for every server and command started after."""
    os.environ["BOARDPACK_STATIC_ROOT"] = str(directory)
    run([str(Path(sys.executable).parent / "boardpack"), "collectstatic", "--noinput"])


def markdown_table(header: list[str], rows: list[list[str]]) -> list[str]:
    """A Markdown table's lines."""
    return [
        "| " + " | ".join(header) + " |",
        "|" + " --- |" * len(header),
        *("| " + " | ".join(row) + " |" for row in rows),
    ]


def replace_section(document: str, lines: list[str], start: str, end: str) -> str:
    """The document with the part between the markers `start` and `end` replaced by `lines`
    (which carry the markers), or with `lines` added at the end."""
    text = "\n".join(lines)
    pattern = re.compile(re.escape(start) + ".*?" + re.escape(end), re.S)
    if pattern.search(document):
        return pattern.sub(lambda _: text, document)
    return document.rstrip("\n") + "\n\n" + text + "\n"


def seconds(value: float) -> str:
    return f"{value:.2f} s" if value < 10 else f"{value:.1f} s"


def verdict(met: bool, detail: str) -> str:
    return f"{'met' if met else '**not met**'} ({detail})"


def measure_into(
    doc: Path,
    name: str,
    measure: Callable[[Path], tuple[Any, str]],
    section: Callable[[Any, str], list[str]],
    markers: tuple[str, str],
) -> None:
    """Measure in a temporary folder with production settings, write the section between
    `markers` into `doc` and log its table rows."""
    os.environ.setdefault("SECRET_KEY", "insecure-key-for-benchmarks-only")
    os.environ["DEBUG"] = "false"
    with tempfile.TemporaryDirectory(prefix=f"boardpack-bench-{name}-") as temp:
        lines = section(*measure(Path(temp)))
    doc.write_text(replace_section(doc.read_text() if doc.exists() else "", lines, *markers))
    log("\n".join(line for line in lines if line.startswith("| ")))
