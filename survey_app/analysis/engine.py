"""`analyse_wave`: the whole analysis of one wave as a JSON-ready dict, with disclosure control applied.

The input contract (produced from the database by the caller): `answers` has one row per response with
`gemeente` and `team` slugs and one column per variable (see `Item.variables()`); code/number/yesno as
floats (NaN = not answered), select_multiple as space-separated codes, text as str or None.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from survey_app.analysis.comparison import wave_comparison
from survey_app.analysis.conditional import conditional_statistics
from survey_app.analysis.constructs import (
    construct_alphas,
    construct_bases,
    construct_scores,
    construct_statistics,
)
from survey_app.analysis.disclosure import disclosure_reasons
from survey_app.analysis.harmonise import HarmonisationFactor
from survey_app.analysis.items import item_statistics, open_answers
from survey_app.analysis.organisation import AnalysisSettings, Organisation, ScopeIndex
from survey_app.analysis.output import json_ready, scope_entries, suppressed, text_entries
from survey_app.analysis.pairs import difference_scores, pair_statistics
from survey_app.analysis.response import response_rates
from survey_app.analysis.variants import NOT_ASKED
from survey_app.instruments.model import InstrumentSet


@dataclass(frozen=True)
class WaveData:
    """An older wave to compare with: its name, its answers (same contract) and its instruments."""

    name: str
    answers: pd.DataFrame
    instruments: InstrumentSet


def analyse_wave(answers: pd.DataFrame, instruments: InstrumentSet, organisation: Organisation,
                 settings: AnalysisSettings | None = None, compare_with: WaveData | None = None,
                 gemeente: str | None = None, harmonisation: Mapping[str, HarmonisationFactor] | None = None,
                 changed_scale: frozenset[str] | set[str] = frozenset()) -> dict:
    """Item, construct and pair statistics per scope, response, alpha, open answers and (optionally) a
    comparison with an older wave restricted to one gemeente, all through disclosure control.
    """
    settings = settings or AnalysisSettings()
    if gemeente is not None and gemeente not in {g.slug for g in organisation.gemeenten}:
        raise ValueError(f"Onbekende gemeente '{gemeente}'.")
    _check_gemeenten(answers, organisation)
    index = ScopeIndex(organisation, answers["team"])
    scope_n = index.respondents()
    minimum = settings.min_cell_size
    variables = instruments.variables()
    kinds = {v.name: v.kind for v in variables}

    items = item_statistics(answers, variables, index)
    scores = construct_scores(answers, instruments.constructs, instruments)
    constructs = construct_statistics(scores, index)
    pairs = pair_statistics(difference_scores(answers, instruments.pairs), index)
    text_reasons = disclosure_reasons(scope_n[:, None], scope_n, index, minimum)

    result = {
        "settings": {"min_cell_size": minimum, "alpha": settings.alpha, "nominal_tests": settings.nominal_tests,
                     "holm_family": settings.holm_family},
        "scopes": _scopes(index, scope_n, minimum),
        "response": json_ready(response_rates(answers, organisation)),
        "items": scope_entries(items, disclosure_reasons(items.n, scope_n, index, minimum), index, kinds),
        "constructs": scope_entries(constructs, disclosure_reasons(constructs.n, scope_n, index, minimum), index),
        "pairs": scope_entries(pairs, disclosure_reasons(pairs.n, scope_n, index, minimum), index),
        "conditional": conditional_statistics(answers, instruments, index, scope_n, minimum),
        "alpha": json_ready(_alphas(answers, instruments, minimum)),
        "construct_basis": {},
        "open_answers": text_entries(open_answers(answers, variables, index), text_reasons, index),
        "comparison": None,
    }
    bases = construct_bases(answers, instruments.constructs, instruments)
    result["construct_basis"] = {name: basis.as_json() for name, basis in bases.items()
                                 if name in result["constructs"]}
    _mark_not_asked(result["constructs"], bases, index)
    if compare_with is not None:
        published = {**result["items"], **result["constructs"]}
        result["comparison"] = json_ready(wave_comparison(answers, scores, instruments, organisation, compare_with,
                                                          settings, gemeente, harmonisation, changed_scale,
                                                          published))
    return result


def _mark_not_asked(constructs: dict, bases: Mapping, index: ScopeIndex) -> None:
    """A gemeente whose variant lacks too many of a construct's items has no score: its scope and its teams
    say so (`not_asked`) instead of `no_answers`. They hold no scores, so disclosure is not affected."""
    parents = dict(zip(index.ids, index.parents(), strict=True))
    for name, basis in bases.items():
        hidden = {f"gemeente:{g}" for g in basis.not_asked}
        for scope in list(constructs.get(name, {})):
            if scope in hidden or parents.get(scope) in hidden:
                constructs[name][scope] = suppressed(NOT_ASKED)


def _check_gemeenten(answers: pd.DataFrame, organisation: Organisation) -> None:
    """Refuse answers whose gemeente column contradicts the gemeente of their team."""
    team_gemeente = {t.slug: t.gemeente for t in organisation.teams}
    expected = answers["team"].astype(object).map(team_gemeente)
    wrong = expected.notna() & (expected != answers["gemeente"].astype(object))
    if wrong.any():
        bad = sorted(set(answers.loc[wrong, "team"].astype(str)))
        raise ValueError(f"Antwoorden met een gemeente die niet bij het team past: {', '.join(bad)}.")


def _scopes(index: ScopeIndex, scope_n: np.ndarray, minimum: int) -> list[dict]:
    """The scope list: id, kind, label, parent, respondents and whether the scope as a whole is hidden."""
    parents, labels = index.parents(), index.labels()
    out = []
    for row, scope in enumerate(index.ids):
        hidden = bool(scope_n[row] < minimum)
        out.append({"id": scope, "kind": index.kind(row), "label": labels[row], "parent": parents[row],
                    "n": int(scope_n[row]), "suppressed": hidden,
                    "reason": "scope_n_below_min" if hidden else None})
    return out


def _alphas(answers: pd.DataFrame, instruments: InstrumentSet, minimum: int) -> dict:
    """Cronbach's alpha per construct; hidden when fewer than `minimum` respondents have complete data."""
    out = {}
    for name, alpha in construct_alphas(answers, instruments.constructs, instruments).items():
        if alpha["n"] < minimum:
            out[name] = {"suppressed": True, "reason": "n_below_min"}
        else:
            out[name] = alpha
    return out
