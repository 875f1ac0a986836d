"""XLSForm column headers and question types, the way pyxform reads them.

Headers are case-insensitive, may use spaces or underscores, old aliases (``list name``, ``caption``,
``jr:constraintMsg``) and a language after ``::`` (or, in old forms, after one ``:``). The Dutch language is
``Nederlands (nl)``, ``Dutch``, ``nl`` or any name with ``(nl)``; its texts are the module's texts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .sheets import Row

#: old or alternative header -> the header this package uses
HEADER_ALIASES = {
    "caption": "label",
    "relevance": "relevant",
    "constraining_message": "constraint_message",
    "jr:constraintmsg": "constraint_message",
    "requiredmsg": "required_message",
    "jr:requiredmsg": "required_message",
    "calculate": "calculation",
    "list_name": "list_name",
    "value": "name",
}
TRANSLATABLE = frozenset({"label", "hint", "constraint_message", "required_message"})
#: columns of the survey sheet that map onto the instrument format (the rest is reported as unsupported)
SURVEY_COLUMNS = frozenset({
    "type", "name", "label", "hint", "required", "required_message", "relevant", "constraint",
    "constraint_message", "appearance", "parameters", "calculation",
    # this platform's own columns (pyxform ignores columns it does not know)
    "source", "reverse", "level", "only_gemeenten", "skip_gemeenten", "min", "max", "max_length", "min_label",
    "max_label",
})
CHOICES_COLUMNS = frozenset({"list_name", "name", "label"})
SETTINGS_COLUMNS = frozenset({"form_title", "form_id", "version", "default_language", "position", "description"})
_DUTCH = re.compile(r"^(nederlands|dutch|nl)\b|\(nl\)", re.IGNORECASE)


def split_header(header: str) -> tuple[str, str | None]:
    """The header's column and language: ``label::Nederlands (nl)`` -> ("label", "Nederlands (nl)")."""
    text = re.sub(r"\s*:\s*", ":", header.strip())
    text = re.sub(r"^(bind|control)::?", "", text, flags=re.IGNORECASE)
    lowered = text.lower()
    if lowered in HEADER_ALIASES:
        return HEADER_ALIASES[lowered], None
    if "::" in text:
        base, _, language = text.partition("::")
    elif ":" in text and not lowered.startswith(("jr:", "bind:", "instance:", "body:", "media:")):
        base, _, language = text.partition(":")
    else:
        base, language = text, ""
    column = "_".join(base.split()).lower()
    column = HEADER_ALIASES.get(column, column)
    return column, (language.strip() or None)


def is_dutch(language: str | None) -> bool:
    """True for a language name that means Dutch."""
    return bool(language) and _DUTCH.search(language) is not None


@dataclass
class Cells:
    """One row's cells by column and language (None = the column without a language)."""

    number: int
    values: dict[str, dict[str | None, str]]

    @classmethod
    def of(cls, row: Row) -> Cells:
        values: dict[str, dict[str | None, str]] = {}
        for header, text in row.cells.items():
            column, language = split_header(header)
            values.setdefault(column, {})[language] = text
        return cls(row.number, values)

    def get(self, column: str, language: str | None = None) -> str:
        """The text of ``column`` in ``language``, else without a language, else in any language."""
        texts = self.values.get(column, {})
        if language in texts:
            return texts[language]
        if None in texts:
            return texts[None]
        return next(iter(texts.values()), "")

    def others(self, column: str, language: str | None) -> dict[str, str]:
        """The texts of ``column`` in the languages other than ``language`` (kept as comments)."""
        return {lang: text for lang, text in self.values.get(column, {}).items() if lang and lang != language}


def choose_language(headers: list[str], default_language: str | None) -> str | None:
    """The language whose texts become the module's: Dutch when present, else the form's default."""
    languages = [lang for column, lang in map(split_header, headers) if column in TRANSLATABLE and lang]
    languages = list(dict.fromkeys(languages))
    for language in languages:
        if is_dutch(language):
            return language
    if default_language in languages:
        return default_language
    if any(split_header(h) == ("label", None) for h in headers) or not languages:
        return None
    return languages[0]


@dataclass(frozen=True)
class RowType:
    """A parsed ``type`` cell: the kind (``select_one``, ``begin_group``, ``integer``, ...), list and or_other."""

    kind: str
    list_name: str = ""
    or_other: bool = False


_SELECT = re.compile(
    r"^(select_one|select one|select1|select one from|add select one prompt using|select_multiple|"
    r"select multiple|select all that apply|select all that apply from|add select multiple prompt using)"
    r"\s+(\S+)(\s+or_other|\s+or specify other)?$"
)
_CONTROL = {
    "begin group": "begin_group", "begin_group": "begin_group", "end group": "end_group", "end_group": "end_group",
    "begin repeat": "begin_repeat", "begin_repeat": "begin_repeat", "end repeat": "end_repeat",
    "end_repeat": "end_repeat", "begin looped group": "begin_repeat", "end looped group": "end_repeat",
    "begin lgroup": "begin_repeat", "end lgroup": "end_repeat", "begin loop": "begin_loop", "end loop": "end_loop",
    "begin_loop": "begin_loop", "end_loop": "end_loop",
}
_ALIASES = {"add image prompt": "image", "add photo prompt": "image", "photo": "image", "imei": "deviceid",
            "add audio prompt": "audio", "add video prompt": "video", "add file prompt": "file",
            "select one external": "select_one_external", "datetime": "datetime", "date time": "datetime",
            "add note prompt": "note", "q note": "note", "add integer prompt": "integer",
            "add decimal prompt": "decimal", "add text prompt": "text", "add date prompt": "date",
            "add time prompt": "time", "add dateTime prompt": "datetime", "add location prompt": "geopoint",
            "location": "geopoint", "gps": "geopoint", "int": "integer", "string": "text",
            "phone number": "text", "phone_number": "text"}


def parse_type(text: str) -> RowType:
    """The kind of a row from its ``type`` cell (unknown kinds are returned as written, lower case)."""
    words = " ".join(text.split())
    lowered = words.lower()
    if lowered in _CONTROL:
        return RowType(_CONTROL[lowered])
    if lowered.startswith(("begin loop", "begin_loop")):
        return RowType("begin_loop")
    match = _SELECT.match(words) if not lowered.startswith(("select_one_", "select_multiple_")) else None
    if match:
        multiple = "multiple" in match.group(1) or "all that apply" in match.group(1)
        return RowType("select_multiple" if multiple else "select_one", match.group(2), bool(match.group(3)))
    kind = lowered.split()[0] if lowered else ""
    if kind in ("select_one_from_file", "select_multiple_from_file", "select_one_external", "rank"):
        return RowType(kind)
    return RowType(_ALIASES.get(lowered, _ALIASES.get(kind, lowered)))
