"""A wave's stored answers as the wide DataFrame the analysis layer, the exports and the reports take.

One row per response (in response id order): `gemeente`, `team`, then one column per variable of the wave's
instruments, with codes, numbers and yes/no as floats (NaN = not answered) and multiple choice and text as
strings (None = not answered). The frame comes from the wave's columnar snapshot when that is fresh
(services/wave_frame_store.py), else it is built from the responses' JSON documents and the snapshot is
stored for the next reader.
"""

from __future__ import annotations

import io

import numpy as np
import orjson
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.json as pa_json
from sqlalchemy import Text, cast, select

from survey_app.extensions import db
from survey_app.instruments.model import InstrumentSet
from survey_app.models import Gemeente, Response, Team, Wave
from survey_app.services.answer_store import to_text
from survey_app.services.frame_assembly import FrameColumns, assemble_frame, frame_columns
from survey_app.services.wave_frame_store import current_revision, fresh_frame, store_frame, store_frame_in_session

#: responses parsed per batch: large enough for the vectorised JSON reader, small enough to keep memory flat
BATCH_ROWS = 20_000


def load_answers_frame(wave: Wave, instruments: InstrumentSet) -> pd.DataFrame:
    """The wave's frame: its snapshot when fresh, else built from the documents (and then kept as snapshot)."""
    columns = frame_columns(instruments)
    frame = fresh_frame(wave.id, columns)
    if frame is not None:
        return frame
    revision = current_revision(wave.id)  # before the documents: a later write then leaves the snapshot stale
    frame = build_answers_frame(wave.id, columns)
    store_frame(wave.id, revision, columns, frame)
    return frame


def build_answers_frame(wave_id: int, columns: FrameColumns) -> pd.DataFrame:
    """Read every response of the wave and turn the JSON documents into the wide frame, batch by batch.

    The documents are handed to Arrow's JSON reader as newline-delimited text with every variable typed as a
    string: the parsing runs in C++, and numbers are then parsed per column (a value that is no number gives
    NaN, as pandas' to_numeric with errors="coerce" always did here).
    """
    result = db.session.connection().execute(
        select(Gemeente.slug, Team.slug, cast(Response.answers, Text))
        .join(Team, Team.id == Response.team_id)
        .join(Gemeente, Gemeente.id == Team.gemeente_id)
        .where(Response.wave_id == wave_id)
        .order_by(Response.id),
        execution_options={"stream_results": True, "max_row_buffer": BATCH_ROWS},  # this statement only
    )
    gemeenten, teams, tables = [], [], []
    for batch in result.partitions(BATCH_ROWS):
        batch_gemeenten, batch_teams, documents = zip(*batch, strict=True)
        gemeenten.extend(batch_gemeenten)
        teams.extend(batch_teams)
        tables.append(_documents_table(documents, columns))
    table = pa.concat_tables(tables) if tables else _documents_table((), columns)
    numbers = {name: _numbers(table.column(name)) for name in columns.numeric}
    texts = {name: table.column(name).to_numpy(zero_copy_only=False) for name in columns.textual}
    return assemble_frame(columns, gemeenten, teams, numbers, texts)


def _schema(columns: FrameColumns) -> pa.Schema:
    return pa.schema([(name, pa.string()) for name in columns.order])


def _documents_table(documents, columns: FrameColumns) -> pa.Table:
    """One batch of documents as an Arrow table of strings; answers to variables no longer asked are ignored."""
    if not documents:
        return _schema(columns).empty_table()
    # JSON text never holds a raw line break inside a string, so one between tokens may become a space
    lines = "\n".join(document.replace("\n", " ") for document in documents).encode("utf-8")
    options = pa_json.ParseOptions(explicit_schema=_schema(columns), unexpected_field_behavior="ignore")
    try:
        return pa_json.read_json(io.BytesIO(lines), parse_options=options,
                                 read_options=pa_json.ReadOptions(block_size=max(1 << 20, len(lines) + 1)))
    except pa.ArrowInvalid:
        return _documents_table_slowly(documents, columns)


def _documents_table_slowly(documents, columns: FrameColumns) -> pa.Table:
    """The same table for documents Arrow will not take as strings (a value stored as a JSON number or list):
    every value is put in its canonical text form first, as the writers store it."""
    parsed = [orjson.loads(document) for document in documents]
    data = {name: pa.array([to_text(d.get(name)) for d in parsed], type=pa.string()) for name in columns.order}
    return pa.table(data, schema=_schema(columns))


def _numbers(column: pa.ChunkedArray) -> np.ndarray:
    """A text column as floats: Arrow's parser for the canonical texts, pandas' lenient one for anything else."""
    try:
        return pc.cast(column, pa.float64()).to_numpy(zero_copy_only=False)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return pd.to_numeric(pd.Series(column.to_numpy(zero_copy_only=False), dtype=object),
                             errors="coerce").to_numpy(dtype=np.float64, na_value=np.nan)


def snapshot_at_close(wave: Wave) -> None:
    """At closing, after the last batch: the frame at the wave's final revision, in the closing transaction,
    so the first analysis of the closed wave reads Parquet instead of parsing every document."""
    from survey_app.instrument_registry import wave_instruments  # the registry is app-level; import at use

    columns = frame_columns(wave_instruments(wave))
    db.session.flush()
    store_frame_in_session(wave.id, columns, build_answers_frame(wave.id, columns))
