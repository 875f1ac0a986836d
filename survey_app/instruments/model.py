"""Plain data classes for a parsed instrument module.

These are the contract between the instrument files and everything else (the questionnaire pages, the
importer, the analysis): they carry no Flask or database state so the pure layers can use them as they are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

NUMERIC_TYPES = frozenset({"select_one", "integer", "decimal", "rating"})
#: the longest "anders, namelijk" text of a select_multiple (characters)
OTHER_MAX_LENGTH = 200
#: item types whose measurement level may be declared with `level:` (the others have a fixed level)
LEVEL_TYPES = NUMERIC_TYPES


class Level(StrEnum):
    """Measurement level of a variable: decides which test compares two waves and SPSS's measure."""

    NOMINAL = "nominal"
    ORDINAL = "ordinal"
    INTERVAL = "interval"


#: answer labels that make a single-choice scale unordered ("anders, namelijk", "weet ik niet")
_UNORDERED_LABEL = re.compile(r"^\s*anders\b|weet\s+(ik\s+)?niet", re.IGNORECASE)


class ItemType(StrEnum):
    """The item types of the instrument format (docs/instruments.md)."""

    SELECT_ONE = "select_one"
    SELECT_MULTIPLE = "select_multiple"
    INTEGER = "integer"
    DECIMAL = "decimal"
    RATING = "rating"
    TEXT = "text"
    TEXTAREA = "textarea"
    YESNO_GRID = "yesno_grid"
    NOTE = "note"


@dataclass(frozen=True)
class Choice:
    """One answer option: the stored code and its Dutch label."""

    code: int | str
    label: str


@dataclass(frozen=True)
class Scale:
    """A named list of choices shared by several items of a module."""

    name: str
    choices: tuple[Choice, ...]
    label: str = ""
    level: Level | None = None  #: declared measurement level of every item on this scale

    @property
    def codes(self) -> tuple[int | str, ...]:
        return tuple(c.code for c in self.choices)

    def label_for(self, code: int | str) -> str:
        for choice in self.choices:
            if choice.code == code:
                return choice.label
        return str(code)


@dataclass(frozen=True)
class GridCell:
    """A row or column of a yes/no grid."""

    name: str
    label: str
    #: a column whose percentages are of those who answered ja in this other column ("van wie dit doet")
    conditional_on: str | None = None
    conditional_label: str = ""  #: how reports name that base, e.g. "van wie dit doet"

    @property
    def base_label(self) -> str:
        """The Dutch name of the base of a conditional column, as reports print it."""
        return self.conditional_label or f"van wie ja antwoordde op '{self.conditional_on}'"


@dataclass(frozen=True)
class Variable:
    """One column of the data an item produces (see docs/instruments.md, Variables)."""

    name: str
    item: str
    kind: str  #: "code" (one integer code), "codes" (space separated set), "number", "text", "yesno";
    #: "option" only in the SPSS export (one 0/1 variable per option of a "codes" variable)
    label: str
    choices: tuple[Choice, ...] = ()
    level: Level | None = None  #: measurement level; None for text


