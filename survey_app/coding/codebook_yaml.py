"""Codebook as YAML: nested `codes:` lists with name, description, examples, status and children.

```yaml
codes:
  - name: uitkomst
    description: Wat de preventieve activiteit oplevert
    children:
      - name: Sneller handelen
        examples: ["we konden meteen schakelen"]
```
"""

from __future__ import annotations

import yaml

from survey_app.coding.codebook import SEPARATOR, Code, Codebook, CodeEntry, build_codebook
from survey_app.coding.errors import CodebookError, limit_problem
from survey_app.limits import LimitExceeded
from survey_app.safe_yaml import BoundedSafeLoader, error_place, safe_load

_KEYS = {"name", "description", "examples", "status", "children"}
_LINE = "__line__"


class _LineLoader(BoundedSafeLoader):
    """Bounded SafeLoader (depth, aliases) that records the line of every mapping, for error messages."""

    def construct_mapping(self, node, deep=False):
        mapping = super().construct_mapping(node, deep=deep)
        mapping[_LINE] = node.start_mark.line + 1
        return mapping


def load_yaml(text: str, source: str = "codebook.yaml") -> Codebook:
    """Parse and validate a YAML codebook; errors name the file and the line of the offending code."""
    try:
        data = safe_load(text, _LineLoader)
    except LimitExceeded as exc:
        raise CodebookError(source, [limit_problem(exc)]) from None
    except yaml.YAMLError as exc:
        line, detail = error_place(exc, text)
        where = f"regel {line}: " if line else ""
        raise CodebookError(source, [f"{where}geen geldige YAML ({detail})"]) from None
    if not isinstance(data, dict) or not isinstance(data.get("codes"), list):
        raise CodebookError(source, ["regel 1: het bestand moet een lijst 'codes:' bevatten"])
    entries: list[CodeEntry] = []
    problems: list[str] = []
    _collect(data["codes"], "", entries, problems, data.get(_LINE, 1))
    if problems:
        raise CodebookError(source, problems)
    return build_codebook(entries, source)


def _collect(items: object, parent: str, entries: list[CodeEntry], problems: list[str], line: int) -> None:
    if not isinstance(items, list):
        problems.append(f"regel {line}: 'codes' en 'children' moeten lijsten zijn")
        return
    for item in items:
        if not isinstance(item, dict):
            problems.append(f"regel {line}: elke code moet een mapping zijn met minstens 'name'")
            continue
        where = f"regel {item[_LINE]}"
        unknown = sorted(set(item) - _KEYS - {_LINE})
        if unknown:
            problems.append(f"{where}: onbekende sleutel(s) {', '.join(unknown)}")
        name = str(item.get("name") or "").strip()
        if not name:
            problems.append(f"{where}: code zonder naam")
            continue
        if SEPARATOR in name:
            problems.append(f"{where}: naam '{name}' mag geen '{SEPARATOR}' bevatten")
            continue
        examples = item.get("examples") or []
        if isinstance(examples, str):
            examples = [examples]
        path = f"{parent}{SEPARATOR}{name}" if parent else name
        entries.append(
            CodeEntry(
                path=path,
                where=where,
                description=str(item.get("description") or ""),
                examples=tuple(str(e) for e in examples),
                status=str(item.get("status") or "active"),
            )
        )
        if "children" in item and item["children"] is not None:
            _collect(item["children"], path, entries, problems, item[_LINE])


def dump_yaml(codebook: Codebook) -> str:
    """Write a codebook as nested YAML (empty fields left out) that `load_yaml` reads back unchanged."""

    def node(code: Code) -> dict:
        out: dict = {"name": code.name}
        if code.description:
            out["description"] = code.description
        if code.examples:
            out["examples"] = list(code.examples)
        if code.status != "active":
            out["status"] = code.status
        children = codebook.children(code.path)
        if children:
            out["children"] = [node(child) for child in children]
        return out

    data = {"codes": [node(axis) for axis in codebook.axes()]}
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=110)
