"""Writing the code tree of a project: from an imported codebook, a single new code, or a status change.

Every change leaves a CodeHistory entry, so the growth of the concept tree into the fixed one can be traced.
"""

from __future__ import annotations

from sqlalchemy import func, select

from survey_app.coding.codebook import SEPARATOR, Codebook, normalise_path, split_path
from survey_app.extensions import db
from survey_app.models import Code, CodeHistory, CodeStatus, CodingProject
from survey_app.services.errors import fail

STATUS_LABELS = {
    CodeStatus.CONCEPT: "concept",
    CodeStatus.VASTGESTELD: "vastgesteld",
    CodeStatus.RETIRED: "vervallen",
}


def _history(code: Code, user_email: str, what: str) -> None:
    code.history.append(CodeHistory(user_email=user_email, what=what))


def _codes_by_path(project: CodingProject) -> dict[str, Code]:
    return {code.path: code for code in db.session.scalars(select(Code).where(Code.project_id == project.id))}


def _reorder(project: CodingProject) -> None:
    """Give every code its tree position: parents before children, siblings in creation order."""
    codes = sorted(_codes_by_path(project).values(), key=lambda code: (code.position, code.id or 0))
    children: dict[str | None, list[Code]] = {}
    for code in codes:
        parent = code.path.rsplit(SEPARATOR, 1)[0] if SEPARATOR in code.path else None
        children.setdefault(parent, []).append(code)
    counter = 0

    def visit(parent: str | None) -> None:
        nonlocal counter
        for code in children.get(parent, []):
            code.position = counter
            counter += 1
            visit(code.path)

    visit(None)


def merge_codebook(project: CodingProject, codebook: Codebook, user_email: str) -> tuple[int, int]:
    """Add the codebook's new codes and update changed descriptions, examples and statuses of existing ones.

    Codes missing from the file are kept (codings may use them). Returns (added, changed).
    """
    existing = _codes_by_path(project)
    next_position = max((code.position for code in existing.values()), default=-1) + 1
    added = changed = 0
    for core in codebook.codes:
        code = existing.get(core.path)
        if code is None:
            code = Code(
                project=project,
                path=core.path,
                name=core.name,
                description=core.description,
                examples=list(core.examples),
                parent_id=existing[core.parent_path].id if core.parent_path else None,
                status=CodeStatus.RETIRED if core.status == "retired" else CodeStatus.CONCEPT,
                position=next_position,
            )
            next_position += 1
            db.session.add(code)
            _history(code, user_email, "aangemaakt (codeboek ingelezen)")
            db.session.flush()
            existing[core.path] = code
            added += 1
            continue
        changes = []
        if core.description != code.description:
            code.description = core.description
            changes.append("omschrijving")
        if list(core.examples) != list(code.examples or []):
            code.examples = list(core.examples)
            changes.append("voorbeelden")
        if core.status == "retired" and code.status != CodeStatus.RETIRED:
            code.status = CodeStatus.RETIRED
            changes.append("status vervallen")
        elif core.status == "active" and code.status == CodeStatus.RETIRED:
            code.status = CodeStatus.CONCEPT
            changes.append("status concept")
        if changes:
            _history(code, user_email, "gewijzigd bij inlezen codeboek: " + ", ".join(changes))
            changed += 1
    _reorder(project)
    db.session.flush()
    return added, changed


def add_code(project: CodingProject, path: str, description: str, user_email: str,
             create_parents: bool = False) -> Code:
    """Add one concept code while coding; the tree grows as coding goes on.

    A parent that does not exist is refused (a typo would otherwise grow a second axis unnoticed) unless the
    coder asks for it with `create_parents`: then every missing ancestor is made too, as a concept code.
    """
    names = split_path(path)
    if not path.strip() or any(not name for name in names):
        raise fail("code", f"ongeldig codepad '{path}'")
    path = normalise_path(path)
    existing = _codes_by_path(project)
    if path in existing:
        raise fail("code", f"code '{path}' bestaat al")
    parent = SEPARATOR.join(names[:-1]) or None
    if parent is not None and parent not in existing and not create_parents:
        known = [p for p in existing if SEPARATOR not in p][:5]
        choices = f" (bestaande hoofdcodes: {', '.join(known)})" if known else ""
        raise fail("code", f"bovenliggende code '{parent}' bestaat niet{choices}; kies een bestaande of vink "
                   "'ontbrekende bovenliggende codes ook aanmaken' aan")
    made = None
    for depth in range(1, len(names) + 1):
        ancestor = SEPARATOR.join(names[:depth])
        if ancestor in existing:
            continue
        made = _new_code(project, ancestor, names[depth - 1], existing.get(SEPARATOR.join(names[:depth - 1])),
                         description.strip() if depth == len(names) else "", user_email,
                         "aangemaakt" if depth == len(names) else "aangemaakt als bovenliggende code")
        existing[ancestor] = made
    _reorder(project)
    db.session.flush()
    return made


def _new_code(project: CodingProject, path: str, name: str, parent: Code | None, description: str,
              user_email: str, what: str) -> Code:
    """One new concept code at the end of the tree, with its first history line."""
    last = db.session.scalar(select(func.max(Code.position)).where(Code.project_id == project.id))
    code = Code(project=project, path=path, name=name, description=description, examples=[],
                parent_id=parent.id if parent else None, status=CodeStatus.CONCEPT,
                position=(last if last is not None else -1) + 1)
    db.session.add(code)
    _history(code, user_email, what)
    db.session.flush()
    return code


def set_code_status(code: Code, status: CodeStatus, user_email: str) -> bool:
    """Change a code's status (concept, vastgesteld, vervallen); returns False when it already had it."""
    status = CodeStatus(status)
    if code.status == status:
        return False
    _history(code, user_email, f"status {STATUS_LABELS[code.status]} → {STATUS_LABELS[status]}")
    code.status = status
    db.session.flush()
    return True


def fix_codebook(project: CodingProject, user_email: str) -> int:
    """Mark every concept code as vastgesteld (the tree is agreed); returns how many changed."""
    concept = [code for code in _codes_by_path(project).values() if code.status == CodeStatus.CONCEPT]
    for code in concept:
        set_code_status(code, CodeStatus.VASTGESTELD, user_email)
    return len(concept)
