"""Job functions of the catalogue other than report builds: an export of a (large) wave and the analysis of a
wave, both as a file the researcher downloads from the job list."""

from __future__ import annotations

import json

from survey_app.exports.run import ANSWER_FORMATS, export_bytes
from survey_app.extensions import db
from survey_app.jobs.catalogue import JobError
from survey_app.models import User, Wave


def _wave(wave_id: int) -> Wave:
    wave = db.session.get(Wave, wave_id)
    if wave is None:
        raise JobError("De golf bestaat niet meer.")
    return wave


def export_answers(wave_id: int, fmt: str, user_id: int | None = None) -> tuple[str, bytes]:
    """The wave's anonymous answers as CSV, Excel or SPSS (audited under the account that asked)."""
    if fmt not in ANSWER_FORMATS:
        raise JobError(f"Onbekend exportformaat '{fmt}'.")
    user = db.session.get(User, user_id) if user_id is not None else None
    content, filename, _media_type = export_bytes(_wave(wave_id), fmt, user)
    return filename, content


def analyse_wave(wave_id: int) -> tuple[str, bytes]:
    """The wave's analysis output (docs/analysis-output.md) as JSON, as `flask analyse` writes it."""
    from survey_app.services.analysis import run_analysis

    wave = _wave(wave_id)
    result = run_analysis(wave, None, None, None, None)
    return f"{wave.name}-analyse.json", json.dumps(result, ensure_ascii=False, indent=1).encode("utf-8")
