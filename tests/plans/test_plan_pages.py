"""The plan pages and their writes: a teamleider plans on a closed wave's bijlage, the next bijlage reviews it,
another team's teamleider gets 404 (pages and forged posts alike), every change is audited."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from survey_app.extensions import db
from survey_app.models import AuditEvent, WaveStatus
from survey_app.plans.models import PlanAction, PlanFocus
from survey_app.plans.review import review_for
from survey_app.services.users import create_user
from tests.conftest import csrf_token_from
from tests.plans.conftest import STATEMENT
from tests.reports.test_views import PASSWORD, login

PLAN = "/verbeterplan/2016/zwolle-noord"


@pytest.fixture
def leaders(two_waves):
    noord = create_user("noord@voorbeeld.nl", "teamleider", PASSWORD, ["zwolle-noord"])
    zuid = create_user("zuid@voorbeeld.nl", "teamleider", PASSWORD, ["zwolle-zuid"])
    db.session.commit()
    return noord, zuid


def post(client, url: str, data: dict, page: str = PLAN):
    token = csrf_token_from(client.get(page).get_data(as_text=True))
    return client.post(url, data={"csrf_token": token, **data})


def plan_with_target(client) -> PlanFocus:
    response = post(client, f"{PLAN}/punten", {"onderdeel": f"item:{STATEMENT}", "doel_soort": "agree",
                                               "doel_richting": "ge", "doel_waarde": "60"})
    assert response.status_code == 302
    return db.session.scalar(select(PlanFocus))


def test_teamleider_sets_a_target_and_actions_and_the_next_bijlage_reviews_them(app, client, two_waves, leaders):
    login(client, leaders[0])
    page = client.get(PLAN).get_data(as_text=True)
    assert "% (deels) eens 33,3% · gemiddelde 3,0 (n=6)" in page
    focus = plan_with_target(client)
    for text, status in (("Intervisie over hulp vragen", "bezig"), ("Teamdag in het voorjaar", "gepland")):
        assert post(client, f"{PLAN}/punten/{focus.id}/acties",
                    {"omschrijving": text, "eigenaar": "Teamleider", "datum": "2016-09-01",
                     "status": status}).status_code == 302
    section = review_for(two_waves.after, two_waves.teams["zwolle-noord"])
    row = section["rows"][0]
    assert (row["before"]["text"], row["after"]["text"], row["change"]) == ("33,3%", "62,5%", "+29,2 procentpunt")
    assert row["verdict"] == "gehaald" and row["target"] == "% (deels) eens ≥ 60,0%"
    assert [(a["description"], a["status"], a["due"]) for a in row["actions"]] == [
        ("Intervisie over hulp vragen", "bezig", "1 september 2016"), ("Teamdag in het voorjaar", "gepland",
                                                                      "1 september 2016")]
    html = client.get("/team/2017/zwolle-noord/bijlage").get_data(as_text=True)
    assert "Verbeterpunten van vorig jaar" in html and "Intervisie over hulp vragen" in html
    assert "Doelen gehaald: 1 van de 1" in html
    details = [e.detail for e in db.session.scalars(select(AuditEvent).where(AuditEvent.action == "plan_changed"))]
    assert len(details) == 3 and all(d.startswith("golf 2016, team zwolle-noord, sw_hulp_vragen") for d in details)


def test_a_hidden_figure_next_year_leaves_the_target_unjudged(app, client, two_waves):
    staff = create_user("onderzoeker@voorbeeld.nl", "researcher", PASSWORD)
    db.session.commit()
    login(client, staff)
    zuid = "/verbeterplan/2016/zwolle-zuid"
    post(client, f"{zuid}/punten", {"onderdeel": f"item:{STATEMENT}", "doel_soort": "mean", "doel_richting": "ge",
                                    "doel_waarde": "4,5"}, page=zuid)
    row = review_for(two_waves.after, two_waves.teams["zwolle-zuid"])["rows"][0]
    assert row["after"] == {"text": "–", "mark": "†"} and row["verdict"] == "niet te beoordelen"
    html = client.get("/rapporten/2017/team/zwolle-zuid").get_data(as_text=True)
    assert "niet te beoordelen" in html and "5,0" not in html  # zuid's 2017 mean (all fives) stays hidden


def test_another_teams_teamleider_gets_404_for_pages_and_forged_posts(app, client, two_waves, leaders):
    login(client, leaders[0])
    focus = plan_with_target(client)
    post(client, f"{PLAN}/punten/{focus.id}/acties", {"omschrijving": "Intervisie", "status": "gepland"})
    action_id = db.session.scalar(select(PlanAction.id))
    login(client, leaders[1])
    own = "/verbeterplan/2016/zwolle-zuid"
    token = csrf_token_from(client.get(own).get_data(as_text=True))
    assert client.get(PLAN).status_code == 404
    assert client.get("/team/2017/zwolle-noord/bijlage").status_code == 404
    forged = [f"{PLAN}/punten/{focus.id}/acties", f"{own}/punten/{focus.id}/acties", f"{own}/punten/{focus.id}/doel",
              f"{own}/punten/{focus.id}/verwijderen", f"{own}/acties/{action_id}",
              f"{own}/acties/{action_id}/verwijderen"]
    for url in forged:
        response = client.post(url, data={"csrf_token": token, "omschrijving": "Vervalst", "status": "klaar",
                                          "doel_soort": ""})
        assert response.status_code == 404, url
    db.session.expire_all()
    assert [(a.description, a.status) for a in db.session.scalars(select(PlanAction))] == [("Intervisie", "gepland")]
    assert db.session.get(PlanFocus, focus.id).target_value == 60.0


def test_no_plan_while_the_wave_is_open_and_no_post_without_csrf(app, client, two_waves, leaders):
    login(client, leaders[0])
    two_waves.before.status = WaveStatus.OPEN
    db.session.commit()
    assert client.get(PLAN).status_code == 403
    two_waves.before.status = WaveStatus.CLOSED
    db.session.commit()
    app.config["WTF_CSRF_ENABLED"] = True
    response = client.post(f"{PLAN}/punten", data={"onderdeel": f"item:{STATEMENT}"})
    assert response.status_code == 400
    assert db.session.scalar(select(PlanFocus)) is None


def test_bad_input_gets_dutch_messages_and_writes_nothing(app, client, two_waves, leaders):
    login(client, leaders[0])
    response = post(client, f"{PLAN}/punten", {"onderdeel": f"item:{STATEMENT}", "doel_soort": "agree",
                                               "doel_richting": "ge", "doel_waarde": "150"})
    assert response.status_code == 302
    page = client.get(PLAN).get_data(as_text=True)
    assert "Het percentage van het doel moet tussen 0 en 100 liggen." in page
    assert db.session.scalar(select(PlanFocus)) is None
    post(client, f"{PLAN}/punten", {"onderdeel": "item:bestaat_niet"})
    assert "Onderdeel: kies een stelling of schaal uit de lijst." in client.get(PLAN).get_data(as_text=True)
    focus = plan_with_target(client)
    post(client, f"{PLAN}/punten/{focus.id}/acties", {"omschrijving": "", "datum": "morgen", "status": "gepland"})
    page = client.get(PLAN).get_data(as_text=True)
    assert "Omschrijving: beschrijf wat het team gaat doen." in page
    assert "Streefdatum: vul een geldige datum in (dd-mm-jjjj)." in page
    assert db.session.scalar(select(PlanAction)) is None


def test_at_most_five_focus_items(app, client, two_waves, leaders):
    from survey_app.plans.core.targets import MAX_FOCUS

    login(client, leaders[0])
    options = re.findall(r'<option value="(item:[^"]+|construct:[^"]+)"', client.get(PLAN).get_data(as_text=True))
    assert len(options) > MAX_FOCUS
    for key in options[:MAX_FOCUS + 1]:
        post(client, f"{PLAN}/punten", {"onderdeel": key})
    assert len(db.session.scalars(select(PlanFocus)).all()) == MAX_FOCUS
    assert "Verbeterpunt kiezen" not in client.get(PLAN).get_data(as_text=True)


def test_the_pdf_of_the_next_bijlage_carries_the_review(app, two_waves, tmp_path):
    import shutil
    import subprocess

    from survey_app.instrument_registry import wave_instruments
    from survey_app.plans import operations
    from survey_app.plans.core.actions import ActionInput
    from survey_app.plans.core.figures import find_subject
    from survey_app.plans.core.targets import Target, TargetKind
    from survey_app.reports import build_bijlage_pdf
    from survey_app.reports.sources import cached_analysis
    from tests.conftest import skip_or_fail

    if shutil.which("pdftotext") is None:
        skip_or_fail("pdftotext (poppler-utils) is niet geïnstalleerd")
    wave, team = two_waves.before, two_waves.teams["zwolle-noord"]
    subject = find_subject(wave_instruments(wave), cached_analysis(wave), "zwolle", f"item:{STATEMENT}")
    focus = operations.add_focus(wave, team, subject, Target(TargetKind.MEAN, "ge", 4.0), None)
    operations.add_action(focus, ActionInput("Intervisie", "Teamleider", None, "klaar"), None)
    db.session.commit()
    path = tmp_path / "bijlage.pdf"
    path.write_bytes(build_bijlage_pdf(two_waves.after, team))
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout
    assert "Verbeterpunten van vorig jaar" in text
    assert re.search(r"gemiddelde\s+3,0\s+3,8\s+\+0,8\s+gemiddelde ≥ 4,0\s+niet gehaald", text)
    assert "Intervisie" in text and "klaar" in text
