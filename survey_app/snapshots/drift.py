"""Which closed waves a changed instrument file differs from: they keep their own copy, and the researcher
should know that the file on disk no longer describes them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from survey_app.extensions import db
from survey_app.instruments.loader import instrument_files
from survey_app.models import InstrumentSnapshot, Wave, WaveStatus
from survey_app.snapshots.content import text_hash


@dataclass(frozen=True)
class Drift:
    """A module file whose text differs from the copy a closed wave was fielded with."""

    path: str
    module_id: str
    wave: str

    def __str__(self) -> str:
        return (f"{self.path}: module '{self.module_id}' wijkt af van de versie waarmee de gesloten golf "
                f"'{self.wave}' is afgenomen; die golf gebruikt zijn eigen vastgelegde versie")


def _module_id_of(path: Path, snapshot: InstrumentSnapshot) -> str | None:
    """The module a file holds, matched by file name within the snapshot."""
    return next((module_id for module_id, entry in snapshot.modules.items() if entry["file"] == path.name), None)


def closed_wave_drift(paths: list[str | Path]) -> list[Drift]:
    """Every (file, closed wave) pair where the wave's module text differs from the file's current text."""
    files = instrument_files(paths)
    waves = db.session.execute(
        select(Wave, InstrumentSnapshot).join(InstrumentSnapshot, InstrumentSnapshot.id == Wave.snapshot_id)
        .where(Wave.status == WaveStatus.CLOSED).order_by(Wave.name)).all()
    drifts = []
    for path in files:
        try:
            current = text_hash(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            continue  # the check itself reports unreadable files
        for wave, snapshot in waves:
            module_id = _module_id_of(path, snapshot)
            if module_id in wave.module_ids and snapshot.modules[module_id]["sha256"] != current:
                drifts.append(Drift(str(path), module_id, wave.name))
    return drifts
