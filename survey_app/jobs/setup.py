"""Wiring of the job queue into the app: the broker, the tasks, the job list pages and `flask worker`."""

from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    """Point the queue at the app's broker, register the tasks (web processes queue them, workers run them)."""
    from survey_app.invitations_mail import jobs as mail_jobs  # noqa: F401  (the periodic mail task)
    from survey_app.jobs import report_tasks, tasks  # noqa: F401  (registers the tasks with Huey)
    from survey_app.jobs.cli import worker
    from survey_app.jobs.queue import configure
    from survey_app.jobs.views import bp

    configure(app)
    app.register_blueprint(bp)
    app.cli.add_command(worker)
