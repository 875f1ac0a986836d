"""Feeding "Verbeterpunten van vorig jaar" into a bijlage: the team's plan of its previous wave, with each
wave's figures from that wave's own analysis (cached like the bijlage's) and the questionnaire of that wave.

Harmonisation hook: `factors_from` turns the analysis glue's `Harmonisation` (the `--changed-scale` /
`--calibration` options of `flask reports build`, or stored rules once they exist) into a factor per
variable or construct name; the pure core applies it only where the answer scale really changed.
"""

from __future__ import annotations

from survey_app.instrument_registry import wave_instruments
from survey_app.models import Team, Wave
from survey_app.plans.core.figures import Subject, figure, subjects
from survey_app.plans.core.review import WaveFigures, review
from survey_app.plans.store import foci_of, record_of
from survey_app.services.analysis import Harmonisation


def factors_from(harmonisation: Harmonisation | None) -> dict[str, float]:
    """The factor per name that puts an older wave's mean on the current scale."""
    if harmonisation is None:
        return {}
    factors = {name: factor.factor for name, factor in harmonisation.factors.items()}
    if harmonisation.factor is not None:
        factors.update({name: harmonisation.factor.factor for name in harmonisation.changed})
    return factors


def review_for(wave: Wave, team: Team, harmonisation: Harmonisation | None = None) -> dict | None:
    """The review section of the team's bijlage of `wave`, or None when the previous wave had no plan."""
    from survey_app.reports.sources import cached_analysis, previous_wave_of_team

    earlier = previous_wave_of_team(wave, team)
    if earlier is None:
        return None
    foci = foci_of(earlier, team)
    if not foci:
        return None
    gemeente = team.gemeente.slug
    before_analysis, after_analysis = cached_analysis(earlier), cached_analysis(wave)
    before_subjects = {s.key: s for s in subjects(wave_instruments(earlier), before_analysis, gemeente)}
    after_subjects = {s.key: s for s in subjects(wave_instruments(wave), after_analysis, gemeente)}
    records, figures = [], {}
    for focus in foci:
        key = f"{focus.subject_kind}:{focus.subject}"
        subject = before_subjects.get(key) or Subject(focus.subject_kind, focus.subject, focus.label)
        records.append(record_of(focus, subject))
        figures[key] = (WaveFigures(figure(before_analysis, subject, team.slug), before_subjects.get(key)),
                        WaveFigures(figure(after_analysis, after_subjects.get(key) or subject, team.slug),
                                    after_subjects.get(key)))
    if harmonisation is None:  # the stored rules between the two waves, as every other comparison uses them
        from survey_app.services.analysis import stored_harmonisation

        harmonisation = stored_harmonisation(earlier, wave)
    return review(records, figures, factors_from(harmonisation), earlier.label or earlier.name)


def add_review(context: dict, wave: Wave, team: Team, harmonisation: Harmonisation | None = None) -> dict:
    """The prepared bijlage with its `plans_review` section (only a bijlage with figures gets one)."""
    if context.get("kind") == "bijlage":
        context["plans_review"] = review_for(wave, team, harmonisation)
    return context
