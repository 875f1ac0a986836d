"""Reading a snapshot back into an InstrumentSet with the same loader and checks as the instrument folder.

A snapshot equal to the files this process loaded is served from those. Any other is written once into
`instance/instrument-snapshots/<hash>/` (content-addressed, so never stale; staged and renamed, so parallel
workers agree), loaded from there and kept per process by its hash.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from flask import Flask
from sqlalchemy import select

from survey_app.extensions import db
from survey_app.instrument_registry import current_content, current_instruments
from survey_app.instruments.loader import load_instruments
from survey_app.instruments.model import InstrumentSet
from survey_app.models import InstrumentSnapshot
from survey_app.snapshots.content import content_hash

#: snapshot hash -> loaded set; safe across apps of one process because the key is the content
_LOADED: dict[str, InstrumentSet] = {}


def _materialise(snapshot: InstrumentSnapshot, root: Path) -> Path:
    """The snapshot's files in a folder of their own under `root`."""
    folder = root / snapshot.sha256
    if folder.is_dir():
        return folder
    root.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{snapshot.sha256}.", dir=root))
    for entry in snapshot.modules.values():
        (staging / Path(entry["file"]).name).write_text(entry["text"], encoding="utf-8")
    try:
        os.rename(staging, folder)
    except OSError:  # another process was first; its copy is identical
        shutil.rmtree(staging, ignore_errors=True)
    return folder


def snapshot_instruments(snapshot_id: int, app: Flask) -> InstrumentSet:
    """Every module of a snapshot."""
    snapshot = db.session.scalar(select(InstrumentSnapshot).where(InstrumentSnapshot.id == snapshot_id))
    if snapshot.sha256 == content_hash(current_content(app)):
        return current_instruments(app)
    if snapshot.sha256 not in _LOADED:
        _LOADED[snapshot.sha256] = load_instruments([_materialise(snapshot, Path(app.instance_path)
                                                                   / "instrument-snapshots")])
    return _LOADED[snapshot.sha256]
