"""Whatever a researcher writes, the checker reports problems and never crashes."""

import tempfile
import textwrap
from pathlib import Path

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from instr_samples import VALID

from survey_app.instruments.errors import Problem
from survey_app.instruments.loader import check_paths

BASE = yaml.safe_load(textwrap.dedent(VALID))

SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(-5, 5), st.floats(allow_nan=False), st.text(max_size=12),
    st.sampled_from(["select_one", "eens5", "${sw_hulp_vragen} <= 2", ". > 1", "sw_ruzie", "zwolle", "(("]),
)
VALUES = st.recursive(
    SCALARS,
    lambda children: st.one_of(st.lists(children, max_size=3),
                               st.dictionaries(st.sampled_from(["name", "type", "label", "items", "x"]), children,
                                               max_size=3)),
    max_leaves=6,
)


def _paths(data, prefix=()):
    """Every path (tuple of keys/indices) into the nested data."""
    yield prefix
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _paths(value, prefix + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _paths(value, prefix + (index,))


ALL_PATHS = [path for path in _paths(BASE) if path]


def _replace(data, path, value):
    if len(path) == 1:
        data[path[0]] = value
        return
    _replace(data[path[0]], path[1:], value)


def _check_text(text: str) -> list[Problem]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "samenwerking.yaml"
        path.write_text(text, encoding="utf-8")
        return check_paths([path])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(ALL_PATHS), VALUES), min_size=1, max_size=3))
def test_mutated_module_gives_problems_not_exceptions(mutations):
    data = yaml.safe_load(yaml.safe_dump(BASE))
    for path, value in mutations:
        try:
            _replace(data, path, value)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier mutation removed this path
    problems = _check_text(yaml.safe_dump(data, allow_unicode=True))
    assert all(isinstance(p, Problem) and p.line >= 1 and str(p).startswith(p.file) for p in problems)


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="ab:-[]{}\n '\"&*!|>#%@`?,", max_size=80))
def test_arbitrary_yaml_text_gives_problems_not_exceptions(text):
    problems = _check_text(text)
    assert all(isinstance(p, Problem) for p in problems)
