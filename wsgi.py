"""Entry point for `flask --app wsgi` and gunicorn (`gunicorn wsgi:app`)."""

import os
import sys

from survey_app import create_app
from survey_app.instrument_registry import current_instruments
from survey_app.instruments.errors import InstrumentError

app = create_app()

if not os.environ.get("FLASK_RUN_FROM_CLI"):
    # Served by gunicorn: refuse to start on invalid instrument files rather than serve broken pages.
    try:
        current_instruments(app)
    except InstrumentError as error:
        sys.exit(f"Ongeldige vragenlijstbestanden:\n{error}")