@dataclass(frozen=True)
class Item:
    """One question, statement or note of a page."""

    name: str
    type: ItemType
    module: str
    page: str
    line: int
    label: str = ""
    hint: str = ""
    text: str = ""
    required: bool = False
    required_message: str = ""  #: shown instead of the default when a required item is left empty
    relevant: str | None = None
    constraint: str | None = None
    constraint_message: str = ""
    only_gemeenten: tuple[str, ...] = ()
    skip_gemeenten: tuple[str, ...] = ()
    source: str = "verbatim"
    reverse: bool = False
    scale: Scale | None = None  #: the scale (named or inline) of select_one / select_multiple
    other: bool = False
    minimum: float | None = None
    maximum: float | None = None
    min_label: str = ""
    max_label: str = ""
    max_length: int | None = None
    rows: tuple[GridCell, ...] = ()
    columns: tuple[GridCell, ...] = ()
    level: Level | None = None  #: declared `level:` of the item (None: the scale's, else the default)

    @property
    def is_numeric(self) -> bool:
        return self.type in NUMERIC_TYPES

    @property
    def codes(self) -> tuple[int | str, ...]:
        return self.scale.codes if self.scale else ()

    @property
    def code_range(self) -> tuple[float, float] | None:
        """The lowest and highest possible value, used for reverse coding and range checks."""
        if self.type == ItemType.SELECT_ONE and self.scale:
            codes = [c for c in self.scale.codes if isinstance(c, int)]
            return (min(codes), max(codes)) if codes else None
        if self.minimum is not None and self.maximum is not None:
            return (self.minimum, self.maximum)
        return None

    @property
    def measurement_level(self) -> Level | None:
        """The level of the item's answer: declared on the item, else on its scale, else derived from the type.

        Derived: a single choice is ordinal unless its scale has two options or an option that has no place
        in an order ("anders, ...", "weet ik niet"), which makes it nominal; numbers and ratings are interval;
        multiple choice and yes/no grid cells nominal; text and notes have no level.
        """
        if self.type in (ItemType.TEXT, ItemType.TEXTAREA, ItemType.NOTE):
            return None
        if self.type in (ItemType.SELECT_MULTIPLE, ItemType.YESNO_GRID):
            return Level.NOMINAL
        if self.level is not None:
            return self.level
        if self.type != ItemType.SELECT_ONE:
            return Level.INTERVAL
        if self.scale is not None and self.scale.level is not None:
            return self.scale.level
        choices = self.scale.choices if self.scale else ()
        if len(choices) <= 2 or any(_UNORDERED_LABEL.search(c.label) for c in choices):
            return Level.NOMINAL
        return Level.ORDINAL

    def option_variables(self) -> tuple[Variable, ...]:
        """A select_multiple as one 0/1 variable per option, `<name>_<code>` (SPSS's multiple-dichotomy set),
        labelled option first so that a set with CATEGORYLABELS=VARLABELS shows the options."""
        if self.type != ItemType.SELECT_MULTIPLE or self.scale is None:
            return ()
        chosen = (Choice(1, "gekozen"), Choice(0, "niet gekozen"))
        return tuple(Variable(f"{self.name}_{choice.code}", self.name, "option", f"{choice.label} – {self.label}",
                              chosen, Level.NOMINAL) for choice in self.scale.choices)

    def answer_variables(self) -> tuple[Variable, ...]:
        """The variables that hold the answer itself: all but the optional "anders, namelijk" text."""
        return tuple(v for v in self.variables() if not (self.other and v.name == f"{self.name}_other"))

    def variables(self) -> tuple[Variable, ...]:
        """The data columns this item yields, in order."""
        if self.type == ItemType.NOTE:
            return ()
        if self.type == ItemType.YESNO_GRID:
            yes_no = (Choice(1, "ja"), Choice(0, "nee"))
            return tuple(
                Variable(
                    f"{self.name}_{row.name}_{col.name}", self.name, "yesno",
                    f"{self.label} {row.label}: {col.label}".strip(), yes_no, Level.NOMINAL,
                )
                for row in self.rows
                for col in self.columns
            )
        if self.type == ItemType.SELECT_MULTIPLE:
            choices = self.scale.choices if self.scale else ()
            out = [Variable(self.name, self.name, "codes", self.label, choices, Level.NOMINAL)]
            if self.other:
                out.append(Variable(f"{self.name}_other", self.name, "text", f"{self.label} (anders, namelijk)"))
            return tuple(out)
        if self.type == ItemType.SELECT_ONE:
            return (Variable(self.name, self.name, "code", self.label, self.scale.choices if self.scale else (),
                             self.measurement_level),)
        if self.type in (ItemType.TEXT, ItemType.TEXTAREA):
            return (Variable(self.name, self.name, "text", self.label),)
        return (Variable(self.name, self.name, "number", self.label, level=self.measurement_level),)


@dataclass(frozen=True)
class Page:
    """A page of the questionnaire: a section with its intro and items."""

    id: str
    module: str
    title: str
    line: int
    intro: str = ""
    relevant: str | None = None
    only_gemeenten: tuple[str, ...] = ()
    skip_gemeenten: tuple[str, ...] = ()
    items: tuple[Item, ...] = ()


@dataclass(frozen=True)
class Construct:
    """A scale score: the mean of its items (after reverse coding) when enough of them are answered."""

    name: str
    label: str
    items: tuple[str, ...]
    min_items: int
    module: str
    line: int
    #: how many of the items a gemeente must have been asked (its variant) for a score to exist there;
    #: None: `min_items` (docs/instruments.md, Analysis metadata)
    min_asked: int | None = None

    @property
    def required_asked(self) -> int:
        """The number of items a gemeente must have been asked for the construct to be scored there."""
        return self.min_asked if self.min_asked is not None else self.min_items


@dataclass(frozen=True)
class Pair:
    """Two items whose difference (a - b) is reported: competence gap or attitude/behaviour gap."""

    name: str
    kind: str  #: "competence" or "attitude"
    label: str
    a: str
    b: str
    module: str
    line: int


@dataclass(frozen=True)
class Module:
    """One instrument file."""

    id: str
    title: str
    version: str
    path: str
    description: str = ""
    scales: dict[str, Scale] = field(default_factory=dict)
    pages: tuple[Page, ...] = ()
    constructs: tuple[Construct, ...] = ()
    pairs: tuple[Pair, ...] = ()
    position: int = 100  #: questionnaire order of the modules: by position, then file name

    @property
    def items(self) -> tuple[Item, ...]:
        return tuple(item for page in self.pages for item in page.items)


@dataclass(frozen=True)
class InstrumentSet:
    """The modules of a wave (or of the whole folder), in questionnaire order, with lookups by name."""

    modules: tuple[Module, ...]

    @property
    def pages(self) -> tuple[Page, ...]:
        return tuple(page for module in self.modules for page in module.pages)

    @property
    def items(self) -> tuple[Item, ...]:
        return tuple(item for module in self.modules for item in module.items)

    @property
    def constructs(self) -> tuple[Construct, ...]:
        return tuple(c for module in self.modules for c in module.constructs)

    @property
    def pairs(self) -> tuple[Pair, ...]:
        return tuple(p for module in self.modules for p in module.pairs)

    def item(self, name: str) -> Item:
        for item in self.items:
            if item.name == name:
                return item
        raise KeyError(name)

    def variables(self) -> tuple[Variable, ...]:
        return tuple(v for item in self.items for v in item.variables())

    def module(self, module_id: str) -> Module:
        for module in self.modules:
            if module.id == module_id:
                return module
        raise KeyError(module_id)

    def subset(self, module_ids: list[str] | tuple[str, ...]) -> InstrumentSet:
        """The modules named, in the order given."""
        return InstrumentSet(tuple(self.module(m) for m in module_ids))
