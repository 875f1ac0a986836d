"""Reading one posted questionnaire page: values for the items shown, messages for the respondent, and
the difference between a human mistake (a message next to the item) and a forged post (400, nothing saved).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from werkzeug.datastructures import MultiDict

from survey_app.input_guard import TEXT_CONTROL, has_control_characters
from survey_app.instruments.model import Item, ItemType
from survey_app.instruments.values import ValueProblem, check_constraint, check_required, parse_value

CONTROL_FIELDS = {"csrf_token", "actie"}
#: the longest text any field may carry; longer is not typed by a person but sent by a script
MAX_FIELD_LENGTH = 10_000
#: beside an answer holding a NUL or another control character; the answer is not saved
CONTROL_CHARACTERS_MESSAGE = "Dit antwoord bevat tekens die niet zijn toegestaan."


def as_sentence(message: str) -> str:
    """Messages from the instruments layer are fragments ('deze vraag is verplicht'); respondents read sentences."""
    message = message.strip()
    if not message:
        return message
    message = message[0].upper() + message[1:]
    return message if message[-1] in ".!?" else message + "."


class ForgedPost(Exception):
    """A post no page of ours can produce: unknown field, code outside the scale, oversized value."""


@dataclass
class PageInput:
    """What a page post contained: canonical values per variable and Dutch messages per item."""

    values: dict[str, object] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)
    raw: dict[str, object] = field(default_factory=dict)


def _choice_value(item: Item, variable, raw: str) -> object:
    if raw == "":
        return None
    allowed = {str(c.code) for c in variable.choices}
    if raw not in allowed:
        raise ForgedPost(f"{variable.name}: code '{raw[:20]}' hoort niet bij de schaal")
    return parse_value(item, variable, raw)


def _read_item(item: Item, form: MultiDict, result: PageInput) -> None:
    for variable in item.variables():
        raw_values = form.getlist(variable.name)
        if any(len(v) > MAX_FIELD_LENGTH for v in raw_values):
            raise ForgedPost(f"{variable.name}: waarde te lang")
        if variable.kind == "codes":
            chosen = [v for v in raw_values if v]
            allowed = {str(c.code) for c in variable.choices}
            if any(v not in allowed for v in chosen) or len(set(chosen)) != len(chosen):
                raise ForgedPost(f"{variable.name}: onbekende of dubbele keuze")
            order = [str(c.code) for c in variable.choices]
            value = " ".join(sorted(chosen, key=order.index)) or None
            result.raw[variable.name] = chosen
        else:
            if len(raw_values) > 1:
                raise ForgedPost(f"{variable.name}: meer dan één waarde")
            raw = raw_values[0].strip() if raw_values else ""
            if has_control_characters(raw):
                # Refused, not stripped silently: the page comes back with the text cleaned, for the respondent
                # to check and send again. Nothing of it is saved (PostgreSQL cannot even store a NUL).
                result.raw[variable.name] = TEXT_CONTROL.sub("", raw)
                result.errors.setdefault(item.name, CONTROL_CHARACTERS_MESSAGE)
                continue
            result.raw[variable.name] = raw
            if variable.kind in ("code", "yesno"):
                value = _choice_value(item, variable, raw)
            elif raw == "":
                value = None
            else:
                if variable.kind == "text" and item.max_length and len(raw) > item.max_length:
                    raise ForgedPost(f"{variable.name}: langer dan {item.max_length} tekens")
                try:
                    value = parse_value(item, variable, raw)
                except ValueProblem as problem:
                    result.errors.setdefault(item.name, as_sentence(str(problem)))
                    continue
        if value is not None:
            result.values[variable.name] = value


def read_page(items: list[Item], form: MultiDict, answers_so_far: dict, gemeente: str, team: str) -> PageInput:
    """Parse and check the post of a page showing `items`; raises ForgedPost for impossible input."""
    allowed = CONTROL_FIELDS | {v.name for item in items for v in item.variables()}
    unknown = [name for name in form if name not in allowed]
    if unknown:
        raise ForgedPost(f"onbekend veld '{unknown[0][:40]}'")
    result = PageInput()
    for item in items:
        if item.type != ItemType.NOTE:
            _read_item(item, form, result)
    merged = {**answers_so_far, **result.values}
    for item in items:
        if item.type == ItemType.NOTE or item.name in result.errors:
            continue
        message = check_required(item, result.values) or check_constraint(
            item, result.values.get(item.name), merged, gemeente, team)
        if message:
            result.errors[item.name] = as_sentence(message)
    return result
