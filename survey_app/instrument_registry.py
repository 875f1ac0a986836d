"""The instrument modules the app serves, loaded once at start-up from INSTRUMENTS_DIR.

A broken instrument file must never reach respondents: the web app answers 503 and gunicorn refuses to
start (see wsgi.py), while the CLI still starts so that `flask instruments check` can say what is wrong.
"""

from __future__ import annotations

from flask import Flask, current_app

from survey_app.instruments.errors import InstrumentError
from survey_app.instruments.loader import load_instruments
from survey_app.instruments.model import InstrumentSet
from survey_app.snapshots.content import snapshot_content

EXTENSION_KEY = "survey_instruments"
CONTENT_KEY = "survey_instrument_content"
SUBSETS_KEY = "survey_instrument_subsets"


def init_app(app: Flask) -> None:
    """Load the instruments, keeping the error (with every problem) instead when they are invalid.

    The files' texts are read right after loading and kept: a wave created by this process stores exactly
    these (survey_app/snapshots), even if a file is edited on disk while the app runs.
    """
    try:
        instruments = load_instruments([app.config["INSTRUMENTS_DIR"]])
        app.extensions[EXTENSION_KEY] = instruments
        app.extensions[CONTENT_KEY] = snapshot_content(instruments)
    except InstrumentError as error:
        app.extensions[EXTENSION_KEY] = error
        app.logger.error("Ongeldige vragenlijstbestanden:\n%s", error)


def current_content(app: Flask | None = None) -> dict[str, dict]:
    """The loaded instrument files' texts by module id (see survey_app.snapshots.content)."""
    current_instruments(app)  # raises when the files are invalid
    return (app or current_app).extensions[CONTENT_KEY]


def current_instruments(app: Flask | None = None) -> InstrumentSet:
    """All loaded modules; raises InstrumentError when the files are invalid."""
    loaded = (app or current_app).extensions[EXTENSION_KEY]
    if isinstance(loaded, InstrumentError):
        raise loaded
    return loaded


def wave_instruments(wave, app: Flask | None = None) -> InstrumentSet:
    """The modules of one wave, in the wave's order, as the wave was fielded (its snapshot, when it has one)."""
    return instruments_for(tuple(wave.module_ids), app, snapshot_id=wave.snapshot_id)


def instruments_for(module_ids: tuple[str, ...], app: Flask | None = None,
                    snapshot_id: int | None = None) -> InstrumentSet:
    """The named modules in the given order, from a wave's snapshot or else from the instrument folder; each
    combination is built once per app."""
    app = app or current_app
    subsets = app.extensions.setdefault(SUBSETS_KEY, {})
    key = (snapshot_id, module_ids)
    if key not in subsets:
        if snapshot_id is None:
            instruments = current_instruments(app)
        else:
            from survey_app.snapshots.loading import snapshot_instruments  # it imports this module

            instruments = snapshot_instruments(snapshot_id, app)
        subsets[key] = instruments.subset(module_ids)
    return subsets[key]
