"""From prepared report data to HTML and PDF, without Flask or a database (so worker processes can do it).

The templates live in templates/reports/ and are rendered by a standalone Jinja environment; the web views
serve the same HTML. WeasyPrint gets a URL fetcher that serves only the app's own static files and data: URIs
and refuses everything else (no network, no file system outside static/, so no redirects either).
"""

from __future__ import annotations

import copy
import functools
import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlsplit

from jinja2 import Environment, FileSystemLoader, select_autoescape

from survey_app.reports.chart_text import describe
from survey_app.reports.charts import data_uri, legend_classes, profile_chart, stacked_chart
from survey_app.reports.dutch import mark_legend
from survey_app.reports.trend_chart import with_trend_charts

TEMPLATES = Path(__file__).resolve().parent / "templates"
STATIC = Path(__file__).resolve().parent.parent / "static"
BASE_URL = "https://rapport.invalid/"
#: tagged PDF for accessibility (structure tree, /Lang from <html lang>, /Title from <title>, /Alt of figures):
#: Dutch government publications must be readable with assistive technology
PDF_VARIANT = "pdf/ua-1"
STATIC_PREFIX = "/static/"


class RefusedResource(ValueError):
    """A report asked for something outside the app's static files."""


@functools.cache
def environment() -> Environment:
    """The Jinja environment of the report templates (autoescaping on), with `mark_legend` for the legend of
    the footnote marks of hidden figures under each table."""
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=select_autoescape(["html"]),
                      trim_blocks=True, lstrip_blocks=True)
    env.globals["mark_legend"] = mark_legend
    return env


def static_file(url: str) -> Path:
    """The file under the app's static folder that a report URL names; RefusedResource for anything else."""
    parts = urlsplit(url)
    base = urlsplit(BASE_URL)
    if (parts.scheme, parts.netloc) != (base.scheme, base.netloc) or not parts.path.startswith(STATIC_PREFIX):
        raise RefusedResource(f"geen toegang tot {url}")
    target = (STATIC / unquote(parts.path[len(STATIC_PREFIX):])).resolve()
    if not target.is_file() or STATIC.resolve() not in target.parents:
        raise RefusedResource(f"geen toegang tot {url}")
    return target


@functools.cache
def fetcher_class() -> type:
    """WeasyPrint's URLFetcher narrowed to data: URIs and the app's static files, without redirects."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class ReportFetcher(URLFetcher):
        def __init__(self) -> None:
            super().__init__(allowed_protocols=("data",), allow_redirects=False, fail_on_errors=False)

        def fetch(self, url, headers=None):
            if url.startswith("data:"):
                return super().fetch(url, headers)
            target = static_file(url)
            mime_type = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
            return URLFetcherResponse(url, target.read_bytes(), {"Content-Type": mime_type})

    return ReportFetcher


def url_fetcher():
    """A fresh restricted fetcher for one WeasyPrint document."""
    return fetcher_class()()


def with_charts(context: dict) -> dict:
    """A copy of the report data with every chart specification drawn as an SVG data: URI."""
    context = copy.deepcopy(context)
    for section in context.get("themes", []):
        for block in section.get("blocks", []):
            if "chart" in block:
                chart = block["chart"]
                block["chart_uri"] = data_uri(stacked_chart(chart))
                block["alt"] = describe(chart, block.get("alt", ""))
                classes = legend_classes(len(chart["categories"]), chart["diverging"])
                block["legend"] = list(zip(classes, chart["categories"], strict=True))
    if context.get("bakens"):
        context["bakens"]["chart_uri"] = data_uri(profile_chart(context["bakens"]["chart"]))
        context["bakens"]["alt"] = describe(context["bakens"]["chart"], context["bakens"].get("alt", ""))
    with_trend_charts(context)
    return context


def render_html(template: str, context: dict, static_url: str = STATIC_PREFIX) -> str:
    """The report page as HTML; `static_url` is where the stylesheet lives (the app's /static/ on the web)."""
    return environment().get_template(f"reports/{template}").render(report=with_charts(context),
                                                                    static_url=static_url)


def html_to_pdf(html: str) -> bytes:
    """WeasyPrint with the restricted fetcher; the stylesheet link resolves against BASE_URL."""
    from weasyprint import HTML

    return HTML(string=html, base_url=BASE_URL, url_fetcher=url_fetcher()).write_pdf(pdf_variant=PDF_VARIANT)


def render_pdf(template: str, context: dict) -> bytes:
    """The report as PDF bytes."""
    return html_to_pdf(render_html(template, context))


def template_for(context: dict) -> str:
    """Which template renders a prepared context (bijlage, suppressed bijlage, gemeente report, overall report)."""
    return {"bijlage": "bijlage.html", "suppressed": "bijlage_suppressed.html",
            "gemeente": "gemeente.html", "totaal": "totaal.html"}[context["kind"]]
