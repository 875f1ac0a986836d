"""Reading a matrix YAML file (aspects, scale) within the input bounds, keeping each mapping's line number so
every problem can name its place."""

from __future__ import annotations

import yaml

from survey_app.limits import LimitExceeded
from survey_app.matrix.core.errors import ErrorCode, MatrixFileError, problem
from survey_app.safe_yaml import BoundedSafeLoader

#: the key under which each mapping keeps its line (never a valid key of the formats)
LINE = "__line__"


class _LineLoader(BoundedSafeLoader):
    """The bounded safe loader (no alias bombs, bounded depth) that records the line of every mapping."""

    def construct_mapping(self, node, deep=False):
        mapping = super().construct_mapping(node, deep=deep)
        mapping[LINE] = node.start_mark.line + 1
        return mapping


def load_with_lines(text: str, source: str) -> object:
    """The YAML document, each mapping with its line under LINE; FILE_003 with the line when unreadable."""
    try:
        return yaml.load(text, Loader=_LineLoader)  # noqa: S506 (a SafeLoader subclass)
    except LimitExceeded as exc:  # an alias bomb or deep nesting (survey_app/safe_yaml.py)
        raise MatrixFileError([problem(source, exc.line or 1, ErrorCode.FILE_003, detail=exc)]) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise MatrixFileError([problem(source, mark.line + 1 if mark else 1, ErrorCode.FILE_003,
                                       detail=getattr(exc, "problem", None) or exc)]) from None
