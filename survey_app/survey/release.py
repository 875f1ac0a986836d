"""Moving sealed submissions into responses in shuffled batches, so no database trace ties one to its invitation.

Submitting only *seals* a draft (`flow.submit`): the invitation is marked submitted and the draft keeps the
final answers. Whoever holds the database, its WAL or backups and the invitation CSV could otherwise pair a
response with its invitation through what one transaction leaves behind on both: PostgreSQL's `xmin`/`xmax`
(live and dead rows), commit timestamps, physical row order, SQLite's deleted pages and WAL frames.

So responses are written only here, for one team at a time, in a batch of at least the wave's
`min_cell_size` sealed submissions:

- the batch's responses are inserted in random order with random ids, and the invitations of the batch are
  rewritten in the same transaction, so every row of the batch carries one transaction id and commit time;
- the drafts are deleted in that transaction and their space is scrubbed afterwards (`scrub_traces`):
  SQLite runs with `secure_delete` and a truncating checkpoint; PostgreSQL vacuums the draft and invitation
  tables (a full rewrite of the draft table when a wave closes);
- while a wave is open, `min_cell_size` sealed submissions of each team are always held back, so that the
  last batch at closing is as large as every other batch.

The window in which a submission is still linkable is therefore: from sealing until its team has
`2 × min_cell_size` sealed submissions, or until the wave closes. A team with fewer than `min_cell_size`
submissions in total cannot be protected this way; its figures are never shown (see docs/privacy.md).
"""

from __future__ import annotations

import datetime as dt
import logging
import random
import time
import uuid

from sqlalchemy import delete, event, func, insert, select, text, update
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from survey_app.extensions import db
from survey_app.models import Draft, Invitation, InvitationStatus, Response, Wave
from survey_app.services.answer_store import answers_document, bump_answers_revision

#: the operating system's randomness: a seeded generator would make the shuffle reproducible for an insider
_RANDOM = random.SystemRandom()


def _sealed(wave_id: int, team_id: int, include_held: bool = False):
    """Ids of the team's sealed drafts (and their invitations) waiting for a batch."""
    query = (select(Draft.id, Draft.invitation_id)
             .join(Invitation, Invitation.id == Draft.invitation_id)
             .where(Invitation.wave_id == wave_id, Invitation.team_id == team_id, Draft.sealed.is_(True)))
    if not include_held:
        query = query.where(Draft.held.is_(False))
    if db.engine.dialect.name == "postgresql":
        query = query.with_for_update(of=Draft)  # two requests releasing the same team wait for each other
    return db.session.execute(query).all()


def release_batch(wave_id: int, team_id: int, rows: list) -> int:
    """Turn the given sealed drafts into responses in one transaction step (the caller commits)."""
    if not rows:
        return 0
    draft_ids = [draft_id for draft_id, _ in rows]
    invitation_ids = [invitation_id for _, invitation_id in rows]
    stored = db.session.execute(select(Draft.answers).where(Draft.id.in_(draft_ids))).scalars().all()
    batch = list(stored)
    _RANDOM.shuffle(batch)
    today = dt.date.today()
    responses = [{"id": uuid.uuid4().hex, "wave_id": wave_id, "team_id": team_id, "submitted_on": today,
                  "channel": "web", "answers": answers_document(answers)} for answers in batch]
    db.session.execute(insert(Response), responses)
    bump_answers_revision(wave_id)
    db.session.execute(delete(Draft).where(Draft.id.in_(draft_ids)))
    # Rewrite the batch's invitations together: on PostgreSQL each row version gets this transaction's id and
    # commit time, the same as the responses, instead of the moment each one was submitted.
    db.session.execute(update(Invitation).where(Invitation.id.in_(invitation_ids))
                       .values(status=InvitationStatus.SUBMITTED)
                       .execution_options(synchronize_session=False))
    return len(batch)


def release_ready(wave: Wave | int, team_id: int, min_cell_size: int | None = None) -> int:
    """While a wave is open: release all but `min_cell_size` of a team's sealed submissions, once at least
    twice that many wait. The ones released are chosen at random, so neither end of the queue is special."""
    wave_id = wave if isinstance(wave, int) else wave.id
    if min_cell_size is None:
        min_cell_size = db.session.scalar(select(Wave.min_cell_size).where(Wave.id == wave_id))
    rows = _sealed(wave_id, team_id)
    if len(rows) < 2 * min_cell_size:
        return 0
    chosen = _RANDOM.sample(list(rows), len(rows) - min_cell_size)
    return release_batch(wave_id, team_id, chosen)


