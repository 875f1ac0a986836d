"""The matrix pages: scoring a case (POST with CSRF, audited), refusals for teamleiders and forged posts,
the second scorer's agreement page, downloads and the web import."""

from __future__ import annotations

import io

from sqlalchemy import select

from survey_app.extensions import db
from survey_app.matrix.models import MatrixAspect, MatrixScore
from survey_app.matrix.store import load
from survey_app.models import AuditEvent
from tests.conftest import csrf_token_from
from tests.console.conftest import login_as
from tests.matrix.conftest import ZWOLLE

SIGNALERING = "Tijdige signalering problematiek"


def _aspect(project, name: str) -> MatrixAspect:
    return next(a for a in project.aspects if a.name == name)


def _form(page, project, case: str, scorer: str, changes: dict[str, tuple[str, str]]) -> dict[str, str]:
    """The scoring form as the browser would post it: every cell as stored, then the changes."""
    data = {"csrf_token": csrf_token_from(page.get_data(as_text=True)), "beoordelaar": scorer}
    stored = {row.aspect_id: row for row in db.session.scalars(select(MatrixScore).where(MatrixScore.scorer == scorer))
              if row.case.label == case}
    for aspect in project.aspects:
        row = stored.get(aspect.id)
        data[f"level-{aspect.id}"] = (row.level or "") if row else ""
        data[f"note-{aspect.id}"] = row.note if row else ""
    for name, (level, note) in changes.items():
        aspect = _aspect(project, name)
        data[f"level-{aspect.id}"], data[f"note-{aspect.id}"] = level, note
    return data


def test_scoring_page_is_accessible_and_dutch(client, imported, accounts):
    login_as(client, accounts[0])
    html = client.get("/matrices/zwolle/casus/C03").get_data(as_text=True)
    assert "Casus C03 scoren" in html and html.count("<fieldset") == 28 and html.count("<legend>") == 28
    assert f"<legend>{SIGNALERING}</legend>" in html
    assert 'value="rood"\n              checked' in html or 'value="rood" checked' in " ".join(html.split())
    assert "niet gescoord" in html and "Grijs" in html and "Notitie bij" in html


def test_scoring_post_changes_the_counts_and_is_audited(client, imported, accounts):
    login_as(client, accounts[0])
    assert load(imported).counts[0].statement("groen") == "7 van de 15"
    page = client.get("/matrices/zwolle/casus/C03")
    data = _form(page, imported, "C03", "A", {SIGNALERING: ("groen", "Na herbeoordeling tijdig.")})
    response = client.post("/matrices/zwolle/casus/C03", data=data)
    assert response.status_code == 302
    db.session.expire_all()
    assert load(imported).counts[0].statement("groen") == "8 van de 15"
    event = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "matrix_scored")).one()
    assert event.email == "onderzoeker@voorbeeld.nl"
    assert f"casus C03, beoordelaar A: {SIGNALERING}: rood → groen" in event.detail
    assert "1 cel gewijzigd" in client.get(response.location).get_data(as_text=True)


def test_post_without_csrf_token_is_refused(client, imported, accounts):
    login_as(client, accounts[0])
    aspect = _aspect(imported, SIGNALERING)
    response = client.post("/matrices/zwolle/casus/C03", data={f"level-{aspect.id}": "groen", "beoordelaar": "A"})
    assert response.status_code == 400
    db.session.expire_all()
    assert load(imported).counts[0].statement("groen") == "7 van de 15"


def test_unknown_level_is_refused_with_a_dutch_message(client, imported, accounts):
    login_as(client, accounts[0])
    page = client.get("/matrices/zwolle/casus/C03")
    data = _form(page, imported, "C03", "A", {SIGNALERING: ("paars", "")})
    response = client.post("/matrices/zwolle/casus/C03", data=data, follow_redirects=True)
    assert response.status_code == 200 and "onbekende score &#39;paars&#39;" in response.get_data(as_text=True)


