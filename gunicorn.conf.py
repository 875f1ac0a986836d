"""gunicorn settings for production: `gunicorn -c gunicorn.conf.py wsgi:app` (gunicorn also reads this file by
itself when started from the project root).

The access log names no client address (no `%(h)s`), no query string, referrer or user agent, and its path
passes the app's redaction filter (`survey_app/log_redaction.py`), so `/s/<token>` is logged as
`/s/[verborgen]`: a log beside the invitation CSV must not tell when or from where a respondent answered.
"""

import multiprocessing

workers = 2 * multiprocessing.cpu_count() + 1
worker_class = "gthread"
threads = 4
# No access log unless asked for (`--access-logfile -`, as gunicorn's default); when there is one, it has this
# format: time, method, path (tokens redacted), status, bytes, duration in ms; nothing that identifies the client.
access_log_format = '%(t)s "%(m)s %(U)s" %(s)s %(b)s %(M)sms'


def post_worker_init(worker):
    """Redact the request loggers in each worker, also for records logged before the app is first used."""
    import logging

    from survey_app.log_redaction import REQUEST_LOGGERS, install

    for name in REQUEST_LOGGERS:
        install(logging.getLogger(name))
