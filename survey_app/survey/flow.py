"""The respondent's way through a wave: finding the invitation, the pages that apply, saving, submitting.

Everything here is evaluated on the server with the answers saved so far and the invitation's gemeente and
team, so routing and gemeente variants hold without JavaScript and cannot be bypassed by a forged post.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from flask import current_app
from sqlalchemy import bindparam, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from survey_app.extensions import db
from survey_app.instruments.model import InstrumentSet, Item, ItemType, Page
from survey_app.instruments.relevance import drop_irrelevant, item_is_relevant
from survey_app.models import (
    Draft,
    Gemeente,
    Invitation,
    InvitationStatus,
    Response,
    Team,
    Wave,
    WaveModule,
    WaveStatus,
    WaveTeam,
)
from survey_app.services.answer_store import to_text
from survey_app.services.tokens import hash_token
from survey_app.survey.release import try_release


class SurveyRefusal(Exception):
    """A link that cannot be used (unknown, already submitted, wave closed), shown as a Dutch page."""

    def __init__(self, status: int, reason: str):
        self.status = status
        self.reason = reason
        super().__init__(reason)


class DraftConflict(Exception):
    """The draft changed between reading and saving (the same link open twice): nothing was saved."""


@dataclass
class Respondent:
    """What the questionnaire knows about whoever holds the link: the wave, gemeente and team, and the draft.

    Read with plain column queries rather than ORM objects: a page save is the hottest path of the app.
    """

    invitation_id: int
    wave_id: int
    team_id: int
    wave_label: str
    module_ids: tuple[str, ...]
    #: the wave's instrument snapshot: respondents see the questionnaire as the wave stored it
    snapshot_id: int | None
    gemeente: str
    team: str
    from_open_link: bool
    answers: dict | None  #: None until the first visit creates the draft
    current_page: str | None
    revision: int


#: Built once: constructing a statement costs more than running it on the questionnaire's hot path.
RESPONDENT_BY_TOKEN = (
    select(Invitation.id, Invitation.status, Invitation.from_open_link, Invitation.wave_id, Invitation.team_id,
           Wave.status, Wave.label, Wave.name, Wave.snapshot_id, Team.slug, Gemeente.slug, Draft.answers,
           Draft.current_page, Draft.revision)
    .join(Wave, Wave.id == Invitation.wave_id)
    .join(Team, Team.id == Invitation.team_id)
    .join(Gemeente, Gemeente.id == Team.gemeente_id)
    .outerjoin(Draft, Draft.invitation_id == Invitation.id)
    .where(Invitation.token_hash == bindparam("token_hash"))
)
SAVE_DRAFT = (
    update(Draft.__table__)
    .where(Draft.invitation_id == bindparam("invitation"), Draft.revision == bindparam("old_revision"))
    .values(answers=bindparam("new_answers", type_=Draft.__table__.c.answers.type),
            current_page=bindparam("new_page"), revision=bindparam("new_revision"))
)


def find_respondent(token: str) -> Respondent:
    """The invitation behind a token, or a refusal saying why it cannot be used now."""
    if not token or len(token) > 128:
        raise SurveyRefusal(404, "onbekend")
    row = db.session.connection().execute(RESPONDENT_BY_TOKEN, {"token_hash": hash_token(token)}).first()
    if row is None:
        raise SurveyRefusal(404, "onbekend")
    (invitation_id, status, from_open_link, wave_id, team_id, wave_status, wave_label, wave_name, snapshot_id, team,
     gemeente, answers, current_page, revision) = row
    if status == InvitationStatus.SUBMITTED:
        raise SurveyRefusal(410, "ingevuld")
    if wave_status != WaveStatus.OPEN:
        raise SurveyRefusal(410, "gesloten")
    return Respondent(invitation_id, wave_id, team_id, wave_label, wave_modules(wave_id, wave_name), snapshot_id,
                      gemeente, team, from_open_link, answers, current_page, revision or 0)


def wave_modules(wave_id: int, wave_name: str) -> tuple[str, ...]:
    """A wave's module ids in order; fixed once the wave exists, so each app process asks only once."""
    cache = current_app.extensions.setdefault("survey_wave_modules", {})
    key = (wave_id, wave_name)
    if key not in cache:
        cache[key] = tuple(db.session.connection().execute(
            select(WaveModule.module_id).where(WaveModule.wave_id == wave_id).order_by(WaveModule.position)
        ).scalars())
    return cache[key]


def find_open_link(token: str) -> WaveTeam:
    """The wave and team behind a team's shared open link."""
    participation = db.session.scalar(select(WaveTeam).where(WaveTeam.open_link_hash == hash_token(token)))
    if participation is None:
        raise SurveyRefusal(404, "onbekend")
    if participation.wave.status != WaveStatus.OPEN:
        raise SurveyRefusal(410, "gesloten")
    return participation


