"""What one worker process does: render one prepared report to PDF and put it in place atomically.

Kept apart from the builder so a spawned worker imports only the rendering code, never the app or the database.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from survey_app.reports.render import render_pdf, template_for

TMP_SUFFIX = ".tmp"


@dataclass(frozen=True)
class Job:
    """One file to build: the prepared report data and where the PDF goes."""

    filename: str
    context: dict
    out_dir: str


def temp_path(target: Path) -> Path:
    """The hidden temporary name a PDF is written under before it is renamed into place."""
    return target.with_name(f".{target.name}.{os.getpid()}{TMP_SUFFIX}")


def render_job(job: Job) -> str:
    """Render the job's PDF, write it under a temporary name and rename it, so no half file is ever visible."""
    target = Path(job.out_dir) / job.filename
    content = render_pdf(template_for(job.context), job.context)
    tmp = temp_path(target)
    try:
        tmp.write_bytes(content)
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    return job.filename
