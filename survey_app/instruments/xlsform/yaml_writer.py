"""Write a module (plain dicts and lists) as a readable instrument file, with comments.

PyYAML cannot write comments, and an imported module needs them: the texts in other languages and the
original XLSForm choice names are kept as comments beside the item they belong to. Scalars are quoted by
PyYAML itself, so every value reads back exactly as written. A key ``"#"`` holds comment lines; empty
values (None, "", False, empty lists) are left out, as the format treats them as absent.
"""

from __future__ import annotations

import yaml

COMMENTS = "#"


def scalar(value: object) -> str:
    """One value in YAML syntax on one line."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    text = yaml.safe_dump(value, allow_unicode=True, width=1_000_000, default_flow_style=True)
    text = text[: -len("\n...\n")] if text.endswith("\n...\n") else text.rstrip("\n")
    if "\n" in text:
        text = yaml.safe_dump(value, allow_unicode=True, width=1_000_000, default_style='"').rstrip("\n")
    return text


def _empty(value: object) -> bool:
    return value is None or value is False or value == "" or value == [] or value == {}


def _is_flat_list(value: object) -> bool:
    return isinstance(value, list) and all(not isinstance(v, dict | list) for v in value)


def _comment_lines(comments: list[str], pad: str) -> list[str]:
    return [f"{pad}# {line}".rstrip() for text in comments for line in str(text).splitlines() or [""]]


def _mapping(data: dict, indent: int) -> list[str]:
    pad = " " * indent
    lines = _comment_lines(data.get(COMMENTS, []), pad)
    for key, value in data.items():
        if key == COMMENTS or _empty(value):
            continue
        head = f"{pad}{scalar(key)}:"
        if _is_flat_list(value):
            lines.append(f"{head} [{', '.join(scalar(v) for v in value)}]")
        elif isinstance(value, dict):
            lines.append(head)
            lines += _mapping(value, indent + 2)
        elif isinstance(value, list):
            lines.append(head)
            lines += _sequence(value, indent + 2)
        else:
            lines.append(f"{head} {scalar(value)}")
    return lines


def _sequence(data: list[dict], indent: int) -> list[str]:
    pad = " " * indent
    lines: list[str] = []
    for entry in data:
        lines += _comment_lines(entry.get(COMMENTS, []), pad)
        body = _mapping({k: v for k, v in entry.items() if k != COMMENTS}, indent + 2)
        if body:
            body[0] = f"{pad}- {body[0][indent + 2:]}"
        lines += body
    return lines


def dump_module(module: dict) -> str:
    """The module as YAML text, top-level sections separated by a blank line."""
    lines = _comment_lines(module.get(COMMENTS, []), "")
    for key, value in module.items():
        if key == COMMENTS or _empty(value):
            continue
        section = _mapping({key: value}, 0)
        if isinstance(value, dict | list) and lines:
            lines.append("")
        lines += section
    return "\n".join(lines) + "\n"
