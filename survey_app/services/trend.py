"""Running the trend of a series on stored waves: the glue between the database and analysis/trend.py.

Each wave is analysed on its own (its snapshot, its min_cell_size, its disclosure control); the earlier waves'
figures are put on the latest wave's scale with the stored harmonisation rules (services/harmonisation.py).
"""

from __future__ import annotations

from survey_app.analysis.comparison import compared_variables, numeric_frame
from survey_app.analysis.constructs import construct_scores
from survey_app.analysis.trend import TrendWave, trend
from survey_app.instrument_registry import wave_instruments
from survey_app.models import Wave
from survey_app.services.analysis import run_analysis
from survey_app.services.answers_frame import load_answers_frame
from survey_app.services.errors import fail
from survey_app.services.harmonisation import harmonisation_between
from survey_app.services.series import series_of


def _trend_wave(wave: Wave, year: str, reference: Wave, analysis: dict | None) -> tuple[TrendWave, list[str]]:
    instruments = wave_instruments(wave)
    answers = load_answers_frame(wave, instruments)
    scores = construct_scores(answers, instruments.constructs, instruments)
    values = numeric_frame(answers, scores, compared_variables(instruments))
    factors: dict[str, float] = {}
    not_comparable: set[str] = set()
    rules: list[str] = []
    if wave.id != reference.id:
        stored = harmonisation_between(wave, reference)
        factors = {name: f.factor for name, f in stored.factors.items()}
        not_comparable = set(stored.changed) - set(factors)
        not_comparable |= {c.name for c in instruments.constructs
                           if not_comparable.intersection(c.items) and c.name not in factors}
        rules = [rule.describe() for rule in stored.rules]
    return TrendWave(wave.name, year, analysis or run_analysis(wave), values,
                     answers["team"].astype(str).reset_index(drop=True), factors, frozenset(not_comparable)), rules


def run_trend(wave: Wave, analyses: dict[int, dict] | None = None) -> dict | None:
    """The trend JSON of the series the wave belongs to, up to this wave (docs/analysis-output.md, *Trend*);
    None when the wave is in no series or is its first wave. `analyses` may hold already computed plain
    analyses by wave id (the report builder's cache)."""
    found = series_of(wave)
    if found is None or len(found[1]) < 2:
        return None
    series, members = found
    waves, rules = [], []
    for member in members:
        trend_wave, used = _trend_wave(member.wave, member.year, wave, (analyses or {}).get(member.wave_id))
        waves.append(trend_wave)
        rules.extend(r for r in used if r not in rules)
    result = trend(waves, series.team_map)
    result["series"] = {"name": series.name, "label": series.label}
    result["rules"] = rules
    result["is_demo"] = any(member.wave.is_demo for member in members)
    return result


def require_trend(wave: Wave) -> dict:
    """run_trend, or a clear message when the wave has no earlier wave in a series."""
    result = run_trend(wave)
    if result is None:
        raise fail("--trend", f"golf '{wave.name}' hoort niet (als tweede of latere golf) bij een reeks; "
                   "maak er een met flask series create")
    return result
