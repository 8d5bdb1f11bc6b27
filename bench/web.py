"""The web load benchmark: pages served by gunicorn, as in production, measured over HTTP.

bench/run.py calls `measure` for each loaded database. For each page it starts gunicorn on a
free port of 127.0.0.1, signs the benchmark viewer in through /login/ (bench/page.py gave it a
password), checks that the page answers 200 with the content expected (not a redirect to the
sign-in page), warms the workers up, times requests one at a time, then loads the page with wrk:
CLIENTS connections and no think time for DURATION seconds. Any response other than 2xx, socket
error or timeout fails the page. gunicorn is stopped when the page is done, however it ends, so
that requests still queued from one load do not slow the next measurement.
"""

from __future__ import annotations

import http.client
import json
import os
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from http.cookies import SimpleCookie
from pathlib import Path
from typing import IO
from urllib.parse import urlencode

from common import BenchError, check, log, run
from page import VIEWER

GUNICORN = Path(sys.executable).parent / "gunicorn"
WRK = "/usr/bin/wrk"
WRK_SCRIPT = Path(__file__).resolve().parent / "wrk-report.lua"
HOST = "127.0.0.1"
PASSWORD = secrets.token_urlsafe(16)  # the viewer's, set by bench/page.py
CLIENTS, WRK_THREADS = 20, 2
DURATION = 15  # seconds of load
TIMEOUT = 20  # seconds a response may take before it counts as a timeout
SEQUENTIAL = 20  # requests one at a time for the single-request median
START_TIMEOUT = 30.0  # seconds for gunicorn to answer
SINGLE_GOAL, RATE_GOAL, P95_GOAL = 0.1, 30.0, 1.0


@dataclass(frozen=True)
class Server:
    """gunicorn's worker processes and the threads of each (more than one: gthread workers)."""

    workers: int
    threads: int = 1

    def options(self) -> list[str]:
        return ["--workers", str(self.workers), "--threads", str(self.threads)]

    def __str__(self) -> str:
        if self.threads == 1:
            return f"{self.workers} sync workers"
        return f"{self.workers} gthread workers × {self.threads} threads"


SERVER = Server(workers=4)  # the setting the goals are measured with; see docs/PERFORMANCE.md
ALTERNATIVES = (Server(workers=2), Server(workers=2, threads=4))


@dataclass(frozen=True)
class Page:
    name: str  # as the report names it, e.g. "Scorecard page"
    path: str
    expected: str  # text that the page shows and the sign-in page does not


@dataclass(frozen=True)
class Load:
    """wrk's figures for one page: requests a second and latency percentiles in seconds."""

    requests: int
    rate: float
    p50: float
    p95: float
    p99: float
    max: float
    cpu: float  # seconds of the workers' CPU time (user and system) per page


@dataclass(frozen=True)
class Running:
    """A gunicorn server: the port it listens on and its master process."""

    port: int
    pid: int


@dataclass(frozen=True)
class PageFigures:
    single: float  # median seconds of one request at a time
    load: Load


@dataclass(frozen=True)
class Unmeasured:
    """A page that could not be measured: it answered wrongly, so its figures would mean nothing."""

    reason: str


PageResult = PageFigures | Unmeasured


@dataclass(frozen=True)
class WebFigures:
    pages: dict[str, PageResult]  # by page name, measured with SERVER
    alternatives: dict[Server, PageResult]  # the first page with each alternative, or none


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


def request(
    port: int, method: str, path: str, headers: Mapping[str, str], body: str | None = None
) -> tuple[int, http.client.HTTPMessage, bytes]:
    """One HTTP request on a new connection, redirects not followed: status, headers, body."""
    connection = http.client.HTTPConnection(HOST, port, timeout=TIMEOUT)
    try:
        connection.request(method, path, body=body, headers=dict(headers))
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


def cookie(headers: http.client.HTTPMessage, name: str) -> str | None:
    jar: SimpleCookie = SimpleCookie()
    for header in headers.get_all("Set-Cookie") or []:
        jar.load(header)
    return jar[name].value if name in jar else None


def _tail(output: IO[bytes], lines: int = 20) -> str:
    output.seek(0)
    return "\n".join(output.read().decode(errors="replace").splitlines()[-lines:])


def _wait_until_answering(server: subprocess.Popen[bytes], port: int, output: IO[bytes]) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    answer = "none"
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise BenchError(f"gunicorn exited with status {server.returncode}:\n{_tail(output)}")
        try:
            status = request(port, "GET", "/login/", {})[0]
        except OSError as error:
            answer = str(error)
        else:
            if status == 200:
                return
            answer = str(status)
        time.sleep(0.2)
    raise BenchError(
        f"gunicorn did not answer GET /login/ with 200 in {START_TIMEOUT:.0f} s "
        f"(last answer: {answer}):\n{_tail(output)}"
    )


@contextmanager
def serve(database_url: str, server: Server) -> Iterator[Running]:
    """gunicorn serving Boardpack from the database on a free port of HOST."""
    port = free_port()
    env = {**os.environ, "DATABASE_URL": database_url, "DEBUG": "false", "ALLOWED_HOSTS": HOST}
    command = [str(GUNICORN), "boardpack.wsgi:application", "--bind", f"{HOST}:{port}"]
    with tempfile.TemporaryFile() as output:
        process = subprocess.Popen(
            [*command, *server.options()], env=env, stdout=output, stderr=subprocess.STDOUT
        )
        try:
            _wait_until_answering(process, port, output)
            yield Running(port, process.pid)
        finally:
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def sign_in(port: int) -> str:
    """Sign the viewer in through the sign-in form; returns the session cookie's value."""
    status, headers, _ = request(port, "GET", "/login/", {})
    token = cookie(headers, "csrftoken")
    if status != 200 or token is None:
        raise BenchError(f"GET /login/ answered {status} without a CSRF cookie")
    form = {"username": VIEWER, "password": PASSWORD, "csrfmiddlewaretoken": token, "next": "/"}
    status, headers, _ = request(
        port,
        "POST",
        "/login/",
        {"Cookie": f"csrftoken={token}", "Content-Type": "application/x-www-form-urlencoded"},
        urlencode(form),
    )
    session = cookie(headers, "sessionid")
    if status != 302 or session is None:
        raise BenchError(f"signing in as {VIEWER} failed: {status} and no session cookie")
    return session


