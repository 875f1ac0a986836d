"""The coding pages without JavaScript: access, the coding page markup, toggles by POST, memos, consent, consensus."""

from __future__ import annotations

import io
import re

import pytest
from sqlalchemy import select

from survey_app.coding.codebook_csv import load_csv
from survey_app.coding.codebook_qdc import load_qdc
from survey_app.coding.codebook_yaml import load_yaml
from survey_app.coding.services import assign_document
from survey_app.extensions import db
from survey_app.models import Code, Coding, CodingDocument, Consent, Fragment, Memo, Participant
from tests.coding_app.conftest import log_in
from tests.conftest import csrf_token_from

CODE = "uitkomst/Sneller handelen"


def document_url(project, name: str = "focusgroep1.txt") -> str:
    document = db.session.scalar(select(CodingDocument).where(CodingDocument.project_id == project.id,
                                                               CodingDocument.name == name))
    return f"/coderen/{project.name}/documenten/{document.id}"


def count_on_page(html: str, path: str) -> int:
    match = re.search(rf'<span class="code-count" data-code="{re.escape(path)}">(\d+)</span>', html)
    assert match, f"no count for {path}"
    return int(match.group(1))


def test_pages_are_for_researchers_and_admins_only(client, tabel3, create_org):
    assert client.get("/coderen/").status_code == 302  # to the login page
    create_org({"zwolle": ["zwolle-noord"]})
    log_in(client, "tl@zwolle.nl", role="teamleider", teams=["zwolle-noord"])
    assert client.get("/coderen/").status_code == 403
    assert client.get(document_url(tabel3)).status_code == 403


def test_project_list_and_project_page(researcher, tabel3):
    listing = researcher.get("/coderen/").get_data(as_text=True)
    assert 'href="/coderen/tabel3"' in listing and "Maak codeerproject van open antwoorden" not in listing  # no waves
    page = researcher.get("/coderen/tabel3").get_data(as_text=True)
    assert "focusgroep1.txt" in page and "R01" in page and "Sneller handelen" in page
    assert "MJ" in page and "KB" in page  # progress per coder
    assert "concept" in page and "aangemaakt (codeboek ingelezen)" in page  # status and history


def test_coding_page_markup_is_stable(researcher, tabel3):
    html = researcher.get(document_url(tabel3)).get_data(as_text=True)
    assert '<article class="fragment" id="fragment-1" data-position="1"' in html
    assert f'<button type="submit" class="code-toggle" data-code="{CODE}" aria-pressed="false"' in html
    assert count_on_page(html, CODE) == 0  # counts are the logged-in coder's own
    assert html.count('class="code-count"') == 14  # 11 outcomes + 3 levels, once each
    assert '<script src="/static/coding.js" defer></script>' in html and "<script>" not in html


def test_toggle_by_post_without_js_changes_counts(researcher, tabel3):
    url = document_url(tabel3)
    html = researcher.get(url).get_data(as_text=True)
    token = csrf_token_from(html)
    response = researcher.post(f"{url}/fragmenten/4/code", data={"csrf_token": token, "code": CODE})
    assert response.status_code == 302 and response.headers["Location"].endswith(f"{url}#fragment-4")
    html = researcher.get(url).get_data(as_text=True)
    assert count_on_page(html, CODE) == 1
    fragment4 = html[html.index('id="fragment-4"'):html.index('id="fragment-5"')]
    assert f'data-code="{CODE}" aria-pressed="true"' in fragment4
    researcher.post(f"{url}/fragmenten/4/code", data={"csrf_token": token, "code": CODE})
    assert count_on_page(researcher.get(url).get_data(as_text=True), CODE) == 0


def test_toggle_without_csrf_token_is_refused(researcher, tabel3):
    response = researcher.post(f"{document_url(tabel3)}/fragmenten/4/code", data={"code": CODE})
    assert response.status_code == 400
    assert db.session.scalar(select(Coding).where(Coding.coder == "mj@lectoraat.nl")) is None


