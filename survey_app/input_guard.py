"""Control characters are refused at the door, before any view, CSRF check or database lookup.

A NUL byte cannot be stored in a PostgreSQL text column: one that slipped into a URL or a saved answer made
every later request on it fail with 500 (a respondent whose draft held one could never submit). Other C0
control characters are never typed by a person; they only make exports and reports unreadable. So every
request is checked once here: path, query string, form field names and values, and upload file names. TAB,
LF and CR are ordinary in form text (a textarea sends CR LF); nowhere else.

A view that checks its own text and can tell the person which field is wrong (the questionnaire page, which
names the question) is marked with `checks_own_text`; the path and query string are still checked for it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from flask import Flask, current_app, request

#: C0 control characters and DEL: never meaningful in a path or a query string
URL_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
#: in form text TAB, LF and CR are ordinary; the other C0 control characters and DEL are not
TEXT_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
MESSAGE = ("Het verzoek bevat tekens die niet zijn toegestaan (bijvoorbeeld een nul-teken). Controleer de link "
           "of het formulier en probeer het opnieuw.")


def has_control_characters(text: str) -> bool:
    """True when form text holds a control character other than TAB, LF or CR."""
    return TEXT_CONTROL.search(text) is not None


def checks_own_text(view: Callable) -> Callable:
    """Mark a view that refuses control characters in its form fields itself, with a message per field."""
    view.checks_own_text = True  # type: ignore[attr-defined]
    return view


def _any_match(pattern: re.Pattern, texts: Iterable[str]) -> bool:
    return any(pattern.search(text) for text in texts)


def refused_part() -> str | None:
    """Which part of the current request carries a forbidden character ('pad', 'zoekvraag', ...), or None."""
    if URL_CONTROL.search(request.path):
        return "pad"
    if _any_match(URL_CONTROL, (text for key, value in request.args.items(multi=True) for text in (key, value))):
        return "zoekvraag"
    if request.method not in ("POST", "PUT", "PATCH"):
        return None
    view = current_app.view_functions.get(request.endpoint or "")
    own_check = getattr(view, "checks_own_text", False)
    form = request.form
    if _any_match(URL_CONTROL, form.keys()):
        return "formulier"
    if not own_check and _any_match(TEXT_CONTROL, (value for _, value in form.items(multi=True))):
        return "formulier"
    names = (storage.filename or "" for _, storage in request.files.items(multi=True))
    if _any_match(URL_CONTROL, list(names) + list(request.files.keys())):
        return "bestandsnaam"
    return None


def init_app(app: Flask) -> None:
    """Install the check as the app's first before-request hook (so it also runs before the CSRF check)."""
    from survey_app.web_errors import render_error

    def refuse_control_characters():
        part = refused_part()
        if part is not None:
            app.logger.warning("Verzoek met controletekens geweigerd (%s)", part)
            return render_error(400, MESSAGE)
        return None

    app.before_request_funcs.setdefault(None, []).insert(0, refuse_control_characters)
