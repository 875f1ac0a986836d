"""Qualitative coding: projects of transcripts or open answers, their code tree, and who coded what.

Fragments are identified by (document, 1-based position), the numbering the core in `survey_app.coding` uses.
A project of open answers stores gemeente and team per fragment, never a response id (anonymity).
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from sqlalchemy import (
    JSON,
    Column,
    DateTime,
    Enum,
    Float,
    ForeignKey,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from survey_app.models.base import Base


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _enum(kind: type[StrEnum], name: str) -> Enum:
    return Enum(kind, name=name, values_callable=lambda e: [m.value for m in e])


class ProjectKind(StrEnum):
    """Interviews and focus groups (transcripts), or the open answers of a wave."""

    INTERVIEWS = "interviews"
    OPEN_ANSWERS = "open_answers"


class Consent(StrEnum):
    """A participant's consent; withdrawn takes all their fragments out of every output."""

    GIVEN = "given"
    WITHDRAWN = "withdrawn"


class CodeStatus(StrEnum):
    """A code starts as a concept, is fixed (vastgesteld) when the tree is agreed, retired when no longer used."""

    CONCEPT = "concept"
    VASTGESTELD = "vastgesteld"
    RETIRED = "retired"


class CodingProject(Base):
    """A set of documents coded with one code tree."""

    __tablename__ = "coding_project"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: short unique slug used on the command line and in URLs, e.g. `preventie-2017`
    name: Mapped[str] = mapped_column(String(64), unique=True)
    title: Mapped[str] = mapped_column(String(200), default="")
    kind: Mapped[ProjectKind] = mapped_column(_enum(ProjectKind, "coding_project_kind"), default=ProjectKind.INTERVIEWS)
    #: the wave whose open answers this project codes (open_answers only)
    wave_id: Mapped[int | None] = mapped_column(ForeignKey("wave.id", ondelete="SET NULL"), index=True)
    created_on: Mapped[dt.date] = mapped_column(default=dt.date.today)

    documents: Mapped[list[CodingDocument]] = relationship(
        back_populates="project", order_by="CodingDocument.name", cascade="all, delete-orphan"
    )
    participants: Mapped[list[Participant]] = relationship(
        back_populates="project", order_by="Participant.pseudonym", cascade="all, delete-orphan"
    )
    codes: Mapped[list[Code]] = relationship(
        back_populates="project", order_by="Code.position", cascade="all, delete-orphan"
    )
    sessions: Mapped[list[CodingSession]] = relationship(
        back_populates="project", order_by="CodingSession.name", cascade="all, delete-orphan"
    )


session_attendance = Table(
    "coding_session_attendance",
    Base.metadata,
    Column("session_id", ForeignKey("coding_session.id", ondelete="CASCADE"), primary_key=True),
    Column("participant_id", ForeignKey("coding_participant.id", ondelete="CASCADE"), primary_key=True),
)


class Participant(Base):
    """A person in the transcripts, known only by pseudonym (R01, ...)."""

    __tablename__ = "coding_participant"

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("coding_project.id", ondelete="CASCADE"), index=True)
    pseudonym: Mapped[str] = mapped_column(String(64))
    #: descriptive attributes such as {"team": "zwolle-noord", "discipline": "wmo"}
    attributes: Mapped[dict] = mapped_column(JSON, default=dict)
    consent: Mapped[Consent] = mapped_column(_enum(Consent, "coding_consent"), default=Consent.GIVEN)
    #: the date consent was withdrawn (None while given)
    withdrawn_on: Mapped[dt.date | None]

    project: Mapped[CodingProject] = relationship(back_populates="participants")
    sessions: Mapped[list[CodingSession]] = relationship(secondary=session_attendance, back_populates="attendees")

    __table_args__ = (UniqueConstraint("project_id", "pseudonym", name="uq_coding_participant_project_pseudonym"),)


class CodingSession(Base):
    """An interview or focus-group meeting; its attendees are participants."""

    __tablename__ = "coding_session"

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("coding_project.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    date: Mapped[dt.date | None]

    project: Mapped[CodingProject] = relationship(back_populates="sessions")
    attendees: Mapped[list[Participant]] = relationship(secondary=session_attendance, back_populates="sessions")

    __table_args__ = (UniqueConstraint("project_id", "name", name="uq_coding_session_project_name"),)


class CodingDocument(Base):
    """A transcript (or, for open answers, one question) split into fragments."""

    __tablename__ = "coding_document"

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("coding_project.id", ondelete="CASCADE"), index=True)
    #: file name as imported (`focusgroep1.txt`) or the question's variable name; unique in the project
    name: Mapped[str] = mapped_column(String(255))
    #: the question text for a document of open answers, else empty
    label: Mapped[str] = mapped_column(Text, default="")
    session_id: Mapped[int | None] = mapped_column(ForeignKey("coding_session.id", ondelete="SET NULL"), index=True)
    imported_on: Mapped[dt.date] = mapped_column(default=dt.date.today)

    project: Mapped[CodingProject] = relationship(back_populates="documents")
    session: Mapped[CodingSession | None] = relationship()
    fragments: Mapped[list[Fragment]] = relationship(
        back_populates="document", order_by="Fragment.position", cascade="all, delete-orphan"
    )

    __table_args__ = (UniqueConstraint("project_id", "name", name="uq_coding_document_project_name"),)

    @property
    def title(self) -> str:
        """What a researcher reads as the document's name: the question text of open answers, else the file name
        (`name` stays the key of codings.csv and of the reports' themes)."""
        return self.label or self.name