def test_toggle_with_fetch_returns_counts_and_fragment_html(researcher, tabel3):
    url = document_url(tabel3)
    token = csrf_token_from(researcher.get(url).get_data(as_text=True))
    response = researcher.post(f"{url}/fragmenten/5/code", data={"code": CODE, "span_start": "4", "span_end": "20"},
                               headers={"X-CSRFToken": token, "Accept": "application/json"})
    assert response.status_code == 200
    body = response.get_json()
    assert body["active"] is True and body["counts"][CODE] == 1 and body["position"] == 5
    assert body["html"].startswith('<article class="fragment" id="fragment-5"')
    coding = db.session.scalar(select(Coding).where(Coding.coder == "mj@lectoraat.nl"))
    assert (coding.span_start, coding.span_end) == (4, 20)
    bad = researcher.post(f"{url}/fragmenten/5/code", data={"code": "uitkomst/Nee"},
                          headers={"X-CSRFToken": token, "Accept": "application/json"})
    assert bad.status_code == 400 and "onbekende code" in bad.get_json()["error"]


def test_blind_assignment_hides_other_coders(researcher, tabel3):
    url = document_url(tabel3)
    assert "Andere codeurs:" in researcher.get(url).get_data(as_text=True)  # MJ and KB are visible
    document = db.session.scalar(select(CodingDocument).where(CodingDocument.name == "focusgroep1.txt"))
    assign_document(document, "mj@lectoraat.nl", blind=True)
    db.session.commit()
    html = researcher.get(url).get_data(as_text=True)
    assert "Andere codeurs:" not in html and "blind toegewezen" in html


def test_memo_and_quotable(researcher, tabel3):
    url = document_url(tabel3)
    token = csrf_token_from(researcher.get(url).get_data(as_text=True))
    researcher.post(f"{url}/fragmenten/4/memo", data={"csrf_token": token, "text": "Mooi voorbeeld"})
    researcher.post(f"{url}/memo", data={"csrf_token": token, "text": "Eerste sessie"})
    assert {m.text for m in db.session.scalars(select(Memo))} == {"Mooi voorbeeld", "Eerste sessie"}
    researcher.post(f"{url}/fragmenten/4/code", data={"csrf_token": token, "code": CODE})
    researcher.post(f"{url}/fragmenten/4/citeerbaar", data={"csrf_token": token, "code": CODE, "quotable": "1"})
    assert db.session.scalar(select(Coding).where(Coding.coder == "mj@lectoraat.nl")).quotable is True


def test_consent_toggle_removes_fragments_from_outputs_page(researcher, tabel3):
    outputs = researcher.get("/coderen/tabel3/uitvoer").get_data(as_text=True)
    assert "– R01, focusgroep1.txt" in outputs
    token = csrf_token_from(researcher.get("/coderen/tabel3").get_data(as_text=True))
    researcher.post("/coderen/tabel3/deelnemers/R01/toestemming", data={"csrf_token": token, "consent": "withdrawn"})
    assert db.session.scalar(select(Participant).where(Participant.pseudonym == "R01")).consent == Consent.WITHDRAWN
    outputs = researcher.get("/coderen/tabel3/uitvoer").get_data(as_text=True)
    assert "– R01," not in outputs and "Zonder de fragmenten van R01" in outputs
    coding_page = researcher.get(document_url(tabel3)).get_data(as_text=True)
    assert "Bij het inloopspreekuur konden we meteen schakelen" not in coding_page


def test_outputs_page_crosstab_and_downloads(researcher, tabel3):
    html = researcher.get("/coderen/tabel3/uitvoer?a=uitkomst&b=preventieniveau").get_data(as_text=True)
    totals = re.search(r'<tr class="total">(.*?)</tr>', html, re.S).group(1)
    assert re.findall(r'<td class="num">(\d+)</td>', totals) == ["15", "44", "27", "86"]
    xlsx = researcher.get("/coderen/tabel3/uitvoer.xlsx")
    assert xlsx.status_code == 200 and xlsx.data[:2] == b"PK"
    csv_text = researcher.get("/coderen/tabel3/uitvoer.csv").data.decode("utf-8-sig")
    assert csv_text.startswith("Frequenties per code") and "Totaal;15;44;27;86" in csv_text


