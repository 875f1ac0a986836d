"""The one Huey instance of the platform, pointed at the broker the settings name (`JOB_QUEUE_URL`).

Two real modes with the same tasks and the same `flask worker`:

- embedded (the default, empty `JOB_QUEUE_URL`): Huey's SQLite storage in `instance/jobs.sqlite3`; no extra
  server, web and workers on one machine (`make run` starts one worker beside the web server);
- distributed (`redis://host:6379/1`): Huey's Redis storage; web servers and workers on any number of machines
  that share this Redis and the application database (job status and built PDFs live there, `models.py`).

`memory://` keeps the queue in this process (tests with an in-process consumer, `start_in_process`).

Tasks are declared on the instance at import time (`tasks.py`), before any app exists; `configure` swaps in the
storage an app's settings name, and `bind_app` says which app a task runs under in a worker.
"""

from __future__ import annotations

from pathlib import Path

from flask import Flask
from huey import Huey
from huey.consumer import Consumer
from huey.storage import MemoryStorage, RedisStorage, SqliteStorage

#: results are not kept in the broker: what a job did is written to the `job` table
huey = Huey("monitor-sociale-teams", results=False, storage_class=MemoryStorage)
_bound: dict[str, Flask] = {}


def storage_for(url: str, instance_path: str):
    """The Huey storage for a `JOB_QUEUE_URL`: "" (SQLite file in instance/), sqlite:///path, redis://, memory://."""
    if url.startswith(("redis://", "rediss://", "unix://")):
        return RedisStorage(huey.name, url=url)
    if url == "memory://":
        return MemoryStorage(huey.name)
    if url.startswith("sqlite:///"):
        return SqliteStorage(huey.name, filename=url.removeprefix("sqlite:///"))
    if url:
        raise ValueError(f"JOB_QUEUE_URL: onbekend soort wachtrij '{url.split(':', 1)[0]}' "
                         "(leeg, sqlite:///pad, redis://... of memory://)")
    return SqliteStorage(huey.name, filename=str(Path(instance_path) / "jobs.sqlite3"))


def describe(url: str) -> str:
    """The mode in words, for the worker's first log line (no password)."""
    if url.startswith(("redis://", "rediss://", "unix://")):
        return "gedistribueerd (Redis)"
    return "in dit proces (geheugen)" if url == "memory://" else "ingebouwd (SQLite-bestand)"


def configure(app: Flask) -> None:
    """Point the queue at the app's broker and let tasks in this process run under this app."""
    url = app.config.get("JOB_QUEUE_URL", "")
    if getattr(huey, "_configured_for", None) != (url, app.instance_path):
        huey.storage = storage_for(url, app.instance_path)
        huey._configured_for = (url, app.instance_path)
    bind_app(app)


def bind_app(app: Flask) -> None:
    """The app whose context a task gets in this process (the last app created, or the worker's own)."""
    _bound["app"] = app


def bound_app() -> Flask:
    """The app tasks run under; a worker without one cannot reach the database."""
    if "app" not in _bound:
        raise RuntimeError("De wachtrij is niet aan een app gekoppeld (create_app is niet aangeroepen).")
    return _bound["app"]


def consumer(workers: int, periodic: bool = True) -> Consumer:
    """A Huey consumer with `workers` threads; SIGTERM lets running tasks finish (systemd, docker stop).
    `periodic`: also run the periodic tasks (due reminders and mail retries every minute)."""
    return huey.create_consumer(workers=workers, worker_type="thread", periodic=periodic, graceful_signal="TERM",
                                shutdown_timeout=120, max_delay=1.0)


def start_in_process(workers: int = 1, periodic: bool = False) -> Consumer:
    """Start a consumer's threads in this process without touching signal handlers (tests, a single process).
    Periodic tasks only when asked: a test's consumer runs the work its test queues, nothing on a clock.

    Stop it with `consumer.stop(graceful=True)`.
    """
    running = consumer(workers, periodic)
    running.scheduler.start()
    for _, thread in running.worker_threads:
        thread.start()
    return running
