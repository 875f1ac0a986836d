"""The coding blueprint: project list and project page (documents, participants, code tree, progress, uploads).

Researchers and admins only. Every form posts with the global CSRF protection. The coding page itself lives in
`views_coding`, agreement and outputs in `views_outputs`; their URL rules are listed at the end of this module,
so this file names every URL of the feature.
"""

from __future__ import annotations

import tempfile
from pathlib import Path, PurePath

from flask import Blueprint, Response, abort, flash, redirect, render_template, request, url_for
from sqlalchemy import select

from survey_app.coding import views_coding, views_outputs
from survey_app.coding.codebook_csv import dump_csv
from survey_app.coding.codebook_io import CODEBOOK_SUFFIXES, read_codebook
from survey_app.coding.codebook_qdc import dump_qdc
from survey_app.coding.codebook_store import STATUS_LABELS, add_code, merge_codebook, set_code_status
from survey_app.coding.codebook_yaml import dump_yaml
from survey_app.coding.errors import CodingImportError
from survey_app.coding.importer import add_transcripts, import_project, problems_of
from survey_app.coding.open_answers import create_open_answers_project, latest_open_answers_project
from survey_app.coding.queries import assignments, progress
from survey_app.coding.services import assign_document, set_consent
from survey_app.coding.store import codebook_of
from survey_app.coding.transcripts import SUPPORTED_SUFFIXES, read_replacements
from survey_app.coding.web import coder_name, flash_problems, get_document_or_404, get_project_or_404, staff
from survey_app.extensions import db
from survey_app.instrument_registry import wave_instruments
from survey_app.models import Code, CodeStatus, CodingProject, Consent, Wave
from survey_app.services.errors import InputError, InputProblem

bp = Blueprint("coding", __name__, url_prefix="/coderen", template_folder="templates")
CODEBOOK_DOWNLOADS = {"yaml": (dump_yaml, "application/yaml"), "csv": (dump_csv, "text/csv"),
                      "qdc": (dump_qdc, "application/xml")}
CONSENT_LABELS = {Consent.GIVEN: "gegeven", Consent.WITHDRAWN: "ingetrokken"}


def _projects_page(existing: CodingProject | None = None, status: int = 200):
    """The project list with the forms for a new project; `existing`: the open-answers project already there."""
    rows = db.session.scalars(select(CodingProject).order_by(CodingProject.created_on.desc(), CodingProject.name))
    waves = db.session.scalars(select(Wave).order_by(Wave.created_on.desc(), Wave.name)).all()
    return render_template("coding/projects.html", projects=list(rows), waves=waves, existing=existing,
                           transcript_suffixes=", ".join(SUPPORTED_SUFFIXES)), status


@bp.get("/")
@staff
def projects():
    """All coding projects, a form for a new interview project, and one to turn a wave's open answers into one."""
    return _projects_page()


@bp.post("/nieuw")
@staff
def new_project():
    """A new interview project from uploaded transcripts (and optionally a codebook and replace.csv), all or
    nothing: the same checks as `flask coding import`, without a command line."""
    name = request.form.get("name", "").strip()
    try:
        with tempfile.TemporaryDirectory() as folder:
            directory = Path(folder)
            _save_uploads(request.files.getlist("transcripts"), directory, SUPPORTED_SUFFIXES)
            codebook = request.files.get("codebook")
            if codebook and codebook.filename:
                (path,) = _save_uploads([codebook], directory / "codeboek", CODEBOOK_SUFFIXES, make=True)
                path.rename(directory / f"codebook{path.suffix.lower()}")
            replace = request.files.get("replace")
            if replace and replace.filename:
                (path,) = _save_uploads([replace], directory / "vervang", (".csv",), make=True)
                path.rename(directory / "replace.csv")
            project = import_project(name, directory, coder_name(), request.form.get("title", "").strip())
    except InputError as error:
        flash_problems(error)
        return _projects_page(status=422)
    db.session.commit()
    flash(f"Codeerproject '{project.name}' gemaakt met {len(project.documents)} document(en).", "success")
    return redirect(url_for("coding.project", name=project.name))


