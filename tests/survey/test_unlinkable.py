"""An insider holding the database files, their WAL, the logs and the invitation CSV cannot pair a response with
its invitation better than picking among `min_cell_size` responses of the team (docs/privacy.md, promise 1).

Fifty professionals of one team submit through the web flow, each with a unique open answer, so the test knows
the truth. Then every channel an insider could read is tried: on PostgreSQL the transaction ids of live and
(with pageinspect) dead row versions, commit timestamps, physical row order and the server log; on SQLite the
raw database and WAL files.
"""

from __future__ import annotations

import logging
import os
from collections import Counter, defaultdict
from pathlib import Path

from sqlalchemy import select, text

from survey_app.extensions import db
from survey_app.models import Invitation, Response, WaveFrame, WaveStatus
from survey_app.services.tokens import hash_token
from survey_app.services.waves import set_status
from tests.conftest import skip_or_fail
from tests.survey.submitting import submit_answers

TEAM = "zwolle-noord"
RESPONDENTS = 50
MIN_CELL = 5
PAGE, ITEM = "wat_nodig", "open_nodig_competenties"


def _marker(number: int) -> str:
    return f"kenmerk-{number:03d}-uniek"


def _submit_fifty(client, create_open_wave, invite):
    wave = create_open_wave(modules=["open_vragen"], headcount=RESPONDENTS)
    tokens = invite(wave, TEAM, RESPONDENTS)
    for number, token in enumerate(tokens):
        submit_answers(client, token, {ITEM: _marker(number)}, page=PAGE)
    truth = {}  # invitation id -> marker
    for number, token in enumerate(tokens):
        truth[db.session.scalar(select(Invitation.id).where(Invitation.token_hash == hash_token(token)))] = \
            _marker(number)
    return wave, tokens, truth


def _close(wave) -> None:
    db.session.commit()
    set_status(wave, WaveStatus.CLOSED)
    db.session.commit()
    db.session.remove()


def test_no_database_trace_links_a_response_to_its_invitation(app, client, create_open_wave, invite, caplog):
    caplog.set_level(logging.DEBUG)
    wave, tokens, truth = _submit_fifty(client, create_open_wave, invite)
    if db.engine.dialect.name == "postgresql":
        _check_postgresql(wave, tokens, truth)
    else:
        _check_sqlite(wave)
    logged = "\n".join(record.getMessage() for record in caplog.records)
    for number, token in enumerate(tokens):
        assert token not in logged and hash_token(token) not in logged and _marker(number) not in logged


# --- SQLite: the raw files --------------------------------------------------------------------------------------

def _raw_sqlite_bytes() -> bytes:
    path = Path(db.engine.url.database)
    return b"".join(p.read_bytes() for p in (path, Path(f"{path}-wal")) if p.exists())


def _check_sqlite(wave) -> None:
    draft_form = f'"{ITEM}": "'.encode()  # how a draft keeps an answer beside its invitation id (JSON)
    # Teeth: while the last batch is held back, the sealed drafts are in the files and the test sees them.
    assert draft_form in _raw_sqlite_bytes()
    _close(wave)
    raw = _raw_sqlite_bytes()
    assert draft_form not in raw, "a draft (invitation id beside answers) is still readable in the files"
    wal = Path(f"{db.engine.url.database}-wal")
    assert not wal.exists() or wal.stat().st_size == 0, "the WAL still holds old pages"
    # the wave's columnar snapshot (wave_frame, written at closing) is the one other copy an answer may have
    snapshot = db.session.scalar(select(WaveFrame.data)) or b""
    for number in range(RESPONDENTS):
        marker = _marker(number).encode()
        assert raw.count(marker) == 1 + snapshot.count(marker), "an answer is stored more than once"


# --- PostgreSQL: transaction ids, commit times, row order, dead rows, server log ---------------------------------

def _require(sql: str, why: str) -> None:
    try:
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text(sql))
    except Exception as error:  # noqa: BLE001 - any refusal means the channel cannot be checked here
        skip_or_fail(f"{why}: {error}")


def _tuples(table: str) -> list[dict]:
    """Every row version on the table's pages, live or dead, with its transaction ids (pageinspect)."""
    blocks = db.session.scalar(text(f"SELECT pg_relation_size('{table}') / current_setting('block_size')::int"))
    rows = []
    for block in range(blocks):
        rows += db.session.execute(text(
            f"SELECT lp, lp_flags, t_xmin::text AS xmin, t_xmax::text AS xmax FROM "
            f"heap_page_items(get_raw_page('{table}', {block})) WHERE lp_flags = 1")).mappings().all()
    return [dict(row) for row in rows]


