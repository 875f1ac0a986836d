"""The two file operations behind the CLI: all or nothing, with every problem reported.

An import is checked as an instrument file (together with the other modules, so names stay unique across
them) before anything is written; the file then appears in one step (``os.replace``), so a failed or
interrupted run never leaves a half-written module or workbook.
"""

from __future__ import annotations

import dataclasses
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from ..errors import ErrorCode, InstrumentError, Problem
from ..loader import check_paths, load_module
from .codes import XlsformProblem
from .exporter import export_xlsform
from .importer import import_xlsform
from .yaml_writer import dump_module


def _write_atomically(target: Path, write) -> None:
    """Call ``write(path)`` on a temporary file beside ``target``, then move it into place."""
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    os.close(handle)
    try:
        write(Path(temporary))
        os.replace(temporary, target)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def import_to_file(source: str | Path, out: str | Path, skip_unsupported: bool = False,
                   other_modules: Iterable[str | Path] = ()) -> list[XlsformProblem]:
    """Convert an XLSForm into the module file ``out`` (its id is the file stem); returns what was skipped.

    Raises XlsformError (the workbook) or InstrumentError (the resulting module, with ``out`` as file name).
    """
    out = Path(out)
    module, skipped = import_xlsform(source, out.stem, skip_unsupported)
    text = dump_module(module)
    with tempfile.TemporaryDirectory() as folder:
        candidate = Path(folder) / f"{out.stem}.yaml"
        candidate.write_text(text, encoding="utf-8")
        problems = check_paths([candidate, *other_modules])
    problems = [dataclasses.replace(p, file=p.file.replace(str(candidate), str(out)),
                                    message=p.message.replace(str(candidate), str(out))) for p in problems]
    if problems:
        raise InstrumentError(problems)
    if not out.parent.is_dir():
        raise InstrumentError([Problem.of(str(out), 1, ErrorCode.YAML_003, detail="map bestaat niet")])
    _write_atomically(out, lambda path: path.write_text(text, encoding="utf-8"))
    return skipped


def export_to_file(module_path: str | Path, out: str | Path) -> None:
    """Write the module file as an XLSForm workbook; raises InstrumentError when the module is invalid."""
    module, problems = load_module(module_path)
    if module is None:
        raise InstrumentError(problems)
    out = Path(out)
    if out.suffix.lower() != ".xlsx" or not out.parent.is_dir():
        raise InstrumentError([Problem.of(str(out), 1, ErrorCode.YAML_003,
                                          detail="schrijf naar een .xlsx-bestand in een bestaande map")])
    _write_atomically(out, lambda path: export_xlsform(module, path))
