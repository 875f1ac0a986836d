"""Reading and writing codebook files by their extension (.yaml/.yml, .csv, .qdc)."""

from __future__ import annotations

from pathlib import Path

from survey_app.coding.codebook import Codebook
from survey_app.coding.codebook_csv import dump_csv, load_csv
from survey_app.coding.codebook_qdc import dump_qdc, load_qdc
from survey_app.coding.codebook_yaml import dump_yaml, load_yaml
from survey_app.coding.errors import CodebookError
from survey_app.coding.textfiles import decode_bytes, read_file
from survey_app.limits import MAX_CSV_BYTES, MAX_TEXT_BYTES, MAX_YAML_BYTES

CODEBOOK_SUFFIXES = (".yaml", ".yml", ".csv", ".qdc")
_SIZE_LIMITS = {".yaml": MAX_YAML_BYTES, ".yml": MAX_YAML_BYTES, ".csv": MAX_CSV_BYTES, ".qdc": MAX_TEXT_BYTES}


def read_codebook(path: str | Path) -> Codebook:
    """Load a codebook file, choosing the format by extension; raises CodebookError with file and line/row."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in _SIZE_LIMITS:
        raise CodebookError(path.name, [f"onbekend codeboekformaat {suffix or '(geen)'}; kies .yaml, .csv of .qdc"])
    data = read_file(path, _SIZE_LIMITS[suffix], CodebookError)
    if suffix == ".qdc":
        return load_qdc(data, path.name)
    if suffix in (".yaml", ".yml"):
        return load_yaml(decode_bytes(data, path.name, CodebookError), path.name)
    return load_csv(decode_bytes(data, path.name, CodebookError), path.name)


def write_codebook(codebook: Codebook, path: str | Path) -> None:
    """Save a codebook in the format its extension names (UTF-8)."""
    path = Path(path)
    suffix = path.suffix.lower()
    writers = {".yaml": dump_yaml, ".yml": dump_yaml, ".csv": dump_csv, ".qdc": dump_qdc}
    if suffix not in writers:
        raise CodebookError(path.name, [f"onbekend codeboekformaat {suffix or '(geen)'}; kies .yaml, .csv of .qdc"])
    path.write_text(writers[suffix](codebook), encoding="utf-8", newline="")
