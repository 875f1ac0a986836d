"""Placeholders in the invitation and reminder texts: only {link}, {sluitingsdatum}, {team}; clear refusals."""

from __future__ import annotations

import datetime as dt

import pytest

from survey_app.invitations_mail.operations import campaign_for, save_texts
from survey_app.invitations_mail.texts import MailText, placeholder_problems, render
from survey_app.services.errors import InputError


@pytest.mark.parametrize(("text", "message"), [
    ("Hallo {naam}, {link}", "Tekst: onbekende plaatshouder {naam}. Toegestaan zijn {link}, {sluitingsdatum}, {team}."),
    ("Ga naar {link!r}", "Tekst: schrijf de plaatshouder als {link}, zonder ! of : erin."),
    ("Ga naar {link:>30}", "Tekst: schrijf de plaatshouder als {link}, zonder ! of : erin."),
    ("Ga naar {team.__class__} {link}", "Tekst: onbekende plaatshouder {team.__class__}. Toegestaan zijn {link}, "
                                        "{sluitingsdatum}, {team}."),
    ("Geen link hier", "Tekst: de tekst moet {link} bevatten, anders krijgt niemand een persoonlijke link."),
])
def test_refused_placeholders(text, message):
    assert placeholder_problems(text, "Tekst", needs_link=True) == [message]


def test_a_lone_brace_is_refused_and_doubled_braces_are_text():
    assert "accolade" in placeholder_problems("Ga naar {link", "Tekst", needs_link=True)[0]
    assert placeholder_problems("{{voorbeeld}} {link}", "Tekst", needs_link=True) == []


def test_render_fills_in_dutch_date_team_and_afmelden_link():
    text = MailText("Vragenlijst {team}\nX-Header: nee", "Beste {team}, {link} tot {sluitingsdatum}. {{ok}}")
    rendered = render(text, link="https://x/s/abc", team="Team noord", closes_on=dt.date(2018, 3, 4),
                      unsubscribe="https://x/afmelden/t")
    assert rendered.subject == "Vragenlijst Team noord X-Header: nee"
    assert rendered.body.startswith("Beste Team noord, https://x/s/abc tot 4 maart 2018. {ok}")
    assert rendered.body.rstrip().endswith("Meld u af: https://x/afmelden/t")


def test_save_texts_names_each_field(app, mail_wave):
    campaign = campaign_for(mail_wave)
    values = {"invitation_subject": "Uitnodiging {wijk}", "invitation_body": "Beste, {link}",
              "reminder_subject": "Herinnering", "reminder_body": "Vergeten?"}
    with pytest.raises(InputError) as caught:
        save_texts(campaign, values, None)
    assert [str(p) for p in caught.value.problems] == [
        "Onderwerp uitnodiging: onbekende plaatshouder {wijk}. Toegestaan zijn {link}, {sluitingsdatum}, {team}.",
        "Tekst herinnering: de tekst moet {link} bevatten, anders krijgt niemand een persoonlijke link."]
