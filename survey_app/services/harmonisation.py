"""Harmonisation rules between waves, stored once and applied by default.

A rule says: the scores of the older wave on these modules/constructs/items are multiplied by this factor before
they are set beside the newer wave (004:3549-3596: the Bakens of 2015/2016, asked nooit-altijd, × 1,12 against
the agreement scale of 2017). `harmonisation_between` finds the rule for any two waves: a rule stored for the
pair itself, or else the product of the rules along the waves of a series between them (2015 → 2016 → 2017),
so one rule covers every comparison and trend across the change.

Items whose answer scale differs between the two waves' snapshots (labels or codes) without a rule are marked
changed, so the comparison skips them (`changed_scale_without_factor`) instead of testing apples against pears.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import or_, select

from survey_app.analysis.formatting import format_number
from survey_app.analysis.harmonise import HarmonisationFactor
from survey_app.extensions import db
from survey_app.instrument_registry import wave_instruments
from survey_app.instruments.model import InstrumentSet
from survey_app.models import HarmonisationRule, SeriesWave, Wave
from survey_app.services.errors import InputError, fail


@dataclass(frozen=True)
class RuleView:
    """A stored rule as `flask harmonise list` and the reports describe it."""

    old: str
    new: str
    targets: str
    factor: float
    method: str
    source: str
    n: int | None

    def describe(self) -> str:
        """One Dutch sentence naming the rule, for the verantwoording."""
        how = (f"berekend uit een kalibratieset (n={self.n})" if self.method == "calibration"
               else "opgegeven factor")
        source = f"; bron: {self.source}" if self.source else ""
        return (f"Regel {self.old} → {self.new} ({self.targets}): scores van {self.old} × "
                f"{format_number(self.factor, 2)}, {how}{source}.")


def _view(rule: HarmonisationRule) -> RuleView:
    return RuleView(rule.old_wave.name, rule.new_wave.name, rule.targets, rule.factor, rule.method, rule.source,
                    rule.n)


def _targets(names: str) -> list[str]:
    return [n.strip() for n in names.split(",") if n.strip()]


def expand_targets(instruments: InstrumentSet, names: list[str], source: str = "--items") -> frozenset[str]:
    """Module ids, construct names and item names expanded to the variables and constructs they cover."""
    from survey_app.services.analysis import changed_variables  # analysis glue imports this module

    try:
        return changed_variables(instruments, names)
    except InputError as error:  # the problems name --changed-scale: say which option it was
        raise InputError([type(p)(source, p.message) for p in error.problems]) from None


def set_rule(old: Wave, new: Wave, targets: str, factor: float | HarmonisationFactor, source: str = "") -> RuleView:
    """Store (or replace) the rule for these two waves and targets. A HarmonisationFactor is a calibration."""
    names = _targets(targets)
    if old.id == new.id:
        raise fail("golf", "een regel verbindt twee verschillende golven")
    if not names:
        raise fail("--items", "geef de modules, constructen of items waarop de regel geldt")
    expand_targets(wave_instruments(new), names)
    if isinstance(factor, HarmonisationFactor):
        value, method, n, source = factor.factor, "calibration", factor.n, source or factor.basis
    else:
        value, method, n = float(factor), "factor", None
    if not value > 0 or value != value or value == float("inf"):
        raise fail("--factor", "de factor moet een getal groter dan 0 zijn")
    key = ",".join(names)
    rule = db.session.scalar(select(HarmonisationRule).where(
        HarmonisationRule.old_wave_id == old.id, HarmonisationRule.new_wave_id == new.id,
        HarmonisationRule.targets == key))
    if rule is None:
        rule = HarmonisationRule(old_wave_id=old.id, new_wave_id=new.id, targets=key)
        db.session.add(rule)
    rule.factor, rule.method, rule.n, rule.source = value, method, n, source
    db.session.flush()
    db.session.refresh(rule)
    return _view(rule)


def list_rules(wave: Wave | None = None) -> list[RuleView]:
    """Every stored rule (of one wave, on either side, when given), by wave names."""
    query = select(HarmonisationRule).order_by(HarmonisationRule.id)
    if wave is not None:
        query = query.where(or_(HarmonisationRule.old_wave_id == wave.id, HarmonisationRule.new_wave_id == wave.id))
    return [_view(rule) for rule in db.session.scalars(query)]


def _direct(old: Wave, new: Wave) -> list[HarmonisationRule]:
    return list(db.session.scalars(select(HarmonisationRule).where(
        HarmonisationRule.old_wave_id == old.id, HarmonisationRule.new_wave_id == new.id)
        .order_by(HarmonisationRule.id)))


def _chain(old: Wave, new: Wave) -> list[tuple[Wave, Wave]] | None:
    """Consecutive wave pairs from `old` to `new` within a series holding both, or None."""
    for member in db.session.scalars(select(SeriesWave).where(SeriesWave.wave_id == old.id)):
        waves = [m.wave for m in member.series.members]
        ids = [w.id for w in waves]
        if new.id in ids and ids.index(old.id) < ids.index(new.id):
            path = waves[ids.index(old.id):ids.index(new.id) + 1]
            return list(zip(path[:-1], path[1:], strict=True))
    return None


def scale_changes(old: InstrumentSet, new: InstrumentSet) -> frozenset[str]:
    """Item variables present in both whose answer scale (codes with labels) differs between the waves."""
    def scales(instruments: InstrumentSet) -> dict[str, tuple]:
        return {v.name: tuple((c.code, c.label) for c in v.choices) for v in instruments.variables()
                if v.choices and v.kind == "code"}

    before, after = scales(old), scales(new)
    return frozenset(name for name in before.keys() & after.keys() if before[name] != after[name])


@dataclass(frozen=True)
class StoredHarmonisation:
    """The factors per variable/construct that turn `old`'s scores onto `new`'s scale, the variables whose
    scale changed, and the rules used (for the verantwoording)."""

    factors: dict[str, HarmonisationFactor]
    changed: frozenset[str]
    rules: tuple[RuleView, ...]


def harmonisation_between(old: Wave, new: Wave) -> StoredHarmonisation:
    """The stored rules from `old` to `new` (directly, or chained through their series) as factors."""
    rules = _direct(old, new)
    pairs = [(old, new)] if rules else (_chain(old, new) or [(old, new)])
    factors: dict[str, float] = {}
    used: list[RuleView] = []
    for earlier, later in pairs:
        for rule in (rules if len(pairs) == 1 and rules else _direct(earlier, later)):
            covered = expand_targets(wave_instruments(later), _targets(rule.targets))
            for name in covered:
                factors[name] = factors.get(name, 1.0) * rule.factor
            used.append(_view(rule))
    basis = "; ".join(f"regel {r.old} → {r.new}" + (f" ({r.source})" if r.source else "") for r in used)
    n = next((r.n for r in used if r.n), 0) or 0
    changed = scale_changes(wave_instruments(old), wave_instruments(new)) | frozenset(factors)
    return StoredHarmonisation({name: HarmonisationFactor(value, basis, n) for name, value in factors.items()},
                               changed, tuple(used))
