"""Exporting a wave to a file or to bytes for a download: atomic, and always written to the audit log."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from survey_app.exports.frame import anonymous_frame
from survey_app.exports.spss import write_sav
from survey_app.exports.writers import write_csv, write_dictionary_csv, write_xlsx
from survey_app.instrument_registry import wave_instruments
from survey_app.models import User, Wave
from survey_app.services import audit
from survey_app.services.errors import fail

#: format -> (file extension, media type)
FORMATS = {
    "csv": (".csv", "text/csv; charset=utf-8"),
    "xlsx": (".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "sav": (".sav", "application/x-spss-sav"),
    "woordenboek": (".csv", "text/csv; charset=utf-8"),
}
ANSWER_FORMATS = ("csv", "xlsx", "sav")


def _write(wave: Wave, fmt: str, path: Path, excel: bool) -> int:
    """Write one export; returns the number of responses in it (0 for the dictionary)."""
    instruments = wave_instruments(wave)
    if fmt == "woordenboek":
        write_dictionary_csv(instruments, path, excel)
        return 0
    frame = anonymous_frame(wave, instruments)
    if fmt == "csv":
        write_csv(frame, path, excel)
    elif fmt == "xlsx":
        write_xlsx(frame, instruments, path)
    else:
        write_sav(frame, instruments, path)
    return len(frame)


def export_wave(wave: Wave, fmt: str, out_path: str | Path, user: User | None = None, excel: bool = False) -> int:
    """Write the wave's export to `out_path` (replaced only when complete) and audit it; returns the row count.

    `excel`: CSV files in the Dutch Excel dialect (semicolons, decimal commas) instead of the firm contract's commas.
    """
    if fmt not in FORMATS:
        raise fail("--format", f"onbekend formaat '{fmt}' (kies uit: {', '.join(FORMATS)})")
    target = Path(out_path)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(dir=target.parent, prefix=".export-", suffix=FORMATS[fmt][0])
    os.close(handle)
    try:
        count = _write(wave, fmt, Path(tmp), excel)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    audit.record(audit.Action.EXPORT, f"golf {wave.name}, formaat {fmt}, {count} ingevulde vragenlijsten", user=user)
    return count


def export_bytes(wave: Wave, fmt: str, user: User | None) -> tuple[bytes, str, str]:
    """The export as (content, file name, media type) for a download; audited like a file export.

    A download is opened in Excel by double-clicking, so its CSV files are in the Dutch Excel dialect.
    """
    extension, media_type = FORMATS[fmt]
    suffix = "-woordenboek" if fmt == "woordenboek" else "-antwoorden"
    with tempfile.TemporaryDirectory(prefix="export-") as folder:
        path = Path(folder) / f"export{extension}"
        export_wave(wave, fmt, path, user, excel=True)
        return path.read_bytes(), f"{wave.name}{suffix}{extension}", media_type
