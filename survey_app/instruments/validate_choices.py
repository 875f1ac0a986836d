"""Read answer scales and inline ``choices:``: integer codes for scales and select_one, slug codes otherwise."""

from __future__ import annotations

from .errors import ErrorCode
from .fields import CODE_RE, NAME_RE, Fields, Problems
from .model import Choice, Scale
from .yamlsource import LineDict


def read_choices(data: object, line: int, problems: Problems, integer_codes: bool) -> tuple[Choice, ...]:
    """The choices of a ``choices:`` mapping (code: label), reporting bad, duplicate or unlabeled codes."""
    if not isinstance(data, LineDict) or not data:
        problems.add(line, ErrorCode.CHOICE_005)
        return ()
    choices: list[Choice] = []
    for code, label in data.items():
        code_line = data.line_of(code)
        if integer_codes:
            valid = isinstance(code, int) and not isinstance(code, bool)
            if not valid:
                problems.add(code_line, ErrorCode.CHOICE_001, code=code)
        else:
            valid = isinstance(code, str) and CODE_RE.fullmatch(code) is not None
            if not valid:
                problems.add(code_line, ErrorCode.CHOICE_002, code=code)
        if isinstance(label, bool) or not isinstance(label, str | int | float) or not str(label).strip():
            problems.add(code_line, ErrorCode.CHOICE_004, code=code)
            label = ""
        if valid:
            choices.append(Choice(code, str(label).strip()))
    for code, dup_line in data.duplicates:
        problems.add(dup_line, ErrorCode.CHOICE_003, code=code)
    return tuple(choices)


def read_scales(fields: Fields) -> dict[str, Scale]:
    """The module's ``scales:`` by name; each has integer codes."""
    scales: dict[str, Scale] = {}
    data = fields.mapping("scales")
    if data is None:
        return scales
    problems = fields.problems
    for key, line in data.duplicates:
        problems.add(line, ErrorCode.YAML_002, key=key)
    for name, body in data.items():
        line = data.line_of(name)
        if not isinstance(name, str) or not NAME_RE.fullmatch(name):
            problems.add(line, ErrorCode.SCALE_002, name=name)
            continue
        if not isinstance(body, LineDict):
            problems.add(line, ErrorCode.SCALE_001, name=name)
            continue
        scale_fields = Fields(body, problems, f"schaal {name!r}")
        scale_fields.check_keys(("label", "level", "choices"))
        label = scale_fields.text("label")
        level = scale_fields.level()
        if not scale_fields.has("choices"):
            problems.add(line, ErrorCode.SCALE_001, name=name)
            continue
        choices = read_choices(body["choices"], body.line_of("choices"), problems, integer_codes=True)
        scales[name] = Scale(name, choices, label, level)
    return scales
