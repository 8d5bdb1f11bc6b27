"""Gunicorn's settings for Boardpack's web service (docs/deploy.md):

    gunicorn --config deploy/gunicorn.conf.py

behind nginx (deploy/nginx.conf), which terminates HTTPS. Gunicorn reads the environment the
service gives it (deploy/boardpack-web.service); options on the command line win over these.
Its own log lines (start, stop, a worker timing out, one line a request) are JSON on stdout,
like the application's (boardpack.lib.json_logs).
"""

import os

wsgi_app = "boardpack.wsgi:application"
# nginx on the same machine; BOARDPACK_BIND=0.0.0.0:8000 for a proxy on another one.
bind = [os.environ.get("BOARDPACK_BIND", "127.0.0.1:8000")]
# Synchronous workers: a page takes its worker for its time (a report is a background job).
# Two a core, plus one; WEB_CONCURRENCY to choose.
workers = int(os.environ.get("WEB_CONCURRENCY", 2 * (os.cpu_count() or 1) + 1))
# A request that runs longer than this is killed (and logged): none should take a minute.
timeout = 60
graceful_timeout = 30
keepalive = 5
# Each worker is replaced after about a thousand requests: memory never creeps up.
max_requests = 1000
max_requests_jitter = 100
# X-Forwarded-* are believed from nginx on this machine only.
forwarded_allow_ips = os.environ.get("BOARDPACK_FORWARDED_ALLOW_IPS", "127.0.0.1")
# The workers' heartbeat files in memory, not on a disk that may stall.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
# No control socket (gunicornc): systemd stops and reloads gunicorn with signals.
control_socket_disable = True

accesslog = "-"
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms'
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "boardpack.lib.json_logs.JsonFormatter"}},
    "root": {"level": "INFO", "handlers": ["console"]},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "json",
        }
    },
    "loggers": {
        "gunicorn.error": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "gunicorn.access": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}
