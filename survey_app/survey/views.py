"""Routes of the questionnaire; they parse the request, call flow functions and render."""

from __future__ import annotations

from flask import current_app, redirect, render_template, request, url_for
from sqlalchemy import select

from survey_app.extensions import db
from survey_app.input_guard import checks_own_text
from survey_app.instrument_registry import instruments_for
from survey_app.models import Invitation, Wave
from survey_app.services.tokens import hash_token, new_token
from survey_app.survey import bp
from survey_app.survey.answers_form import ForgedPost, read_page
from survey_app.survey.estimate import estimated_minutes
from survey_app.survey.flow import (
    DraftConflict,
    EmptySubmission,
    SurveyRefusal,
    answered_count,
    ensure_draft,
    find_open_link,
    find_respondent,
    remember_page,
    save_page,
    submit,
    visible_items,
    visible_pages,
)
from survey_app.survey.layout import blocks
from survey_app.survey.personal_link import link_context
from survey_app.survey.wording import question_numbers, summary_entries
from survey_app.throttle import throttled

REFUSALS = {
    "onbekend": ("Onbekende link", "Deze link is niet bekend. Controleer of u de volledige link uit uw "
                 "uitnodiging heeft gebruikt."),
    "ingevuld": ("Al ingevuld", "Deze vragenlijst is al ingevuld en verstuurd. Dank u wel voor uw medewerking!"),
    "gesloten": ("Vragenlijst gesloten", "Deze vragenlijst is gesloten. Er kunnen geen antwoorden meer worden "
                 "gegeven."),
}
CONFLICT = ("Pagina ook elders geopend", "Deze vragenlijst is ook in een ander venster geopend en daar gewijzigd. "
            "Laad de pagina opnieuw en vul deze pagina nog eens in.")


@bp.errorhandler(SurveyRefusal)
def refused(refusal: SurveyRefusal):
    title, text = REFUSALS[refusal.reason]
    return render_template("survey/refused.html", title=title, text=text, reason=refusal.reason), refusal.status


@bp.errorhandler(DraftConflict)
def conflict(_error: DraftConflict):
    db.session.rollback()
    return render_template("survey/refused.html", title=CONFLICT[0], text=CONFLICT[1], reason="conflict"), 409


@bp.errorhandler(ForgedPost)
def forged(error: ForgedPost):
    db.session.rollback()
    current_app.logger.warning("Geweigerd formulier: %s", error)
    title, text = "Ongeldig formulier", "Het formulier bevatte gegevens die niet bij deze vragenlijst horen."
    return render_template("error.html", status=400, title=title, text=text), 400


def _neighbour(pages, page_id: str, step: int):
    """The page before (-1) or after (+1) `page_id` among the pages that apply, or None."""
    position = next((i for i, p in enumerate(pages) if p.id == page_id), None)
    if position is None or not 0 <= position + step < len(pages):
        return None
    return pages[position + step]


def _context(token: str):
    respondent = find_respondent(token)
    return respondent, instruments_for(respondent.module_ids, snapshot_id=respondent.snapshot_id)


@bp.get("/s/<token>")
@throttled("SURVEY_RATE_LIMIT")
def start(token: str):
    """Welcome page: what the questionnaire is, that it is anonymous, and where to continue."""
    respondent, instruments = _context(token)
    pages = visible_pages(instruments, respondent.answers or {}, respondent)
    resume = respondent.current_page if any(p.id == respondent.current_page for p in pages) else None
    answers = respondent.answers or {}
    minutes = estimated_minutes(item for p in pages for item in visible_items(p, answers, respondent))
    contact = db.session.scalar(select(Wave.contact).where(Wave.id == respondent.wave_id)) or ""
    return render_template("survey/start.html", token=token, wave_label=respondent.wave_label,
                           first_page=pages[0].id if pages else None, resume=resume, page_count=len(pages),
                           minutes=minutes, contact=contact, **link_context(token, respondent, "start"))


