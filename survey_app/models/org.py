"""The organisation: gemeenten and their sociale teams."""

from __future__ import annotations

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from survey_app.models.base import Base


class Gemeente(Base):
    """A municipality; its teams are the units of every bijlage."""

    __tablename__ = "gemeente"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: lowercase ASCII slug with hyphens, e.g. `ommen-hardenberg`; the key in files and URLs
    slug: Mapped[str] = mapped_column(String(64), unique=True)
    #: the name as people write it, e.g. "Ommen-Hardenberg"
    label: Mapped[str] = mapped_column(String(200))

    teams: Mapped[list[Team]] = relationship(back_populates="gemeente", order_by="Team.slug")


class Team(Base):
    """A sociaal (wijk)team of one gemeente."""

    __tablename__ = "team"

    id: Mapped[int] = mapped_column(primary_key=True)
    gemeente_id: Mapped[int] = mapped_column(ForeignKey("gemeente.id", ondelete="RESTRICT"), index=True)
    #: globally unique slug, e.g. `zwolle-noord`
    slug: Mapped[str] = mapped_column(String(64), unique=True)
    label: Mapped[str] = mapped_column(String(200))

    gemeente: Mapped[Gemeente] = relationship(back_populates="teams")
