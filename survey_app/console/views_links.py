"""Console actions per team of a wave: personal links (downloaded once) and the team's open link."""

from __future__ import annotations

from flask import abort, current_app, flash, redirect, render_template, url_for
from flask_login import current_user

from survey_app.console import bp
from survey_app.console.forms import ActionForm, InviteForm
from survey_app.console.helpers import flash_form_errors, flash_problems, wave_or_404
from survey_app.console.operations import invitation_links_csv, new_open_link, open_link_url, revoke_open_link
from survey_app.extensions import db
from survey_app.services.errors import InputError
from survey_app.services.waves import wave_team


def _participation_or_404(wave_name: str, team_slug: str):
    """The wave and the team's participation in it, or 404."""
    current = wave_or_404(wave_name)
    try:
        return current, wave_team(current, team_slug)
    except InputError:
        abort(404)


@bp.post("/golven/<wave>/teams/<team>/uitnodigingen")
def invitations(wave: str, team: str):
    """Make N personal links and send them straight back as CSV: this download is their only copy."""
    current, participation = _participation_or_404(wave, team)
    form = InviteForm()
    if not form.validate_on_submit():
        flash_form_errors(form)
        return redirect(url_for("console.wave", wave=current.name))
    try:
        content = invitation_links_csv(current, participation.team.slug, form.count.data,
                                       current_app.config["PUBLIC_BASE_URL"], current_user)
        db.session.commit()
    except InputError as error:
        flash_problems(error)
        return redirect(url_for("console.wave", wave=current.name))
    filename = f"links-{current.name}-{participation.team.slug}.csv"
    return current_app.response_class(content, content_type="text/csv; charset=utf-8",
                                      headers={"Content-Disposition": f'attachment; filename="{filename}"'})


@bp.post("/golven/<wave>/teams/<team>/open-link")
def open_link(wave: str, team: str):
    """Make (or replace) the team's open link and show it this once; only its hash is kept."""
    current, participation = _participation_or_404(wave, team)
    form = ActionForm()
    if not form.validate_on_submit():
        flash_form_errors(form)
        return redirect(url_for("console.wave", wave=current.name))
    token, replaced = new_open_link(current, participation.team.slug, current_user)
    db.session.commit()
    return render_template("console/open_link.html", wave=current, team=participation.team, replaced=replaced,
                           link=open_link_url(current_app.config["PUBLIC_BASE_URL"], token))


@bp.post("/golven/<wave>/teams/<team>/open-link/intrekken")
def revoke_link(wave: str, team: str):
    """Switch the team's open link off."""
    current, participation = _participation_or_404(wave, team)
    form = ActionForm()
    if form.validate_on_submit():
        revoke_open_link(current, participation.team.slug, current_user)
        db.session.commit()
        flash(f"De open link van {participation.team.label} werkt niet meer.", "success")
    else:
        flash_form_errors(form)
    return redirect(url_for("console.wave", wave=current.name))
