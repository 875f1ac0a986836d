"""The job queue: long work (report builds, exports, analyses, e-mail batches) runs in worker processes.

`queue.py` holds the Huey instance (embedded: a SQLite file; distributed: Redis), `models.py` the shared status
in the application database, `status.py` the writes to it, `tasks.py` the Huey tasks, `catalogue.py` the
functions a job may run, `reports.py` the fan-out build of a wave's reports, `views.py` the job list with retry,
`cli.py` `flask worker`. Kept light: `survey_app.models` imports `jobs.models` through this package.
"""
