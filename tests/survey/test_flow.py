"""The respondent's way through the shipped questionnaire over HTTP: pages, routing, resume, submit."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from survey_app.extensions import db
from survey_app.instrument_registry import current_instruments
from survey_app.models import Draft, Invitation, InvitationStatus, Response, WaveStatus
from survey_app.services.waves import set_status
from tests.conftest import csrf_token_from
from tests.survey.driver import field_names, fill

FOLLOW_UP = "nw_aanwenden_redenen"


def walk(client, token: str, overrides: dict | None = None, stop_after: int | None = None) -> list[str]:
    """Answer page after page from the start; returns the page ids seen."""
    response = client.get(f"/s/{token}")
    assert response.status_code == 200
    location = response.get_data(as_text=True).split('id="begin" href="')[1].split('"')[0]
    seen = []
    while "/pagina/" in location:
        page = client.get(location)
        assert page.status_code == 200, location
        html = page.get_data(as_text=True)
        seen.append(location.rsplit("/", 1)[1])
        if stop_after is not None and len(seen) > stop_after:
            data = fill(html, overrides)
            data["actie"] = "later"
            client.post(location, data=data)
            return seen
        posted = client.post(location, data=fill(html, overrides))
        if posted.status_code == 200:  # a follow-up question appeared on the same page
            posted = client.post(location, data=fill(posted.get_data(as_text=True), overrides))
        assert posted.status_code == 302, (location, posted.get_data(as_text=True)[:2000])
        location = posted.headers["Location"]
    assert location.endswith("/controle")
    return seen


def test_whole_questionnaire_with_routing_resume_and_submit(client, create_open_wave, invite):
    wave = create_open_wave()
    token = invite(wave, "zwolle-noord")[0]
    first = walk(client, token, {"nw_aanwenden_kwaliteiten": "1"}, stop_after=3)
    draft = db.session.scalar(select(Draft))
    assert draft.current_page == first[-1] and draft.answers
    start = client.get(f"/s/{token}").get_data(as_text=True)
    assert f'id="verder" href="/s/{token}/pagina/{first[-1]}"' in start

    seen = walk(client, token, {"nw_aanwenden_kwaliteiten": "1"})
    confirm = client.get(f"/s/{token}/controle")
    text = confirm.get_data(as_text=True)
    assert "vragen beantwoord" in text
    sent = client.post(f"/s/{token}/verzenden", data={"csrf_token": csrf_token_from(text)})
    assert sent.status_code == 302 and sent.headers["Location"].endswith("/bedankt")
    # Sealed until its team's batch is released (here: when the wave closes).
    assert db.session.scalar(select(func.count()).select_from(Response)) == 0
    assert db.session.scalar(select(Draft.sealed)) is True
    set_status(wave, WaveStatus.CLOSED)
    db.session.commit()
    assert db.session.scalar(select(func.count()).select_from(Response)) == 1
    assert db.session.scalar(select(func.count()).select_from(Draft)) == 0
    variables = {k for document in db.session.scalars(select(Response.answers)) for k in document}
    assert FOLLOW_UP in variables and "wb_zwolle_innovatiebudget_bekend" in variables
    zwolle_pages = [p for p in current_instruments().pages if "zwolle" not in p.skip_gemeenten]
    assert len(seen) == len(zwolle_pages)

    again = client.get(f"/s/{token}")
    assert again.status_code == 410 and "al ingevuld" in again.get_data(as_text=True)
    resend = client.post(f"/s/{token}/verzenden", data={"csrf_token": csrf_token_from(text)})
    assert resend.status_code == 410
    assert db.session.scalar(select(func.count()).select_from(Response)) == 1


def test_follow_up_only_for_disagreement_and_dropped_when_answer_changes(client, create_open_wave, invite):
    wave = create_open_wave(modules=["nieuwe_werken"])
    token = invite(wave, "zwolle-noord")[0]
    walk(client, token, {"nw_aanwenden_kwaliteiten": "1"})
    draft = db.session.scalar(select(Draft))
    assert FOLLOW_UP in draft.answers
    # Going back and agreeing makes the follow-up irrelevant: it must not reach the response.
    walk(client, token, {"nw_aanwenden_kwaliteiten": "5"})
    db.session.expire_all()
    assert db.session.scalar(select(Draft)).answers["nw_aanwenden_kwaliteiten"] == 5
    html = client.get(f"/s/{token}/controle").get_data(as_text=True)
    client.post(f"/s/{token}/verzenden", data={"csrf_token": csrf_token_from(html)})
    assert all(FOLLOW_UP not in document for document in db.session.scalars(select(Response.answers)))


def _names_on_all_pages(client, token) -> set[str]:
    from survey_app.survey.flow import find_respondent, visible_pages

    respondent = find_respondent(token)
    pages = visible_pages(current_instruments().subset(respondent.module_ids), {}, respondent)
    names: set[str] = set()
    for page in pages:
        response = client.get(f"/s/{token}/pagina/{page.id}")
        assert response.status_code == 200
        names |= field_names(response.get_data(as_text=True))
    return names


def test_gemeente_variants(client, create_open_wave, invite):
    wave = create_open_wave()
    instruments = current_instruments()
    skipped_steenwijkerland = {i.name for i in instruments.items if "steenwijkerland" in i.skip_gemeenten}
    zwolle_only = {i.name for p in instruments.pages for i in p.items
                   if "zwolle" in i.only_gemeenten or "zwolle" in p.only_gemeenten}
    assert skipped_steenwijkerland and zwolle_only

    steenwijk = _names_on_all_pages(client, invite(wave, "consulententeam-binnen")[0])
    zwolle = _names_on_all_pages(client, invite(wave, "zwolle-zuid")[0])
    elburg = _names_on_all_pages(client, invite(wave, "team-doeth")[0])
    assert not steenwijk & skipped_steenwijkerland
    assert skipped_steenwijkerland <= zwolle
    assert zwolle_only <= zwolle
    assert not elburg & zwolle_only and not steenwijk & zwolle_only


def test_required_question_keeps_answers_and_shows_dutch_message(client, create_open_wave, invite):
    wave = create_open_wave(modules=["nieuwe_werken"])
    token = invite(wave, "zwolle-noord")[0]
    from survey_app.survey.flow import find_respondent, visible_pages

    page = next(p for p in visible_pages(current_instruments().subset(["nieuwe_werken"]), {},
                                         find_respondent(token))
                if any(i.name == "nw_aanwenden_kwaliteiten" for i in p.items))
    url = f"/s/{token}/pagina/{page.id}"
    data = fill(client.get(url).get_data(as_text=True))
    data.pop("nw_aanwenden_kwaliteiten")
    response = client.post(url, data=data)
    html = response.get_data(as_text=True)
    assert response.status_code == 422 and "Deze vraag is verplicht." in html
    kept = next(k for k in data if k not in ("csrf_token", "actie"))
    assert f'name="{kept}" value="{data[kept]}" checked' in html


def test_later_verder_saves_and_says_so(client, create_open_wave, invite):
    wave = create_open_wave(modules=["samenwerking"])
    token = invite(wave, "zwolle-noord")[0]
    walk(client, token, stop_after=0)
    page = client.get(f"/s/{token}/bewaard")
    assert "Uw antwoorden zijn bewaard" in page.get_data(as_text=True)
    assert db.session.scalar(select(Invitation.status)) == InvitationStatus.STARTED


def test_unknown_token_and_closed_wave_are_friendly(client, create_open_wave, invite):
    wave = create_open_wave(modules=["samenwerking"])
    token = invite(wave, "zwolle-noord")[0]
    unknown = client.get("/s/bestaat-niet-1234567890")
    assert unknown.status_code == 404 and "Onbekende link" in unknown.get_data(as_text=True)
    wave.status = WaveStatus.CLOSED
    db.session.commit()
    closed = client.get(f"/s/{token}")
    assert closed.status_code == 410 and "Vragenlijst gesloten" in closed.get_data(as_text=True)
    assert client.get(f"/s/{token}/pagina/x").status_code == 410


def test_open_link_mints_personal_links(client, create_open_wave):
    from survey_app.services.tokens import hash_token, new_token

    wave = create_open_wave(modules=["samenwerking"])
    shared = new_token()
    participation = next(p for p in wave.teams if p.team.slug == "team-doeth")
    participation.open_link_hash = hash_token(shared)
    db.session.commit()
    landing = client.get(f"/o/{shared}")
    assert landing.status_code == 200 and "minder" in landing.get_data(as_text=True)
    minted = client.post(f"/o/{shared}", data={"csrf_token": csrf_token_from(landing.get_data(as_text=True))})
    assert minted.status_code == 302 and "/s/" in minted.headers["Location"]
    invitation = db.session.scalar(select(Invitation))
    assert invitation.from_open_link and invitation.team.slug == "team-doeth"


def test_two_tabs_cannot_overwrite_each_other(client, create_open_wave, invite):
    from survey_app.survey.flow import DraftConflict, ensure_draft, find_respondent, save_page

    wave = create_open_wave(modules=["samenwerking"])
    token = invite(wave, "zwolle-noord")[0]
    first_visit, second_visit = find_respondent(token), find_respondent(token)
    ensure_draft(first_visit)
    ensure_draft(second_visit)  # both found no draft; the second finds the first one's instead of failing
    db.session.commit()
    first_tab, second_tab = find_respondent(token), find_respondent(token)
    page = current_instruments().subset(["samenwerking"]).pages[0]
    save_page(first_tab, page, {"sw_hulp_vragen": 5})
    db.session.commit()
    with pytest.raises(DraftConflict):
        save_page(second_tab, page, {"sw_hulp_vragen": 1})
    db.session.rollback()
    db.session.expire_all()
    assert db.session.scalar(select(Draft)).answers == {"sw_hulp_vragen": 5}