def _xids(tuples: list[dict]) -> Counter:
    """How many row versions each transaction id touched (as creator or deleter)."""
    return Counter(xid for row in tuples for xid in (row["xmin"], row["xmax"]) if xid not in ("0", None))


def _commit_times(xids) -> dict[str, object]:
    return {xid: db.session.scalar(text("SELECT pg_xact_commit_timestamp(CAST(:x AS xid))"), {"x": xid})
            for xid in xids}


def _shared_links_are_crowds(invitation_side: Counter, response_side: Counter, channel: str) -> None:
    """Every value seen on both sides must cover at least MIN_CELL invitations and MIN_CELL responses."""
    for value in set(invitation_side) & set(response_side):
        assert invitation_side[value] >= MIN_CELL and response_side[value] >= MIN_CELL, (
            channel, value, invitation_side[value], response_side[value])


def _order_guess_hits(response_order: list[str], invitation_order: list[int], truth_by_response: dict) -> int:
    """How often pairing the i-th response with the i-th invitation (an insider's best order guess) is right."""
    return sum(truth_by_response[r] == i for r, i in zip(response_order, invitation_order, strict=False))


def _check_postgresql(wave, tokens, truth) -> None:
    _require("CREATE EXTENSION IF NOT EXISTS pageinspect", "pageinspect is needed to read dead rows")
    if db.session.scalar(text("SHOW track_commit_timestamp")) != "on":
        skip_or_fail("PostgreSQL runs without track_commit_timestamp=on (.ci/run sets it)")
    _close(wave)

    marker_to_invitation = {marker: invitation for invitation, marker in truth.items()}
    truth_by_response = {r: marker_to_invitation[answers[ITEM]] for r, answers in db.session.execute(
        select(Response.id, Response.answers))}
    assert len(truth_by_response) == RESPONDENTS

    # 1. transaction ids of every row version, live and dead, on both sides
    invitation_tuples, response_tuples = _tuples("invitation"), _tuples("response")
    assert _tuples("draft") == [], "a draft version (invitation id beside answers) is still on disk"
    invitation_xids, response_xids = _xids(invitation_tuples), _xids(response_tuples)
    _shared_links_are_crowds(invitation_xids, _xids(_tuples("response")), "xmin/xmax")

    # 2. commit timestamps of those transactions
    times = _commit_times(set(invitation_xids) | set(response_xids))
    invitation_times = Counter({times[x]: n for x, n in invitation_xids.items() if times[x] is not None})
    response_times = Counter({times[x]: n for x, n in _xids(_tuples("response")).items() if times[x] is not None})
    _shared_links_are_crowds(invitation_times, response_times, "commit timestamp")

    # 3. physical and logical order: responses (with their answers documents) by ctid and by id, against
    # invitations by ctid and by id
    by_ctid = list(db.session.scalars(text("SELECT id FROM response ORDER BY ctid")))
    invitations_by_ctid = list(db.session.scalars(text("SELECT id FROM invitation ORDER BY ctid")))
    invitations_by_id = sorted(truth)  # the CSV's order, here also the order of submission
    # Each batch is shuffled: an order guess is right about once per batch (RESPONDENTS / MIN_CELL = 10 in
    # expectation). Without the shuffle it would be right 50 times; the bound leaves room for chance.
    bound = 2 * RESPONDENTS // MIN_CELL + 5
    for responses in (by_ctid, sorted(truth_by_response)):
        for invitations in (invitations_by_ctid, invitations_by_id):
            assert _order_guess_hits(responses, invitations, truth_by_response) <= bound

    # 4. dates: a day at most on either side, the same for every response of a batch
    dates = defaultdict(int)
    for submitted_on in db.session.scalars(text("SELECT submitted_on FROM response")):
        dates[submitted_on] += 1
    assert all(count >= MIN_CELL for count in dates.values())

    # 5. the server log names no token, token hash or answer
    log_file = os.environ.get("PG_LOG_FILE")
    if not log_file:
        if os.environ.get("CI") == "true":
            skip_or_fail("PG_LOG_FILE should name the PostgreSQL server log (.ci/run sets it)")
        return
    server_log = Path(log_file).read_text(errors="replace")
    for number, token in enumerate(tokens):
        assert hash_token(token) not in server_log and _marker(number) not in server_log
