"""The one bridge from the database to the pure coding core: a project's documents, codebook and codings.

Every output (frequencies, crosstabs, quotes, agreement, exports, open-answer themes) starts from
`project_data`, which knows the withdrawn participants: their fragments and codings are left out here already,
and `withdrawn` is passed on to the core functions as well, so no output can forget it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import select

from survey_app.coding.codebook import Code as CoreCode
from survey_app.coding.codebook import Codebook
from survey_app.coding.codings_csv import Coding as CoreCoding
from survey_app.coding.transcripts import Document as CoreDocument
from survey_app.coding.transcripts import Fragment as CoreFragment
from survey_app.extensions import db
from survey_app.models import (
    Code,
    CodeStatus,
    Coding,
    CodingDocument,
    CodingProject,
    Consent,
    Fragment,
    Participant,
)

#: (document name, 1-based position): how the core identifies a fragment
FragmentKey = tuple[str, int]


@dataclass(frozen=True)
class ProjectData:
    """A project as the core sees it, with withdrawn participants' fragments already removed."""

    project: CodingProject
    documents: list[CoreDocument]
    codebook: Codebook
    #: every coder's codings on the remaining fragments
    codings: list[CoreCoding]
    #: pseudonyms of participants who withdrew their consent
    withdrawn: frozenset[str]
    #: codings marked final (consensus), as (document, position, code)
    final: frozenset[tuple[str, int, str]] = frozenset()
    #: attributes per fragment (open answers: gemeente and team)
    attributes: dict[FragmentKey, dict] = field(default_factory=dict)

    def output_codings(self) -> list[CoreCoding]:
        """Codings for tables: on a fragment with a consensus only its final codings, elsewhere all coders'."""
        settled = {(document, position) for document, position, _ in self.final}
        return [
            coding
            for coding in self.codings
            if (coding.document, coding.fragment) not in settled
            or (coding.document, coding.fragment, coding.code) in self.final
        ]

    def coders_by_count(self) -> list[str]:
        """Coders ordered by their number of codings, most first (ties alphabetically)."""
        counts = Counter(coding.coder for coding in self.codings)
        return sorted(counts, key=lambda coder: (-counts[coder], coder))

    def axes(self) -> list[str]:
        """Paths of the top-level codes, the axes a crosstab can use."""
        return [code.path for code in self.codebook.axes()]


def core_status(status: CodeStatus) -> str:
    """The core's status of a stored code: retired stays retired, concept and vastgesteld are active."""
    return "retired" if status == CodeStatus.RETIRED else "active"


def codebook_of(project: CodingProject) -> Codebook:
    """The project's code tree as the core's Codebook, in tree order."""
    codes = db.session.scalars(select(Code).where(Code.project_id == project.id).order_by(Code.position)).all()
    return Codebook(
        [
            CoreCode(
                path=code.path,
                name=code.name,
                description=code.description,
                examples=tuple(code.examples or ()),
                parent_path=code.path.rsplit("/", 1)[0] if "/" in code.path else None,
                status=core_status(code.status),
            )
            for code in codes
        ]
    )


def withdrawn_pseudonyms(project: CodingProject) -> frozenset[str]:
    """Pseudonyms of the project's participants whose consent is withdrawn."""
    return frozenset(
        db.session.scalars(
            select(Participant.pseudonym).where(
                Participant.project_id == project.id, Participant.consent == Consent.WITHDRAWN
            )
        )
    )


def _is_withdrawn(speaker: str | None, participant: str | None, withdrawn: frozenset[str]) -> bool:
    return (speaker is not None and speaker in withdrawn) or (participant is not None and participant in withdrawn)


def project_data(project: CodingProject) -> ProjectData:
    """Load a project in three queries and convert it to the core's documents, codebook and codings."""
    withdrawn = withdrawn_pseudonyms(project)
    rows = db.session.execute(
        select(CodingDocument.name, Fragment, Participant.pseudonym)
        .join(Fragment, Fragment.document_id == CodingDocument.id)
        .outerjoin(Participant, Participant.id == Fragment.participant_id)
        .where(CodingDocument.project_id == project.id)
        .order_by(CodingDocument.name, Fragment.position)
    ).all()
    documents: dict[str, CoreDocument] = {
        document.name: CoreDocument(document.name, []) for document in project.documents
    }
    attributes: dict[FragmentKey, dict] = {}
    for name, fragment, pseudonym in rows:
        if _is_withdrawn(fragment.speaker, pseudonym, withdrawn):
            continue
        documents[name].fragments.append(
            CoreFragment(fragment.position, fragment.speaker, fragment.text, fragment.start_seconds)
        )
        attributes[(name, fragment.position)] = dict(fragment.attributes or {})
    coding_rows = db.session.execute(
        select(CodingDocument.name, Fragment.position, Coding.coder, Code.path, Coding.final)
        .select_from(Coding)
        .join(Fragment, Fragment.id == Coding.fragment_id)
        .join(CodingDocument, CodingDocument.id == Fragment.document_id)
        .join(Code, Code.id == Coding.code_id)
        .where(CodingDocument.project_id == project.id)
        .order_by(CodingDocument.name, Fragment.position, Coding.coder, Code.position)
    ).all()
    codings, final = [], set()
    for name, position, coder, path, is_final in coding_rows:
        if (name, position) not in attributes:  # a withdrawn participant's fragment
            continue
        codings.append(CoreCoding(name, position, coder, path))
        if is_final:
            final.add((name, position, path))
    return ProjectData(
        project=project,
        documents=list(documents.values()),
        codebook=codebook_of(project),
        codings=codings,
        withdrawn=withdrawn,
        final=frozenset(final),
        attributes=attributes,
    )
