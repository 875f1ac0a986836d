"""What a new researcher met on the coding pages: a code hint that fails, a CLI-only empty state, silent second
open-answers projects, variable names as titles, and a "Citeerbaar" button that hid its state."""

from __future__ import annotations

import io
import re

from sqlalchemy import select

from survey_app.extensions import db
from survey_app.models import Code, CodingProject
from tests.coding_app.conftest import TABEL3, log_in
from tests.coding_app.test_app_coding_pages import CODE, document_url
from tests.coding_app.test_app_open_answers import import_wave
from tests.conftest import csrf_token_from


def _hint(html: str) -> str:
    return re.search(r'id="code-path-hint">Bijvoorbeeld <code>([^<]+)</code>', html).group(1)


def test_the_suggested_code_path_is_accepted(researcher, tabel3):
    html = researcher.get("/coderen/tabel3").get_data(as_text=True)
    suggested = _hint(html)
    assert suggested == "uitkomst/Nieuwe code"
    researcher.post("/coderen/tabel3/codes", data={"csrf_token": csrf_token_from(html), "path": suggested})
    assert db.session.scalar(select(Code).where(Code.path == suggested)) is not None


def test_missing_parent_is_explained_or_made_when_asked(researcher, tabel3):
    token = csrf_token_from(researcher.get("/coderen/tabel3").get_data(as_text=True))
    refused = researcher.post("/coderen/tabel3/codes", data={"csrf_token": token, "path": "thema/Tijd"},
                              follow_redirects=True).get_data(as_text=True)
    assert "bovenliggende code &#39;thema&#39; bestaat niet" in refused and "uitkomst" in refused
    assert "ook aanmaken" in refused
    assert db.session.scalar(select(Code).where(Code.path == "thema")) is None
    researcher.post("/coderen/tabel3/codes", data={"csrf_token": token, "path": "thema/Tijd/Overleg",
                                                   "create_parents": "1", "description": "Tijd voor overleg"})
    made = {code.path: code for code in db.session.scalars(select(Code).where(Code.path.like("thema%")))}
    assert set(made) == {"thema", "thema/Tijd", "thema/Tijd/Overleg"}
    assert made["thema/Tijd/Overleg"].parent_id == made["thema/Tijd"].id
    assert made["thema/Tijd/Overleg"].description == "Tijd voor overleg" and made["thema"].description == ""
    assert [h.what for h in made["thema"].history] == ["aangemaakt als bovenliggende code"]


def test_empty_state_explains_and_offers_an_upload(researcher):
    html = researcher.get("/coderen/").get_data(as_text=True)
    assert "flask coding" not in html and "Er zijn nog geen codeerprojecten" in html
    assert 'action="/coderen/nieuw"' in html and 'enctype="multipart/form-data"' in html


def test_new_project_from_uploaded_transcripts_and_codebook(researcher):
    token = csrf_token_from(researcher.get("/coderen/").get_data(as_text=True))
    response = researcher.post("/coderen/nieuw", data={
        "csrf_token": token, "name": "focusgroepen", "title": "Focusgroepen 2018",
        "transcripts": [(io.BytesIO((TABEL3 / name).read_bytes()), name)
                        for name in ("focusgroep1.txt", "focusgroep2.txt")],
        "codebook": (io.BytesIO((TABEL3 / "codebook.yaml").read_bytes()), "mijn-codeboek.yaml")},
        content_type="multipart/form-data")
    assert response.status_code == 302 and response.location == "/coderen/focusgroepen"
    project = db.session.scalar(select(CodingProject).where(CodingProject.name == "focusgroepen"))
    assert project.title == "Focusgroepen 2018" and len(project.documents) == 2
    assert any(code.path == CODE for code in project.codes)


def test_new_project_refused_whole_with_dutch_reasons(researcher, tabel3):
    token = csrf_token_from(researcher.get("/coderen/").get_data(as_text=True))
    response = researcher.post("/coderen/nieuw", data={
        "csrf_token": token, "name": "tabel3",
        "transcripts": (io.BytesIO(b"I: Vraag?\nR20: Antwoord.\n"), "interview9.txt")},
        content_type="multipart/form-data")
    assert response.status_code == 422
    assert "codeerproject &#39;tabel3&#39; bestaat al" in response.get_data(as_text=True)
    none = researcher.post("/coderen/nieuw", data={"csrf_token": token, "name": "leeg"},
                           content_type="multipart/form-data")
    assert none.status_code == 422 and "kies minstens één bestand" in none.get_data(as_text=True)
    assert db.session.scalar(select(CodingProject).where(CodingProject.name == "leeg")) is None


def test_second_open_answers_project_is_asked_for(client, create_open_wave, tmp_path):
    wave = import_wave(create_open_wave, tmp_path)
    log_in(client, "mj@lectoraat.nl")
    token = csrf_token_from(client.get("/coderen/").get_data(as_text=True))
    first = client.post("/coderen/open-antwoorden", data={"csrf_token": token, "wave_id": wave.id})
    assert first.status_code == 302 and first.location == "/coderen/open-2017"
    second = client.post("/coderen/open-antwoorden", data={"csrf_token": token, "wave_id": wave.id})
    text = second.get_data(as_text=True)
    assert second.status_code == 409 and "heeft al een codeerproject" in text
    assert 'href="/coderen/open-2017"' in text and 'name="again" value="1"' in text
    assert db.session.scalar(select(CodingProject).where(CodingProject.name == "open-2017-2")) is None
    again = client.post("/coderen/open-antwoorden", data={"csrf_token": token, "wave_id": wave.id, "again": "1"})
    assert again.location == "/coderen/open-2017-2"


def test_open_answer_documents_are_titled_with_the_question(client, create_open_wave, tmp_path):
    wave = import_wave(create_open_wave, tmp_path)
    log_in(client, "mj@lectoraat.nl")
    token = csrf_token_from(client.get("/coderen/").get_data(as_text=True))
    client.post("/coderen/open-antwoorden", data={"csrf_token": token, "wave_id": wave.id})
    project = db.session.scalar(select(CodingProject).where(CodingProject.name == "open-2017"))
    document = next(d for d in project.documents if d.name == "open_nodig_team")
    listing = client.get("/coderen/open-2017").get_data(as_text=True)
    assert f'documenten/{document.id}">Wat heeft u nodig' in listing
    page = client.get(f"/coderen/open-2017/documenten/{document.id}").get_data(as_text=True)
    assert re.search(r"<h1>Wat heeft u nodig[^<]*</h1>", page) and "<h1>open_nodig_team</h1>" not in page


def test_quotable_shows_its_state_and_the_action(researcher, tabel3):
    url = document_url(tabel3)
    token = csrf_token_from(researcher.get(url).get_data(as_text=True))
    researcher.post(f"{url}/fragmenten/4/code", data={"csrf_token": token, "code": CODE})
    html = researcher.get(url).get_data(as_text=True)
    assert "Citeerbaar: nee" in html and "Markeer als citeerbaar" in html
    researcher.post(f"{url}/fragmenten/4/citeerbaar", data={"csrf_token": token, "code": CODE, "quotable": "1"})
    html = researcher.get(url).get_data(as_text=True)
    assert "Citeerbaar: ja" in html and "Niet meer citeerbaar maken" in html
