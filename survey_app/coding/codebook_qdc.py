"""Codebook as a REFI-QDA codebook file (.qdc), the exchange format of ATLAS.ti, NVivo, MAXQDA and others.

Nested ``<Code guid name isCodable>`` elements with an optional ``<Description>`` in the namespace
``urn:QDA-XML:codebook:1.0``. The standard has no field for examples or status, so:
examples are written at the end of the description under a line ``Voorbeelden:`` (one ``- `` line each, so
other programs show them too) and read back from there; a retired code is written with ``isCodable="false"``.
GUIDs are uuid5 of the code path, so exporting the same codebook twice gives the same file.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from xml.etree import ElementTree
from xml.parsers import expat

from survey_app.coding.codebook import SEPARATOR, Codebook, CodeEntry, build_codebook
from survey_app.coding.errors import CodebookError, limit_problem
from survey_app.limits import MAX_CODES, MAX_NESTING_DEPTH, LimitCode, LimitExceeded

NAMESPACE = "urn:QDA-XML:codebook:1.0"
GUID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:survey_app:coding:codebook")
EXAMPLES_HEADING = "Voorbeelden:"


def code_guid(path: str) -> str:
    """A stable GUID for a code path, so re-exports and other tools can match codes."""
    return str(uuid.uuid5(GUID_NAMESPACE, path))


@dataclass
class _Node:
    name: str
    line: int
    codable: bool
    parent: _Node | None
    description: list[str] = field(default_factory=list)


def load_qdc(data: bytes | str, source: str = "codebook.qdc") -> Codebook:
    """Parse and validate a REFI-QDA codebook; errors name the file and the XML line."""
    nodes: list[_Node] = []
    stack: list[_Node] = []
    problems: list[str] = []
    in_description: list[_Node] = []
    seen_root: list[str] = []
    parser = expat.ParserCreate(namespace_separator=" ")

    depth: list[int] = [0]

    def refuse_doctype(*_args) -> None:
        # no DTD means no entity can be declared: no "billion laughs", no external files
        exc = LimitExceeded(LimitCode.LIMIT_004, parser.CurrentLineNumber)
        raise CodebookError(source, [limit_problem(exc)])

    def start(tag: str, attrs: dict[str, str]) -> None:
        namespace, _, local = tag.rpartition(" ")
        line = parser.CurrentLineNumber
        depth[0] += 1
        if depth[0] > MAX_NESTING_DEPTH:
            raise CodebookError(source, [limit_problem(LimitExceeded(LimitCode.LIMIT_002, line,
                                                                     limit=MAX_NESTING_DEPTH))])
        if not seen_root:
            seen_root.append(local)
            if local != "CodeBook" or namespace != NAMESPACE:
                raise CodebookError(source, [f'regel {line}: verwacht <CodeBook xmlns="{NAMESPACE}">'])
        if local == "Code":
            node = _Node(
                attrs.get("name", "").strip(),
                line,
                attrs.get("isCodable", "true") != "false",
                stack[-1] if stack else None,
            )
            if not node.name:
                problems.append(f"regel {line}: Code zonder name")
            elif SEPARATOR in node.name:
                problems.append(f"regel {line}: naam '{node.name}' mag geen '{SEPARATOR}' bevatten")
            nodes.append(node)
            stack.append(node)
            if len(nodes) > MAX_CODES:
                exc = LimitExceeded(LimitCode.LIMIT_006, line, what="codes", count=f"meer dan {MAX_CODES}",
                                    limit=MAX_CODES)
                raise CodebookError(source, [limit_problem(exc)])
        elif local == "Description" and stack:
            in_description.append(stack[-1])

    def end(tag: str) -> None:
        depth[0] -= 1
        local = tag.rpartition(" ")[2]
        if local == "Code":
            stack.pop()
        elif local == "Description" and in_description:
            in_description.pop()

    def characters(text: str) -> None:
        if in_description:
            in_description[-1].description.append(text)

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = characters
    parser.StartDoctypeDeclHandler = refuse_doctype
    parser.EntityDeclHandler = refuse_doctype
    try:
        parser.Parse(data.encode("utf-8") if isinstance(data, str) else data, True)
    except expat.ExpatError as exc:
        raise CodebookError(source, [f"regel {exc.lineno}: geen geldige XML ({expat.ErrorString(exc.code)})"]) from None
    if not seen_root:
        raise CodebookError(source, ["het bestand bevat geen CodeBook"])
    if problems:
        raise CodebookError(source, problems)
    return build_codebook([_entry(node) for node in nodes], source)


def _path(node: _Node) -> str:
    names = []
    current: _Node | None = node
    while current is not None:
        names.append(current.name)
        current = current.parent
    return SEPARATOR.join(reversed(names))


def _entry(node: _Node) -> CodeEntry:
    description, examples = _split_examples("".join(node.description).strip())
    return CodeEntry(
        path=_path(node),
        where=f"regel {node.line}",
        description=description,
        examples=examples,
        status="active" if node.codable else "retired",
    )


def _split_examples(text: str) -> tuple[str, tuple[str, ...]]:
    if text == EXAMPLES_HEADING or text.startswith(EXAMPLES_HEADING + "\n"):
        head, tail = "", text[len(EXAMPLES_HEADING) :]
    elif f"\n\n{EXAMPLES_HEADING}\n" in text:
        head, tail = text.rsplit(f"\n\n{EXAMPLES_HEADING}\n", 1)
    else:
        return text, ()
    lines = [line.strip() for line in tail.splitlines() if line.strip()]
    if not all(line.startswith("- ") for line in lines):
        return text, ()
    return head.strip(), tuple(line[2:].strip() for line in lines)


def _description(description: str, examples: tuple[str, ...]) -> str:
    if not examples:
        return description
    block = EXAMPLES_HEADING + "\n" + "\n".join(f"- {example}" for example in examples)
    return f"{description}\n\n{block}" if description else block


def dump_qdc(codebook: Codebook, origin: str = "survey_app") -> str:
    """Write a codebook as REFI-QDA .qdc XML text (UTF-8 declaration, stable GUIDs)."""
    ElementTree.register_namespace("", NAMESPACE)
    root = ElementTree.Element(f"{{{NAMESPACE}}}CodeBook", {"origin": origin})
    codes = ElementTree.SubElement(root, f"{{{NAMESPACE}}}Codes")
    elements = {None: codes}
    for code in codebook.codes:  # parents come first
        attributes = {
            "guid": code_guid(code.path),
            "name": code.name,
            "isCodable": "false" if code.status == "retired" else "true",
        }
        element = ElementTree.SubElement(elements[code.parent_path], f"{{{NAMESPACE}}}Code", attributes)
        text = _description(code.description, code.examples)
        if text:
            ElementTree.SubElement(element, f"{{{NAMESPACE}}}Description").text = text
        elements[code.path] = element
    ElementTree.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ElementTree.tostring(root, encoding="unicode") + "\n"