@bp.post("/open-antwoorden")
@staff
def create_open_answers():
    """Create a project of kind open_answers from the chosen wave; when the wave has one already, say so and
    link to it, and make a second one only when asked (`again`), e.g. after new answers came in."""
    wave = db.session.get(Wave, request.form.get("wave_id", type=int) or 0)
    if wave is None:
        flash("Kies een golf.", "error")
        return redirect(url_for("coding.projects"))
    existing = latest_open_answers_project(wave)
    if existing is not None and request.form.get("again") != "1":
        return _projects_page(existing=existing, status=409)
    try:
        project = create_open_answers_project(wave, wave_instruments(wave))
    except InputError as error:
        flash_problems(error)
        return redirect(url_for("coding.projects"))
    db.session.commit()
    flash(f"Codeerproject '{project.name}' gemaakt met {len(project.documents)} open vragen.", "success")
    return redirect(url_for("coding.project", name=project.name))


@bp.get("/<name>")
@staff
def project(name: str):
    """Documents, participants with consent, the code tree with statuses and history, progress per coder."""
    project = get_project_or_404(name)
    codes = db.session.scalars(select(Code).where(Code.project_id == project.id).order_by(Code.position)).all()
    return render_template(
        "coding/project.html", project=project, codes=codes, progress=progress(project),
        example_path=example_code_path(codes),
        assignments={document.id: assignments(document) for document in project.documents},
        status_labels=STATUS_LABELS, consent_labels=CONSENT_LABELS, statuses=list(CodeStatus),
        codebook_formats=list(CODEBOOK_DOWNLOADS), transcript_suffixes=", ".join(SUPPORTED_SUFFIXES),
    )


@bp.post("/<name>/deelnemers/<pseudonym>/toestemming")
@staff
def consent(name: str, pseudonym: str):
    """Switch a participant's consent between given and withdrawn."""
    project = get_project_or_404(name)
    wanted = Consent.WITHDRAWN if request.form.get("consent") == Consent.WITHDRAWN else Consent.GIVEN
    try:
        participant = set_consent(project, pseudonym, wanted)
    except InputError as error:
        flash_problems(error)
        return redirect(url_for("coding.project", name=name))
    db.session.commit()
    flash(f"Toestemming van {participant.pseudonym}: {CONSENT_LABELS[participant.consent]}.", "success")
    return redirect(url_for("coding.project", name=name, _anchor="deelnemers"))


def example_code_path(codes) -> str:
    """The path the new-code hint suggests: under the first existing main code, so it works as shown."""
    axis = next((code.path for code in codes if code.depth == 1 and code.status != CodeStatus.RETIRED), None)
    return f"{axis}/Nieuwe code" if axis else "Nieuwe code"


def _save_uploads(files, directory: Path, allowed: tuple[str, ...], make: bool = False) -> list[Path]:
    """Write uploaded files into a temporary folder under their own base name; refuse other types."""
    if make:
        directory.mkdir(exist_ok=True)
    saved, problems = [], []
    for upload in files:
        filename = PurePath(upload.filename.replace("\\", "/")).name if upload.filename else ""
        if not filename:
            continue
        if filename.startswith(".") or PurePath(filename).suffix.lower() not in allowed:
            problems.append(InputProblem(filename, f"bestandstype niet toegestaan (kies uit {', '.join(allowed)})"))
            continue
        target = directory / filename
        upload.save(target)
        saved.append(target)
    if problems:
        raise InputError(problems)
    if not saved:
        raise InputError([InputProblem("upload", "kies minstens één bestand")])
    return saved


def _rejected_upload(name: str, error: InputError):
    """The project page with every problem of a refused upload, as 422: nothing of the upload is stored."""
    flash_problems(error)
    return project(name), 422


@bp.post("/<name>/transcripten")
@staff
def upload_transcripts(name: str):
    """Add transcripts (.txt, .docx, .vtt, .srt), optionally pseudonymised with a replace.csv, all or nothing."""
    project = get_project_or_404(name)
    try:
        with tempfile.TemporaryDirectory() as folder:
            paths = _save_uploads(request.files.getlist("transcripts"), Path(folder), SUPPORTED_SUFFIXES)
            replacements = None
            if request.files.get("replace") and request.files["replace"].filename:
                (replace_path,) = _save_uploads([request.files["replace"]], Path(folder), (".csv",))
                try:
                    replacements = read_replacements(replace_path)
                except CodingImportError as error:
                    raise InputError(problems_of(error)) from None
            documents = add_transcripts(project, paths, replacements)
    except InputError as error:
        return _rejected_upload(name, error)
    db.session.commit()
    flash(f"{len(documents)} transcript(en) toegevoegd.", "success")
    return redirect(url_for("coding.project", name=name))


