"""The team bijlage as plain data: everything the template needs, from the analysis dict and the instruments.

`bijlage_context` is pure (no Flask, no database), so the parallel builder can prepare it in the parent and
send it to a worker process; the web view uses the same function.
"""

from __future__ import annotations

from survey_app.instruments.model import InstrumentSet
from survey_app.reports.dutch import format_n, format_number, format_percent
from survey_app.reports.extras import (
    harmonisation_notes,
    hidden_figures,
    open_themes_section,
    scales_used,
    side_label,
)
from survey_app.reports.scores import baken_profile, other_constructs, pair_table
from survey_app.reports.themes import theme_sections
from survey_app.reports.view import TOTAL, asked_in, gemeente_scope, team_scope


def scope_info(analysis: dict, scope_id: str) -> dict:
    """The analysis layer's scope record (label, n, suppressed) of one scope id."""
    return next(scope for scope in analysis["scopes"] if scope["id"] == scope_id)


def asked_variables(instruments: InstrumentSet, gemeente: str) -> set[str]:
    """Names of the items and variables the gemeente's professionals were asked."""
    names: set[str] = set()
    for page in instruments.pages:
        for item in page.items:
            if asked_in(page, item, gemeente):
                names.add(item.name)
                names.update(v.name for v in item.variables())
    return names


def only_team(analysis: dict, gemeente: str) -> bool:
    """Whether the gemeente has one team in the wave: its figures are then the team's, shown once."""
    return sum(scope["parent"] == gemeente_scope(gemeente) for scope in analysis["scopes"]) == 1


def _columns(analysis: dict, team: str, gemeente: str) -> list[dict]:
    """Team, gemeente and totaal; a one-team gemeente (Elburg) has no gemeente column repeating the team's."""
    team_info = scope_info(analysis, team_scope(team))
    gemeente_info = scope_info(analysis, gemeente_scope(gemeente))
    # the team column names its gemeente: a one-team gemeente's notes (no scale score here) still apply
    columns = [{"scope": team_scope(team), "short": "Team", "label": team_info["label"], "gemeente": gemeente}]
    if not only_team(analysis, gemeente):
        columns.append({"scope": gemeente_scope(gemeente), "short": "Gemeente", "label": gemeente_info["label"]})
    columns.append({"scope": TOTAL, "short": "Totaal", "label": "Totaal (alle gemeenten)"})
    return columns


def _header(analysis: dict, team: str, gemeente: str, generated_on: str) -> dict:
    team_info = scope_info(analysis, team_scope(team))
    min_cell = analysis["settings"]["min_cell_size"]
    return {
        "wave": analysis.get("wave", {}), "generated_on": generated_on, "min_cell_size": min_cell,
        "team": {"slug": team, "label": team_info["label"]},
        "gemeente": {"slug": gemeente, "label": scope_info(analysis, gemeente_scope(gemeente))["label"]},
        "suppressed": bool(team_info["suppressed"]),
        "responded": format_number(team_info["n"], 0),
    }


def bijlage_context(analysis: dict, instruments: InstrumentSet, team: str, gemeente: str, generated_on: str,
                    previous: dict | None = None, themes: dict | None = None) -> dict:
    """Everything a team's bijlage shows; a suppressed team gets only the header (no figures of its own)."""
    context = _header(analysis, team, gemeente, generated_on)
    if context["suppressed"]:
        context["kind"] = "suppressed"
        return context
    columns = _columns(analysis, team, gemeente)
    response = analysis["response"].get(team_scope(team), {})
    team_n = scope_info(analysis, team_scope(team))["n"]
    asked = asked_variables(instruments, gemeente)
    competence = pair_table(instruments, analysis, columns, "competence")
    attitude = pair_table(instruments, analysis, columns, "attitude")
    first = {kind: next((p for p in instruments.pairs if p.kind == kind), None) for kind in ("competence", "attitude")}
    context.update({
        "kind": "bijlage",
        "columns": columns,
        "cover": {
            "n": format_n(team_n),
            "invited": format_number(response.get("invited"), 0),
            "rate": format_percent(response.get("rate")),
            "gemeente_n": format_n(scope_info(analysis, gemeente_scope(gemeente))["n"]),
            "only_team": only_team(analysis, gemeente),
            "total_n": format_n(scope_info(analysis, TOTAL)["n"]),
        },
        "themes": theme_sections(instruments, analysis, columns, gemeente, previous),
        "bakens": baken_profile(instruments, analysis, columns, previous),
        "constructs": other_constructs(instruments, analysis, columns, asked, previous),
        "competence": {"rows": competence, "a": side_label(instruments, first["competence"].a),
                       "b": side_label(instruments, first["competence"].b)} if competence else None,
        "attitude": {"rows": attitude, "a": side_label(instruments, first["attitude"].a),
                     "b": side_label(instruments, first["attitude"].b)} if attitude else None,
        "open_themes": open_themes_section(themes, team, gemeente),
        "previous_label": previous["short"] if previous else None,
        "previous_title": previous["label"] if previous else None,
        "methods": {
            "scales": scales_used(instruments),
            "harmonisation": harmonisation_notes(analysis),
            "hidden": hidden_figures(analysis, instruments, columns, asked, context["min_cell_size"]),
        },
    })
    return context
