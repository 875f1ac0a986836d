"""Where the report data comes from: the wave's analysis (cached per wave and answers revision, in the shared
cache of `shared_cache.py`), the team's previous wave, a gemeente's comparison and the coded open answers. This
is the only report module that touches the database."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from survey_app.extensions import db
from survey_app.instrument_registry import wave_instruments
from survey_app.models import Response, Team, Wave
from survey_app.reports.bijlage import bijlage_context
from survey_app.reports.dutch import format_date
from survey_app.reports.extras import previous_means
from survey_app.reports.gemeente import gemeente_context
from survey_app.reports.series_parts import add_gemeente_parts, add_team_parts, harmonised_means
from survey_app.reports.totaal import totaal_context
from survey_app.services.analysis import ComparisonOptions, Harmonisation, run_analysis
from survey_app.services.harmonisation import harmonisation_between, list_rules
from survey_app.services.series import series_of
from survey_app.services.trend import run_trend
from survey_app.shared_cache import current_cache, key_of


def response_count(wave: Wave) -> int:
    """Number of stored responses of a wave."""
    return db.session.scalar(select(func.count()).select_from(Response).where(Response.wave_id == wave.id)) or 0


def data_key(wave: Wave) -> tuple:
    """What identifies a wave's data for the cache: id, name and the answers revision, which every write of the
    wave's responses raises (release, import, demo, delete), so changed answers refresh the analysis. Read from
    the database, not the session's copy of the wave, which may predate a write committed by another worker."""
    revision = db.session.scalar(select(Wave.answers_revision).where(Wave.id == wave.id))
    return wave.id, wave.name, revision


def cached_analysis(wave: Wave, compare: Wave | None = None, gemeente: str | None = None,
                    harmonisation: Harmonisation | None = None, options: ComparisonOptions | None = None) -> dict:
    """run_analysis, remembered per (wave data, comparison, options, stored rules) in the shared cache."""
    stored = tuple(rule.describe() for rule in list_rules()) if compare and harmonisation is None else ()
    key = key_of((data_key(wave), data_key(compare) if compare else None, gemeente, repr(harmonisation),
                  repr(options), stored))  # a changed stored rule must not serve a comparison made with the old one
    cache = current_cache()
    result = cache.get(key)
    if result is None:
        result = run_analysis(wave, compare, gemeente, harmonisation, options)
        cache.set(key, result)
    return result


def clear_cache() -> None:
    """Forget every cached analysis (tests, benchmarks)."""
    current_cache().clear()


def _earlier_waves(wave: Wave) -> list[Wave]:
    """Waves created before this one (by created_on, then id), most recent first, that have responses."""
    waves = db.session.scalars(
        select(Wave).where(Wave.id != wave.id).order_by(Wave.created_on.desc(), Wave.id.desc())).all()
    return [w for w in waves if (w.created_on, w.id) < (wave.created_on, wave.id) and response_count(w) > 0]


def previous_wave_of_team(wave: Wave, team: Team) -> Wave | None:
    """The most recent earlier wave in which the team took part and has responses."""
    for earlier in _earlier_waves(wave):
        answered = db.session.scalar(select(func.count()).select_from(Response)
                                     .where(Response.wave_id == earlier.id, Response.team_id == team.id))
        if answered:
            return earlier
    return None


def previous_wave_of_gemeente(wave: Wave, gemeente: str) -> Wave | None:
    """The most recent earlier wave in which one of the gemeente's teams took part."""
    for earlier in _earlier_waves(wave):
        if any(p.team.gemeente.slug == gemeente for p in earlier.teams):
            return earlier
    return None


def coded_themes(wave: Wave) -> dict | None:
    """The coded open answers of the wave (survey_app.coding.themes), or None when coding is not available."""
    try:
        from survey_app.coding.themes import open_answer_themes
    except ImportError:
        return None
    result = open_answer_themes(wave)
    return result if result.get("questions") else None


def today() -> str:
    """The date printed on reports."""
    return format_date(dt.date.today())


def previous_for(wave: Wave, team: Team) -> dict | None:
    """The team's means in its previous wave, labelled and put on this wave's scale by the stored rules, for the
    comparison section of the bijlage."""
    earlier = previous_wave_of_team(wave, team)
    if earlier is None:
        return None
    stored = harmonisation_between(earlier, wave)
    factors = {name: f.factor for name, f in stored.factors.items()}
    means = harmonised_means(previous_means(cached_analysis(earlier), team.slug), factors,
                             stored.changed - frozenset(factors))
    return {"label": earlier.label or earlier.name, "short": earlier.name, **means,
            "rules": [rule.describe() for rule in stored.rules]}


def trend_for(wave: Wave) -> dict | None:
    """The trend of the wave's series up to this wave (services/trend.py), or None outside a series; remembered
    like the analyses, per the data of every wave of the trend, the team map and the stored rules."""
    found = series_of(wave)
    if found is None or len(found[1]) < 2:
        return None
    series, members = found
    key = key_of(("trend", tuple(data_key(m.wave) for m in members), repr(series.team_map),
                  tuple(rule.describe() for rule in list_rules())))
    cache = current_cache()
    result = cache.get(key)
    if result is None:
        result = run_trend(wave, {m.wave_id: cached_analysis(m.wave) for m in members})
        cache.set(key, result)
    return result


def team_report_context(wave: Wave, team: Team) -> dict:
    """The prepared bijlage of one team of a wave."""
    from survey_app.plans.review import add_review

    analysis = cached_analysis(wave)
    previous = previous_for(wave, team)
    context = bijlage_context(analysis, wave_instruments(wave), team.slug, team.gemeente.slug, today(),
                              previous=previous, themes=coded_themes(wave))
    add_team_parts(context, trend_for(wave), wave_instruments(wave), team.slug, team.gemeente.slug, previous)
    return add_review(context, wave, team)


def comparison_for(wave: Wave, gemeente: str, compare: Wave | None = None,
                   harmonisation: Harmonisation | None = None,
                   options: ComparisonOptions | None = None) -> tuple[dict | None, dict | None]:
    """(comparison analysis restricted to the gemeente, the older wave's plain analysis), or (None, None)."""
    compare = compare or previous_wave_of_gemeente(wave, gemeente)
    if compare is None:
        return None, None
    return cached_analysis(wave, compare, gemeente, harmonisation, options), cached_analysis(compare)


def gemeente_report_context(wave: Wave, gemeente: str, compare: Wave | None = None,
                            harmonisation: Harmonisation | None = None,
                            options: ComparisonOptions | None = None) -> dict:
    """The prepared gemeente report of a wave."""
    comparison, older = comparison_for(wave, gemeente, compare, harmonisation, options)
    context = gemeente_context(cached_analysis(wave), wave_instruments(wave), gemeente, today(),
                               comparison=comparison, older=older, themes=coded_themes(wave))
    return add_gemeente_parts(context, trend_for(wave), wave_instruments(wave), gemeente, comparison)


def totaal_report_context(wave: Wave) -> dict:
    """The prepared overall report (all gemeenten) of a wave."""
    return totaal_context(cached_analysis(wave), wave_instruments(wave), today(), themes=coded_themes(wave))
