"""The colour scale of a matrix: ordered levels with a colour, a symbol and a definition.

Levels are listed best first (groen, oranje, rood); a level with `applies: false` (grijs) means the aspect does
not apply to the case. That is an answer, not a gap: it leaves the case out of N, while a cell that nobody
scored is "niet gescoord" and reported apart. Every level has a symbol besides its colour, so a printed matrix
reads in greyscale and for colour-blind readers; the default palette also differs in lightness.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

import yaml

from survey_app.matrix.core.errors import ErrorCode, MatrixFileError, Problem, problem
from survey_app.matrix.core.yaml_lines import LINE, load_with_lines

_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
_KEY = re.compile(r"^[a-z][a-z0-9_]{0,31}$")
_KEYS = {"key", "label", "colour", "symbol", "applies", "definition"}


@dataclass(frozen=True)
class Level:
    """One answer of the scale; `applies` is False for "niet van toepassing"."""

    key: str
    label: str
    colour: str
    symbol: str
    definition: str = ""
    applies: bool = True

    @property
    def dark(self) -> bool:
        """True when the fill is dark enough to need white text."""
        red, green, blue = (int(self.colour[i:i + 2], 16) / 255 for i in (1, 3, 5))
        return 0.2126 * red + 0.7152 * green + 0.0722 * blue < 0.45


@dataclass(frozen=True)
class Scale:
    """The levels of a matrix in order, best first."""

    levels: tuple[Level, ...]

    def get(self, key: str) -> Level:
        """The level with this key (KeyError when unknown)."""
        return {level.key: level for level in self.levels}[key]

    def keys(self) -> list[str]:
        """The level keys in scale order."""
        return [level.key for level in self.levels]

    def applicable(self) -> list[Level]:
        """The levels that count towards N (all but "niet van toepassing")."""
        return [level for level in self.levels if level.applies]

    def rank(self, key: str) -> int | None:
        """The ordinal value of a level for agreement (higher is better); None when it does not apply."""
        applicable = [level.key for level in self.applicable()]
        return len(applicable) - applicable.index(key) if key in applicable else None

    def to_dict(self) -> dict:
        """The scale as stored in the database and written to scale.yaml."""
        return {"levels": [asdict(level) for level in self.levels]}


DEFAULT_SCALE = Scale((
    Level("groen", "Groen", "#C7E9C0", "+",
          "Het aspect is/was aanwezig in de ondersteuning en de ouder/jeugdige beoordeelt dit als positief."),
    Level("oranje", "Oranje", "#F1A340", "±",
          "Het aspect is/was deels aanwezig terwijl de ouder/jeugdige wenste dat deze volledig aanwezig was; "
          "of het aspect is/was aanwezig, maar de ouder was hier niet volledig tevreden over."),
    Level("rood", "Rood", "#B2182B", "−",
          "Het aspect is/was niet aanwezig terwijl de ouder/jeugdige wenste dat deze aanwezig was; "
          "of het aspect is/was aanwezig, maar de ouder is hier ontevreden over."),
    Level("grijs", "Grijs", "#BDBDBD", "nvt",
          "Het aspect is/was niet van toepassing op de casus; of het aspect is/was niet aanwezig en dit vond de "
          "ouder/jeugdige ook niet nodig.", applies=False),
))


def scale_from_dict(data: dict) -> Scale:
    """A stored scale back as a Scale (trusted: it was validated on the way in)."""
    return Scale(tuple(Level(**level) for level in data["levels"]))


def load_scale(text: str, source: str = "scale.yaml") -> Scale:
    """Parse and check a scale.yaml; every problem is reported with its line."""
    data = load_with_lines(text, source)
    if not isinstance(data, dict) or not isinstance(data.get("levels"), list):
        raise MatrixFileError([problem(source, 1, ErrorCode.SCALE_001)])
    problems: list[Problem] = []
    levels: list[Level] = []
    for item in data["levels"]:
        level = _level(item, source, data.get(LINE, 1), problems)
        if level is None:
            continue
        if level.key in {known.key for known in levels}:
            problems.append(problem(source, item[LINE], ErrorCode.SCALE_003, key=level.key))
            continue
        levels.append(level)
    if not problems and sum(level.applies for level in levels) < 2:
        problems.append(problem(source, 1, ErrorCode.SCALE_004))
    if problems:
        raise MatrixFileError(problems)
    return Scale(tuple(levels))


def _level(item: object, source: str, line: int, problems: list[Problem]) -> Level | None:
    """One level of the file, or None after recording what is wrong with it."""
    if not isinstance(item, dict):
        problems.append(problem(source, line, ErrorCode.SCALE_002, key="?", detail="moet een mapping zijn"))
        return None
    line = item[LINE]
    key = str(item.get("key") or "").strip()
    found = len(problems)

    def bad(detail: str) -> None:
        problems.append(problem(source, line, ErrorCode.SCALE_002, key=key or "?", detail=detail))

    if not _KEY.match(key):
        bad("key moet een korte naam zijn (kleine letters, cijfers, _)")
    unknown = sorted(set(item) - _KEYS - {LINE})
    if unknown:
        bad(f"onbekende sleutel(s) {', '.join(unknown)}")
    colour = str(item.get("colour") or "")
    if not _COLOUR.match(colour):
        bad("colour moet een kleur zijn als \"#1A9850\"")
    symbol = str(item.get("symbol") or "").strip()
    if not symbol or len(symbol) > 4:
        bad("symbol is verplicht (1 tot 4 tekens), zodat de matrix ook zonder kleur leesbaar is")
    if not isinstance(item.get("applies", True), bool):
        bad("applies moet true of false zijn")
    if len(problems) > found:
        return None
    return Level(key, str(item.get("label") or key.capitalize()).strip(), colour.upper(), symbol,
                 str(item.get("definition") or "").strip(), item.get("applies", True))


def dump_scale(scale: Scale) -> str:
    """The scale as YAML that `load_scale` reads back unchanged."""
    return yaml.safe_dump(scale.to_dict(), allow_unicode=True, sort_keys=False, width=110)