def try_release(wave_id: int, team_id: int) -> None:
    """Right after a submission was committed: release the team's batch if one is due, in its own transaction.

    Best effort: when another request holds the write lock (SQLite) or the same rows (PostgreSQL), this one
    gives way; the submission stays sealed and the next submission of the team, or closing the wave, releases
    it. The log line names no team, invitation or response.
    """
    try:
        released = release_ready(wave_id, team_id)
        db.session.commit()
    except DBAPIError:
        db.session.rollback()
        logging.getLogger(__name__).info("Vrijgeven van een batch uitgesteld (database bezet)")
        return
    if released:
        scrub_traces()


def release_all(wave: Wave) -> int:
    """At closing: every team's remaining sealed submissions (not those held for review) as one last batch."""
    released = 0
    for participation in wave.teams:
        released += release_batch(wave.id, participation.team_id, list(_sealed(wave.id, participation.team_id)))
    return released


def held_for_review(wave: Wave) -> dict[int, int]:
    """Per team id, how many open-link submissions beyond the headcount wait for a researcher's decision."""
    return dict(db.session.execute(
        select(Invitation.team_id, func.count())
        .join(Draft, Draft.invitation_id == Invitation.id)
        .where(Invitation.wave_id == wave.id, Draft.sealed.is_(True), Draft.held.is_(True))
        .group_by(Invitation.team_id)).all())


def sealed_waiting(wave: Wave) -> dict[int, int]:
    """Per team id, submissions sealed but not yet in a batch (held ones included): they count as responded."""
    return dict(db.session.execute(
        select(Invitation.team_id, func.count())
        .join(Draft, Draft.invitation_id == Invitation.id)
        .where(Invitation.wave_id == wave.id, Draft.sealed.is_(True))
        .group_by(Invitation.team_id)).all())


def decide_held(wave: Wave, team_id: int, count_in: bool) -> int:
    """A researcher's decision on a team's held submissions: count them in (they join the batches) or discard
    them (drafts deleted; the invitations stay submitted, so the links cannot be used again)."""
    held = db.session.execute(
        select(Draft.id).join(Invitation, Invitation.id == Draft.invitation_id)
        .where(Invitation.wave_id == wave.id, Invitation.team_id == team_id, Draft.held.is_(True))
    ).scalars().all()
    if not held:
        return 0
    if count_in:
        db.session.execute(update(Draft).where(Draft.id.in_(held)).values(held=False)
                           .execution_options(synchronize_session=False))
    else:
        db.session.execute(delete(Draft).where(Draft.id.in_(held)))
    return len(held)


def scrub_traces(full: bool = False) -> None:
    """After a committed batch: remove what deleted and rewritten rows leave behind on disk.

    SQLite: deleted content is already zeroed (`secure_delete`, see database.py); a truncating checkpoint
    empties the WAL of the old page images. PostgreSQL: VACUUM removes the dead row versions (and with them
    their xmin/xmax) of drafts and invitations; `full` rewrites the draft table into a new file, which leaves
    no free-space remnants of old drafts in the table's pages (done when a wave closes).
    """
    engine = db.engine
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        if engine.dialect.name == "sqlite":
            connection.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
        elif engine.dialect.name == "postgresql":
            _await_older_snapshots(connection)
            connection.execute(text("VACUUM FULL draft" if full else "VACUUM draft"))
            connection.execute(text("VACUUM invitation"))


#: how long the scrub waits for transactions that may still see the old row versions (seconds)
SNAPSHOT_WAIT = 15.0


def _await_older_snapshots(connection) -> None:
    """VACUUM keeps every dead row version that a still-open transaction of this database might see: a request
    or worker that began before the batch committed (a report build, a slow page) would keep the drafts' old
    versions, with their xmin/xmax, on disk. So wait, bounded, until no snapshot older than this moment is
    held; past the bound the scrub goes ahead and says so (the next VACUUM removes what is left)."""
    since = connection.scalar(text("SELECT clock_timestamp()"))
    deadline = time.monotonic() + SNAPSHOT_WAIT
    older = text("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                 "AND pid <> pg_backend_pid() AND backend_xmin IS NOT NULL AND xact_start < :since")
    while connection.scalar(older, {"since": since}):
        if time.monotonic() > deadline:
            logging.getLogger(__name__).warning(
                "Opschonen na vrijgeven: een oudere transactie is nog open; VACUUM laat mogelijk oude versies "
                "staan tot de volgende keer")
            return
        time.sleep(0.1)


_SCRUB_KEY = "survey_scrub_traces"


def scrub_after_commit(full: bool = False) -> None:
    """Ask for `scrub_traces` once the current transaction has committed (VACUUM cannot run inside one)."""
    db.session.info[_SCRUB_KEY] = full or db.session.info.get(_SCRUB_KEY, False)


@event.listens_for(Session, "after_commit")
def _scrub_when_committed(session: Session) -> None:
    full = session.info.pop(_SCRUB_KEY, None)
    if full is not None:
        scrub_traces(full)


@event.listens_for(Session, "after_rollback")
def _forget_scrub(session: Session) -> None:
    session.info.pop(_SCRUB_KEY, None)