def test_teamleider_and_anonymous_are_refused(client, imported, accounts):
    paths = ("/matrices/", "/matrices/zwolle", "/matrices/zwolle/casus/C03", "/matrices/zwolle/matrix.pdf")
    for path in paths:
        anonymous = client.get(path)
        assert anonymous.status_code == 302 and anonymous.location.startswith("/inloggen")
    login_as(client, accounts[1])
    for path in paths:
        assert client.get(path).status_code == 403
    assert client.post("/matrices/zwolle/casus/C03", data={}).status_code in (400, 403)


def test_unknown_case_or_project_is_404(client, imported, accounts):
    login_as(client, accounts[0])
    assert client.get("/matrices/zwolle/casus/C99").status_code == 404
    assert client.get("/matrices/bestaat-niet").status_code == 404
    assert client.get("/matrices/zwolle/casus/C03?beoordelaar=Z").status_code == 404
    assert client.get("/matrices/zwolle/matrix.docx").status_code == 404


def test_second_scorer_and_agreement_page(client, imported, accounts):
    login_as(client, accounts[0])
    assert "nog maar één beoordelaar" in client.get("/matrices/zwolle/overeenstemming").get_data(as_text=True)
    for case in ("C01", "C02", "C03"):
        page = client.get(f"/matrices/zwolle/casus/{case}?beoordelaar=B")
        first = {row.aspect_id: row.level for row in db.session.scalars(select(MatrixScore)) if row.case.label == case}
        data = _form(page, imported, case, "B", {})
        data.update({f"level-{aspect_id}": level or "" for aspect_id, level in first.items()})
        assert client.post(f"/matrices/zwolle/casus/{case}", data=data).status_code == 302
    db.session.expire_all()
    assert imported.scorer_b == "B"
    html = client.get("/matrices/zwolle/overeenstemming").get_data(as_text=True)
    assert "Alle aspecten samen" in html and "1,00" in html and "100,0%" in html


def test_project_page_and_downloads(client, imported, accounts):
    login_as(client, accounts[0])
    html = client.get("/matrices/zwolle").get_data(as_text=True)
    assert "9 van de 14" in html and 'href="/matrices/zwolle/casus/C01"' in html
    assert 'href="/matrices/' in client.get("/coderen/").get_data(as_text=True)
    pdf = client.get("/matrices/zwolle/matrix.pdf")
    assert pdf.status_code == 200 and pdf.data.startswith(b"%PDF")
    assert client.get("/matrices/zwolle/matrix.xlsx").data.startswith(b"PK")
    css = client.get("/matrices/zwolle/schaal.css").get_data(as_text=True)
    assert ".mx-l-rood { background-color: #B2182B; color: #FFFFFF; }" in css
    assert 'class="mx-cell mx-l-groen"' in html and 'style="' not in html  # the CSP refuses inline styles
    yaml_text = client.get("/matrices/zwolle/aspecten.yaml").get_data(as_text=True)
    assert "Politie" in yaml_text and yaml_text.startswith("aspects:")
    exports = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "export")).all()
    assert len(exports) == 2


def test_web_import_all_or_nothing(client, accounts):
    login_as(client, accounts[0])
    page = client.get("/matrices/")
    token = csrf_token_from(page.get_data(as_text=True))

    def files(scores: bytes) -> dict:
        return {"csrf_token": token, "name": "web", "title": "Via het web",
                "aspects": (io.BytesIO((ZWOLLE / "aspects.yaml").read_bytes()), "aspects.yaml"),
                "cases": (io.BytesIO((ZWOLLE / "cases.csv").read_bytes()), "cases.csv"),
                "scores": (io.BytesIO(scores), "scores.csv")}

    bad = client.post("/matrices/", data=files(b"case,aspect,score\nC01,Politie,blauw\n"),
                      content_type="multipart/form-data", follow_redirects=True)
    assert "scores.csv:2: MATRIX_SCORE_003" in bad.get_data(as_text=True)
    assert client.get("/matrices/web").status_code == 404
    good = client.post("/matrices/", data=files((ZWOLLE / "scores.csv").read_bytes()),
                       content_type="multipart/form-data")
    assert good.status_code == 302 and good.location.endswith("/matrices/web")
    assert "7 van de 15" in client.get("/matrices/web").get_data(as_text=True)
