"""Hostile instrument files and answers are refused by the bounds of survey_app.limits, with their line and code."""

from __future__ import annotations

import pytest

from survey_app.instruments.loader import check_paths
from survey_app.instruments.model import Item, ItemType, Variable
from survey_app.instruments.values import ValueProblem, parse_value
from survey_app.limits import MAX_NESTING_DEPTH, MAX_YAML_BYTES, MAX_YAML_NODES

# 763 bytes that PyYAML expands to 10^9 nodes for whoever walks the result
BILLION_LAUGHS = "a: &a [lol,lol,lol,lol,lol,lol,lol,lol,lol]\n" + "".join(
    f"{name}: &{name} [{','.join(['*' + previous] * 9)}]\n"
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True)
)


def problems(tmp_path, text: str | bytes) -> list[str]:
    path = tmp_path / "module.yaml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    return [str(problem) for problem in check_paths([path])]


def test_billion_laughs_is_refused_at_the_alias_that_overflows(tmp_path):
    found = problems(tmp_path, BILLION_LAUGHS)
    assert len(found) == 1
    assert "LIMIT_003" in found[0] and f"{MAX_YAML_NODES:,}".replace(",", ".") in found[0]
    assert found[0].startswith(f"{tmp_path / 'module.yaml'}:")


def test_deep_nesting_is_refused_before_python_recursion(tmp_path):
    for text in ("x: " + "[" * 5000 + "]" * 5000, "x:\n" + "".join("  " * i + "- \n" for i in range(200))):
        (found,) = problems(tmp_path, text)
        assert f"LIMIT_002 te diep genest (meer dan {MAX_NESTING_DEPTH} niveaus)" in found


def test_self_referencing_alias_is_refused(tmp_path):
    (found,) = problems(tmp_path, "id: module\npages: &p [*p]\n")
    assert "LIMIT_003" in found and "verwijst naar zichzelf" in found


@pytest.mark.parametrize(("scalar", "line"), [("1" * 5000, 2), ("2024-13-45", 2)])
def test_values_python_cannot_hold_are_reported_at_their_line(tmp_path, scalar, line):
    (found,) = problems(tmp_path, f"id: module\nversion: {scalar}\n")
    assert f"module.yaml:{line}: YAML_001 ongeldige YAML: ongeldige waarde '{scalar[:30]}" in found


def test_oversized_and_binary_files_are_refused(tmp_path):
    (found,) = problems(tmp_path, "# " + "x" * MAX_YAML_BYTES + "\n")
    assert ":1: LIMIT_001 bestand is te groot" in found
    (found,) = problems(tmp_path, b"id: module\ntitle: a\x00b\n")
    assert ":2: YAML_001" in found


def test_the_shipped_instruments_stay_within_the_bounds():
    assert check_paths(["instruments"]) == []


INTEGER = Item(name="leeftijd", type=ItemType.INTEGER, module="m", page="p", line=1)
DECIMAL = Item(name="uren", type=ItemType.DECIMAL, module="m", page="p", line=2)


def number(item: Item) -> Variable:
    return Variable(name=item.name, item=item.name, kind="number", label="")


@pytest.mark.parametrize("raw", ["1" * 5000, "-" + "9" * 4400, "1" * 31, "1," + "0" * 40])
def test_long_integers_are_refused_before_conversion(raw):
    with pytest.raises(ValueProblem, match="is geen geldig getal \\(te lang: maximaal 30 tekens\\)"):
        parse_value(INTEGER, number(INTEGER), raw)


def test_long_decimals_never_become_infinity():
    with pytest.raises(ValueProblem, match="te lang"):
        parse_value(DECIMAL, number(DECIMAL), "9" * 400)
    assert parse_value(DECIMAL, number(DECIMAL), "1" * 29 + "0") == 1.111111111111111e29
