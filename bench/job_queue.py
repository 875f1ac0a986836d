"""Benchmark of the job queue (not a test): a wave's bijlagen built through the queue by 1 and by 2 worker
processes, beside the machine's own two-process ceiling, and a teamleider's download of a built bijlage.

A scratch SQLite database in a temporary folder gets the demo organisation scaled to `--teams` teams (four
gemeenten) with synthetic answers (bench/reports.py:populate), on the embedded queue (Huey's SQLite file) or,
with `--redis`, on a throwaway Debian redis-server. For 1 and then 2 `flask worker` processes (started and
ready before the clock starts) the wave's build is queued and timed until its job row says done; the stored
PDFs are deleted between the runs. Prints

(a) the build through the queue with 1 and with 2 workers and the speed-up, next to what two processes of pure
    CPU work gain over one on this machine in the same run, before and after the builds (the ceiling; target:
    speed-up >= 0,9 of it);
(b) a teamleider's download of a stored bijlage through the app (login, access check, freshness check,
    audit, PDF): median and slowest of 20 (target: within 200 ms).

    .venv/bin/python bench/job_queue.py [--teams 200] [--per-team 9] [--modules samenwerking] [--redis]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.reports import cpu_scaling, populate  # noqa: E402


@contextlib.contextmanager
def worker_processes(count: int, env: dict, scratch: Path):
    """`count` `flask worker` processes, each in a working directory of its own, ready before yielding."""
    started = []
    for number in range(count):
        folder = scratch / f"worker-{count}-{number}"
        folder.mkdir()
        log = (folder / "worker.log").open("w+b")
        process = subprocess.Popen([sys.executable, "-m", "flask", "--app", "wsgi", "worker"], cwd=folder, env=env,
                                   stdout=log, stderr=subprocess.STDOUT)
        started.append((process, log))
    try:
        for process, log in started:
            while b"Huey consumer started" not in (log.seek(0) or log.read()):
                if process.poll() is not None:
                    raise RuntimeError(log.read().decode(errors="replace")[-2000:])
                time.sleep(0.2)
        yield
    finally:
        for process, log in started:
            process.terminate()
            process.wait(timeout=120)
            log.close()


def build_through_queue(wave_id: int, workers: int, env: dict, scratch: Path) -> float:
    """Seconds from queueing the wave's build until its job is done, with `workers` worker processes."""
    from sqlalchemy import delete

    from survey_app.extensions import db
    from survey_app.jobs.models import Job, JobState, ReportFile
    from survey_app.jobs.report_tasks import queue_wave_build
    from survey_app.models import Wave
    from survey_app.reports.sources import clear_cache

    db.session.execute(delete(ReportFile))
    db.session.commit()
    clear_cache()
    with worker_processes(workers, env, scratch):
        start = time.perf_counter()
        job = queue_wave_build(db.session.get(Wave, wave_id))
        db.session.commit()
        while True:
            db.session.rollback()
            state, done, total, reason = db.session.execute(
                db.select(Job.state, Job.done, Job.total, Job.reason).where(Job.id == job.id)).one()
            if state in (JobState.DONE, JobState.FAILED):
                break
            time.sleep(0.2)
        elapsed = time.perf_counter() - start
    if state != JobState.DONE:
        raise RuntimeError(f"build failed: {reason}")
    print(f"  {workers} worker(s): {done} van {total} bestanden in {elapsed:.1f} s", flush=True)
    return elapsed


def download_times(app, wave, team, times: int = 20) -> list[float]:
    """Seconds of each of `times` downloads of the team's stored bijlage by its teamleider."""
    from survey_app.extensions import db
    from survey_app.services.users import create_user

    leader = create_user("tl@bench.invalid", "teamleider", "een-lang-bench-wachtwoord", [team.slug])
    db.session.commit()
    client = app.test_client()
    with client.session_transaction() as session:
        session["_user_id"], session["_fresh"] = leader.get_id(), True
    url = f"/team/{wave.name}/{team.slug}/bijlage.pdf"
    client.get(url)  # warm-up
    spent = []
    for _ in range(times):
        start = time.perf_counter()
        response = client.get(url)
        spent.append(time.perf_counter() - start)
        if response.status_code != 200 or not response.data.startswith(b"%PDF"):
            raise RuntimeError(f"download answered {response.status_code}")
    return spent


@contextlib.contextmanager
def broker(use_redis: bool, scratch: Path):
    """The queue URL: Huey's SQLite file (embedded) or a throwaway redis-server."""
    if not use_redis:
        yield f"sqlite:///{scratch / 'jobs.sqlite3'}"
        return
    from tests.foundation.servers import redis_server

    with redis_server(scratch) as url:
        if url is None:
            sys.exit("redis-server is not installed (Debian package redis-server)")
        yield url


def main() -> None:
    """Build the scratch database, then measure (a) and (b)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--teams", type=int, default=200)
    parser.add_argument("--per-team", type=int, default=9)
    parser.add_argument("--modules", default="", help="comma-separated module ids (default: every module)")
    parser.add_argument("--redis", action="store_true", help="a throwaway redis-server as the broker")
    args = parser.parse_args()

    from sqlalchemy import select

    from survey_app import create_app
    from survey_app.extensions import db
    from survey_app.models import Base, Team, Wave, WaveStatus

    with tempfile.TemporaryDirectory() as tmp, broker(args.redis, Path(tmp)) as queue_url:
        scratch = Path(tmp)
        database = f"sqlite:///{scratch / 'bench.db'}"
        env = {**os.environ, "DATABASE_URL": database, "JOB_QUEUE_URL": queue_url, "SECRET_KEY": "bench",
               "PYTHONPATH": str(ROOT)}
        app = create_app({"SQLALCHEMY_DATABASE_URI": database, "SECRET_KEY": "bench", "JOB_QUEUE_URL": queue_url})
        with app.app_context():
            Base.metadata.create_all(db.engine)
            populate(args.teams, args.per_team, [m for m in args.modules.split(",") if m] or None)
            wave = db.session.scalar(select(Wave).where(Wave.name == "bench"))
            wave.status = WaveStatus.CLOSED  # no build queued yet: the runs below queue their own
            db.session.commit()
            files = len(wave.teams) + len({p.team.gemeente_id for p in wave.teams})
            print(f"Golf met {len(wave.teams)} teams ({files} bestanden), {args.per_team} respondenten per team, "
                  f"wachtrij {'Redis' if args.redis else 'SQLite'}; load {os.getloadavg()[0]:.1f}.", flush=True)
            before = cpu_scaling()
            one = build_through_queue(wave.id, 1, env, scratch)
            two = build_through_queue(wave.id, 2, env, scratch)
            after = cpu_scaling()
            ceiling = (before + after) / 2
            print(f"(a) via de wachtrij: 1 worker {one:.1f} s, 2 workers {two:.1f} s, {one / two:.2f}x sneller; "
                  f"plafond (2 processen puur rekenwerk) {before:.2f}x vóór, {after:.2f}x na; "
                  f"verhouding tot het gemiddelde plafond {one / two / ceiling:.2f} (doel >= 0,9)", flush=True)
            team = db.session.scalar(select(Team).order_by(Team.slug).limit(1))
            spent = download_times(app, wave, team)
            print(f"(b) download van een gemaakte bijlage door de teamleider: mediaan "
                  f"{statistics.median(spent) * 1000:.0f} ms, traagste {max(spent) * 1000:.0f} ms (doel <= 200 ms); "
                  f"load {os.getloadavg()[0]:.1f}", flush=True)
            db.session.remove()
            db.engine.dispose()


if __name__ == "__main__":
    main()
