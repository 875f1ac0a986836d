"""The wave comparison of `analyse_wave`: which variables are compared with which test, on which rows, and
which of the per-wave figures beside each p may be published.

A test's figures (n, U, Z, r, direction, and the medians/means or percentages of both waves) are computed from
the compared population (a gemeente, or everyone) in each wave. Where either wave's own analysis hides that
scope's figure (`disclosure.disclosure_reasons` on the valid n per scope; for example because the total minus
that gemeente would reveal a small one), the test is not run at all: `cross_wave.withheld_tests` names it and
it is skipped as `hidden_in_a_wave`, before Holm's correction, so neither its p nor the adjusted p of the
other tests depends on the hidden figures.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from survey_app.analysis.compare import Compared, compare_waves
from survey_app.analysis.constructs import construct_scores
from survey_app.analysis.cross_wave import withheld_tests
from survey_app.analysis.disclosure import disclosure_reasons
from survey_app.analysis.harmonise import HarmonisationFactor
from survey_app.analysis.items import NUMERIC_KINDS
from survey_app.analysis.organisation import TOTAL, AnalysisSettings, Gemeente, Organisation, ScopeIndex, Team
from survey_app.analysis.output import suppressed
from survey_app.instruments.model import InstrumentSet, Level


def compared_variables(*sources: InstrumentSet) -> list[Compared]:
    """Every numeric item variable and construct of the instrument sets, once, with level, module and codes."""
    out: dict[str, Compared] = {}
    for source in sources:
        for item in source.items:
            for v in item.variables():
                if v.kind in NUMERIC_KINDS and v.name not in out:
                    codes = tuple(c.code for c in v.choices if isinstance(c.code, int) and not isinstance(c.code, bool))
                    out[v.name] = Compared(v.name, "item", (v.level or Level.INTERVAL).value, item.module, codes)
        for construct in source.constructs:
            out.setdefault(construct.name, Compared(construct.name, "construct", Level.INTERVAL.value,
                                                    construct.module))
    return list(out.values())


def numeric_frame(answers: pd.DataFrame, scores: pd.DataFrame, variables: list[Compared]) -> pd.DataFrame:
    """The compared columns present in the answers or scores as floats; a code outside the scale is missing."""
    columns = {}
    for variable in variables:
        source = answers if variable.kind == "item" else scores
        if variable.name not in source.columns:
            continue
        column = source[variable.name]
        if not pd.api.types.is_float_dtype(column):
            column = pd.to_numeric(column, errors="coerce")
        values = column.to_numpy(dtype=np.float64, na_value=np.nan)
        if variable.codes:
            values = np.where(np.isin(values, variable.codes), values, np.nan)
        columns[variable.name] = values
    return pd.DataFrame(columns, index=pd.RangeIndex(len(answers)), dtype=np.float64)


def _organisation_of(answers: pd.DataFrame) -> Organisation:
    """The gemeenten and teams that occur in a wave's answers (enough for disclosure: a team without
    respondents hides nothing and reveals nothing)."""
    pairs = answers[["gemeente", "team"]].astype(str).drop_duplicates()
    gemeenten = tuple(Gemeente(g, g) for g in sorted(set(pairs["gemeente"])))
    teams = tuple(Team(t, g, t) for g, t in sorted(zip(pairs["gemeente"], pairs["team"], strict=True)))
    return Organisation(gemeenten, teams)


def _hidden(answers: pd.DataFrame, frame: pd.DataFrame, organisation: Organisation, scope: str,
            minimum: int) -> dict[str, str]:
    """{variable: reason} for the columns of `frame` whose figure in `scope` the wave's analysis hides."""
    if frame.shape[1] == 0:
        return {}
    index = ScopeIndex(organisation, answers["team"])
    if scope not in index.ids:
        return {}
    valid = frame.notna().to_numpy(dtype=np.int64)
    per_team = np.zeros((index.n_teams, valid.shape[1]), dtype=np.int64)
    np.add.at(per_team, index.team, valid)
    reasons = disclosure_reasons(index.roll_up(per_team), index.respondents(), index, minimum)
    row = reasons[index.ids.index(scope)]
    return {name: reason for name, reason in zip(frame.columns, row, strict=True) if reason}


def _cells(names, scope: str, hidden: Mapping[str, str]) -> dict[str, dict[str, dict]]:
    """One wave's cells of the compared scope as cross_wave reads them: suppressed with its reason, or shown."""
    return {name: {scope: suppressed(hidden[name]) if name in hidden else {"suppressed": False}} for name in names}


def wave_comparison(answers: pd.DataFrame, scores: pd.DataFrame, instruments: InstrumentSet,
                    organisation: Organisation, other, settings: AnalysisSettings, gemeente: str | None,
                    harmonisation: Mapping[str, HarmonisationFactor] | None, changed_scale,
                    published: Mapping[str, Mapping[str, dict]] | None = None) -> dict:
    """The comparison of this wave with `other` (a WaveData), restricted to one gemeente when given.

    `published` ({variable: {scope: entry}}, this wave's items and constructs after disclosure control) saves
    computing this wave's suppression again; without it, it is computed here.
    """
    variables = compared_variables(instruments, other.instruments)
    previous_scores = construct_scores(other.answers, other.instruments.constructs, other.instruments)
    current = numeric_frame(answers, scores, variables)
    previous = numeric_frame(other.answers, previous_scores, variables)
    scope = TOTAL if gemeente is None else f"gemeente:{gemeente}"
    if published is None:
        hidden_a = _hidden(answers, current, organisation, scope, settings.min_cell_size)
    else:
        hidden_a = {name: entry["reason"] for name in current.columns
                    if (entry := published.get(name, {}).get(scope, {})).get("suppressed")}
    hidden_b = _hidden(other.answers, previous, _organisation_of(other.answers), scope, settings.min_cell_size)
    if gemeente is not None:
        current = current[(answers["gemeente"] == gemeente).to_numpy()]
        previous = previous[(other.answers["gemeente"] == gemeente).to_numpy()]
    changed = set(changed_scale)
    for source in (instruments, other.instruments):
        changed |= {c.name for c in source.constructs if changed.intersection(c.items)}
    withheld = withheld_tests(scope, _cells(current.columns, scope, hidden_a),
                              _cells(previous.columns, scope, hidden_b), current.columns)
    tested = compare_waves(current, previous, variables, settings.min_cell_size, settings.alpha, harmonisation,
                           frozenset(changed), settings.nominal_tests, settings.holm_family, withheld)
    return {"with": other.name, "gemeente": gemeente, "nominal_tests": settings.nominal_tests, **tested}
