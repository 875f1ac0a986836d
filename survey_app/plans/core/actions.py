"""Checking an action as a teamleider typed it: every problem as a Dutch message that names the field."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass

from survey_app.plans.core.targets import MAX_DESCRIPTION, MAX_OWNER, STATUSES

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
DUTCH_DATE = re.compile(r"^(\d{1,2})-(\d{1,2})-(\d{4})$")


@dataclass(frozen=True)
class ActionInput:
    """A checked action: what, who, by when (optional) and its status."""

    description: str
    owner: str
    due_on: dt.date | None
    status: str


def parse_date(text: str) -> dt.date | None:
    """A date from a date field (2017-06-30) or as typed (30-6-2017); ValueError when it is neither."""
    text = text.strip()
    if not text:
        return None
    if ISO_DATE.match(text):
        return dt.date.fromisoformat(text)
    match = DUTCH_DATE.match(text)
    if match:
        day, month, year = (int(part) for part in match.groups())
        return dt.date(year, month, day)
    raise ValueError(text)


def check_action(form: Mapping[str, str]) -> tuple[ActionInput | None, list[tuple[str, str]]]:
    """(the action, []) or (None, [(field, message), ...]) from the fields omschrijving, eigenaar, datum, status."""
    problems: list[tuple[str, str]] = []
    description = (form.get("omschrijving") or "").strip()
    owner = (form.get("eigenaar") or "").strip()
    status = (form.get("status") or "gepland").strip()
    if not description:
        problems.append(("omschrijving", "Omschrijving: beschrijf wat het team gaat doen."))
    elif len(description) > MAX_DESCRIPTION:
        problems.append(("omschrijving", f"Omschrijving: hoogstens {MAX_DESCRIPTION} tekens."))
    if len(owner) > MAX_OWNER:
        problems.append(("eigenaar", f"Eigenaar: hoogstens {MAX_OWNER} tekens."))
    if status not in STATUSES:
        problems.append(("status", f"Status: kies uit {', '.join(STATUSES)}."))
    due_on = None
    try:
        due_on = parse_date(form.get("datum") or "")
    except ValueError:
        problems.append(("datum", "Streefdatum: vul een geldige datum in (dd-mm-jjjj)."))
    if due_on is not None and not 2000 <= due_on.year <= 2100:
        problems.append(("datum", "Streefdatum: kies een datum tussen 2000 en 2100."))
    if problems:
        return None, problems
    return ActionInput(description, owner, due_on, status), []
