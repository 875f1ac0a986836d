"""Uploaded files handed to the services (which read paths), with messages naming the uploaded file."""

from __future__ import annotations

import dataclasses
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from werkzeug.datastructures import FileStorage

from survey_app.services.errors import InputError


@contextmanager
def saved_upload(storage: FileStorage) -> Iterator[str]:
    """The upload saved in a private temporary folder for the duration of the block; InputErrors name the upload."""
    name = Path(storage.filename or "upload.csv").name
    with tempfile.TemporaryDirectory(prefix="upload-") as folder:
        path = str(Path(folder) / "upload.csv")
        storage.save(path)
        try:
            yield path
        except InputError as error:
            raise InputError([dataclasses.replace(p, source=name) if p.source == path else p
                              for p in error.problems]) from None
