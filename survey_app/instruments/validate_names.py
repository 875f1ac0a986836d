"""One namespace for all modules checked together: item names, the variables they yield, constructs, pairs.

Names are the keys for comparing waves, so a name may occur only once across every module, and the
generated variable names (``<name>_other``, grid cells, and ``<name>_<code>`` of every option of a multiple
choice: its 0/1 variable in the SPSS export) may not collide with anything else either.
"""

from __future__ import annotations

from collections.abc import Iterable

from .errors import ErrorCode, Problem
from .model import Module

RESERVED_NAMES = frozenset({"gemeente", "team"})
MAX_VARIABLE_LENGTH = 64  #: SPSS variable names are at most 64 bytes


def _names(module: Module) -> Iterable[tuple[str, int, str]]:
    """(name, line, what) for everything of a module that takes a name in the shared namespace."""
    for item in module.items:
        yield item.name, item.line, f"vraag {item.name!r}"
        for variable in item.variables() + item.option_variables():
            if variable.name != item.name:
                yield variable.name, item.line, f"variabele {variable.name!r} van vraag {item.name!r}"
    for construct in module.constructs:
        yield construct.name, construct.line, f"construct {construct.name!r}"
    for pair in module.pairs:
        yield pair.name, pair.line, f"paar {pair.name!r}"


def check_names(modules: Iterable[Module]) -> list[Problem]:
    """Duplicate names (NAME_001), reserved names (NAME_003), too long variables (NAME_004), module ids."""
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    module_files: dict[str, str] = {}
    for module in modules:
        if module.id in module_files:
            problems.append(Problem.of(module.path, 1, ErrorCode.MODULE_003, id=module.id,
                                       other=module_files[module.id]))
        module_files.setdefault(module.id, module.path)
        for name, line, what in _names(module):
            if not name:
                continue
            if name in RESERVED_NAMES:
                problems.append(Problem.of(module.path, line, ErrorCode.NAME_003, name=name))
                continue
            if len(name) > MAX_VARIABLE_LENGTH:
                problems.append(Problem.of(module.path, line, ErrorCode.NAME_004, name=name, length=len(name),
                                           limit=MAX_VARIABLE_LENGTH))
            if name in seen:
                problems.append(Problem.of(module.path, line, ErrorCode.NAME_001, name=name, other=seen[name]))
            else:
                seen[name] = f"{module.path}:{line} ({what})"
    return problems
