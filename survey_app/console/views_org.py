"""Console pages for the organisation (gemeenten, teams, CSV upload) and the instrument preview."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask_login import current_user
from sqlalchemy import select

from survey_app.console import bp
from survey_app.console.forms import UploadForm
from survey_app.console.helpers import flash_problems
from survey_app.console.operations import load_organisation
from survey_app.console.uploads import saved_upload
from survey_app.extensions import db
from survey_app.instrument_registry import current_instruments
from survey_app.models import Gemeente
from survey_app.services.errors import InputError
from survey_app.survey.layout import blocks


@bp.route("/organisatie", methods=["GET", "POST"])
def organisation():
    """The gemeenten with their teams; a CSV (gemeente,team,label) adds or renames them, all or nothing."""
    form = UploadForm()
    refused = False  # a file the service refused: shown with its problems, as 422
    if form.validate_on_submit():
        try:
            with saved_upload(form.file.data) as path:
                gemeenten, teams = load_organisation(path, form.file.data.filename or "upload.csv", current_user)
            db.session.commit()
            flash(f"{gemeenten} gemeenten en {teams} teams geladen.", "success")
            return redirect(url_for("console.organisation"))
        except InputError as error:
            flash_problems(error)
            refused = True
    gemeenten = db.session.scalars(select(Gemeente).order_by(Gemeente.label)).all()
    status = 422 if form.errors or refused else 200
    return render_template("console/organisation.html", form=form, gemeenten=gemeenten), status


@bp.get("/instrumenten")
def instruments():
    """The loaded instrument modules, each with a link to its preview."""
    return render_template("console/instruments.html", modules=current_instruments().modules)


@bp.get("/instrumenten/<module_id>")
def preview(module_id: str):
    """A module as respondents see it, drawn with the questionnaire's own macros; read-only (no form)."""
    try:
        module = current_instruments().module(module_id)
    except KeyError:
        abort(404)
    pages = [(page, blocks(list(page.items))) for page in module.pages]
    return render_template("console/preview.html", module=module, pages=pages)
