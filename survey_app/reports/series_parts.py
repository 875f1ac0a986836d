"""The parts a report takes from the other waves of its series: the trend sections, the harmonised previous-wave
column of the bijlage and the rules used, added to a prepared context with one call (pure)."""

from __future__ import annotations

from survey_app.instruments.model import InstrumentSet
from survey_app.reports.trend import gemeente_trend, team_trend


def harmonised_means(means: dict, factors: dict[str, float], not_comparable: frozenset[str]) -> dict:
    """An older wave's means (previous_means) on the current scale: × factor, and without figures on a changed
    scale that has no factor (they would compare different questions)."""
    return {section: {name: value * factors.get(name, 1.0) for name, value in values.items()
                      if name not in not_comparable}
            for section, values in means.items()}


def rules_used(*sources: list[str] | None) -> list[str]:
    """The rule descriptions of comparison, trend and previous wave, each once, in order."""
    out: list[str] = []
    for rules in sources:
        out.extend(rule for rule in rules or [] if rule not in out)
    return out


def add_gemeente_parts(context: dict, trend: dict | None, instruments: InstrumentSet, gemeente: str,
                       comparison: dict | None) -> dict:
    """The trend section and the rules used, on a gemeente report context."""
    context["trend"] = gemeente_trend(trend, instruments, gemeente)
    context["rules"] = rules_used(((comparison or {}).get("comparison") or {}).get("rules"),
                                  (trend or {}).get("rules"))
    return context


def add_team_parts(context: dict, trend: dict | None, instruments: InstrumentSet, team: str, gemeente: str,
                   previous: dict | None) -> dict:
    """The team's trend and the rules used, on a bijlage context (a suppressed bijlage gets neither)."""
    if context.get("kind") != "bijlage":
        return context
    context["trend"] = team_trend(trend, instruments, team, gemeente)
    context["rules"] = rules_used((previous or {}).get("rules"), (trend or {}).get("rules"))
    return context