def _check_page(port: int, page: Page, session: str) -> None:
    status, headers, body = request(port, "GET", page.path, {"Cookie": f"sessionid={session}"})
    if status in (301, 302):
        raise BenchError(f"GET {page.path} redirected to {headers['Location']}, not 200")
    if status == 404:
        raise BenchError(f"GET {page.path} answered 404 Not Found: the page is not there yet")
    check(status == 200, f"GET {page.path} answered {status}, not 200")
    check(page.expected in body.decode(), f"GET {page.path} does not show {page.expected!r}")


def _warm_up(port: int, page: Page, session: str) -> None:
    """CLIENTS requests at once, every answer read, so that each worker has rendered the page."""

    def get(_: int) -> int:
        return request(port, "GET", page.path, {"Cookie": f"sessionid={session}"})[0]

    with ThreadPoolExecutor(max_workers=CLIENTS) as pool:
        statuses = set(pool.map(get, range(CLIENTS)))
    check(statuses == {200}, f"GET {page.path} answered {sorted(statuses)} when warming up")


def _single(port: int, page: Page, session: str) -> float:
    """The median time of SEQUENTIAL requests one at a time, each on a new connection."""
    times = []
    for _ in range(SEQUENTIAL):
        start = time.perf_counter()
        status = request(port, "GET", page.path, {"Cookie": f"sessionid={session}"})[0]
        times.append(time.perf_counter() - start)
        check(status == 200, f"GET {page.path} answered {status}")
    return statistics.median(times)


def _workers_cpu(master: int) -> float:
    """The CPU time in seconds, user and system, of the master's children: its workers."""
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rpartition(")")[2].split()  # from field 3, the state
        except OSError:  # the process has gone
            continue
        if int(fields[1]) == master:  # field 4, the parent
            total += int(fields[11]) + int(fields[12])  # fields 14 and 15, utime and stime
    return total / os.sysconf("SC_CLK_TCK")


def _load(running: Running, page: Page, session: str, seconds: int) -> Load:
    """wrk with CLIENTS connections for `seconds`; fails on any response other than 2xx."""
    command = [
        WRK,
        f"--threads={WRK_THREADS}",
        f"--connections={CLIENTS}",
        f"--duration={seconds}s",
        f"--timeout={TIMEOUT}s",
        f"--script={WRK_SCRIPT}",
        f"--header=Cookie: sessionid={session}",
        f"http://{HOST}:{running.port}{page.path}",
    ]
    cpu = _workers_cpu(running.pid)
    output = run(command, timeout=seconds + TIMEOUT + 30)[1]
    cpu = _workers_cpu(running.pid) - cpu
    lines = [line for line in output.splitlines() if line.startswith("{")]
    check(bool(lines), f"wrk printed no report:\n{output}")
    report = json.loads(lines[-1])
    requests = int(report["requests"])
    check(requests > 0, f"GET {page.path}: wrk completed no request in {seconds} s")
    check(
        report["not_2xx"] == 0,
        f"GET {page.path}: {report['not_2xx']} of {requests} responses under load were not 2xx",
    )
    check(
        report["socket_errors"] == 0 and report["timeouts"] == 0,
        f"GET {page.path} under load: {report['socket_errors']} socket errors and "
        f"{report['timeouts']} timeouts (over {TIMEOUT} s)",
    )
    return Load(
        requests=requests,
        rate=requests / (report["duration"] / 1e6),
        p50=report["p50"] / 1e6,
        p95=report["p95"] / 1e6,
        p99=report["p99"] / 1e6,
        max=report["max"] / 1e6,
        cpu=cpu / requests,
    )


def measure_page(database_url: str, server: Server, page: Page) -> PageResult:
    """Check the page, then time it alone and under load, on a server of its own."""
    log(f"  {page.name} over HTTP, {server}")
    try:
        with serve(database_url, server) as running:
            session = sign_in(running.port)
            _check_page(running.port, page, session)
            _warm_up(running.port, page, session)
            single = _single(running.port, page, session)
            return PageFigures(single=single, load=_load(running, page, session, DURATION))
    except BenchError as error:
        log(f"  {page.name}: not measured: {error}")
        return Unmeasured(str(error))


def measure(database_url: str, pages: list[Page], compare: bool) -> WebFigures:
    """Every page with SERVER; if `compare`, the first page with each alternative setting too."""
    return WebFigures(
        pages={page.name: measure_page(database_url, SERVER, page) for page in pages},
        alternatives={
            server: measure_page(database_url, server, pages[0])
            for server in (ALTERNATIVES if compare else ())
        },
    )


def wrk_version() -> str:
    """wrk's version line, e.g. "debian/4.1.0-3+b2"."""
    done = subprocess.run([WRK, "--version"], capture_output=True, text=True, check=False)
    words = (done.stdout + done.stderr).split()
    return words[1] if len(words) > 1 else "unknown"