@bp.route("/s/<token>/pagina/<page_id>", methods=["GET", "POST"])
@checks_own_text  # read_page names the question whose answer holds a control character
@throttled("SURVEY_RATE_LIMIT")
def page(token: str, page_id: str):
    """One page of questions; POST saves it and moves on, back, or to 'later verder'."""
    respondent, instruments = _context(token)
    answers = dict(ensure_draft(respondent))
    pages = visible_pages(instruments, answers, respondent)
    index = next((i for i, p in enumerate(pages) if p.id == page_id), None)
    if index is None:
        db.session.commit()
        return redirect(url_for("survey.start", token=token))
    current = pages[index]
    items = visible_items(current, answers, respondent)
    errors: dict[str, str] = {}
    raw: dict = {}
    notice = None
    if request.method == "POST":
        action = request.form.get("actie", "volgende")
        if action not in ("volgende", "vorige", "later"):
            raise ForgedPost("onbekende actie")
        posted = read_page(items, request.form, answers, respondent.gemeente, respondent.team)
        if action == "volgende" and posted.errors:
            errors, raw = posted.errors, posted.raw
        else:
            item_of = {v.name: item.name for item in items for v in item.variables()}
            valid = {k: v for k, v in posted.values.items() if item_of[k] not in posted.errors}
            answers = save_page(respondent, current, valid)
            db.session.commit()
            if action == "later":
                return redirect(url_for("survey.saved", token=token))
            new_pages = visible_pages(instruments, answers, respondent)
            if action == "vorige":
                previous = _neighbour(new_pages, current.id, -1)
                return redirect(url_for("survey.page", token=token, page_id=previous.id) if previous
                                else url_for("survey.start", token=token))
            now_visible = visible_items(current, answers, respondent)
            if any(item not in items for item in now_visible):
                items, notice = now_visible, "Op basis van uw antwoord is er een vervolgvraag verschenen."
            else:
                following = _neighbour(new_pages, current.id, +1)
                if following:
                    return redirect(url_for("survey.page", token=token, page_id=following.id))
                return redirect(url_for("survey.confirm", token=token))
    else:
        remember_page(respondent, current.id)
        db.session.commit()
    return render_template(
        "survey/page.html", token=token, page=current, blocks=blocks(items), answers=answers, raw=raw,
        errors=errors, notice=notice, number=index + 1, total=len(pages), is_first=index == 0,
        wave_label=respondent.wave_label, numbers=question_numbers(items), summary=summary_entries(items, errors),
    ), (200 if not errors else 422)


@bp.get("/s/<token>/bewaard")
@throttled("SURVEY_RATE_LIMIT")
def saved(token: str):
    """'Later verder': the answers are kept; the same link continues where the respondent stopped."""
    respondent, _ = _context(token)
    return render_template("survey/saved.html", token=token, wave_label=respondent.wave_label,
                           **link_context(token, respondent, "bewaard"))


@bp.get("/s/<token>/controle")
@throttled("SURVEY_RATE_LIMIT")
def confirm(token: str):
    """Last page: how many questions were answered, and a button to submit for good."""
    respondent, instruments = _context(token)
    answers = ensure_draft(respondent)
    db.session.commit()
    answered, asked = answered_count(instruments, answers, respondent)
    pages = visible_pages(instruments, answers, respondent)
    return render_template("survey/confirm.html", token=token, answered=answered, asked=asked,
                           last_page=pages[-1].id if pages else None, wave_label=respondent.wave_label)


@bp.post("/s/<token>/verzenden")
@throttled("SURVEY_RATE_LIMIT")
def send(token: str):
    """Submit once; a second submit (or a concurrent one) finds the link already used."""
    respondent, instruments = _context(token)
    try:
        if not submit(respondent, instruments):
            raise SurveyRefusal(410, "ingevuld")
    except EmptySubmission:
        pages = visible_pages(instruments, respondent.answers or {}, respondent)
        answered, asked = answered_count(instruments, respondent.answers or {}, respondent)
        return render_template("survey/confirm.html", token=token, answered=answered, asked=asked,
                               last_page=pages[-1].id if pages else None, wave_label=respondent.wave_label,
                               empty=True, first_page=pages[0].id if pages else None), 422
    return redirect(url_for("survey.thanks"))


@bp.get("/bedankt")
def thanks():
    """Thanks page; it carries no token, so nothing identifying stays in the browser's address bar."""
    return render_template("survey/thanks.html")


#: the cookie that remembers the personal link a browser got from a team's open link (one link per browser)
OPEN_LINK_COOKIE = "teamlink"
OPEN_LINK_COOKIE_DAYS = 120


def _remembered_link(token: str) -> str | None:
    """The personal token this browser was given for this open link earlier, if it is still known."""
    personal = request.cookies.get(OPEN_LINK_COOKIE, "")
    if not personal or len(personal) > 128 or not personal.isascii():
        return None
    exists = db.session.scalar(select(Invitation.id).where(Invitation.token_hash == hash_token(personal),
                                                           Invitation.from_open_link.is_(True)))
    return personal if exists is not None else None


@bp.route("/o/<token>", methods=["GET", "POST"])
@throttled("OPEN_LINK_RATE_LIMIT")
def open_link(token: str):
    """A team's shared link: explains that it is weaker, then mints a personal link for this respondent.

    A browser that already got a personal link from this open link is sent back to it (or told it was sent)
    instead of getting a second one; submissions past the team's headcount are held for review (flow.submit).
    """
    participation = find_open_link(token)
    remembered = _remembered_link(token)
    if request.method == "GET":
        return render_template("survey/open_link.html", token=token, team=participation.team,
                               wave_label=participation.wave.label, remembered=remembered is not None)
    if remembered:
        return redirect(url_for("survey.start", token=remembered))
    personal = new_token()
    db.session.add(Invitation(wave_id=participation.wave_id, team_id=participation.team_id,
                              token_hash=hash_token(personal), from_open_link=True))
    db.session.commit()
    response = redirect(url_for("survey.start", token=personal))
    response.set_cookie(OPEN_LINK_COOKIE, personal, max_age=OPEN_LINK_COOKIE_DAYS * 24 * 3600,
                        path=url_for("survey.open_link", token=token), httponly=True, samesite="Lax",
                        secure=current_app.config.get("SESSION_COOKIE_SECURE", True))
    return response
