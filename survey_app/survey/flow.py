"""The respondent's way through a wave: finding the invitation, the pages that apply, saving, submitting.

Everything here is evaluated on the server with the answers saved so far and the invitation's gemeente and
team, so routing and gemeente variants hold without JavaScript and cannot be bypassed by a forged post.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, insert, select, update

from survey_app.extensions import db
from survey_app.instruments.model import InstrumentSet, Item, ItemType, Page
from survey_app.instruments.relevance import drop_irrelevant, item_is_relevant
from survey_app.models import Answer, Draft, Invitation, InvitationStatus, Response, WaveStatus, WaveTeam
from survey_app.services.answer_store import to_text
from survey_app.services.tokens import hash_token


class SurveyRefusal(Exception):
    """A link that cannot be used (unknown, already submitted, wave closed), shown as a Dutch page."""

    def __init__(self, status: int, reason: str):
        self.status = status
        self.reason = reason
        super().__init__(reason)


@dataclass(frozen=True)
class Respondent:
    """What the questionnaire needs to know about whoever holds the link: never more than gemeente and team."""

    invitation: Invitation
    gemeente: str
    team: str


def find_respondent(token: str) -> Respondent:
    """The invitation behind a token, or a refusal saying why it cannot be used now."""
    if not token or len(token) > 128:
        raise SurveyRefusal(404, "onbekend")
    invitation = db.session.scalar(select(Invitation).where(Invitation.token_hash == hash_token(token)))
    if invitation is None:
        raise SurveyRefusal(404, "onbekend")
    if invitation.status == InvitationStatus.SUBMITTED:
        raise SurveyRefusal(410, "ingevuld")
    if invitation.wave.status != WaveStatus.OPEN:
        raise SurveyRefusal(410, "gesloten")
    return Respondent(invitation, invitation.team.gemeente.slug, invitation.team.slug)


def find_open_link(token: str) -> WaveTeam:
    """The wave and team behind a team's shared open link."""
    participation = db.session.scalar(select(WaveTeam).where(WaveTeam.open_link_hash == hash_token(token)))
    if participation is None:
        raise SurveyRefusal(404, "onbekend")
    if participation.wave.status != WaveStatus.OPEN:
        raise SurveyRefusal(410, "gesloten")
    return participation


def draft_of(respondent: Respondent) -> Draft:
    """The respondent's draft, created on first visit (which also marks the invitation as started)."""
    invitation = respondent.invitation
    if invitation.draft is None:
        invitation.draft = Draft(answers={})
        invitation.status = InvitationStatus.STARTED
        db.session.flush()
    return invitation.draft


def visible_items(page: Page, answers: dict, respondent: Respondent) -> list[Item]:
    """The items of a page that apply to this respondent given the answers so far."""
    return [item for item in page.items if item_is_relevant(item, page, answers, respondent.gemeente, respondent.team)]


def visible_pages(instruments: InstrumentSet, answers: dict, respondent: Respondent) -> list[Page]:
    """Pages with at least one question that applies; a page of notes only is skipped."""
    return [
        page for page in instruments.pages
        if any(item.type != ItemType.NOTE for item in visible_items(page, answers, respondent))
    ]


def page_variables(page: Page) -> set[str]:
    """Every variable any item of the page can yield."""
    return {v.name for item in page.items for v in item.variables()}


def save_page(draft: Draft, page: Page, values: dict[str, object]) -> None:
    """Replace the page's answers in the draft with `values` (an emptied field removes its answer)."""
    answers = {k: v for k, v in (draft.answers or {}).items() if k not in page_variables(page)}
    answers.update({k: v for k, v in values.items() if v is not None and v != ""})
    draft.answers = answers
    draft.current_page = page.id
    db.session.flush()


def answered_count(instruments: InstrumentSet, answers: dict, respondent: Respondent) -> tuple[int, int]:
    """(answered, asked) over the questions that apply, for the confirmation page."""
    asked = answered = 0
    for page in visible_pages(instruments, answers, respondent):
        for item in visible_items(page, answers, respondent):
            variables = [v.name for v in item.variables() if not v.name.endswith("_other")]
            if not variables:
                continue
            asked += 1
            answered += any(name in answers for name in variables)
    return answered, asked


def submit(respondent: Respondent, instruments: InstrumentSet, channel: str = "web") -> bool:
    """Turn the draft into a response and cut every link to the invitation, in one transaction.

    The conditional UPDATE is the once-only guarantee: of any number of concurrent submits, exactly one
    sees a row change; the others find the invitation already submitted and store nothing.
    """
    invitation = respondent.invitation
    changed = db.session.execute(
        update(Invitation)
        .where(Invitation.id == invitation.id, Invitation.status != InvitationStatus.SUBMITTED)
        .values(status=InvitationStatus.SUBMITTED)
        .execution_options(synchronize_session=False)
    ).rowcount
    if changed != 1:
        db.session.rollback()
        return False
    stored = db.session.scalar(select(Draft.answers).where(Draft.invitation_id == invitation.id)) or {}
    answers = drop_irrelevant(instruments, dict(stored), respondent.gemeente, respondent.team)
    response = Response(wave_id=invitation.wave_id, team_id=invitation.team_id,
                        channel="open_link" if invitation.from_open_link else channel)
    db.session.add(response)
    db.session.flush()
    rows = [{"response_id": response.id, "variable": name, "value": text}
            for name, value in sorted(answers.items()) if (text := to_text(value)) is not None]
    if rows:
        db.session.execute(insert(Answer), rows)
    db.session.execute(delete(Draft).where(Draft.invitation_id == invitation.id))
    db.session.commit()
    return True
