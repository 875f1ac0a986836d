"""What every coding view shares: the access rule, looking up the project and document in the URL, errors."""

from __future__ import annotations

from flask import abort, flash
from flask_login import current_user
from sqlalchemy import select

from survey_app.auth.access import roles_required
from survey_app.extensions import db
from survey_app.models import CodingDocument, CodingProject, Role
from survey_app.services.errors import InputError

#: Coding pages are for researchers and admins only.
staff = roles_required(Role.ADMIN, Role.RESEARCHER)


def get_project_or_404(name: str) -> CodingProject:
    """The project named in the URL, or 404."""
    project = db.session.scalar(select(CodingProject).where(CodingProject.name == name))
    if project is None:
        abort(404)
    return project


def get_document_or_404(project: CodingProject, document_id: int) -> CodingDocument:
    """A document of the project by id, or 404 (also for another project's document)."""
    document = db.session.get(CodingDocument, document_id)
    if document is None or document.project_id != project.id:
        abort(404)
    return document


def flash_problems(error: InputError) -> None:
    """Show every problem of a rejected action, after rolling back whatever it started."""
    db.session.rollback()
    for problem in error.problems[:20]:
        flash(str(problem), "error")


def coder_name() -> str:
    """The coder name of the logged-in account: its e-mail address."""
    return current_user.email