@bp.post("/<name>/codeboek")
@staff
def upload_codebook(name: str):
    """Read a codebook (.yaml, .csv, .qdc) into the project: new codes are added, changed ones updated."""
    project = get_project_or_404(name)
    try:
        with tempfile.TemporaryDirectory() as folder:
            (path,) = _save_uploads([request.files.get("codebook")] if request.files.get("codebook") else [],
                                    Path(folder), CODEBOOK_SUFFIXES)
            try:
                codebook = read_codebook(path)
            except CodingImportError as error:
                raise InputError(problems_of(error)) from None
        added, changed = merge_codebook(project, codebook, coder_name())
    except InputError as error:
        return _rejected_upload(name, error)
    db.session.commit()
    flash(f"Codeboek ingelezen: {added} codes toegevoegd, {changed} gewijzigd.", "success")
    return redirect(url_for("coding.project", name=name, _anchor="codes"))


@bp.get("/<name>/codeboek.<fmt>")
@staff
def download_codebook(name: str, fmt: str):
    """The code tree as YAML, Taguette-style CSV or REFI-QDA codebook (.qdc)."""
    project = get_project_or_404(name)
    if fmt not in CODEBOOK_DOWNLOADS:
        abort(404)
    dump, mimetype = CODEBOOK_DOWNLOADS[fmt]
    return Response(dump(codebook_of(project)), mimetype=f"{mimetype}; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{project.name}-codebook.{fmt}"'})


@bp.post("/<name>/codes")
@staff
def new_code(name: str):
    """Add a concept code while coding (path such as `uitkomst/Nieuwe code`)."""
    project = get_project_or_404(name)
    try:
        code = add_code(project, request.form.get("path", ""), request.form.get("description", ""), coder_name(),
                        create_parents=request.form.get("create_parents") == "1")
    except InputError as error:
        flash_problems(error)
        return redirect(url_for("coding.project", name=name, _anchor="codes"))
    db.session.commit()
    flash(f"Code '{code.path}' toegevoegd (concept).", "success")
    return redirect(url_for("coding.project", name=name, _anchor="codes"))


@bp.post("/<name>/codes/<int:code_id>/status")
@staff
def code_status(name: str, code_id: int):
    """Change a code's status: concept, vastgesteld or vervallen (kept in the code's history)."""
    project = get_project_or_404(name)
    code = db.session.get(Code, code_id)
    if code is None or code.project_id != project.id:
        abort(404)
    status = request.form.get("status", "")
    if status not in {s.value for s in CodeStatus}:
        abort(400)
    if set_code_status(code, CodeStatus(status), coder_name()):
        db.session.commit()
        flash(f"Status van '{code.path}': {STATUS_LABELS[code.status]}.", "success")
    return redirect(url_for("coding.project", name=name, _anchor="codes"))


@bp.post("/<name>/toewijzing")
@staff
def assign(name: str):
    """Assign a document (form field document_id) to a coder, openly or blind."""
    project = get_project_or_404(name)
    document = get_document_or_404(project, request.form.get("document_id", type=int) or 0)
    try:
        assignment = assign_document(document, request.form.get("coder", ""), request.form.get("blind") == "1")
    except InputError as error:
        flash_problems(error)
        return redirect(url_for("coding.project", name=name))
    db.session.commit()
    flash(f"{document.name} toegewezen aan {assignment.coder}{' (blind)' if assignment.blind else ''}.", "success")
    return redirect(url_for("coding.project", name=name))


DOCUMENT = "/<name>/documenten/<int:document_id>"
FRAGMENT = DOCUMENT + "/fragmenten/<int:position>"
for rule, view, methods in (
    (DOCUMENT, views_coding.document, ["GET"]),
    (FRAGMENT + "/code", views_coding.toggle, ["POST"]),
    (FRAGMENT + "/memo", views_coding.fragment_memo, ["POST"]),
    (FRAGMENT + "/citeerbaar", views_coding.quotable, ["POST"]),
    (FRAGMENT + "/consensus", views_coding.consensus, ["POST"]),
    (DOCUMENT + "/memo", views_coding.document_memo, ["POST"]),
    (DOCUMENT + "/verschillen", views_coding.differences, ["GET"]),
    ("/<name>/overeenstemming", views_outputs.agreement, ["GET"]),
    ("/<name>/uitvoer", views_outputs.outputs_page, ["GET"]),
    ("/<name>/uitvoer.<fmt>", views_outputs.download, ["GET"]),
):
    bp.add_url_rule(rule, endpoint=view.__name__.removesuffix("_page"), view_func=staff(view), methods=methods)
