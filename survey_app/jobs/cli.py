"""`flask worker`: a queue worker for this app's broker (`JOB_QUEUE_URL`), on this or any other machine."""

from __future__ import annotations

import logging

import click
from flask import current_app


@click.command("worker")
@click.option("--threads", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Taken tegelijk in dit proces (PDF's maken is rekenwerk: start liever één proces per kern).")
def worker(threads: int) -> None:
    """Voer taken uit de wachtrij uit (rapportages, exports, analyses, e-mail) tot Ctrl-C of SIGTERM."""
    from survey_app.jobs.queue import bind_app, consumer, describe

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    app = current_app._get_current_object()
    bind_app(app)
    click.echo(f"Wachtrij {describe(app.config.get('JOB_QUEUE_URL', ''))}; {threads} taak/taken tegelijk.")
    consumer(threads).run()
