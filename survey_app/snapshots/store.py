"""Taking a snapshot of the loaded instrument files and attaching it to a wave."""

from __future__ import annotations

from flask import current_app
from sqlalchemy import func, select

from survey_app.extensions import db
from survey_app.instrument_registry import current_content
from survey_app.models import Draft, InstrumentSnapshot, Invitation, Response, Wave
from survey_app.snapshots.content import content_hash


def take_snapshot(content: dict[str, dict] | None = None) -> InstrumentSnapshot:
    """The snapshot of the instrument files this process loaded (or of the given content, e.g. an earlier
    wave's questionnaire with its own answer scale), stored once per distinct content."""
    content = content if content is not None else current_content(current_app)
    sha = content_hash(content)
    existing = db.session.scalar(select(InstrumentSnapshot).where(InstrumentSnapshot.sha256 == sha))
    if existing is not None:
        return existing
    snapshot = InstrumentSnapshot(sha256=sha, modules=content)
    db.session.add(snapshot)
    db.session.flush()
    return snapshot


def wave_has_answers(wave: Wave) -> bool:
    """True once anything was answered or imported: from then on the wave's questionnaire is frozen."""
    responses = db.session.scalar(select(func.count()).select_from(Response).where(Response.wave_id == wave.id))
    drafts = db.session.scalar(select(func.count()).select_from(Draft)
                               .join(Invitation, Invitation.id == Draft.invitation_id)
                               .where(Invitation.wave_id == wave.id))
    return bool(responses or drafts)


def attach_snapshot(wave: Wave) -> bool:
    """Give the wave the loaded files, unless it already has answers (then its snapshot stays). True if set."""
    if wave.snapshot_id is not None and (wave.id is None or wave_has_answers(wave)):
        return False
    wave.snapshot_id = take_snapshot().id
    return True
