"""Which functions a queued job may run, by kind. A job row names its kind, never a function path, so the
database cannot make a worker import arbitrary code.

A job function is plain: it takes JSON-able keyword arguments (the job's `params`), optionally
`progress(done, total)`, and returns None or `(file name, bytes)` to offer for download. It raises
`JobError("Dutch reason")` for a failure the researcher can act on, `TemporaryFailure("...")` for one worth
retrying (Huey tries again three times, 30 s apart). To add a kind: one line in KINDS, then queue it with
`survey_app.jobs.tasks.submit(kind, label, wave_id=..., **params)`.

Parameters are kept in the `job` row (for a retry) and pickled into the broker: pass ids, never e-mail
addresses or tokens, which must leave the database when a wave closes. Huey logs task names and ids only.
"""

from __future__ import annotations

import importlib

from survey_app.services.errors import InputError

#: kind -> "module:function"
KINDS = {
    "export": "survey_app.jobs.work:export_answers",
    "analyse": "survey_app.jobs.work:analyse_wave",
    "e-mail": "survey_app.invitations_mail.jobs:send_campaign",
}


class JobError(Exception):
    """A failure whose message (Dutch) tells the researcher what went wrong."""


class TemporaryFailure(JobError):
    """A failure that may pass (a mail server or network away): the job is tried again."""


def resolve(kind: str):
    """The function of a kind; KeyError for a kind the catalogue does not know."""
    module, _, name = KINDS[kind].partition(":")
    return getattr(importlib.import_module(module), name)


def reason_for(error: Exception) -> str:
    """The Dutch reason stored with a failed job: the message of our own errors, the type of any other."""
    if isinstance(error, JobError | InputError):
        return str(error)
    return f"Onverwachte fout ({type(error).__name__}); de details staan in het log van de worker."
