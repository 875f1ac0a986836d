"""Every named row of the survey sheet as a field: what its name stands for in expressions.

Rows without an equivalent (repeats and what they hold, geo, media, metadata, ...) are reported here, once,
and marked "dropped", so that an expression referring to them is reported too instead of failing later.
"""

from __future__ import annotations

from .choices import check_codes
from .codes import XlsformCode
from .context import Context
from .expression_map import Field, Unconvertible
from .items import RESERVED, SUPPORTED, field_for, range_parameters, unsupported_code
from .structure import Node, walk


def collect_fields(nodes: list[Node], ctx: Context) -> None:
    """Every named row as a field; rows without an equivalent are reported once and marked not imported."""
    for node in walk(nodes):
        if node.type.kind in ("begin_repeat", "begin_loop"):
            ctx.report(node.row, XlsformCode.UNSUPPORTED_001, name=node.xls_name)
            for inner in walk(node.children):
                if inner.xls_name:
                    ctx.fields[inner.xls_name] = field_for(inner, ctx)
                    ctx.fields[inner.xls_name].kind = "dropped"
            continue
        if node.is_group or not node.xls_name or node.xls_name in ctx.fields:
            continue
        ctx.fields[node.xls_name] = _field(node, ctx)
    _check_calculations(nodes, ctx)


def _field(node: Node, ctx: Context) -> Field:
    kind = node.type.kind
    field = field_for(node, ctx)
    if node.xls_name in RESERVED and kind in ("calculate", "hidden", "text"):
        field.kind = "reserved"  # the invitation provides gemeente and team
        return field
    code = unsupported_code(kind)
    if code is not None:
        ctx.report(node.row, code, type=node.cells.get("type"))
        field.kind = "dropped"
    elif kind not in SUPPORTED:
        ctx.report(node.row, XlsformCode.ROW_003, type=node.cells.get("type"))
        field.kind = "dropped"
    elif kind in ("select_one", "select_multiple"):
        if node.type.list_name not in ctx.lists:
            ctx.report(node.row, XlsformCode.CHOICES_001, list=node.type.list_name)
            field.kind = "dropped"
        else:
            check_codes(ctx.lists[node.type.list_name], field.codes, ctx.file, ctx.problems)
            if kind == "select_one":
                ctx.select_one_uses[node.type.list_name] = ctx.select_one_uses.get(node.type.list_name, 0) + 1
    elif kind == "range":
        parameters = range_parameters(node, ctx)
        if parameters and (parameters[2] != 1 or not all(float(p).is_integer() for p in parameters)):
            ctx.report(node.row, XlsformCode.UNSUPPORTED_012, name=node.xls_name, step=node.cells.get("parameters"))
            field.kind = "dropped"
    elif kind == "calculate" and not node.cells.get("calculation"):
        ctx.report(node.row, XlsformCode.ROW_007, name=node.xls_name)
        field.kind = "dropped"
    if node.cells.get("choice_filter"):
        ctx.report(node.row, XlsformCode.UNSUPPORTED_008, text=node.cells.get("choice_filter"))
    if node.type.or_other and field.kind != "dropped":
        ctx.fields[f"{node.xls_name}_other"] = Field(f"{node.name}_other", "value")
    return field


def _check_calculations(nodes: list[Node], ctx: Context) -> None:
    """Calculations the language cannot express are reported; references to them then are too."""
    changed = True
    while changed:
        changed = False
        for node in walk(nodes):
            field = ctx.fields.get(node.xls_name)
            if field is None or field.kind != "calculate":
                continue
            try:
                ctx.mapper.convert(field.calculation)
            except Unconvertible as exc:
                detail = exc.detail or f"verwijst naar {exc.name!r}"
                ctx.report(node.row, XlsformCode.UNSUPPORTED_006, name=node.xls_name, text=field.calculation,
                           detail=detail)
                field.kind = "dropped"
                changed = True
