"""Load instrument files: one file (load_module), check many (check_paths), or load a whole set.

A path may be a file or a folder (every ``*.yaml`` / ``*.yml`` in it, sorted by name). Checks that need all
modules (unique names, references, constructs and pairs) run over everything given together.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from .errors import ErrorCode, InstrumentError, Problem, sorted_problems
from .model import InstrumentSet, Module
from .validate_analysis import check_analysis
from .validate_expressions import check_expressions
from .validate_names import check_names
from .validate_structure import BuiltModule, build_module

YAML_SUFFIXES = (".yaml", ".yml")


def instrument_files(paths: Iterable[str | Path]) -> list[Path]:
    """The YAML files named by ``paths``: files as given, folders expanded to their YAML files by name."""
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files += sorted(p for p in path.iterdir() if p.suffix in YAML_SUFFIXES and p.is_file())
        else:
            files.append(path)
    return list(dict.fromkeys(files))


def load_module(path: str | Path) -> tuple[Module | None, list[Problem]]:
    """One file checked on its own (structure and expression syntax): the module, or None when it has problems.

    References to other modules are not checked here; use check_paths or load_instruments for a full check.
    """
    built = build_module(Path(path))
    problems = sorted_problems(built.problems)
    return (None if problems else built.module), problems


def _build_all(paths: Iterable[str | Path]) -> tuple[list[Module], list[Problem]]:
    """Every file read and checked, alone and together."""
    built: list[BuiltModule] = [build_module(path) for path in instrument_files(paths)]
    problems = [problem for b in built for problem in b.problems]
    modules = [b.module for b in built if b.module is not None]
    broken = {name for b in built for name in b.broken_names}
    ref_lines = {key: line for b in built for key, line in b.ref_lines.items()}
    expr_lines = {
        (b.module.id, owner, key): line for b in built if b.module for (owner, key), line in b.expr_lines.items()
    }
    problems += check_names(modules)
    problems += check_expressions(modules, broken, expr_lines)
    problems += check_analysis(modules, broken, ref_lines)
    return modules, sorted_problems(problems)


def _check(paths: Iterable[str | Path]) -> tuple[list[Module], list[Problem]]:
    """The modules read and every problem, including paths that do not exist."""
    paths = list(paths)
    missing = [Problem.of(str(p), 1, ErrorCode.YAML_003, detail="bestand of map bestaat niet")
               for p in paths if not Path(p).exists()]
    modules, problems = _build_all(p for p in paths if Path(p).exists())
    return modules, missing + problems


def check_paths(paths: Iterable[str | Path]) -> list[Problem]:
    """Every problem in the given files and folders, in file and line order (empty when all is well)."""
    return _check(paths)[1]


def order_modules(modules: Iterable[Module]) -> tuple[Module, ...]:
    """Questionnaire order: by the module's ``position`` (default 100), then by file name."""
    return tuple(sorted(modules, key=lambda m: (m.position, Path(m.path).name)))


def load_instruments(paths: Iterable[str | Path]) -> InstrumentSet:
    """All modules of the given files and folders in questionnaire order; raises InstrumentError on any problem."""
    modules, problems = _check(paths)
    if problems:
        raise InstrumentError(problems)
    return InstrumentSet(order_modules(modules))
