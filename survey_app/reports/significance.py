"""The significance section of the gemeente report (Tabel 7/9): what survives Holm's correction, headlined,
and the tests with p < alpha before correction listed only as such. Pure: the comparison dict in, strings out.

Rows are shown only where the gemeente's own figure is published in this wave (a test of a hidden figure is
counted, not shown); a figure of the older wave that its analysis hides is a dash.
"""

from __future__ import annotations

from survey_app.instruments.model import InstrumentSet
from survey_app.reports.dutch import MISSING, format_mean, format_number, format_percent
from survey_app.reports.view import gemeente_scope, item_label, shown

SKIP_TEXTS = {"not_in_both": "niet in beide metingen gevraagd", "n_below_min": "te weinig antwoorden in een meting",
              "changed_scale_without_factor": "andere antwoordschaal zonder omrekenfactor",
              "nominal_not_requested": "nominale variabele (geen rangorde; niet om een toets gevraagd)",
              "hidden_in_a_wave": "cijfer in een van beide metingen verborgen (anonimiteit)",
              "not_in_every_wave": "in een van beide metingen door niemand beantwoord"}
TEST_NAMES = {"chi_square": "chi-kwadraat", "fisher_exact": "Fisher (exact)"}
DIRECTIONS = {"+": "hoger", "−": "lager", "=": "gelijk"}


def format_p(value: float | None) -> str:
    """A p-value with three decimals, as '< 0,001' below that (SPSS would print ,000)."""
    if value is None:
        return MISSING
    return "< 0,001" if value < 0.0005 else format_number(value, 3)


def _side(figures: dict | None, key: str, digits: int = 1) -> str:
    """A wave's median or mean beside a test, or the dash when that wave hides the figure."""
    if not figures or figures.get("suppressed"):
        return MISSING
    return format_number(figures.get(key), digits) if key == "median" else format_mean(figures.get(key))


def _percentages(test: dict, labels: dict[str, str]) -> list[dict]:
    """Per category: label, % now and % then (dashes where a wave's figure is hidden)."""
    a, b = test.get("a") or {}, test.get("b") or {}
    codes = list((a.get("percent") or b.get("percent") or {}).keys())
    return [{"label": labels.get(code, code),
             "now": MISSING if a.get("suppressed") else format_percent(a["percent"][code]),
             "then": MISSING if b.get("suppressed") else format_percent(b["percent"][code])} for code in codes]


def _code_labels(instruments: InstrumentSet, name: str) -> dict[str, str]:
    """Code -> answer label of a variable, for the categories of a nominal test."""
    for variable in instruments.variables():
        if variable.name == name:
            return {str(c.code): c.label for c in variable.choices}
    return {}


def _row(test: dict, instruments: InstrumentSet) -> dict:
    """One table row of a test: labels and formatted figures, for the Mann-Whitney or the nominal table."""
    row = {"label": item_label(instruments, test["variable"]), "nominal": test["level"] == "nominal",
           "n_a": format_number(test["n_a"], 0), "n_b": format_number(test["n_b"], 0),
           "p": format_p(test["p"]), "p_exact": format_p(test.get("p_exact")), "p_holm": format_p(test["p_holm"]),
           "factor": format_number(test["factor_rounded"], 2) if "factor" in test else None}
    if row["nominal"]:
        row.update(test_name=TEST_NAMES.get(test["test"], test["test"]), v=format_number(test["cramers_v"], 2),
                   categories=_percentages(test, _code_labels(instruments, test["variable"])))
    else:
        row.update(mean_a=_side(test.get("a"), "mean"), mean_b=_side(test.get("b"), "mean"),
                   median_a=_side(test.get("a"), "median"), median_b=_side(test.get("b"), "median"),
                   r=format_number(test["r"], 2), direction=DIRECTIONS.get(test["direction"], test["direction"]))
    return row


def _family_lines(result: dict, instruments: InstrumentSet) -> list[str]:
    """Per Holm family: its name and how many of its tests survive, e.g. 'Bakens: 1 van de 24'."""
    titles = {m.id: m.title for m in instruments.modules}
    lines = []
    for family in result.get("families", []):
        name = family["name"]
        title = titles.get(name.removeprefix("module:"), name.removeprefix("module:"))
        lines.append(f"{title}: {format_number(family['significant_holm'], 0)} van de "
                     f"{format_number(family['size'], 0)}")
    return lines


def significance_section(comparison: dict | None, analysis: dict, instruments: InstrumentSet,
                         gemeente: str) -> dict | None:
    """The prepared significance section, or None when there is no comparison."""
    if not comparison or not comparison.get("comparison"):
        return None
    result = comparison["comparison"]
    scope = gemeente_scope(gemeente)
    survivors, uncorrected, hidden = [], [], 0
    for test in result["tests"]:
        if not test["significant"]:
            continue
        section = "constructs" if test["kind"] == "construct" else "items"
        if (test.get("a") or {}).get("suppressed") or shown(analysis[section], test["variable"], scope) is None:
            hidden += 1  # the gemeente's own figure is hidden in this wave, so its test is not shown either
            continue
        (survivors if test["significant_holm"] else uncorrected).append(_row(test, instruments))
    skipped: dict[str, int] = {}
    for skip in result["skipped"]:
        skipped[skip["reason"]] = skipped.get(skip["reason"], 0) + 1
    families = result.get("families", [])
    by_module = result.get("holm_family") == "module"
    return {
        "with": result["with"], "alpha": format_number(comparison["settings"]["alpha"], 2),
        "tested": format_number(sum(f["size"] for f in families), 0),
        "significant_holm": format_number(sum(f["significant_holm"] for f in families), 0),
        "by_module": by_module, "families": _family_lines(result, instruments) if by_module else [],
        "nominal_tests": bool(result.get("nominal_tests")),
        "survivors": [r for r in survivors if not r["nominal"]],
        "survivors_nominal": [r for r in survivors if r["nominal"]],
        "uncorrected": [r for r in uncorrected if not r["nominal"]],
        "uncorrected_nominal": [r for r in uncorrected if r["nominal"]],
        "skipped": [{"reason": SKIP_TEXTS.get(reason, reason), "count": format_number(count, 0)}
                    for reason, count in skipped.items()],
        "hidden": format_number(hidden, 0) if hidden else None,
    }
