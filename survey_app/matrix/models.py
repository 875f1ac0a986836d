"""Tables of the case matrices: a project, its cases, its aspect tree and the scores per scorer.

Cases carry a pseudonym (``C01``) and free attributes, never a name. A score is one cell of one scorer;
a missing row means "niet gescoord", which the outputs keep apart from the grijs level "niet van toepassing".
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, DateTime, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from survey_app.models.base import Base


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class MatrixProject(Base):
    """A set of cases scored on one aspect tree with one colour scale."""

    __tablename__ = "matrix_project"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: short unique slug used on the command line and in URLs, e.g. `zwolle-jeugd-2023`
    name: Mapped[str] = mapped_column(String(64), unique=True)
    title: Mapped[str] = mapped_column(String(200), default="")
    #: the colour scale as `{"levels": [...]}` (see matrix/core/scale.py), best level first
    scale: Mapped[dict] = mapped_column(JSON)
    #: the first scorer's name: the outputs show this scorer's matrix
    scorer_a: Mapped[str] = mapped_column(String(64), default="A")
    #: the optional second scorer, compared with the first for agreement
    scorer_b: Mapped[str | None] = mapped_column(String(64))
    created_on: Mapped[dt.date] = mapped_column(default=dt.date.today)

    cases: Mapped[list[MatrixCase]] = relationship(
        back_populates="project", order_by="MatrixCase.position", cascade="all, delete-orphan")
    aspects: Mapped[list[MatrixAspect]] = relationship(
        back_populates="project", order_by="MatrixAspect.position", cascade="all, delete-orphan")


class MatrixCase(Base):
    """One case (a family, a client) under a pseudonym, with attributes such as toegang or situatie."""

    __tablename__ = "matrix_case"
    __table_args__ = (UniqueConstraint("project_id", "label"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("matrix_project.id", ondelete="CASCADE"), index=True)
    #: the pseudonym shown in every output, e.g. `C01`
    label: Mapped[str] = mapped_column(String(32))
    #: free attributes from cases.csv (column → value)
    attributes: Mapped[dict] = mapped_column(JSON, default=dict)
    #: order in the matrix (file order)
    position: Mapped[int] = mapped_column(default=0)

    project: Mapped[MatrixProject] = relationship(back_populates="cases")
    scores: Mapped[list[MatrixScore]] = relationship(back_populates="case", cascade="all, delete-orphan")


class MatrixAspect(Base):
    """A hoofdaspect (no parent) or deelaspect of the tree."""

    __tablename__ = "matrix_aspect"

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("matrix_project.id", ondelete="CASCADE"), index=True)
    #: the hoofdaspect of a deelaspect; empty for a hoofdaspect
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("matrix_aspect.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    #: what the scorer looks at, shown on the scoring page
    description: Mapped[str] = mapped_column(Text, default="")
    #: order in the tree (hoofdaspect, then its deelaspecten)
    position: Mapped[int] = mapped_column(default=0)

    project: Mapped[MatrixProject] = relationship(back_populates="aspects")
    parent: Mapped[MatrixAspect | None] = relationship(remote_side="MatrixAspect.id")


class MatrixScore(Base):
    """One cell of one scorer: a level key of the scale (or none yet) and a note."""

    __tablename__ = "matrix_score"
    __table_args__ = (UniqueConstraint("case_id", "aspect_id", "scorer"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("matrix_case.id", ondelete="CASCADE"), index=True)
    aspect_id: Mapped[int] = mapped_column(ForeignKey("matrix_aspect.id", ondelete="CASCADE"), index=True)
    #: the scorer's name (MatrixProject.scorer_a or scorer_b)
    scorer: Mapped[str] = mapped_column(String(64))
    #: a level key of the project's scale; NULL when only a note was written
    level: Mapped[str | None] = mapped_column(String(32))
    note: Mapped[str] = mapped_column(Text, default="")
    updated_on: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now, onupdate=_now)

    case: Mapped[MatrixCase] = relationship(back_populates="scores")
    aspect: Mapped[MatrixAspect] = relationship()