def ensure_draft(respondent: Respondent) -> dict:
    """The respondent's answers so far; the first visit creates the draft and marks the invitation started."""
    if respondent.answers is None:
        try:
            with db.session.begin_nested():
                db.session.execute(insert(Draft).values(invitation_id=respondent.invitation_id, answers={},
                                                        revision=1))
        except IntegrityError:  # the same link opened twice at once: the other request created it
            respondent.answers, respondent.current_page, respondent.revision = db.session.execute(
                select(Draft.answers, Draft.current_page, Draft.revision)
                .where(Draft.invitation_id == respondent.invitation_id)).one()
            return respondent.answers
        db.session.execute(update(Invitation).where(Invitation.id == respondent.invitation_id)
                           .values(status=InvitationStatus.STARTED))
        respondent.answers, respondent.revision = {}, 1
    return respondent.answers


def remember_page(respondent: Respondent, page_id: str) -> None:
    """Note the page being shown, so that reopening the link continues there."""
    if respondent.current_page != page_id:
        db.session.connection().execute(update(Draft.__table__)
                                         .where(Draft.invitation_id == respondent.invitation_id)
                                         .values(current_page=page_id))
        respondent.current_page = page_id


def visible_items(page: Page, answers: dict, respondent: Respondent) -> list[Item]:
    """The items of a page that apply to this respondent given the answers so far."""
    return [item for item in page.items if item_is_relevant(item, page, answers, respondent.gemeente, respondent.team)]


def visible_pages(instruments: InstrumentSet, answers: dict, respondent: Respondent) -> list[Page]:
    """Pages with at least one question that applies; a page of notes only is skipped."""
    return [
        page for page in instruments.pages
        if any(item.type != ItemType.NOTE for item in visible_items(page, answers, respondent))
    ]


@functools.cache
def page_variables(page: Page) -> frozenset[str]:
    """Every variable any item of the page can yield (pages are immutable, so this is cached)."""
    return frozenset(v.name for item in page.items for v in item.variables())


def save_page(respondent: Respondent, page: Page, values: dict[str, object]) -> dict[str, object]:
    """Replace the page's answers in the draft with `values` (an emptied field removes its answer).

    The revision check makes two tabs of the same link unable to overwrite each other silently.
    """
    answers = {k: v for k, v in ensure_draft(respondent).items() if k not in page_variables(page)}
    answers.update({k: v for k, v in values.items() if v is not None and v != ""})
    changed = db.session.connection().execute(SAVE_DRAFT, {
        "invitation": respondent.invitation_id, "old_revision": respondent.revision, "new_answers": answers,
        "new_page": page.id, "new_revision": respondent.revision + 1,
    }).rowcount
    if changed != 1:
        raise DraftConflict()
    respondent.answers, respondent.current_page, respondent.revision = answers, page.id, respondent.revision + 1
    return answers


def answered_count(instruments: InstrumentSet, answers: dict, respondent: Respondent) -> tuple[int, int]:
    """(answered, asked) over the questions that apply, for the confirmation page."""
    asked = answered = 0
    for page in visible_pages(instruments, answers, respondent):
        for item in visible_items(page, answers, respondent):
            variables = [v.name for v in item.answer_variables()]
            if not variables:
                continue
            asked += 1
            answered += any(name in answers for name in variables)
    return answered, asked


class EmptySubmission(Exception):
    """A questionnaire without a single answer: refused, so an open link cannot pad a team with empty forms."""


def submit(respondent: Respondent, instruments: InstrumentSet) -> bool:
    """Seal the draft: the answers become final and the link unusable; `release` turns them into a response.

    The conditional UPDATE is the once-only guarantee: of any number of concurrent submits, exactly one
    sees a row change; the others find the invitation already submitted and store nothing. Writing the
    response here, in the same transaction, would give it the invitation's transaction id and commit time.
    """
    stored = db.session.scalar(select(Draft.answers).where(Draft.invitation_id == respondent.invitation_id)) or {}
    answers = drop_irrelevant(instruments, dict(stored), respondent.gemeente, respondent.team)
    if not any(to_text(value) is not None for value in answers.values()):
        db.session.rollback()
        raise EmptySubmission()
    changed = db.session.execute(
        update(Invitation)
        .where(Invitation.id == respondent.invitation_id, Invitation.status != InvitationStatus.SUBMITTED)
        .values(status=InvitationStatus.SUBMITTED)
        .execution_options(synchronize_session=False)
    ).rowcount
    if changed != 1:
        db.session.rollback()
        return False
    held = respondent.from_open_link and _beyond_headcount(respondent)
    db.session.execute(update(Draft).where(Draft.invitation_id == respondent.invitation_id)
                       .values(answers=answers, sealed=True, held=held)
                       .execution_options(synchronize_session=False))
    db.session.commit()
    try_release(respondent.wave_id, respondent.team_id)
    return True


def _beyond_headcount(respondent: Respondent) -> bool:
    """True when the team already has as many submissions as people invited (this one included makes more)."""
    headcount = db.session.scalar(select(WaveTeam.headcount).where(WaveTeam.wave_id == respondent.wave_id,
                                                                  WaveTeam.team_id == respondent.team_id)) or 0
    submitted = db.session.scalar(
        select(func.count()).select_from(Invitation)
        .where(Invitation.wave_id == respondent.wave_id, Invitation.team_id == respondent.team_id,
               Invitation.status == InvitationStatus.SUBMITTED))
    imported = db.session.scalar(
        select(func.count()).select_from(Response)
        .where(Response.wave_id == respondent.wave_id, Response.team_id == respondent.team_id,
               Response.channel != "web"))
    return submitted + imported > headcount
