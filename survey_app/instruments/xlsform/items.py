"""One question row of the survey sheet as an item of the module (docs/instruments.md, XLSForm mapping)."""

from __future__ import annotations

import re

from .choices import OTHER_LABEL, ChoiceList
from .codes import XlsformCode
from .context import Context
from .expression_map import Field
from .structure import Node

GEO = frozenset({"geopoint", "geotrace", "geoshape", "start-geopoint"})
MEDIA = frozenset({"image", "audio", "video", "file", "barcode", "background-audio", "signature"})
META = frozenset({"start", "end", "today", "deviceid", "subscriberid", "simserial", "phonenumber", "username",
                  "email", "audit", "instanceid"})
OTHER_UNSUPPORTED = frozenset({"date", "time", "datetime", "acknowledge", "trigger", "hidden", "xml-external",
                               "csv-external", "select_one_from_file", "select_multiple_from_file",
                               "select_one_external", "rank", "osm", "begin_loop", "begin_repeat", "include"})
SUPPORTED = frozenset({"integer", "decimal", "text", "note", "range", "select_one", "select_multiple", "calculate"})
RESERVED = ("gemeente", "team")
_YES = frozenset({"yes", "true", "true()", "1"})
_NO = frozenset({"no", "false", "false()", "0", ""})
_NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?")


def unsupported_code(kind: str) -> XlsformCode | None:
    """The code that reports a row type without an equivalent (None for supported and unknown types)."""
    if kind in GEO:
        return XlsformCode.UNSUPPORTED_002
    if kind in MEDIA:
        return XlsformCode.UNSUPPORTED_003
    if kind in META:
        return XlsformCode.UNSUPPORTED_004
    if kind in OTHER_UNSUPPORTED:
        return XlsformCode.UNSUPPORTED_005
    return None


def range_parameters(node: Node, ctx: Context) -> tuple[float, float, float] | None:
    """start, end and step of a range (pyxform's defaults 1, 10, 1); None after reporting bad parameters."""
    text = node.cells.get("parameters")
    values = {"start": 1.0, "end": 10.0, "step": 1.0}
    for part in re.split(r"[\s,;]+", text.strip()) if text.strip() else []:
        key, _, value = part.partition("=")
        if key.strip().lower() not in values or not _NUMBER.fullmatch(value.strip()):
            ctx.report(node.row, XlsformCode.ROW_008, name=node.xls_name, text=text)
            return None
        values[key.strip().lower()] = float(value)
    return values["start"], values["end"], values["step"]


def number(text: str) -> int | float | str:
    """A cell as a whole number or a number where it is one (else the text, which the check reports)."""
    if re.fullmatch(r"-?[0-9]+", text):
        return int(text)
    return float(text) if _NUMBER.fullmatch(text) else text


def gemeenten(text: str) -> list[str]:
    """A list of gemeente slugs written with spaces or commas."""
    return [part for part in re.split(r"[\s,]+", text.strip()) if part]


def required_flag(node: Node, ctx: Context) -> bool:
    """The required column as true/false; a condition is reported (the language has no conditional required)."""
    text = node.cells.get("required")
    if text.strip().lower() in _YES:
        return True
    if text.strip().lower() not in _NO:
        ctx.report(node.row, XlsformCode.UNSUPPORTED_013, text=text)
    return False


def _translations(node: Node, ctx: Context, columns: tuple[str, ...]) -> list[str]:
    return [f"{column}::{lang}: {text}" for column in columns
            for lang, text in node.cells.others(column, ctx.language).items()]


def _choices_body(choice_list: ChoiceList, codes: dict[str, int | str]) -> dict:
    return {codes[c.name]: c.label for c in choice_list.choices}


def _code_comment(codes: dict[str, int | str]) -> list[str]:
    if all(str(code) == name for name, code in codes.items()):
        return []
    return ["XLSForm-codes: " + ", ".join(f"{name}={code}" for name, code in codes.items())]


