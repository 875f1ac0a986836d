"""Running the analysis layer on a stored wave: the glue between the database and `analyse_wave`."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

from survey_app.analysis.compare import HOLM_FAMILIES, REPORT_FAMILY
from survey_app.analysis.engine import WaveData, analyse_wave
from survey_app.analysis.harmonise import HarmonisationFactor, calibration_factor
from survey_app.analysis.organisation import AnalysisSettings, Gemeente, Organisation, Team
from survey_app.instrument_registry import wave_instruments
from survey_app.instruments.model import InstrumentSet
from survey_app.limits import MAX_NUMBER_CHARS
from survey_app.models import Wave
from survey_app.services.answers_frame import load_answers_frame
from survey_app.services.csv_input import read_csv
from survey_app.services.errors import InputError, InputProblem, fail


@dataclass(frozen=True)
class Harmonisation:
    """Which variables changed scale since the older wave, and the factor (if a calibration set was given)."""

    changed: frozenset[str] = frozenset()
    factor: HarmonisationFactor | None = None
    factors: dict[str, HarmonisationFactor] = field(default_factory=dict)
    #: the stored rules these factors come from (empty for `--changed-scale` / `--calibration`)
    rules: tuple = ()


@dataclass(frozen=True)
class ComparisonOptions:
    """How two waves are compared: whether nominal variables are tested (chi-square / Fisher) and which tests
    form one Holm family ("report": all tests of a comparison; "module": each module's tests)."""

    nominal_tests: bool = False
    holm_family: str = REPORT_FAMILY


def comparison_options(nominal_tests: bool, holm_family: str) -> ComparisonOptions:
    """The `--nominal-tests` / `--holm-family` options of `flask analyse` and `flask reports build`, checked."""
    if holm_family not in HOLM_FAMILIES:
        raise fail("--holm-family", f"'{holm_family}' is geen Holm-familie (kies uit: {', '.join(HOLM_FAMILIES)})")
    return ComparisonOptions(nominal_tests, holm_family)


def organisation_of(wave: Wave) -> Organisation:
    """The wave's teams with their gemeenten and headcounts, as the analysis layer takes them."""
    teams = sorted((p.team for p in wave.teams), key=lambda t: (t.gemeente.slug, t.slug))
    gemeenten = {t.gemeente.slug: Gemeente(t.gemeente.slug, t.gemeente.label) for t in teams}
    return Organisation(
        gemeenten=tuple(gemeenten[slug] for slug in sorted(gemeenten)),
        teams=tuple(Team(t.slug, t.gemeente.slug, t.label) for t in teams),
        headcounts={p.team.slug: p.headcount for p in wave.teams},
    )


def changed_variables(instruments: InstrumentSet, names: list[str]) -> frozenset[str]:
    """Expand module ids and construct names to the variables and constructs they cover."""
    out: set[str] = set()
    problems = []
    constructs = {c.name: c for c in instruments.constructs}
    modules = {m.id: m for m in instruments.modules}
    items = {i.name for i in instruments.items}
    for name in names:
        if name in modules:
            out |= {v.name for item in modules[name].items for v in item.variables()}
            out |= {c.name for c in modules[name].constructs}
        elif name in constructs:
            out |= set(constructs[name].items) | {name}
        elif name in items:
            out.add(name)
        else:
            problems.append(InputProblem("--changed-scale", f"'{name}' is geen module, construct of item"))
    if problems:
        raise InputError(problems)
    return frozenset(out)


def parse_number(text: str) -> float:
    """A finite number from a CSV cell (decimal comma allowed), bounded in length before conversion."""
    if len(text.strip()) > MAX_NUMBER_CHARS:
        raise ValueError(text)
    number = float(text.replace(",", "."))
    if not math.isfinite(number):
        raise ValueError(text)
    return number


def read_calibration(path: str | Path) -> HarmonisationFactor:
    """A calibration CSV (`new,old`: one respondent's mean on the new and on the old scale per row)."""
    table = read_csv(path, ["new", "old"])
    new, old, problems = [], [], []
    for row, line in zip(table.rows, table.lines, strict=True):
        try:
            new.append(parse_number(row["new"]))
            old.append(parse_number(row["old"]))
        except ValueError:
            problems.append(InputProblem(table.source, "geen getal", line))
    if problems:
        raise InputError(problems)
    try:
        return calibration_factor(new, old, basis=f"kalibratie {Path(path).name}")
    except ValueError as error:
        raise fail(table.source, str(error)) from None


def harmonisation_from_options(wave: Wave, compare: Wave | None, changed_scale: str,
                               calibration: str | None) -> Harmonisation | None:
    """The `--changed-scale` / `--calibration` options of `flask analyse` and `flask reports build`: an override
    of the stored rules; None (use the stored rules) when neither is given."""
    names = [n.strip() for n in changed_scale.split(",") if n.strip()]
    if (names or calibration) and compare is None:
        raise fail("--changed-scale", "alleen zinvol met --compare")
    if compare is None or not (names or calibration):
        return None
    return Harmonisation(
        changed=changed_variables(wave_instruments(wave), names) if names else frozenset(),
        factor=read_calibration(calibration) if calibration else None,
    )


def stored_harmonisation(old: Wave, new: Wave) -> Harmonisation:
    """The stored rules between two waves (services/harmonisation.py) as the comparison takes them."""
    from survey_app.services.harmonisation import harmonisation_between

    stored = harmonisation_between(old, new)
    return Harmonisation(changed=stored.changed, factors=stored.factors, rules=stored.rules)


def run_analysis(wave: Wave, compare: Wave | None = None, gemeente: str | None = None,
                 harmonisation: Harmonisation | None = None, options: ComparisonOptions | None = None) -> dict:
    """The analysis JSON of a wave (see docs/analysis-output.md), optionally compared with an older wave."""
    instruments = wave_instruments(wave)
    answers = load_answers_frame(wave, instruments)
    organisation = organisation_of(wave)
    options = options or ComparisonOptions()
    settings = AnalysisSettings(min_cell_size=wave.min_cell_size, nominal_tests=options.nominal_tests,
                                holm_family=options.holm_family)
    compare_with = None
    if compare is not None:
        older = wave_instruments(compare)
        compare_with = WaveData(compare.name, load_answers_frame(compare, older), older)
    if harmonisation is None and compare is not None:
        harmonisation = stored_harmonisation(compare, wave)
    harmonisation = harmonisation or Harmonisation()
    factors = dict(harmonisation.factors)
    if harmonisation.factor is not None:
        factors.update({name: harmonisation.factor for name in harmonisation.changed})
    if gemeente is not None and gemeente not in {g.slug for g in organisation.gemeenten}:
        raise fail("--gemeente", f"gemeente '{gemeente}' doet niet mee aan golf '{wave.name}'")
    result = analyse_wave(answers, instruments, organisation, settings, compare_with=compare_with,
                          gemeente=gemeente, harmonisation=factors or None,
                          changed_scale=harmonisation.changed)
    result["wave"] = {"name": wave.name, "label": wave.label, "is_demo": wave.is_demo}
    if result["comparison"] is not None:
        result["comparison"]["rules"] = [rule.describe() for rule in harmonisation.rules]
    return result
