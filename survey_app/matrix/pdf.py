"""The matrix as an A4 landscape PDF through WeasyPrint, with the reports' restricted URL fetcher.

Rendered by a standalone Jinja environment (no request needed), so `flask matrix export` and the web view
produce the same document.
"""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from survey_app.matrix.presentation import context
from survey_app.matrix.store import Loaded
from survey_app.reports.dutch import format_date
from survey_app.reports.render import STATIC_PREFIX, html_to_pdf

TEMPLATES = Path(__file__).resolve().parent / "templates"


@functools.cache
def environment() -> Environment:
    """The Jinja environment of the matrix templates (autoescaping on)."""
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=select_autoescape(["html"]),
                      trim_blocks=True, lstrip_blocks=True)
    env.globals["inline_colours"] = True  # a PDF has no CSP; the web pages use schaal.css instead
    return env


def render_html(loaded: Loaded, static_url: str = STATIC_PREFIX) -> str:
    """The printable matrix page as HTML."""
    return environment().get_template("matrix/report.html").render(
        m=context(loaded), static_url=static_url, generated=format_date(dt.date.today()))


def pdf_bytes(loaded: Loaded) -> bytes:
    """The printable matrix as PDF bytes."""
    return html_to_pdf(render_html(loaded))
