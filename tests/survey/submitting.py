"""Submitting a questionnaire through the web flow with chosen answers on one page, as a respondent would."""

from __future__ import annotations

from tests.conftest import csrf_token_from
from tests.survey.driver import fill


def submit_answers(client, token: str, overrides: dict[str, str], page: str) -> None:
    """Answer one page (every question; `overrides` for the chosen ones), save it and submit for good."""
    html = client.get(f"/s/{token}/pagina/{page}").get_data(as_text=True)
    data = fill(html, overrides)
    data["actie"] = "later"
    saved = client.post(f"/s/{token}/pagina/{page}", data=data)
    assert saved.status_code == 302, saved.get_data(as_text=True)[:500]
    confirm = client.get(f"/s/{token}/controle").get_data(as_text=True)
    sent = client.post(f"/s/{token}/verzenden", data={"csrf_token": csrf_token_from(confirm)})
    assert sent.status_code == 302 and sent.headers["Location"].endswith("/bedankt"), sent.status_code
