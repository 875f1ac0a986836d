"""A number of thousands of digits on a questionnaire page: the page again with a Dutch message, nothing stored."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from survey_app.extensions import db
from survey_app.models import Draft
from tests.survey.driver import fill, read_form


@pytest.fixture
def number_page(client, create_open_wave, invite):
    """The URL and HTML of the first page with a number field (achtergrond: age and years of experience)."""
    wave = create_open_wave(modules=["achtergrond"])
    token = invite(wave, "zwolle-noord")[0]
    html = client.get(f"/s/{token}").get_data(as_text=True)
    url = html.split('id="begin" href="')[1].split('"')[0]
    for _ in range(10):
        html = client.get(url).get_data(as_text=True)
        if any(spec["type"] == "number" for spec in read_form(html).fields.values()):
            return url, html
        response = client.post(url, data=fill(html))
        url = response.headers["Location"]
    raise AssertionError("no page with a number field")


def stored_answers() -> dict:
    db.session.expire_all()
    draft = db.session.scalar(select(Draft))
    return dict(draft.answers) if draft else {}


@pytest.mark.parametrize("digits", ["1" * 5000, "-" + "9" * 4400, "1" * 31])
def test_a_huge_integer_gets_the_page_again_with_a_dutch_error(client, number_page, digits):
    url, html = number_page
    before = stored_answers()
    field = next(name for name, spec in read_form(html).fields.items() if spec["type"] == "number")
    response = client.post(url, data=fill(html, {field: digits}))
    assert response.status_code == 422
    text = response.get_data(as_text=True)
    assert f"&#39;{digits[:30]}…&#39; is geen geldig getal (te lang: maximaal 30 tekens)" in text
    assert stored_answers() == before