def test_agreement_page_shows_both_bases_in_dutch_notation(researcher, tabel3):
    html = researcher.get("/coderen/tabel3/overeenstemming").get_data(as_text=True)
    assert "Alle fragmenten" in html and "Gecodeerde fragmenten" in html
    assert re.search(r'<td class="num">0,9\d</td>', html)
    assert "100,0%" in html


@pytest.mark.parametrize(("fmt", "loader"), [("yaml", load_yaml), ("csv", load_csv), ("qdc", load_qdc)])
def test_codebook_downloads_read_back(researcher, tabel3, fmt, loader):
    response = researcher.get(f"/coderen/tabel3/codeboek.{fmt}")
    assert response.status_code == 200 and "attachment" in response.headers["Content-Disposition"]
    codebook = loader(response.data if fmt == "qdc" else response.get_data(as_text=True))
    assert [code.path for code in codebook.axes()] == ["uitkomst", "preventieniveau"]
    assert CODE in codebook


def test_upload_transcript_and_codebook_and_add_code(researcher, tabel3):
    token = csrf_token_from(researcher.get("/coderen/tabel3").get_data(as_text=True))
    researcher.post("/coderen/tabel3/transcripten", data={
        "csrf_token": token, "transcripts": (io.BytesIO(b"I: Vraag?\nR20: Antwoord.\n"), "interview9.txt")},
        content_type="multipart/form-data")
    document = db.session.scalar(select(CodingDocument).where(CodingDocument.name == "interview9.txt"))
    assert [f.speaker for f in document.fragments] == ["I", "R20"]
    rejected = researcher.post("/coderen/tabel3/transcripten", data={
        "csrf_token": token, "transcripts": (io.BytesIO(b"x"), "notities.pdf")}, content_type="multipart/form-data",
        follow_redirects=True)
    assert "bestandstype niet toegestaan" in rejected.get_data(as_text=True)
    partial = researcher.post("/coderen/tabel3/codeboek", data={
        "csrf_token": token, "codebook": (io.BytesIO(b"path,description\nuitkomst/Nieuw,Nieuwe uitkomst\n"),
                                          "codebook.csv")}, content_type="multipart/form-data", follow_redirects=True)
    assert "bovenliggende code &#39;uitkomst&#39;" in partial.get_data(as_text=True)  # a codebook file is whole
    full = researcher.get("/coderen/tabel3/codeboek.csv").data + b"uitkomst/Nieuw,Nieuwe uitkomst,uitkomst,,active\n"
    researcher.post("/coderen/tabel3/codeboek", data={"csrf_token": token, "codebook": (io.BytesIO(full), "cb.csv")},
                    content_type="multipart/form-data")
    researcher.post("/coderen/tabel3/codes", data={"csrf_token": token, "path": "uitkomst/Nog een"})
    paths = set(db.session.scalars(select(Code.path)))
    assert {"uitkomst/Nieuw", "uitkomst/Nog een"} <= paths
    code = db.session.scalar(select(Code).where(Code.path == "uitkomst/Nog een"))
    researcher.post(f"/coderen/tabel3/codes/{code.id}/status", data={"csrf_token": token, "status": "vastgesteld"})
    db.session.refresh(code)
    assert code.status == "vastgesteld" and [h.what for h in code.history][-1] == "status concept → vastgesteld"


def test_differences_and_consensus_mark_codings_final(researcher, tabel3):
    url = document_url(tabel3)
    html = researcher.get(f"{url}/verschillen?a=MJ&b=KB").get_data(as_text=True)
    positions = [int(p) for p in re.findall(r'<tr id="fragment-(\d+)">', html)]
    assert positions, "MJ and KB differ somewhere in focusgroep1"
    position = positions[0]
    fragment = db.session.scalar(select(Fragment).join(CodingDocument).where(
        CodingDocument.name == "focusgroep1.txt", Fragment.position == position))
    union = {coding.code.path for coding in fragment.codings}
    agreed = sorted(union)[0]
    response = researcher.post(f"{url}/fragmenten/{position}/consensus",
                               data={"csrf_token": csrf_token_from(html), "code": agreed, "a": "MJ", "b": "KB"})
    assert response.status_code == 302
    db.session.expire_all()
    assert {c.code.path for c in fragment.codings if c.final} == {agreed}
