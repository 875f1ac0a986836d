"""The columnar snapshot of a wave's answer frame (table `wave_frame`, Parquet bytes): write, check, read.

Reading 100,000 JSON documents costs seconds; reading the same frame as Parquet costs a fraction of one.
The snapshot is a cache with the database as the source of truth: it is used only while it was made at
the wave's current answers revision and for the same variables. It is written when a wave closes (in the
closing transaction) and by the first reader that finds it stale. That reader stores it on a connection of
its own, so a read-only request (a report page, an export) keeps it too, but only when the revision it read
is still the committed one: a frame that contains writes of a transaction not yet committed is never shared.
"""

from __future__ import annotations

import io
import logging

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
from sqlalchemy import delete, insert, select
from sqlalchemy.exc import DBAPIError

from survey_app.extensions import db
from survey_app.models import Wave, WaveFrame
from survey_app.services.frame_assembly import FrameColumns, assemble_frame

_LOG = logging.getLogger(__name__)


def current_revision(wave_id: int) -> int:
    """The wave's answers revision as this session sees it now."""
    return db.session.scalar(select(Wave.answers_revision).where(Wave.id == wave_id)) or 0


def fresh_frame(wave_id: int, columns: FrameColumns) -> pd.DataFrame | None:
    """The stored frame when it was made at the wave's current revision for these variables, else None."""
    data = db.session.scalar(
        select(WaveFrame.data).join(Wave, Wave.id == WaveFrame.wave_id)
        .where(WaveFrame.wave_id == wave_id, WaveFrame.answers_revision == Wave.answers_revision,
               WaveFrame.columns_key == columns.key))
    return None if data is None else frame_from_parquet(data, columns)


def frame_to_parquet(frame: pd.DataFrame) -> bytes:
    """The frame as Parquet bytes (zstd); column names and order are kept, the index is not."""
    buffer = io.BytesIO()
    pq.write_table(pa.Table.from_pandas(frame, preserve_index=False), buffer, compression="zstd")
    return buffer.getvalue()


def frame_from_parquet(data: bytes, columns: FrameColumns) -> pd.DataFrame:
    """Parquet bytes back into the frame, assembled exactly as a frame built from the documents."""
    table = pq.read_table(io.BytesIO(data))

    def values(name):
        return table.column(name).to_numpy(zero_copy_only=False)

    return assemble_frame(columns, values("gemeente"), values("team"),
                          {name: values(name) for name in columns.numeric},
                          {name: values(name) for name in columns.textual})


def store_frame(wave_id: int, revision: int, columns: FrameColumns, frame: pd.DataFrame) -> None:
    """Keep a frame built from the documents at `revision`, for every later reader; best effort (a cache)."""
    data = frame_to_parquet(frame)
    try:
        with db.engine.begin() as connection:
            committed = connection.scalar(select(Wave.answers_revision).where(Wave.id == wave_id))
            if committed != revision:  # this session wrote answers not yet committed, or another one did since
                return
            _replace(connection, wave_id, revision, columns, data)
    except DBAPIError:
        _LOG.info("Kolomsnapshot van een golf niet bewaard (database bezet); de volgende lezer probeert het weer")


def store_frame_in_session(wave_id: int, columns: FrameColumns, frame: pd.DataFrame) -> None:
    """Keep the frame in the caller's transaction (closing a wave): it commits or rolls back with the writes."""
    db.session.flush()
    _replace(db.session.connection(), wave_id, current_revision(wave_id), columns, frame_to_parquet(frame))


def _replace(connection, wave_id: int, revision: int, columns: FrameColumns, data: bytes) -> None:
    connection.execute(delete(WaveFrame).where(WaveFrame.wave_id == wave_id))
    connection.execute(insert(WaveFrame).values(wave_id=wave_id, answers_revision=revision,
                                                columns_key=columns.key, data=data))
