"""Background builds started from the researcher pages: one thread per wave, with progress kept in memory.

The thread runs the same `build_reports` as the CLI (its worker processes do the rendering) and writes into
`instance/reports/<wave>/`. Status lives in this process only; a restarted server simply shows no build.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path

from flask import Flask

from survey_app.extensions import db


@dataclass
class BuildStatus:
    """Where a wave's background build stands."""

    wave: str
    running: bool = True
    done: int = 0
    total: int = 0
    files: list[str] = field(default_factory=list)
    error: str | None = None


_builds: dict[str, BuildStatus] = {}
_threads: dict[str, threading.Thread] = {}
_lock = threading.Lock()


def reports_dir(app: Flask, wave_name: str) -> Path:
    """`instance/reports/<wave>/`, where the web build puts its files."""
    return Path(app.instance_path) / "reports" / wave_name


def build_status(wave_name: str) -> BuildStatus | None:
    """The latest build of a wave in this process, or None."""
    with _lock:
        return _builds.get(wave_name)


def start_build(app: Flask, wave_name: str, jobs: int) -> bool:
    """Start building a wave's reports in a background thread; False when one is already running."""
    with _lock:
        current = _builds.get(wave_name)
        if current is not None and current.running:
            return False
        status = _builds[wave_name] = BuildStatus(wave_name)
    thread = threading.Thread(target=_run, args=(app, status, jobs), name=f"rapporten-{wave_name}", daemon=True)
    with _lock:
        _threads[wave_name] = thread
    thread.start()
    return True


def wait_for_builds(timeout: float = 120) -> None:
    """Wait until the background builds of this process have finished (tests, orderly shutdown)."""
    with _lock:
        threads = list(_threads.values())
    for thread in threads:
        thread.join(timeout)


def _run(app: Flask, status: BuildStatus, jobs: int) -> None:
    from survey_app.reports.builder import build_reports, report_count
    from survey_app.services.waves import get_wave

    def progress(done: int, total: int, _filename: str) -> None:
        with _lock:
            status.done, status.total = done, total

    with app.app_context():
        try:
            wave = get_wave(status.wave)
            with _lock:
                status.total = report_count(wave)
            files = build_reports(wave, reports_dir(app, status.wave), jobs=jobs, progress=progress)
            with _lock:
                status.files = [path.name for path in files]
        except Exception:
            app.logger.exception("Rapportages van golf %s niet gemaakt", status.wave)
            with _lock:
                status.error = "Het maken van de rapportages is mislukt; zie het serverlog."
        finally:
            db.session.remove()
            with _lock:
                status.running = False
