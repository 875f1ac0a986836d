"""The audit log: logins, failed logins, logouts, account changes, waves, invitations, report downloads."""

from __future__ import annotations

import sys
import types

from sqlalchemy import select

from survey_app.extensions import db
from survey_app.models import AuditEvent
from survey_app.services import audit
from tests.console.conftest import PASSWORD, TEAM_A, csrf_for, login_as, reports_ready
from tests.jobs.helpers import pdf_when_built


def _actions() -> list[tuple[str, str]]:
    return [(e.action, e.email) for e in db.session.scalars(select(AuditEvent).order_by(AuditEvent.id))]


def _login(client, email, password):
    page = client.get("/inloggen")
    return client.post("/inloggen", data={"csrf_token": csrf_for(page), "email": email, "password": password})


def test_login_failed_login_and_logout_are_logged(client, world):
    assert _login(client, "onbekend@voorbeeld.nl", "verkeerd-wachtwoord").status_code == 401
    assert _login(client, world.researcher.email, "verkeerd-wachtwoord").status_code == 401
    response = _login(client, world.researcher.email, PASSWORD)
    assert response.status_code == 302 and response.location == "/console/"
    page = client.get("/console/")
    assert client.post("/uitloggen", data={"csrf_token": csrf_for(page)}).status_code == 302
    assert _actions() == [("login_failed", "onbekend@voorbeeld.nl"), ("login_failed", world.researcher.email),
                          ("login", world.researcher.email), ("logout", world.researcher.email)]
    failed = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "login_failed"))
    assert failed.user_id is None and failed.detail == ""


def test_teamleider_lands_in_own_area(client, world):
    response = _login(client, world.teamleider.email, PASSWORD)
    assert response.location == "/team/"
    page = client.get("/team/")
    assert page.status_code == 200 and "Team zwolle-noord" in page.get_data(as_text=True)
    assert "Team zwolle-zuid" not in page.get_data(as_text=True)


def test_account_changes_are_logged(client, world):
    login_as(client, world.admin)
    page = client.get("/console/accounts/nieuw")
    response = client.post("/console/accounts/nieuw", data={
        "csrf_token": csrf_for(page), "email": "nieuw@voorbeeld.nl", "role": "teamleider", "teams": [TEAM_A],
        "password": "nog-een-wachtwoord", "confirm": "nog-een-wachtwoord"})
    assert response.status_code == 302
    token = csrf_for(client.get("/console/accounts"))
    client.post(f"/console/accounts/{world.researcher.id}/actief", data={"csrf_token": token})
    client.post(f"/console/accounts/{world.researcher.id}/actief", data={"csrf_token": token})
    client.post(f"/console/accounts/{world.researcher.id}/wachtwoord",
                data={"csrf_token": token, "password": "nieuw-wachtwoord-1", "confirm": "nieuw-wachtwoord-1"})
    refused = client.post(f"/console/accounts/{world.admin.id}/actief", data={"csrf_token": token},
                          follow_redirects=True)
    assert "eigen account niet blokkeren" in refused.get_data(as_text=True)
    assert [a for a, _ in _actions()] == ["account_created", "account_disabled", "account_enabled", "password_reset"]
    assert all(email == world.admin.email for _, email in _actions())
    assert "nieuwe-wachtwoord" not in " ".join(e.detail for e in db.session.scalars(select(AuditEvent)))


def test_wave_status_and_invitations_are_logged(client, world):
    login_as(client, world.researcher)
    token = csrf_for(client.get("/console/golven/2017"))
    client.post("/console/golven/2017/status", data={"csrf_token": token, "status": "closed", "confirmed": "ja"})
    client.post(f"/console/golven/2017/teams/{TEAM_A}/uitnodigingen", data={"csrf_token": token, "count": "2"})
    details = {e.action: e.detail for e in db.session.scalars(select(AuditEvent))}
    assert details["wave_status"] == "golf 2017: open -> gesloten"
    assert details["invitations_generated"] == f"golf 2017, team {TEAM_A}: 2 links"


def _fake_reports(monkeypatch):
    """The reports module is written by someone else; stand in for it only while it does not exist."""
    if not reports_ready():
        fake = types.ModuleType("survey_app.reports")
        fake.render_bijlage_html = lambda wave, team: f"<p>bijlage {wave.name} {team.slug}</p>"
        fake.build_bijlage_pdf = lambda wave, team: b"%PDF-1.7 bijlage"
        monkeypatch.setitem(sys.modules, "survey_app.reports", fake)


def test_report_downloads_are_logged(client, world, monkeypatch, consumer):
    _fake_reports(monkeypatch)
    login_as(client, world.teamleider)
    assert client.get(f"/team/2017/{TEAM_A}/bijlage").status_code == 403  # open: nothing shown, nothing logged
    assert client.get(f"/team/2016/{TEAM_A}/bijlage").status_code == 200
    pdf = pdf_when_built(client, f"/team/2016/{TEAM_A}/bijlage.pdf")  # "wordt gemaakt" is not a download
    assert pdf.status_code == 200 and pdf.mimetype == "application/pdf"
    assert client.get("/team/2016/zwolle-zuid/bijlage.pdf").status_code == 404
    events = list(db.session.scalars(select(AuditEvent).order_by(AuditEvent.id)))
    assert [(e.action, e.detail) for e in events] == [
        ("report_download", f"golf 2016, team {TEAM_A}, HTML"), ("report_download", f"golf 2016, team {TEAM_A}, PDF")]
    assert all(e.user_id == world.teamleider.id for e in events)


def test_audit_page_is_admin_only_and_paged(client, world):
    for number in range(60):
        audit.record(audit.Action.EXPORT, f"regel {number}", user=world.admin)
    db.session.commit()
    login_as(client, world.researcher)
    assert client.get("/console/logboek").status_code == 403
    login_as(client, world.admin)
    first = client.get("/console/logboek").get_data(as_text=True)
    second = client.get("/console/logboek?pagina=2").get_data(as_text=True)
    assert "regel 59" in first and "regel 10<" in first and "regel 9<" not in first
    assert "regel 9<" in second and "regel 0<" in second and "Pagina 2 van 2" in second
    assert client.get("/console/logboek?pagina=abc").status_code == 200
