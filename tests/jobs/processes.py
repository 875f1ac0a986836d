"""Real processes for the queue tests: `flask worker` in a working directory of its own, and gunicorn serving the
production entry point (`wsgi:app`, `gunicorn.conf.py`), configured only through the environment as in
production (DATABASE_URL, JOB_QUEUE_URL, SECRET_KEY)."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
from pathlib import Path

from tests.foundation.servers import ROOT, _start, _stop, _wait_for_port, free_port


def environment(database_url: str, queue_url: str) -> dict:
    """What a web or worker machine is given: the database, the broker, the shared secret."""
    env = {**os.environ, "DATABASE_URL": database_url, "JOB_QUEUE_URL": queue_url, "SECRET_KEY": "test-secret",
           "SESSION_COOKIE_SECURE": "0", "PYTHONPATH": str(ROOT)}
    env.pop("FLASK_RUN_FROM_CLI", None)
    return env


def start_worker(directory: Path, env: dict) -> subprocess.Popen:
    """`flask --app wsgi worker` started in `directory` (it shares no files with the others)."""
    directory.mkdir(parents=True, exist_ok=True)
    return _start([sys.executable, "-m", "flask", "--app", "wsgi", "worker"], cwd=directory, env=env)


def stop_gracefully(process: subprocess.Popen) -> str:
    """SIGTERM: the worker finishes the task in hand, then stops (what systemd or docker stop send); returns
    its log."""
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=300)
        return log_of(process)
    finally:
        _stop(process)


def log_of(process: subprocess.Popen) -> str:
    """Everything the process wrote so far."""
    process.log.flush()
    process.log.seek(0)
    return process.log.read().decode(errors="replace")


@contextlib.contextmanager
def workers(directories: list[Path], env: dict):
    """Worker processes, one per directory; stopped afterwards."""
    started = [start_worker(directory, env) for directory in directories]
    try:
        yield started
    finally:
        for process in started:
            if process.poll() is None:
                _stop(process)


@contextlib.contextmanager
def gunicorn(env: dict, worker_count: int = 3):
    """gunicorn with the project's gunicorn.conf.py and `worker_count` workers; yields (base URL, process)."""
    port = free_port()
    process = _start([sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "-w", str(worker_count),
                      "-b", f"127.0.0.1:{port}", "wsgi:app"], cwd=ROOT, env=env)
    try:
        _wait_for_port(port, process, "gunicorn")
        yield f"http://127.0.0.1:{port}", process
    finally:
        _stop(process)