def _select(node: Node, ctx: Context, item: dict, comments: list[str]) -> list[dict]:
    """select_one / select_multiple: a named scale, inline choices and the "anders, namelijk" of or_other."""
    choice_list = ctx.lists[node.type.list_name]
    field = ctx.fields[node.xls_name]
    codes = {name: code for name, code in field.codes.items() if name in {c.name for c in choice_list.choices}}
    comments += _code_comment(codes) + choice_list.translation_comments(codes)
    if node.type.kind == "select_multiple":
        item["choices"] = _choices_body(choice_list, codes)
        if node.type.or_other:
            item["other"] = True
        return [item]
    shared = ctx.select_one_uses.get(choice_list.name, 0) > 1 or valid_list(choice_list.name) != node.name
    if shared and not node.type.or_other:
        scale_name = valid_list(choice_list.name)
        body = ctx.scales.setdefault(scale_name, {})
        body.setdefault("choices", _choices_body(choice_list, codes))
        item["scale"] = scale_name
        return [item]
    body = _choices_body(choice_list, codes)
    if not node.type.or_other:
        item["choices"] = body
        return [item]
    other_code = field.codes["other"]
    item["choices"] = {**body, other_code: OTHER_LABEL}
    other = {"name": f"{node.name}_other", "type": "text", "label": "Anders, namelijk:",
             "relevant": f"${{{node.name}}} = {other_code}"}
    return [item, other]


def valid_list(name: str) -> str:
    """A list name as a scale name."""
    from .structure import valid_name

    return valid_name(name) or "schaal"


def item_dicts(node: Node, ctx: Context, extra_relevant: list[str]) -> list[dict]:
    """The item(s) of one supported question row (a select_one with or_other gives a text item too)."""
    kind = node.type.kind
    cells = node.cells
    label = cells.get("label", ctx.language)
    hint = cells.get("hint", ctx.language)
    comments = _translations(node, ctx, ("label", "hint", "constraint_message", "required_message"))
    if "${" in label:
        ctx.report(node.row, XlsformCode.UNSUPPORTED_011, name=node.xls_name, text=label)
    item: dict = {"#": comments, "name": node.name}
    if kind == "note":
        item.update(type="note", text=label or hint)
        if label and hint:
            item["hint"] = hint
        if not (label or hint):
            ctx.report(node.row, XlsformCode.ROW_006, kind="note")
        relevant = ctx.expression(node, "relevant", extra_relevant)
        if relevant:
            item["relevant"] = relevant
        _extensions(node, item, ("only_gemeenten", "skip_gemeenten"))
        return [item]
    if not label and hint:  # pyxform accepts a question with only a hint; the format needs a label
        label, hint = hint, ""
    if not label:
        ctx.report(node.row, XlsformCode.ROW_006, kind=f"vraag {node.xls_name!r}")
    item_type = {"range": "rating", "text": "textarea" if "multiline" in node.appearance else "text"}.get(kind, kind)
    item.update(type=item_type, label=label, hint=hint, required=required_flag(node, ctx),
                required_message=cells.get("required_message", ctx.language),
                relevant=ctx.expression(node, "relevant", extra_relevant),
                constraint=ctx.expression(node, "constraint"),
                constraint_message=cells.get("constraint_message", ctx.language))
    if kind == "range":
        start, end, _ = range_parameters(node, ctx) or (1, 10, 1)
        item.update(min=int(start), max=int(end))
    items = _select(node, ctx, item, comments) if kind in ("select_one", "select_multiple") else [item]
    _extensions(node, item, ("min", "max", "max_length", "min_label", "max_label", "source", "reverse", "level",
                             "only_gemeenten", "skip_gemeenten"))
    return items


def _extensions(node: Node, item: dict, columns: tuple[str, ...]) -> None:
    """This platform's own columns (written by the export), typed as the instrument format wants them."""
    for column in columns:
        text = node.cells.get(column)
        if not text:
            continue
        if column in ("min", "max", "max_length"):
            item[column] = number(text)
        elif column in ("only_gemeenten", "skip_gemeenten"):
            item[column] = gemeenten(text)
        elif column == "reverse":
            item[column] = text.strip().lower() in _YES
        else:
            item[column] = text


def field_for(node: Node, ctx: Context) -> Field:
    """What the row's name stands for in expressions (codes of a select, calculation, or not imported)."""
    kind = node.type.kind
    if kind in ("select_one", "select_multiple") and node.type.list_name in ctx.lists:
        choice_list = ctx.lists[node.type.list_name]
        if kind == "select_one":
            codes: dict[str, int | str] = dict(choice_list.integer_codes())
            if node.type.or_other:
                codes["other"] = max([c for c in codes.values() if isinstance(c, int)], default=0) + 1
        else:
            codes = dict(choice_list.text_codes())
        return Field(node.name, kind, codes)
    if kind == "calculate":
        return Field(node.name, "calculate", calculation=node.cells.get("calculation"))
    return Field(node.name, "value")
