"""The expression language: a table of evaluations, syntax errors, limits, and property-based robustness."""

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from survey_app.instruments.expressions import MAX_LENGTH, ExpressionError, parse

ANSWERS = {
    "leeftijd": 34,
    "eens": 2,
    "eens_tekst": "4",
    "leeg": "",
    "niets": None,
    "multi": ["tijd", "geld"],
    "multi_tekst": "tijd  overleg",
    "multi_set": {"b", "a"},
    "naam": "Anna",
    "decimaal": 2.5,
    "gemeente": "zwolle",
    "team": "zwolle-noord",
}

CASES = [
    # references, literals, equality
    ("${eens} = 2", True),
    ("${eens} = '2'", True),
    ("${eens_tekst} = 4", True),
    ("${eens_tekst} = 4.0", True),
    ("${eens} != 2", False),
    ("${naam} = 'Anna'", True),
    ('${naam} = "anna"', False),
    ("${gemeente} != 'elburg'", True),
    ("${team} = 'zwolle-noord'", True),
    # unanswered values are ''
    ("${leeg} = ''", True),
    ("${niets} = ''", True),
    ("${ontbreekt} = ''", True),
    ("${ontbreekt} = 3", False),
    ("${ontbreekt} != 3", True),
    ("${ontbreekt} <= 2", False),
    ("${ontbreekt} > 2", False),
    ("${leeg} < 1", False),
    ("${eens} != ''", True),
    # numeric comparison, not string comparison
    ("${leeftijd} > 9", True),
    ("${eens_tekst} < 10", True),
    ("${decimaal} >= 2.5", True),
    ("${decimaal} < 2.5", False),
    ("'10' > '9'", True),
    ("'abc' < 5", False),
    # logic and precedence
    ("${eens} <= 2 and ${leeftijd} > 30", True),
    ("${eens} > 2 or ${leeftijd} > 30", True),
    ("${eens} > 2 or ${leeftijd} > 40 and true()", False),
    ("true() or false() and false()", True),
    ("not(${eens} = 2)", False),
    ("not(${leeg})", True),
    ("true() = 1", True),
    ("false() = ''", True),
    # arithmetic
    ("1 + 2 * 3", 7.0),
    ("(1 + 2) * 3", 9.0),
    ("10 div 4", 2.5),
    ("10 mod 4", 2.0),
    ("-7 mod 3", -1.0),
    ("-${eens} + 5", 3.0),
    ("2 - -3", 5.0),
    ("${leeftijd} - 4 = 30", True),
    ("1 div 0", ""),
    ("5 mod 0", ""),
    ("1 div 0 = ''", True),
    ("${leeg} + 1", ""),
    ("${leeg} + 1 > 0", False),
    ("'a' * 2", ""),
    # functions
    ("selected(${multi}, 'tijd')", True),
    ("selected(${multi}, 'overleg')", False),
    ("selected(${multi_tekst}, 'overleg')", True),
    ("selected(${multi_set}, 'a')", True),
    ("selected(${leeg}, 'tijd')", False),
    ("count-selected(${multi})", 2.0),
    ("count-selected(${multi_tekst}) = 2", True),
    ("count-selected(${ontbreekt})", 0.0),
    ("string-length(${naam})", 4.0),
    ("string-length(${ontbreekt}) = 0", True),
    ("if(${eens} <= 2, 'laag', 'hoog')", "laag"),
    ("if(${leeg}, 1 div 0, 7)", 7.0),
    ("${multi} = 'tijd geld'", True),
    ("${multi_set} = 'a b'", True),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_evaluation_table(text, expected):
    assert parse(text).evaluate(ANSWERS) == expected


def test_table_is_large_enough():
    assert len(CASES) >= 30


@pytest.mark.parametrize(
    ("text", "current", "expected"),
    [
        (". >= 0 and . <= 80", 34, True),
        (". >= 0 and . <= 80", 81, False),
        (". >= 0 and . <= 80", "12", True),
        ("string-length(.) <= 5", "lang verhaal", False),
        ("count-selected(.) <= 2", "tijd geld overleg", False),
        (". != ${leeftijd}", 34, False),
        (". = ''", None, True),
    ],
)
def test_current_value_in_constraints(text, current, expected):
    assert parse(text).evaluate_bool(ANSWERS, current=current) is expected


def test_references_include_gemeente_and_team_but_not_current():
    expression = parse("${a} > . and ${gemeente} = 'zwolle' or selected(${b}, 'x') and ${team} != ''")
    assert expression.references() == {"a", "b", "gemeente", "team"}
    assert expression.uses_current
    assert not parse("${a} = 1").uses_current


def test_parse_is_cached():
    assert parse("${x} <= 2") is parse("${x} <= 2")


def test_canonical_text_reparses_to_the_same_tree():
    expression = parse("not(${a} = 1) and -${b} * 2 + 3 div 4 mod 5 > count-selected(${c})")
    assert str(expression) == "(not((${a} = 1)) and (((-${b} * 2) + ((3 div 4) mod 5)) > count-selected(${c})))"
    assert parse(str(expression)).root == expression.root


@pytest.mark.parametrize(
    ("text", "position", "fragment"),
    [
        ("${x} <=", 7, "einde"),
        ("${x", 0, "'}'"),
        ("${1x} = 2", 0, "ongeldige naam"),
        ("'open", 0, "niet afgesloten"),
        ("${x} = 1)", 8, "')'"),
        ("(${x} = 1", 9, "')' verwacht"),
        ("foo(1)", 0, "onbekende functie"),
        ("selected(${x})", 0, "2 argument"),
        ("true(1)", 0, "0 argument"),
        ("${x} # 2", 5, "onverwacht teken"),
        ("and 1", 0, "waarde verwacht"),
        ("", 0, "lege expressie"),
        ("${x} == 2", 6, "onverwacht"),
        ("1 2", 2, "onverwacht"),
    ],
)
def test_syntax_errors_have_message_and_position(text, position, fragment):
    with pytest.raises(ExpressionError) as info:
        parse(text)
    assert info.value.position == position
    assert fragment in info.value.message


@pytest.mark.parametrize(
    "text",
    [
        "(" * 5000 + "1" + ")" * 5000,
        "(" * 100 + "1" + ")" * 100,
        "-" * 500 + "1",
        "not(" * 100 + "true()" + ")" * 100,
        " + ".join(["1"] * 200),
        "x" * (MAX_LENGTH + 1),
    ],
)
def test_huge_or_deep_input_is_refused_with_expression_error(text):
    with pytest.raises(ExpressionError):
        parse(text)


def test_non_text_is_refused():
    with pytest.raises(ExpressionError):
        parse(["${x}"])  # type: ignore[arg-type]


def test_unusable_value_type_raises_expression_error():
    with pytest.raises(ExpressionError):
        parse("${x} = 1").evaluate({"x": object()})


def test_numpy_and_decimal_values_are_numbers():
    from decimal import Decimal

    import numpy as np

    values = {"a": np.int64(3), "b": np.float64(2.5), "c": Decimal("1.5"), "d": np.float64("nan")}
    assert parse("${a} = 3 and ${b} = 2.5 and ${c} < 2 and ${d} = ''").evaluate_bool(values)


def test_huge_integer_values_do_not_overflow():
    assert parse("${x} > 1").evaluate_bool({"x": 10**400})
    assert parse("${x} * 2 = ${x}").evaluate({"x": 10**400}) is True  # both infinite


# --------------------------------------------------------------------------------------- property based

EXPRESSION_ALPHABET = "${}()'\". =!<>+-*,abdefilmnorstuvcx0123456789_ \t"


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.text(max_size=200), st.text(alphabet=EXPRESSION_ALPHABET, max_size=120)))
def test_arbitrary_text_raises_only_expression_error(text):
    try:
        expression = parse(text)
    except ExpressionError as exc:
        assert exc.message
        return
    assert isinstance(expression.references(), set)


