"""Console pages for waves: overview, create, detail, open/close, response monitor and exports."""

from __future__ import annotations

from flask import current_app, flash, redirect, render_template, url_for
from flask_login import current_user
from sqlalchemy import func, select

from survey_app.console import bp
from survey_app.console.closing import closing_summary
from survey_app.console.forms import ExportForm, HeldForm, StatusForm, headcount_fields, wave_form
from survey_app.console.helpers import flash_form_errors, flash_problems, wave_or_404
from survey_app.console.monitor import monitor_figures, response_monitor
from survey_app.console.operations import STATUS_LABELS, change_status, new_wave, review_held
from survey_app.console.uploads import saved_upload
from survey_app.exports.run import export_bytes
from survey_app.extensions import db
from survey_app.instrument_registry import current_instruments
from survey_app.models import Response, Team, Wave, WaveStatus
from survey_app.services.errors import InputError, fail
from survey_app.services.waves import read_headcounts

MONITOR_REFRESH_SECONDS = 60


def _wave_rows() -> list[tuple[Wave, int]]:
    """Every wave, newest first, with its number of responses."""
    counts = dict(db.session.execute(select(Response.wave_id, func.count()).group_by(Response.wave_id)).all())
    waves = db.session.scalars(select(Wave).order_by(Wave.created_on.desc(), Wave.name.desc())).all()
    return [(wave, counts.get(wave.id, 0)) for wave in waves]


@bp.get("/")
def home():
    """Start page: the waves at a glance and the way to everything else."""
    return render_template("console/home.html", rows=_wave_rows(), status_labels=STATUS_LABELS)


@bp.get("/golven")
def waves():
    """All waves with status and number of responses."""
    return render_template("console/waves.html", rows=_wave_rows(), status_labels=STATUS_LABELS)


def _headcounts(form, teams) -> dict[str, int] | None:
    """Numbers from the uploaded CSV, else from the per-team fields (empty = team does not take part)."""
    if form.headcounts.data:
        with saved_upload(form.headcounts.data) as path:
            return read_headcounts(path)
    counts = {team.slug: field.data for team, field in zip(teams, headcount_fields(form, teams), strict=True)
              if field.data is not None}
    return counts or None


@bp.route("/nieuwe-golf", methods=["GET", "POST"])
def new_wave_page():
    """Create a wave: name, label, modules from the loaded instruments, and who is invited per team."""
    instruments = current_instruments()
    teams = db.session.scalars(select(Team).order_by(Team.slug)).all()
    form = wave_form(teams, instruments.modules)
    refused = False  # input the service refused: shown with its problems, as 422
    if form.validate_on_submit():
        try:
            counts = _headcounts(form, teams)
            if counts is None:
                raise fail("teams", "geef voor minstens één team het aantal uitgenodigden op, of upload een CSV")
            wave = new_wave(form.name.data.strip(), (form.label.data or "").strip(), list(form.modules.data),
                            instruments, counts, current_app.config["MIN_CELL_SIZE"], current_user)
            db.session.commit()
            flash(f"Golf '{wave.name}' is aangemaakt.", "success")
            return redirect(url_for("console.wave", wave=wave.name))
        except InputError as error:
            flash_problems(error)
            refused = True
    return render_template("console/wave_new.html", form=form, team_fields=headcount_fields(form, teams),
                           teams=teams), (422 if form.errors or refused else 200)


@bp.get("/golven/<wave>")
def wave(wave: str):
    """One wave: status, modules, teams with invitations and open links, and the exports."""
    current = wave_or_404(wave)
    instruments = current_instruments()
    titles = {m.id: m.title for m in instruments.modules}
    participations = sorted(current.teams, key=lambda p: (p.team.gemeente.label, p.team.label))
    return render_template(
        "console/wave.html", wave=current, titles=titles, participations=participations,
        status_labels=STATUS_LABELS,
    )


@bp.post("/golven/<wave>/status")
def wave_status(wave: str):
    """Open or close the wave for respondents."""
    current = wave_or_404(wave)
    form = StatusForm()
    if not form.validate_on_submit():
        flash_form_errors(form)
        return redirect(url_for("console.wave", wave=current.name))
    if form.status.data == WaveStatus.CLOSED and form.confirmed.data != "ja":
        return redirect(url_for("console.close_wave", wave=current.name))
    try:
        change_status(current, WaveStatus(form.status.data), current_user)
        db.session.commit()
        flash(f"Golf '{current.name}' is nu {STATUS_LABELS[current.status]}.", "success")
    except InputError as error:
        flash_problems(error)
    return redirect(url_for("console.wave", wave=current.name))


@bp.get("/golven/<wave>/sluiten")
def close_wave(wave: str):
    """Confirm closing: how many respondents are still busy, and what closing does to them and the batches."""
    current = wave_or_404(wave)
    if current.status != WaveStatus.OPEN:
        flash(f"Golf '{current.name}' is niet open en kan dus niet gesloten worden.", "error")
        return redirect(url_for("console.wave", wave=current.name))
    return render_template("console/close_wave.html", wave=current, summary=closing_summary(current))


@bp.get("/golven/<wave>/respons")
def monitor(wave: str):
    """Live response per team and gemeente (Tabel 2).

    monitor.js fetches `monitor_data` every minute and updates the numbers in place (a reload would lose the
    scroll position and, as a meta refresh, fails WCAG 2.2.1); without JavaScript the "Vernieuwen" link reloads.
    """
    current = wave_or_404(wave)
    blocks, total = response_monitor(current)
    return render_template("console/monitor.html", wave=current, blocks=blocks, total=total,
                           refresh=MONITOR_REFRESH_SECONDS)


@bp.get("/golven/<wave>/respons.json")
def monitor_data(wave: str):
    """The monitor's numbers as JSON, keyed like the table's rows; counts only, never answers."""
    current = wave_or_404(wave)
    blocks, total = response_monitor(current)
    return {"rows": monitor_figures(blocks, total)}


@bp.post("/golven/<wave>/vastgehouden/<team>")
def held(wave: str, team: str):
    """Count in or discard a team's open-link submissions beyond its headcount."""
    current = wave_or_404(wave)
    form = HeldForm()
    if not form.validate_on_submit():
        flash_form_errors(form)
        return redirect(url_for("console.monitor", wave=current.name))
    try:
        decided = review_held(current, team, form.decision.data == "meetellen", current_user)
        db.session.commit()
        what = "meegeteld" if form.decision.data == "meetellen" else "verwijderd"
        flash(f"{decided} vastgehouden inzending(en) {what}.", "success")
    except InputError as error:
        flash_problems(error)
    return redirect(url_for("console.monitor", wave=current.name))


@bp.post("/golven/<wave>/export")
def export(wave: str):
    """Download the anonymous answers (CSV, Excel, SPSS) or the data dictionary; every download is audited."""
    current = wave_or_404(wave)
    form = ExportForm()
    if not form.validate_on_submit():
        flash_form_errors(form)
        return redirect(url_for("console.wave", wave=current.name))
    content, filename, media_type = export_bytes(current, form.fmt.data, current_user)
    db.session.commit()
    return current_app.response_class(content, content_type=media_type,
                                      headers={"Content-Disposition": f'attachment; filename="{filename}"'})
