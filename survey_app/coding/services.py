"""Operations on a coding project: coding and uncoding fragments, memos, consent, assignments and consensus.

They flush and leave the commit to the caller (a view or a `flask coding` command), so every request or command
is one transaction.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from survey_app.extensions import db
from survey_app.models import (
    Code,
    CoderAssignment,
    CodeStatus,
    Coding,
    CodingDocument,
    CodingProject,
    Consent,
    Fragment,
    Memo,
    Participant,
)
from survey_app.services.errors import fail


def get_project(name: str) -> CodingProject:
    """The project with this name; InputError naming it when there is none."""
    project = db.session.scalar(select(CodingProject).where(CodingProject.name == name))
    if project is None:
        raise fail("PROJECT", f"onbekend codeerproject '{name}'")
    return project


def get_code(project: CodingProject, path: str) -> Code:
    """A code of the project by path; InputError when unknown."""
    code = db.session.scalar(select(Code).where(Code.project_id == project.id, Code.path == path))
    if code is None:
        raise fail("code", f"onbekende code '{path}'")
    return code


def get_fragment(document: CodingDocument, position: int) -> Fragment:
    """A fragment of a document by 1-based position; InputError when out of range."""
    fragment = db.session.scalar(
        select(Fragment).where(Fragment.document_id == document.id, Fragment.position == position)
    )
    if fragment is None:
        raise fail("fragment", f"fragment {position} bestaat niet in {document.name}")
    return fragment


def _check_span(fragment: Fragment, span: tuple[int, int] | None) -> None:
    if span is not None and not 0 <= span[0] < span[1] <= len(fragment.text):
        raise fail("fragment", f"tekens {span[0]}-{span[1]} liggen niet binnen fragment {fragment.position}")


def toggle_coding(fragment: Fragment, code: Code, coder: str, span: tuple[int, int] | None = None) -> bool:
    """Give or take away a code; returns True when the fragment now has it from this coder.

    With a span (character offsets) an existing coding keeps its code and gets the new span instead of being
    removed, so selecting text and clicking a code always codes that text. Retired codes cannot be given.
    """
    _check_span(fragment, span)
    coding = db.session.scalar(
        select(Coding).where(Coding.fragment_id == fragment.id, Coding.code_id == code.id, Coding.coder == coder)
    )
    if coding is not None and span is None:
        db.session.delete(coding)
        db.session.flush()
        return False
    if coding is None:
        if code.status == CodeStatus.RETIRED:
            raise fail("code", f"code '{code.path}' is vervallen en kan niet meer worden toegekend")
        coding = Coding(fragment=fragment, code=code, coder=coder)
        db.session.add(coding)
    coding.span_start, coding.span_end = span if span is not None else (None, None)
    db.session.flush()
    return True


def set_quotable(coding: Coding, quotable: bool) -> None:
    """Approve (or withdraw approval of) a coded fragment as a quote."""
    coding.quotable = quotable
    db.session.flush()


def set_memo(document: CodingDocument, coder: str, text: str, fragment: Fragment | None = None) -> Memo | None:
    """Save a coder's memo on a document or one of its fragments; an empty text removes it."""
    memo = db.session.scalar(
        select(Memo).where(
            Memo.document_id == document.id,
            Memo.coder == coder,
            Memo.fragment_id.is_(None) if fragment is None else Memo.fragment_id == fragment.id,
        )
    )
    text = text.strip()
    if not text:
        if memo is not None:
            db.session.delete(memo)
            db.session.flush()
        return None
    if memo is None:
        memo = Memo(document_id=document.id, fragment_id=fragment.id if fragment else None, coder=coder)
        db.session.add(memo)
    memo.text = text
    db.session.flush()
    return memo


def set_consent(project: CodingProject, pseudonym: str, consent: Consent, on: dt.date | None = None) -> Participant:
    """Record a participant's consent; withdrawn takes their fragments out of every output from now on."""
    participant = db.session.scalar(
        select(Participant).where(Participant.project_id == project.id, Participant.pseudonym == pseudonym)
    )
    if participant is None:
        raise fail("PSEUDONYM", f"onbekende deelnemer '{pseudonym}' in project '{project.name}'")
    participant.consent = Consent(consent)
    participant.withdrawn_on = (on or dt.date.today()) if participant.consent == Consent.WITHDRAWN else None
    db.session.flush()
    return participant


def withdraw(project: CodingProject, pseudonym: str) -> Participant:
    """A participant withdraws consent (see `set_consent`)."""
    return set_consent(project, pseudonym, Consent.WITHDRAWN)


def assign_document(document: CodingDocument, coder: str, blind: bool) -> CoderAssignment:
    """Assign a document to a coder (or change whether the assignment is blind)."""
    coder = coder.strip()
    if not coder:
        raise fail("codeur", "vul een codeur in (e-mailadres of naam)")
    assignment = db.session.scalar(
        select(CoderAssignment).where(CoderAssignment.document_id == document.id, CoderAssignment.coder == coder)
    )
    if assignment is None:
        assignment = CoderAssignment(document=document, coder=coder)
        db.session.add(assignment)
    assignment.blind = blind
    db.session.flush()
    return assignment


def is_blind(document: CodingDocument, coder: str) -> bool:
    """True when the document is assigned blind to this coder (they see only their own codings)."""
    return bool(
        db.session.scalar(
            select(CoderAssignment.blind).where(
                CoderAssignment.document_id == document.id, CoderAssignment.coder == coder
            )
        )
    )


def set_consensus(fragment: Fragment, paths: set[str]) -> int:
    """Mark the codings of the agreed codes final and the others not; returns the number of final codings.

    Only codes some coder gave can be agreed on; outputs then count the final codings for this fragment.
    """
    final = 0
    for coding in fragment.codings:
        coding.final = coding.code.path in paths
        final += coding.final
    db.session.flush()
    return final
