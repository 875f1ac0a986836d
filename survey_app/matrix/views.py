"""The matrices blueprint: list and import, the matrix with its counts, the scoring page per case, agreement
and downloads. Researchers and admins only; every form posts with the global CSRF protection; writes go
through `operations` and are audited there."""

from __future__ import annotations

from flask import Blueprint, Response, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import select

from survey_app.auth.access import roles_required
from survey_app.extensions import db
from survey_app.matrix import outputs
from survey_app.matrix.core.aspects import dump_csv, dump_yaml
from survey_app.matrix.core.scale import scale_from_dict
from survey_app.matrix.models import MatrixCase, MatrixProject
from survey_app.matrix.operations import CellInput, Upload, import_project, save_case
from survey_app.matrix.presentation import context, level_dict
from survey_app.matrix.store import aspect_tree, find_project, load, path_of
from survey_app.models import Role
from survey_app.services.errors import InputError

bp = Blueprint("matrix", __name__, url_prefix="/matrices", template_folder="templates")
staff = roles_required(Role.ADMIN, Role.RESEARCHER)
SECOND_SCORER = "B"
UPLOAD_FIELDS = ("aspects", "cases", "scale", "scores")
ASPECT_DOWNLOADS = {"yaml": (dump_yaml, "application/yaml"), "csv": (dump_csv, "text/csv")}


def _project(name: str) -> MatrixProject:
    project = find_project(name)
    if project is None:
        abort(404)
    return project


def _case(project: MatrixProject, label: str) -> MatrixCase:
    case = db.session.scalar(select(MatrixCase).where(MatrixCase.project_id == project.id,
                                                      MatrixCase.label == label))
    if case is None:
        abort(404)
    return case


def _flash_problems(error: InputError) -> None:
    db.session.rollback()
    for problem in error.problems[:20]:
        flash(str(problem), "error")


def _scorers(project: MatrixProject) -> list[str]:
    """The first scorer and the second (named B until someone scores as second)."""
    return [project.scorer_a, project.scorer_b or (SECOND_SCORER if project.scorer_a != SECOND_SCORER else "C")]


@bp.get("/")
@staff
def projects():
    """All matrices, and a form to import one from its files."""
    rows = db.session.scalars(select(MatrixProject).order_by(MatrixProject.created_on.desc(), MatrixProject.name))
    return render_template("matrix/projects.html", projects=list(rows))


@bp.post("/")
@staff
def create():
    """Import a matrix from uploaded files (aspects and cases required), all or nothing."""
    files = {}
    for role in UPLOAD_FIELDS:
        upload = request.files.get(role)
        if upload and upload.filename:
            files[role] = Upload(upload.filename, upload.read())
    if "aspects" not in files or "cases" not in files:
        flash("Kies minstens een aspectenbestand (.yaml of .csv) en cases.csv.", "error")
        return redirect(url_for("matrix.projects"))
    try:
        project = import_project(request.form.get("name", "").strip(), files,
                                 current_user._get_current_object(), request.form.get("title", ""))
    except InputError as error:
        _flash_problems(error)
        return redirect(url_for("matrix.projects"))
    db.session.commit()
    flash(f"Matrix '{project.name}' geïmporteerd.", "success")
    return redirect(url_for("matrix.project", name=project.name))


@bp.get("/<name>")
@staff
def project(name: str):
    """The matrix of the first scorer, its legend and the counts per aspect."""
    project = _project(name)
    return render_template("matrix/project.html", project=project, m=context(load(project)),
                           formats=outputs.FORMATS, aspect_formats=list(ASPECT_DOWNLOADS))


@bp.get("/<name>/schaal.css")
@staff
def scale_css(name: str):
    """The colours of the project's scale as classes (level keys are [a-z0-9_], so safe in CSS)."""
    project = _project(name)
    rules = [f".mx-l-{level.key} {{ background-color: {level.colour}; color: {level_dict(level)['ink']}; }}"
             for level in scale_from_dict(project.scale).levels]
    return Response("\n".join(rules) + "\n", mimetype="text/css")


@bp.get("/<name>/casus/<label>")
@staff
def case(name: str, label: str):
    """The scoring form of one case for one scorer (?beoordelaar=...)."""
    project = _project(name)
    case = _case(project, label)
    scorer = request.args.get("beoordelaar", project.scorer_a)
    if scorer not in _scorers(project):
        abort(404)
    existing = {row.aspect_id: row for row in case.scores if row.scorer == scorer}
    leaves = {row.id for row in project.aspects if path_of(row) in
              {aspect.path for aspect in aspect_tree(project).leaves()}}
    labels = [row.label for row in project.cases]
    position = labels.index(case.label)
    return render_template(
        "matrix/case.html", project=project, case=case, scorer=scorer, scorers=_scorers(project),
        aspects=project.aspects, leaves=leaves, existing=existing,
        levels=[level_dict(level) for level in scale_from_dict(project.scale).levels],
        next_label=labels[position + 1] if position + 1 < len(labels) else None,
        previous_label=labels[position - 1] if position else None)


@bp.post("/<name>/casus/<label>")
@staff
def save(name: str, label: str):
    """Store the posted scores and notes of one case; audited with every changed cell."""
    project = _project(name)
    case = _case(project, label)
    scorer = request.form.get("beoordelaar", project.scorer_a)
    if scorer not in _scorers(project):
        abort(404)
    leaves = {aspect.path for aspect in aspect_tree(project).leaves()}
    cells = [CellInput(row, request.form.get(f"level-{row.id}", ""), request.form.get(f"note-{row.id}", ""))
             for row in project.aspects if path_of(row) in leaves]
    try:
        if scorer != project.scorer_a and project.scorer_b is None:
            project.scorer_b = scorer
        changed = save_case(project, case, scorer, cells, current_user._get_current_object())
    except InputError as error:
        _flash_problems(error)
        return redirect(url_for("matrix.case", name=name, label=label, beoordelaar=scorer))
    db.session.commit()
    flash(f"Casus {case.label} opgeslagen ({changed} {'cel' if changed == 1 else 'cellen'} gewijzigd).", "success")
    target = request.form.get("volgende") or label
    if target != label and not any(row.label == target for row in project.cases):
        target = label
    return redirect(url_for("matrix.case", name=name, label=target, beoordelaar=scorer))


@bp.get("/<name>/overeenstemming")
@staff
def agreement(name: str):
    """Krippendorff's alpha (ordinal) of the two scorers per aspect and overall."""
    project = _project(name)
    return render_template("matrix/agreement.html", project=project, m=context(load(project)))


@bp.get("/<name>/matrix.<fmt>")
@staff
def export(name: str, fmt: str):
    """The matrix as XLSX or PDF; audited."""
    project = _project(name)
    if fmt not in outputs.FORMATS:
        abort(404)
    data = outputs.export(load(project), fmt)
    outputs.audit_export(project, fmt, current_user._get_current_object())
    db.session.commit()
    return Response(data, mimetype=outputs.MIMETYPES[fmt],
                    headers={"Content-Disposition": f'attachment; filename="matrix-{project.name}.{fmt}"'})


@bp.get("/<name>/aspecten.<fmt>")
@staff
def aspects(name: str, fmt: str):
    """The aspect tree as YAML or CSV, readable by the import."""
    project = _project(name)
    if fmt not in ASPECT_DOWNLOADS:
        abort(404)
    dump, mimetype = ASPECT_DOWNLOADS[fmt]
    return Response(dump(aspect_tree(project)), mimetype=f"{mimetype}; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="aspects-{project.name}.{fmt}"'})
