"""Dutch error pages: a respondent or researcher never sees a stack trace."""

from __future__ import annotations

from flask import Flask, render_template
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from survey_app.instruments.errors import InstrumentError

MESSAGES = {
    400: ("Ongeldig verzoek", "Het formulier kon niet worden verwerkt. Ga terug en probeer het opnieuw."),
    403: ("Geen toegang", "U heeft geen toegang tot deze pagina."),
    404: ("Niet gevonden", "Deze pagina bestaat niet (meer). Controleer de link."),
    405: ("Niet toegestaan", "Deze handeling is hier niet mogelijk."),
    410: ("Niet meer beschikbaar", "Deze link kan niet meer worden gebruikt."),
    413: ("Te groot", "Het verstuurde bestand of formulier is te groot."),
    429: ("Te veel verzoeken", "U heeft het te vaak geprobeerd. Wacht een minuut en probeer het opnieuw."),
    500: ("Er ging iets mis", "Er ging aan onze kant iets mis. Probeer het later opnieuw."),
    503: ("Tijdelijk niet beschikbaar", "De vragenlijst is tijdelijk niet beschikbaar."),
}


def render_error(status: int, detail: str | None = None):
    """The error page for a status code, with an optional more specific Dutch explanation."""
    title, text = MESSAGES.get(status, MESSAGES[500])
    try:
        return render_template("error.html", status=status, title=title, text=detail or text), status
    except Exception:  # the page itself failed: still answer in Dutch, without a stack trace
        return f"<!doctype html><html lang=nl><title>{title}</title><h1>{title}</h1><p>{text}</p>", status


def init_app(app: Flask) -> None:
    """Register the handlers."""

    @app.errorhandler(CSRFError)
    def csrf_error(error: CSRFError):
        return render_error(400, "Het formulier is verlopen of ongeldig. Laad de pagina opnieuw en probeer het "
                                 "nog eens.")

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        return render_error(error.code or 500)

    @app.errorhandler(InstrumentError)
    def instrument_error(error: InstrumentError):
        return render_error(503)

    @app.errorhandler(Exception)
    def unexpected_error(error: Exception):
        app.logger.exception("Onverwachte fout")
        return render_error(500)
