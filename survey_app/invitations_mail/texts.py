"""The Dutch invitation and reminder texts: default wording, checking the placeholders, filling them in.

Only `{link}`, `{sluitingsdatum}` and `{team}` may appear. Checking is done with the same parser that fills
them in (string.Formatter), so a text that passes the check cannot fail or reach anything else when
rendered: attribute access (`{team.x}`), indexes, conversions and format specs are refused as well.
"""

from __future__ import annotations

import datetime as dt
import string
from dataclasses import dataclass

from survey_app.reports.dutch import format_date

PLACEHOLDERS = ("link", "sluitingsdatum", "team")
ALLOWED = ", ".join("{" + name + "}" for name in PLACEHOLDERS)

DEFAULT_INVITATION_SUBJECT = "Uitnodiging: vragenlijst monitor sociale teams"
DEFAULT_INVITATION_BODY = """Beste collega van {team},

Wij nodigen u uit om de vragenlijst van de monitor sociale teams in te vullen. Het invullen duurt ongeveer
twintig minuten. Uw antwoorden zijn anoniem: niemand kan zien wat u hebt geantwoord.

Uw persoonlijke link: {link}

De vragenlijst sluit op {sluitingsdatum}.

Met vriendelijke groet,
Het onderzoeksteam
"""
DEFAULT_REMINDER_SUBJECT = "Herinnering: vragenlijst monitor sociale teams"
DEFAULT_REMINDER_BODY = """Beste collega van {team},

Onlangs nodigden wij u uit voor de vragenlijst van de monitor sociale teams. Hebt u nog tijd om hem in te
vullen? Elke ingevulde vragenlijst telt.

Uw persoonlijke link: {link}

De vragenlijst sluit op {sluitingsdatum}.

Met vriendelijke groet,
Het onderzoeksteam
"""
UNSUBSCRIBE_FOOTER = "\n\n--\nWilt u over deze meting geen e-mail meer ontvangen? Meld u af: {afmelden}\n"
NO_CLOSING_DATE = "het einde van de meting"


@dataclass(frozen=True)
class MailText:
    """A subject and a body with placeholders."""

    subject: str
    body: str


def placeholder_problems(text: str, field: str, *, needs_link: bool) -> list[str]:
    """Dutch messages about the placeholders of one text field (empty when it is fine)."""
    try:
        parts = list(string.Formatter().parse(text))
    except ValueError:
        return [f"{field}: een accolade {{ of }} staat los. Gebruik alleen {ALLOWED}; schrijf {{{{ of }}}} voor "
                "een accolade zelf."]
    problems: list[str] = []
    found: set[str] = set()
    for _literal, name, spec, conversion in parts:
        if name is None:
            continue
        shown = "{" + name[:40] + "}"
        if name not in PLACEHOLDERS:
            problems.append(f"{field}: onbekende plaatshouder {shown}. Toegestaan zijn {ALLOWED}.")
        elif spec or conversion:
            problems.append(f"{field}: schrijf de plaatshouder als {{{name}}}, zonder ! of : erin.")
        found.add(name)
    if needs_link and "link" not in found and not problems:
        problems.append(f"{field}: de tekst moet {{link}} bevatten, anders krijgt niemand een persoonlijke link.")
    return problems


def closing_date_text(closes_on: dt.date | None) -> str:
    """{sluitingsdatum} the Dutch way (4 maart 2018), or a neutral phrase when no date is set."""
    return format_date(closes_on) if closes_on else NO_CLOSING_DATE


def render(text: MailText, *, link: str, team: str, closes_on: dt.date | None, unsubscribe: str) -> MailText:
    """The text with the placeholders filled in and the "afmelden" line appended (texts were checked)."""
    values = {"link": link, "team": team, "sluitingsdatum": closing_date_text(closes_on)}
    subject = " ".join(text.subject.format_map(values).split())  # one line: no header injection
    body = text.body.format_map(values).rstrip() + UNSUBSCRIBE_FOOTER.format(afmelden=unsubscribe)
    return MailText(subject, body)
