"""Reports: the team bijlage, the gemeente report and the overall report (totaalrapport), as web page and PDF,
and the parallel builder.

Layers: `view`/`themes`/`scores`/`extras`/`distributions`/`open_themes`/`bijlage`/`gemeente`/`totaal` turn the
analysis dict into plain data (pure), `charts` and `render` turn that data into SVG, HTML and PDF (no database),
`sources` fetches and caches the analysis, `builder` renders a whole wave in worker processes, `views` is the
researchers' blueprint.
"""

from __future__ import annotations


def render_bijlage_html(wave, team, static_url: str = "/static/", plan_url: str | None = None) -> str:
    """The team's bijlage of a wave as an HTML page (the same page the PDF is made from); `plan_url` links the
    web page to the team's verbeterplan."""
    from survey_app.reports.render import render_html, template_for
    from survey_app.reports.sources import team_report_context

    context = team_report_context(wave, team)
    context["plan_url"] = plan_url
    return render_html(template_for(context), context, static_url)


def build_bijlage_pdf(wave, team) -> bytes:
    """The team's bijlage of a wave as PDF bytes."""
    from survey_app.reports.render import render_pdf, template_for
    from survey_app.reports.sources import team_report_context

    context = team_report_context(wave, team)
    return render_pdf(template_for(context), context)


def render_gemeente_html(wave, gemeente: str, static_url: str = "/static/") -> str:
    """The gemeente report of a wave as an HTML page."""
    from survey_app.reports.render import render_html
    from survey_app.reports.sources import gemeente_report_context

    return render_html("gemeente.html", gemeente_report_context(wave, gemeente), static_url)


def build_gemeente_pdf(wave, gemeente: str) -> bytes:
    """The gemeente report of a wave as PDF bytes."""
    from survey_app.reports.render import render_pdf
    from survey_app.reports.sources import gemeente_report_context

    return render_pdf("gemeente.html", gemeente_report_context(wave, gemeente))


def render_totaal_html(wave, static_url: str = "/static/") -> str:
    """The overall report of a wave (all gemeenten) as an HTML page."""
    from survey_app.reports.render import render_html
    from survey_app.reports.sources import totaal_report_context

    return render_html("totaal.html", totaal_report_context(wave), static_url)


def build_totaal_pdf(wave) -> bytes:
    """The overall report of a wave as PDF bytes."""
    from survey_app.reports.render import render_pdf
    from survey_app.reports.sources import totaal_report_context

    return render_pdf("totaal.html", totaal_report_context(wave))


def build_reports(wave, out_dir, jobs: int = 1, progress=None, compare=None, harmonisation=None,
                  options=None) -> list:
    """Every report of a wave as PDF files in out_dir (see builder.build_reports)."""
    from survey_app.reports.builder import build_reports as build

    return build(wave, out_dir, jobs=jobs, progress=progress, compare=compare, harmonisation=harmonisation,
                 options=options)
