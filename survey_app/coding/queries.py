"""Read-only views of a coding project for the pages: progress per coder, counts, a coder's codings, differences."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sqlalchemy import distinct, func, select

from survey_app.extensions import db
from survey_app.models import Code, CoderAssignment, Coding, CodingDocument, CodingProject, Fragment, Memo


@dataclass(frozen=True)
class CoderProgress:
    """How far a coder is: fragments coded (any code) of the fragments in the documents assigned to them."""

    coder: str
    assigned: int
    coded: int

    @property
    def percent(self) -> float:
        """Share coded, 0-100 (0 when nothing is assigned)."""
        return 100 * self.coded / self.assigned if self.assigned else 0.0


def progress(project: CodingProject) -> list[CoderProgress]:
    """Progress of every coder with an assignment in the project, by coder name."""
    assigned = db.session.execute(
        select(CoderAssignment.coder, func.count(Fragment.id))
        .join(CodingDocument, CodingDocument.id == CoderAssignment.document_id)
        .join(Fragment, Fragment.document_id == CodingDocument.id)
        .where(CodingDocument.project_id == project.id)
        .group_by(CoderAssignment.coder)
    ).all()
    coded = dict(
        db.session.execute(
            select(CoderAssignment.coder, func.count(distinct(Coding.fragment_id)))
            .join(CodingDocument, CodingDocument.id == CoderAssignment.document_id)
            .join(Fragment, Fragment.document_id == CodingDocument.id)
            .join(Coding, (Coding.fragment_id == Fragment.id) & (Coding.coder == CoderAssignment.coder))
            .where(CodingDocument.project_id == project.id)
            .group_by(CoderAssignment.coder)
        ).all()
    )
    return [CoderProgress(coder, total, coded.get(coder, 0)) for coder, total in sorted(assigned)]


def assignments(document: CodingDocument) -> list[CoderAssignment]:
    """The coders a document is assigned to."""
    return list(
        db.session.scalars(
            select(CoderAssignment).where(CoderAssignment.document_id == document.id).order_by(CoderAssignment.coder)
        )
    )


def document_codings(document: CodingDocument) -> list[Coding]:
    """Every coding in a document, with fragment and code loaded in the same query."""
    return list(
        db.session.scalars(
            select(Coding)
            .join(Fragment, Fragment.id == Coding.fragment_id)
            .join(Code, Code.id == Coding.code_id)
            .where(Fragment.document_id == document.id)
            .order_by(Fragment.position, Code.position, Coding.coder)
        )
    )


def code_counts(document: CodingDocument, coder: str) -> dict[str, int]:
    """Per code path, the fragments of this document the coder gave that code (0 for unused codes)."""
    counts = Counter(coding.code.path for coding in document_codings(document) if coding.coder == coder)
    codes = db.session.scalars(select(Code.path).where(Code.project_id == document.project_id))
    return {path: counts.get(path, 0) for path in codes}


def fragment_memos(document: CodingDocument, coder: str) -> dict[int | None, str]:
    """A coder's memos in a document: fragment id (None for the document memo) to text."""
    return dict(
        db.session.execute(
            select(Memo.fragment_id, Memo.text).where(Memo.document_id == document.id, Memo.coder == coder)
        ).all()
    )


def coders_of(document: CodingDocument) -> list[str]:
    """Coders who coded in this document or are assigned to it, by number of codings (most first)."""
    counts = Counter(coding.coder for coding in document_codings(document))
    for assignment in assignments(document):
        counts.setdefault(assignment.coder, 0)
    return sorted(counts, key=lambda coder: (-counts[coder], coder))


@dataclass(frozen=True)
class Difference:
    """A fragment the two coders coded differently, with each one's codes and the current consensus."""

    fragment: Fragment
    codes_a: tuple[str, ...]
    codes_b: tuple[str, ...]
    final: tuple[str, ...]

    @property
    def union(self) -> tuple[str, ...]:
        """Every code either coder gave, A's first."""
        return tuple(dict.fromkeys(self.codes_a + self.codes_b))


def differences(document: CodingDocument, coder_a: str, coder_b: str) -> list[Difference]:
    """Fragments of the document where the code sets of the two coders differ, in document order."""
    per_fragment: dict[int, dict[str, list[str]]] = {}
    fragments: dict[int, Fragment] = {}
    for coding in document_codings(document):
        entry = per_fragment.setdefault(coding.fragment_id, {"a": [], "b": [], "final": []})
        fragments[coding.fragment_id] = coding.fragment
        if coding.coder == coder_a:
            entry["a"].append(coding.code.path)
        elif coding.coder == coder_b:
            entry["b"].append(coding.code.path)
        if coding.final and coding.code.path not in entry["final"]:
            entry["final"].append(coding.code.path)
    result = [
        Difference(fragments[fid], tuple(entry["a"]), tuple(entry["b"]), tuple(entry["final"]))
        for fid, entry in per_fragment.items()
        if set(entry["a"]) != set(entry["b"])
    ]
    return sorted(result, key=lambda difference: difference.fragment.position)