class Fragment(Base):
    """The unit that gets coded: a speaker turn, paragraph, merged subtitle cues, or one open answer."""

    __tablename__ = "coding_fragment"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("coding_document.id", ondelete="CASCADE"), index=True)
    #: 1-based position in the document, as in codings.csv
    position: Mapped[int]
    #: speaker label as in the transcript (a pseudonym such as R01, or I for the interviewer)
    speaker: Mapped[str | None] = mapped_column(String(64))
    #: the participant who spoke (None for interviewers, paragraphs without speaker and open answers)
    participant_id: Mapped[int | None] = mapped_column(
        ForeignKey("coding_participant.id", ondelete="SET NULL"), index=True
    )
    text: Mapped[str] = mapped_column(Text)
    start_seconds: Mapped[float | None] = mapped_column(Float)
    #: for open answers: {"gemeente": slug, "team": slug}
    attributes: Mapped[dict] = mapped_column(JSON, default=dict)

    document: Mapped[CodingDocument] = relationship(back_populates="fragments")
    participant: Mapped[Participant | None] = relationship()
    codings: Mapped[list[Coding]] = relationship(back_populates="fragment", cascade="all, delete-orphan")

    __table_args__ = (UniqueConstraint("document_id", "position", name="uq_coding_fragment_document_position"),)


class Code(Base):
    """A code of the project's tree, identified by its path (`uitkomst/Sneller handelen`)."""

    __tablename__ = "coding_code"

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("coding_project.id", ondelete="CASCADE"), index=True)
    path: Mapped[str] = mapped_column(String(500))
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    #: short illustrative quotes for coders, a list of strings
    examples: Mapped[list] = mapped_column(JSON, default=list)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("coding_code.id", ondelete="CASCADE"), index=True)
    status: Mapped[CodeStatus] = mapped_column(_enum(CodeStatus, "coding_code_status"), default=CodeStatus.CONCEPT)
    #: order in the tree (parents before children, siblings in file order)
    position: Mapped[int] = mapped_column(default=0)

    project: Mapped[CodingProject] = relationship(back_populates="codes")
    history: Mapped[list[CodeHistory]] = relationship(
        back_populates="code", order_by="CodeHistory.changed_on", cascade="all, delete-orphan"
    )

    __table_args__ = (UniqueConstraint("project_id", "path", name="uq_coding_code_project_path"),)

    @property
    def depth(self) -> int:
        """1 for an axis, 2 for its children, and so on."""
        return self.path.count("/") + 1

    @property
    def axis(self) -> str:
        """The path of the top-level code this code belongs to."""
        return self.path.split("/", 1)[0]


class CodeHistory(Base):
    """One change to a code (created, description, status), so the growth of the tree can be traced."""

    __tablename__ = "coding_code_history"

    id: Mapped[int] = mapped_column(primary_key=True)
    code_id: Mapped[int] = mapped_column(ForeignKey("coding_code.id", ondelete="CASCADE"), index=True)
    changed_on: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)
    #: e-mail of the account, or "opdrachtregel" for a command
    user_email: Mapped[str] = mapped_column(String(254), default="")
    #: what changed, in Dutch
    what: Mapped[str] = mapped_column(Text)

    code: Mapped[Code] = relationship(back_populates="history")


class Coding(Base):
    """One code applied by one coder to one fragment, optionally to a span of its text."""

    __tablename__ = "coding_coding"

    id: Mapped[int] = mapped_column(primary_key=True)
    fragment_id: Mapped[int] = mapped_column(ForeignKey("coding_fragment.id", ondelete="CASCADE"), index=True)
    code_id: Mapped[int] = mapped_column(ForeignKey("coding_code.id", ondelete="CASCADE"), index=True)
    #: the account e-mail of the coder, or a coder's name from codings.csv
    coder: Mapped[str] = mapped_column(String(254))
    #: character offsets [start, end) in the fragment text; None when the whole fragment is coded
    span_start: Mapped[int | None]
    span_end: Mapped[int | None]
    memo: Mapped[str] = mapped_column(Text, default="")
    #: approved as a quote (open answers: shown in reports, attributed to the team only)
    quotable: Mapped[bool] = mapped_column(default=False)
    #: part of the consensus (final) coding of its fragment
    final: Mapped[bool] = mapped_column(default=False)

    fragment: Mapped[Fragment] = relationship(back_populates="codings")
    code: Mapped[Code] = relationship()

    __table_args__ = (
        UniqueConstraint("fragment_id", "code_id", "coder", name="uq_coding_coding_fragment_code_coder"),
    )


class CoderAssignment(Base):
    """A document assigned to a coder; blind: the coder sees only their own codings."""

    __tablename__ = "coding_assignment"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("coding_document.id", ondelete="CASCADE"), index=True)
    coder: Mapped[str] = mapped_column(String(254))
    blind: Mapped[bool] = mapped_column(default=False)

    document: Mapped[CodingDocument] = relationship()

    __table_args__ = (UniqueConstraint("document_id", "coder", name="uq_coding_assignment_document_coder"),)


class Memo(Base):
    """A coder's memo on a document, or on one fragment of it (fragment_id set)."""

    __tablename__ = "coding_memo"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("coding_document.id", ondelete="CASCADE"), index=True)
    fragment_id: Mapped[int | None] = mapped_column(ForeignKey("coding_fragment.id", ondelete="CASCADE"), index=True)
    coder: Mapped[str] = mapped_column(String(254))
    text: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (
        UniqueConstraint("document_id", "fragment_id", "coder", name="uq_coding_memo_document_fragment_coder"),
    )
