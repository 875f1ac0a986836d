"""A small respondent robot for the test client: reads a questionnaire page's form and fills it in."""

from __future__ import annotations

from html.parser import HTMLParser


class FormReader(HTMLParser):
    """Collects the inputs of the page's form: radios and checkboxes with their values, other fields."""

    def __init__(self) -> None:
        super().__init__()
        self.choices: dict[str, list[str]] = {}
        self.multi: dict[str, list[str]] = {}
        self.fields: dict[str, dict] = {}
        self.csrf = ""

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "textarea" and name:
            self.fields[name] = {"type": "textarea"}
        if tag != "input" or not name:
            return
        kind = attrs.get("type", "text")
        if name == "csrf_token":
            self.csrf = attrs.get("value", "")
        elif kind == "radio":
            self.choices.setdefault(name, []).append(attrs["value"])
        elif kind == "checkbox":
            self.multi.setdefault(name, []).append(attrs["value"])
        elif kind in ("text", "number"):
            self.fields[name] = {"type": kind, "min": attrs.get("min"), "inputmode": attrs.get("inputmode")}


def read_form(html: str) -> FormReader:
    reader = FormReader()
    reader.feed(html)
    return reader


def fill(html: str, overrides: dict[str, str] | None = None) -> dict[str, object]:
    """Form data answering every question on the page (middle option, first checkbox, smallest number)."""
    overrides = overrides or {}
    form = read_form(html)
    data: dict[str, object] = {"csrf_token": form.csrf, "actie": "volgende"}
    for name, values in form.choices.items():
        data[name] = overrides.get(name, values[len(values) // 2])
    for name, values in form.multi.items():
        data[name] = overrides.get(name, [values[0]])
    for name, spec in form.fields.items():
        if name.endswith("_other"):
            continue
        if spec["type"] == "number":
            data[name] = overrides.get(name, spec["min"] or "1")
        else:
            data[name] = overrides.get(name, "1" if spec.get("inputmode") == "decimal" else "Een antwoord.")
    return data


def field_names(html: str) -> set[str]:
    form = read_form(html)
    return set(form.choices) | set(form.multi) | set(form.fields)