NAMES = st.sampled_from(["a", "b", "multi", "ontbreekt", "gemeente"])
LEAVES = st.one_of(
    st.integers(min_value=0, max_value=10**6).map(str),
    st.decimals(min_value=0, max_value=1000, places=2, allow_nan=False, allow_infinity=False).map(str),
    st.text(alphabet="abc xyz019", max_size=6).map(lambda s: f"'{s}'"),
    NAMES.map(lambda n: "${" + n + "}"),
    st.just("."),
    st.sampled_from(["true()", "false()"]),
)
BINARY = ["=", "!=", "<", "<=", ">", ">=", "and", "or", "+", "-", "*", "div", "mod"]


def _extend(children):
    return st.one_of(
        st.tuples(children, st.sampled_from(BINARY), children).map(lambda t: f"{t[0]} {t[1]} {t[2]}"),
        children.map(lambda c: f"({c})"),
        children.map(lambda c: f"-{c}" if not c.startswith("-") else f"-({c})"),
        children.map(lambda c: f"not({c})"),
        children.map(lambda c: f"count-selected({c})"),
        children.map(lambda c: f"string-length({c})"),
        st.tuples(children, children).map(lambda t: f"selected({t[0]}, {t[1]})"),
        st.tuples(children, children, children).map(lambda t: f"if({t[0]}, {t[1]}, {t[2]})"),
    )


EXPRESSIONS = st.recursive(LEAVES, _extend, max_leaves=12)
VALUES = st.one_of(
    st.none(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=8),
    st.lists(st.sampled_from(["tijd", "geld", "1"]), max_size=3),
    st.booleans(),
)


@settings(max_examples=400, deadline=None)
@given(EXPRESSIONS, st.dictionaries(NAMES, VALUES), VALUES)
def test_generated_expressions_round_trip_and_evaluate(text, values, current):
    expression = parse(text)
    again = parse(str(expression))
    assert again.root == expression.root
    assert expression.references() <= {"a", "b", "multi", "ontbreekt", "gemeente"}
    result = expression.evaluate(values, current=current)
    assert isinstance(result, str | float | bool)
    if isinstance(result, float):
        assert not math.isnan(result)
    assert expression.evaluate_bool(values, current=current) in (True, False)
