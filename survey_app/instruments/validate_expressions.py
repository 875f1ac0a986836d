"""References in ``relevant`` and ``constraint`` must name answerable variables of the modules checked.

Syntax errors are reported when a file is read (validate_structure); here every expression that parses is
checked against all modules together, so routing may refer to an item of another module.
"""

from __future__ import annotations

from collections.abc import Iterable

from .errors import ErrorCode, Problem
from .expressions import Call, Expression, ExpressionError, Ref, parse
from .model import Item, Module, Variable

CONTEXT_NAMES = frozenset({"gemeente", "team"})  #: always available: slugs of the respondent's gemeente and team
_MULTI_FUNCTIONS = frozenset({"selected", "count-selected"})


class _Namespace:
    """What names an expression may use, built once from all modules."""

    def __init__(self, modules: tuple[Module, ...], broken_names: set[str]) -> None:
        self.items: dict[str, Item] = {item.name: item for module in modules for item in module.items}
        self.variables: dict[str, tuple[Item, Variable]] = {
            variable.name: (item, variable) for item in self.items.values() for variable in item.variables()
        }
        self.broken_names = broken_names


def check_expressions(modules: Iterable[Module], broken_names: set[str],
                      expr_lines: dict[tuple[str, str, str], int]) -> list[Problem]:
    """REF_001 unknown name, REF_003 item without answer, REF_004 relevant on itself, EXPR_003 selected()."""
    modules = tuple(modules)
    names = _Namespace(modules, broken_names)
    problems: list[Problem] = []
    for module in modules:
        for page in module.pages:
            line = expr_lines.get((module.id, f"page:{page.id}", "relevant"), page.line)
            problems += _check(module.path, line, page.relevant, names, None)
            for item in page.items:
                for key in ("relevant", "constraint"):
                    line = expr_lines.get((module.id, item.name, key), item.line)
                    own = item if key == "relevant" else None
                    problems += _check(module.path, line, getattr(item, key), names, own)
    return problems


def _check(file: str, line: int, text: str | None, names: _Namespace, own_item: Item | None) -> list[Problem]:
    """Problems with the references of one expression (none when it has a syntax error: reported already)."""
    if text is None:
        return []
    try:
        expression = parse(text)
    except ExpressionError:
        return []
    problems: list[Problem] = []
    own_variables = {v.name for v in own_item.variables()} if own_item else set()
    for name in sorted(expression.references()):
        if name in CONTEXT_NAMES or name in names.broken_names:
            continue
        if name in names.variables:
            if name in own_variables:
                problems.append(Problem.of(file, line, ErrorCode.REF_004, name=own_item.name, text=text))
            continue
        if name in names.items:
            item = names.items[name]
            problems.append(Problem.of(file, line, ErrorCode.REF_003, text=text, name=name, type=item.type.value))
        else:
            problems.append(Problem.of(file, line, ErrorCode.REF_001, text=text, name=name))
    problems += _check_multi_functions(file, line, expression, names)
    return problems


def _check_multi_functions(file: str, line: int, expression: Expression, names: _Namespace) -> list[Problem]:
    """selected() and count-selected() only make sense on a select_multiple answer."""
    problems: list[Problem] = []
    for node in expression.walk():
        if isinstance(node, Call) and node.name in _MULTI_FUNCTIONS and isinstance(node.args[0], Ref):
            found = names.variables.get(node.args[0].name)
            if found and found[1].kind != "codes":
                item, variable = found
                kind = item.type.value if variable.name == item.name else f"{variable.kind}-variabele"
                problems.append(Problem.of(file, line, ErrorCode.EXPR_003, function=node.name,
                                           name=variable.name, type=kind))
    return problems
