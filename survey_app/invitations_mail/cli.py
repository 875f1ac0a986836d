"""`flask mail send-due`: what cron (or the job queue's periodic task) runs to send due reminders and retries."""

from __future__ import annotations

import click

from survey_app.cli.common import transactional
from survey_app.invitations_mail.sending import send_due_reminders

group = click.Group("mail", help="E-mailuitnodigingen en herinneringen.")


@group.command("send-due")
@transactional
def send_due_command() -> None:
    """Verstuur geplande herinneringen waarvan het moment voorbij is, en wat opnieuw geprobeerd moet worden."""
    done = send_due_reminders()
    if not done:
        click.echo("Geen open golven met e-mail.")
    for wave, summary in done.items():
        click.echo(f"golf {wave}: {summary.sent} verzonden, {summary.retry} later opnieuw, {summary.failed} mislukt, "
                   f"{summary.skipped} overgeslagen (al ingevuld)")
