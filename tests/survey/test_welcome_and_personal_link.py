"""The welcome page's time estimate, the numbered error summary, and the personal link of open-link respondents
(shown only to them; mailed through SMTP or refused in Dutch, never stored)."""

from __future__ import annotations

import re

from survey_app.instrument_registry import current_instruments
from survey_app.instruments.model import ItemType
from survey_app.survey.estimate import estimated_minutes
from survey_app.survey.hyphenation import soft_hyphens
from survey_app.survey.wording import first_words, question_numbers, summary_entries
from tests.browser.test_open_link_browser import open_link_for
from tests.conftest import csrf_token_from


def test_estimate_counts_closed_answers_and_open_questions(app):
    items = [item for module in current_instruments().modules for page in module.pages for item in page.items]
    closed = [i for i in items if i.type == ItemType.SELECT_ONE][:40]  # 40 × 8 s = 5 min 20 s -> 10 minutes
    assert estimated_minutes(closed) == 10
    open_questions = [i for i in items if i.type == ItemType.TEXTAREA][:3]  # 3 minutes -> 5
    assert estimated_minutes(open_questions) == 5
    assert estimated_minutes([]) == 5


def test_error_summary_names_the_question_by_number_and_first_words(app):
    pages = [p for m in current_instruments().modules for p in m.pages]
    page = next(p for p in pages if any(i.name == "ag_functie" for i in p.items))
    numbers = question_numbers(list(page.items))
    entries = summary_entries(list(page.items), {"ag_functie": "Deze vraag is verplicht."})
    assert entries == [{"name": "ag_functie", "number": numbers["ag_functie"],
                        "words": "Wat is uw functie in het sociale team?", "message": "Deze vraag is verplicht.",
                        "target": "veld-ag_functie"}]
    words = "een twee drie vier vijf zes zeven acht"
    assert first_words(f"{words} negen tien") == f"{words} …"


def test_welcome_page_shows_the_estimate_and_no_link_box_for_an_invitation(client, create_open_wave, invite):
    wave = create_open_wave(modules=["samenwerking"])
    body = client.get(f"/s/{invite(wave, 'zwolle-noord')[0]}").get_data(as_text=True)
    assert "Het invullen duurt ongeveer <strong>5 minuten</strong>" in body
    assert "Uw persoonlijke link" not in body


def start_from_open_link(client, wave) -> str:
    """Follow a team's open link as a new respondent; returns the personal token."""
    token = open_link_for(wave, "zwolle-noord")
    page = client.get(f"/o/{token}")
    response = client.post(f"/o/{token}", data={"csrf_token": csrf_token_from(page.get_data(as_text=True))})
    return response.headers["Location"].rsplit("/s/", 1)[1]


def test_open_link_respondent_without_mail_server_gets_the_link_but_no_mail_form(client, create_open_wave):
    personal = start_from_open_link(client, create_open_wave(modules=["samenwerking"]))
    body = client.get(f"/s/{personal}").get_data(as_text=True)
    assert f'value="http://localhost/s/{personal}"' in body
    assert "Mail mij deze link" not in body


def test_mail_link_sends_through_smtp_and_refuses_bad_input_in_dutch(extra_app, smtp_server, create_open_wave):
    app = extra_app(**smtp_server.config())
    client = app.test_client()
    with app.app_context():
        personal = start_from_open_link(client, create_open_wave(modules=["samenwerking"]))
    page = client.get(f"/s/{personal}").get_data(as_text=True)
    csrf = csrf_token_from(page)
    bad = client.post(f"/s/{personal}/link-mailen", data={"csrf_token": csrf, "email": "a@b\r\nBcc: x@y.nl"})
    assert bad.status_code == 422 and "Vul een geldig e-mailadres in" in bad.get_data(as_text=True)
    assert smtp_server.received == []
    sent = client.post(f"/s/{personal}/link-mailen", data={"csrf_token": csrf, "email": "ik@voorbeeld.nl",
                                                            "terug": "bewaard"})
    assert sent.status_code == 302 and f"/s/{personal}/bewaard?gemaild=1" in sent.headers["Location"]
    mail = smtp_server.wait_for(1)[0]
    assert mail.envelope_to == ["ik@voorbeeld.nl"] and f"/s/{personal}" in mail.body
    assert "nergens bewaard" in mail.body


def test_mail_link_reports_an_unreachable_server_in_dutch(extra_app, create_open_wave):
    app = extra_app(SMTP_HOST="127.0.0.1", SMTP_PORT=1, MAIL_FROM="monitor@example.org", SMTP_STARTTLS=False)
    client = app.test_client()
    with app.app_context():
        personal = start_from_open_link(client, create_open_wave(modules=["samenwerking"]))
    csrf = csrf_token_from(client.get(f"/s/{personal}").get_data(as_text=True))
    response = client.post(f"/s/{personal}/link-mailen", data={"csrf_token": csrf, "email": "ik@voorbeeld.nl"})
    assert response.status_code == 502
    assert "De link kon niet worden verstuurd: De mailserver was niet bereikbaar." in response.get_data(as_text=True)


def test_invited_respondent_cannot_use_the_mail_form(extra_app, smtp_server, create_open_wave, invite):
    app = extra_app(**smtp_server.config())
    client = app.test_client()
    with app.app_context():
        token = invite(create_open_wave(modules=["samenwerking"]), "zwolle-noord")[0]
    first_page = re.search(r'href="(/s/[^"]+/pagina/[^"]+)"', client.get(f"/s/{token}").get_data(as_text=True))[1]
    csrf = csrf_token_from(client.get(first_page).get_data(as_text=True))
    response = client.post(f"/s/{token}/link-mailen", data={"csrf_token": csrf, "email": "ik@voorbeeld.nl"})
    assert response.status_code == 403
    assert smtp_server.received == []


def test_long_dutch_words_get_soft_hyphens_at_syllables_only():
    assert soft_hyphens("Transitiecompetenties (1)") == "Tran\xadsi\xadtie\xadcom\xadpe\xadten\xadties (1)"
    assert soft_hyphens("Wat vindt u belangrijk?") == "Wat vindt u belangrijk?"  # short words stay whole
    assert soft_hyphens("ervaringsdeskundigen").replace("\xad", "") == "ervaringsdeskundigen"
