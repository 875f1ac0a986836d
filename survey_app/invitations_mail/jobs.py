"""E-mail on the job queue: a campaign's queued messages are sent by a worker, never inside a web request
(500 addresses at 60 a minute take over 8 minutes), and every minute a worker sends the reminders whose
moment has passed and the retries that are due.

The job carries ids only (wave, campaign): addresses stay in `mail_recipient`, which closing the wave empties.
"""

from __future__ import annotations

from huey import crontab

from survey_app.invitations_mail.sending import dispatch_send, send_due_reminders
from survey_app.jobs.queue import huey
from survey_app.jobs.tasks import in_app


def send_campaign(wave_id: int, campaign_id: int, progress=None) -> None:
    """The catalogue's "e-mail" job: send what the campaign has queued (paced, retried, statuses recorded)."""
    summary = dispatch_send(campaign_id)
    if progress is not None:
        total = summary.sent + summary.retry + summary.failed + summary.skipped
        progress(total, total)


@huey.periodic_task(crontab(minute="*"))
@in_app
def send_due_mail() -> None:
    """Every minute: due reminders (once per scheduled moment) and due retries; safe to run on every worker."""
    send_due_reminders()
