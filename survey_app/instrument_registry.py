"""The instrument modules the app serves, loaded once at start-up from INSTRUMENTS_DIR.

A broken instrument file must never reach respondents: the web app answers 503 and gunicorn refuses to
start (see wsgi.py), while the CLI still starts so that `flask instruments check` can say what is wrong.
"""

from __future__ import annotations

from flask import Flask, current_app

from survey_app.instruments.errors import InstrumentError
from survey_app.instruments.loader import load_instruments
from survey_app.instruments.model import InstrumentSet

EXTENSION_KEY = "survey_instruments"
SUBSETS_KEY = "survey_instrument_subsets"


def init_app(app: Flask) -> None:
    """Load the instruments, keeping the error (with every problem) instead when they are invalid."""
    try:
        app.extensions[EXTENSION_KEY] = load_instruments([app.config["INSTRUMENTS_DIR"]])
    except InstrumentError as error:
        app.extensions[EXTENSION_KEY] = error
        app.logger.error("Ongeldige vragenlijstbestanden:\n%s", error)


def current_instruments(app: Flask | None = None) -> InstrumentSet:
    """All loaded modules; raises InstrumentError when the files are invalid."""
    loaded = (app or current_app).extensions[EXTENSION_KEY]
    if isinstance(loaded, InstrumentError):
        raise loaded
    return loaded


def wave_instruments(wave, app: Flask | None = None) -> InstrumentSet:
    """The modules of one wave, in the wave's order."""
    return instruments_for(tuple(wave.module_ids), app)


def instruments_for(module_ids: tuple[str, ...], app: Flask | None = None) -> InstrumentSet:
    """The named modules in the given order; each combination is built once per app."""
    app = app or current_app
    instruments = current_instruments(app)
    subsets = app.extensions.setdefault(SUBSETS_KEY, {})
    if module_ids not in subsets:
        subsets[module_ids] = instruments.subset(module_ids)
    return subsets[module_ids]
