"""The coding page of one document, the code toggle (a plain POST form, enhanced by coding.js), memos, quotable
marks, and the side-by-side view of two coders with the consensus action. URL rules are listed in `views`."""

from __future__ import annotations

from dataclasses import dataclass, field

from flask import abort, flash, jsonify, redirect, render_template, request, url_for
from sqlalchemy import select

from survey_app.coding import queries
from survey_app.coding.services import (
    get_code,
    get_fragment,
    is_blind,
    set_consensus,
    set_memo,
    set_quotable,
    toggle_coding,
)
from survey_app.coding.store import withdrawn_pseudonyms
from survey_app.coding.web import coder_name, flash_problems, get_document_or_404, get_project_or_404
from survey_app.extensions import db
from survey_app.models import Code, CodeStatus, Coding, CodingDocument, CodingProject, Fragment
from survey_app.services.errors import InputError

KEYED_CODES = 9  #: digits 1-9 toggle the first nine codes of the current group


@dataclass
class CodeGroup:
    """Codes offered together: the codes below one axis, or the axes that have no codes below them."""

    key: str
    name: str
    codes: list[Code] = field(default_factory=list)


def code_groups(codes: list[Code]) -> list[CodeGroup]:
    """Group the active codes (tree order) per axis; childless axes together in 'Overige codes'."""
    active = [code for code in codes if code.status != CodeStatus.RETIRED]
    groups: dict[str, CodeGroup] = {}
    loose = CodeGroup("overig", "Overige codes")
    for code in active:
        if code.depth == 1:
            if any(other.path.startswith(code.path + "/") for other in active):
                groups[code.path] = CodeGroup(code.path, code.name)
            else:
                loose.codes.append(code)
        elif code.axis in groups:
            groups[code.axis].codes.append(code)
    return list(groups.values()) + ([loose] if loose.codes else [])


def _wants_json() -> bool:
    return request.accept_mimetypes.best == "application/json"


def _page(project: CodingProject, document: CodingDocument) -> dict:
    """Everything the coding page and a re-rendered fragment need, for the logged-in coder."""
    me = coder_name()
    blind = is_blind(document, me)
    codes = list(db.session.scalars(select(Code).where(Code.project_id == project.id).order_by(Code.position)))
    mine: dict[int, dict[str, Coding]] = {}
    others: dict[int, list[Coding]] = {}
    for coding in queries.document_codings(document):
        if coding.coder == me:
            mine.setdefault(coding.fragment_id, {})[coding.code.path] = coding
        elif not blind:
            others.setdefault(coding.fragment_id, []).append(coding)
    return {
        "project": project, "document": document, "me": me, "blind": blind, "groups": code_groups(codes),
        "codes": codes, "mine": mine, "others": others, "counts": queries.code_counts(document, me),
        "memos": queries.fragment_memos(document, me), "withdrawn": withdrawn_pseudonyms(project),
        "keyed": KEYED_CODES,
    }


def _fragment_of(name: str, document_id: int, position: int) -> tuple[CodingProject, CodingDocument, Fragment]:
    project = get_project_or_404(name)
    document = get_document_or_404(project, document_id)
    try:
        return project, document, get_fragment(document, position)
    except InputError:
        abort(404)


def _back(name: str, document_id: int, position: int | None = None):
    anchor = f"fragment-{position}" if position else None
    return redirect(url_for("coding.document", name=name, document_id=document_id, _anchor=anchor))


def document(name: str, document_id: int):
    """One document, fragments in order, with the code buttons and counts of the logged-in coder."""
    project = get_project_or_404(name)
    document = get_document_or_404(project, document_id)
    return render_template("coding/document.html", **_page(project, document))


def _span() -> tuple[int, int] | None:
    start, end = request.form.get("span_start", type=int), request.form.get("span_end", type=int)
    return (start, end) if start is not None and end is not None else None


def toggle(name: str, document_id: int, position: int):
    """Give or take away a code (a span when span_start/span_end are posted); JSON for coding.js."""
    project, document, fragment = _fragment_of(name, document_id, position)
    try:
        code = get_code(project, request.form.get("code", ""))
        active = toggle_coding(fragment, code, coder_name(), _span())
    except InputError as error:
        if _wants_json():
            db.session.rollback()
            return jsonify({"error": "; ".join(str(p) for p in error.problems)}), 400
        flash_problems(error)
        return _back(name, document_id, position)
    db.session.commit()
    if not _wants_json():
        return _back(name, document_id, position)
    page = _page(project, document)
    html = render_template("coding/_fragment.html", fragment=fragment, **page)
    return jsonify({"active": active, "code": code.path, "position": position, "counts": page["counts"],
                    "html": html})


def fragment_memo(name: str, document_id: int, position: int):
    """Save the coder's memo on one fragment (empty removes it)."""
    _, document, fragment = _fragment_of(name, document_id, position)
    set_memo(document, coder_name(), request.form.get("text", ""), fragment)
    db.session.commit()
    flash(f"Memo bij fragment {position} opgeslagen.", "success")
    return _back(name, document_id, position)


def document_memo(name: str, document_id: int):
    """Save the coder's memo on the whole document."""
    project = get_project_or_404(name)
    document = get_document_or_404(project, document_id)
    set_memo(document, coder_name(), request.form.get("text", ""))
    db.session.commit()
    flash("Memo bij het document opgeslagen.", "success")
    return _back(name, document_id)


def quotable(name: str, document_id: int, position: int):
    """Approve (or un-approve) the coder's own coding of this fragment with a code as a quote."""
    project, _, fragment = _fragment_of(name, document_id, position)
    path = request.form.get("code", "")
    coding = next((c for c in fragment.codings if c.coder == coder_name() and c.code.path == path), None)
    if coding is None:
        flash("U heeft dit fragment niet met deze code gecodeerd.", "error")
    else:
        set_quotable(coding, request.form.get("quotable") == "1")
        db.session.commit()
    return _back(name, document_id, position)


def differences(name: str, document_id: int):
    """Side by side: the fragments two coders coded differently, with a consensus form per fragment."""
    project = get_project_or_404(name)
    document = get_document_or_404(project, document_id)
    coders = queries.coders_of(document)
    coder_a = request.args.get("a") or (coders[0] if coders else "")
    coder_b = request.args.get("b") or next((c for c in coders if c != coder_a), "")
    rows = queries.differences(document, coder_a, coder_b) if coder_a and coder_b else []
    names = {code.path: code.name for code in project.codes}
    return render_template("coding/differences.html", project=project, document=document, coders=coders,
                           coder_a=coder_a, coder_b=coder_b, rows=rows, names=names,
                           withdrawn=withdrawn_pseudonyms(project))


def consensus(name: str, document_id: int, position: int):
    """Record the agreed codes of a fragment: their codings become final, the others not."""
    _, _, fragment = _fragment_of(name, document_id, position)
    final = set_consensus(fragment, set(request.form.getlist("code")))
    db.session.commit()
    flash(f"Consensus voor fragment {position} vastgelegd ({final} definitieve codering(en)).", "success")
    args = {key: request.form[key] for key in ("a", "b") if request.form.get(key)}
    return redirect(url_for("coding.differences", name=name, document_id=document_id, _anchor=f"fragment-{position}",
                            **args))
