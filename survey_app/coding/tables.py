"""Tables computed from codings, never typed: code frequencies, a crosstab of two axes, quotes per code.

Every function takes `withdrawn`, the pseudonyms (speakers) of participants who withdrew their consent; their
fragments are removed before anything is counted or quoted. `coder` limits the codings to one coder; without it
the codings of all coders are combined per fragment (a fragment counts once, whoever coded it).

Every result has `title` and `to_rows()` (header first) for the CSV and XLSX writers in `table_export`.
"""

from __future__ import annotations

from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

from survey_app.coding.codebook import SEPARATOR, Codebook
from survey_app.coding.codings_csv import Coding
from survey_app.coding.transcripts import Document

#: Speaker labels that are not participants and therefore not counted as such (compared case-insensitively).
DEFAULT_INTERVIEWERS = frozenset({"i", "interviewer", "int", "moderator", "gespreksleider", "onderzoeker"})
TOTAL = "Totaal"


@dataclass(frozen=True)
class CodedFragment:
    """A fragment with every code it received (after the coder filter)."""

    document: str
    position: int
    speaker: str | None
    text: str
    start_seconds: float | None
    codes: frozenset[str]


def coded_fragments(
    codings: Iterable[Coding],
    documents: Iterable[Document],
    withdrawn: AbstractSet[str] = frozenset(),
    coder: str | None = None,
) -> list[CodedFragment]:
    """Group codings per fragment, leaving out withdrawn participants' fragments; ordered by document and position."""
    fragments = {(doc.name, frag.position): frag for doc in documents for frag in doc.fragments}
    codes: dict[tuple[str, int], set[str]] = {}
    for coding in codings:
        key = (coding.document, coding.fragment)
        if key not in fragments:
            raise ValueError(
                f"codering verwijst naar fragment {coding.fragment} van onbekend document {coding.document}"
            )
        if coder is None or coding.coder == coder:
            codes.setdefault(key, set()).add(coding.code)
    result = []
    for key in sorted(codes):
        fragment = fragments[key]
        if fragment.speaker is not None and fragment.speaker in withdrawn:
            continue
        result.append(
            CodedFragment(
                key[0], key[1], fragment.speaker, fragment.text, fragment.start_seconds, frozenset(codes[key])
            )
        )
    return result


def _carries(fragment: CodedFragment, path: str, include_descendants: bool) -> bool:
    if path in fragment.codes:
        return True
    return include_descendants and any(code.startswith(path + SEPARATOR) for code in fragment.codes)


# --- frequencies -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FrequencyRow:
    """How often one code occurs: fragments, distinct participants (speakers) and documents."""

    path: str
    name: str
    depth: int
    fragments: int
    participants: int
    documents: int


@dataclass(frozen=True)
class FrequencyTable:
    """Frequencies for every code of the codebook, in codebook order."""

    rows: tuple[FrequencyRow, ...]
    title: str = "Frequenties per code"

    def to_rows(self) -> list[list[object]]:
        """Header plus one row per code."""
        header: list[object] = ["Code", "Naam", "Niveau", "Fragmenten", "Deelnemers", "Documenten"]
        return [header] + [[r.path, r.name, r.depth, r.fragments, r.participants, r.documents] for r in self.rows]


def frequencies(
    codings: Iterable[Coding],
    documents: Iterable[Document],
    codebook: Codebook,
    withdrawn: AbstractSet[str] = frozenset(),
    coder: str | None = None,
    include_descendants: bool = True,
    interviewers: frozenset[str] = DEFAULT_INTERVIEWERS,
) -> FrequencyTable:
    """Count per code the fragments, participants and documents carrying it (by default including sub-codes).

    Participants are distinct speaker pseudonyms, not counting fragments without speaker or by `interviewers`.
    """
    fragments = coded_fragments(codings, documents, withdrawn, coder)
    rows = []
    for code in codebook.codes:
        hits = [f for f in fragments if _carries(f, code.path, include_descendants)]
        speakers = {f.speaker for f in hits if f.speaker is not None and f.speaker.lower() not in interviewers}
        rows.append(
            FrequencyRow(code.path, code.name, code.depth, len(hits), len(speakers), len({f.document for f in hits}))
        )
    return FrequencyTable(tuple(rows))


# --- crosstab --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Crosstab:
    """Fragments per combination of a code of axis A (rows) and a code of axis B (columns).

    A cell is the number of distinct fragments carrying both. Row, column and grand totals are sums of cells, as
    in a printed table such as Tabel 3 of the preventie study (examples per outcome per prevention level): a
    fragment with two codes of one axis counts in two cells and so twice in the totals. `fragments` gives the
    number of distinct fragments in the table, which is smaller than `grand_total` when that happens.
    """

    axis_a: str
    axis_b: str
    rows: tuple[str, ...]
    columns: tuple[str, ...]
    cells: dict[tuple[str, str], int]
    fragments: int
    title: str = field(default="")

    def count(self, row: str, column: str) -> int:
        """Cell value (0 when no fragment has both codes)."""
        return self.cells.get((row, column), 0)

    @property
    def row_totals(self) -> dict[str, int]:
        """Sum of each row's cells."""
        return {row: sum(self.count(row, column) for column in self.columns) for row in self.rows}

    @property
    def column_totals(self) -> dict[str, int]:
        """Sum of each column's cells."""
        return {column: sum(self.count(row, column) for row in self.rows) for column in self.columns}

    @property
    def grand_total(self) -> int:
        """Sum of all cells (see the class docstring for why not distinct fragments)."""
        return sum(self.cells.values())

    def to_rows(self) -> list[list[object]]:
        """Header (axis A, columns, Totaal), one row per code of axis A, and a Totaal row."""
        out: list[list[object]] = [[self.axis_a, *self.columns, TOTAL]]
        row_totals, column_totals = self.row_totals, self.column_totals
        for row in self.rows:
            out.append([row, *(self.count(row, column) for column in self.columns), row_totals[row]])
        out.append([TOTAL, *(column_totals[column] for column in self.columns), self.grand_total])
        return out


def _axis_labels(codebook: Codebook, axis: str, by: str) -> dict[str, str]:
    """Map every code under an axis to its row/column label: second-level name or sub-path below the axis."""
    if axis not in codebook or codebook.get(axis).parent_path is not None:
        raise ValueError(f"'{axis}' is geen as (code op het hoogste niveau) van het codeboek")
    if by not in ("name", "path"):
        raise ValueError("by moet 'name' of 'path' zijn")
    labels = {}
    for code in codebook.descendants(axis):
        parts = code.path.split(SEPARATOR)[1:]
        labels[code.path] = parts[0] if by == "name" else SEPARATOR.join(parts)
    return labels


def crosstab(
    codings: Iterable[Coding],
    documents: Iterable[Document],
    codebook: Codebook,
    axis_a: str,
    axis_b: str,
    by: str = "name",
    withdrawn: AbstractSet[str] = frozenset(),
    coder: str | None = None,
    sort_by_total: bool = False,
) -> Crosstab:
    """Cross two axes: rows are the codes under `axis_a`, columns those under `axis_b`.

    `by="name"` groups deeper codes under their second-level code (label = its name); `by="path"` keeps every code
    as its own row/column (label = path below the axis). A fragment coded with the axis itself only is not
    counted. `sort_by_total` orders rows by descending total (ties in codebook order), as printed tables often do.
    """
    labels_a, labels_b = _axis_labels(codebook, axis_a, by), _axis_labels(codebook, axis_b, by)
    rows = list(dict.fromkeys(labels_a.values()))
    columns = tuple(dict.fromkeys(labels_b.values()))
    cells: dict[tuple[str, str], int] = {}
    counted = 0
    for fragment in coded_fragments(codings, documents, withdrawn, coder):
        in_a = {labels_a[code] for code in fragment.codes if code in labels_a}
        in_b = {labels_b[code] for code in fragment.codes if code in labels_b}
        for row in in_a:
            for column in in_b:
                cells[(row, column)] = cells.get((row, column), 0) + 1
        counted += bool(in_a and in_b)
    if sort_by_total:
        order = {row: i for i, row in enumerate(rows)}
        totals = {row: sum(cells.get((row, column), 0) for column in columns) for row in rows}
        rows.sort(key=lambda row: (-totals[row], order[row]))
    title = f"{codebook.get(axis_a).name} × {codebook.get(axis_b).name}"
    return Crosstab(axis_a, axis_b, tuple(rows), columns, cells, counted, title)


# --- quotes ------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Quote:
    """A coded fragment as a quote: text with speaker pseudonym and document."""

    code: str
    document: str
    position: int
    speaker: str | None
    text: str
    start_seconds: float | None = None


@dataclass(frozen=True)
class QuoteTable:
    """Quotes per code, in codebook order and then document order."""

    quotes: tuple[Quote, ...]
    title: str = "Citaten per code"

    def by_code(self) -> dict[str, list[Quote]]:
        """The quotes grouped per code path."""
        grouped: dict[str, list[Quote]] = {}
        for quote in self.quotes:
            grouped.setdefault(quote.code, []).append(quote)
        return grouped

    def to_rows(self) -> list[list[object]]:
        """Header plus one row per quote."""
        header: list[object] = ["Code", "Document", "Fragment", "Spreker", "Citaat"]
        return [header] + [[q.code, q.document, q.position, q.speaker or "", q.text] for q in self.quotes]


def quotes(
    codings: Iterable[Coding],
    documents: Iterable[Document],
    codebook: Codebook,
    codes: Iterable[str] | None = None,
    withdrawn: AbstractSet[str] = frozenset(),
    coder: str | None = None,
    include_descendants: bool = False,
) -> QuoteTable:
    """Collect the fragments carrying each code (all codes of the codebook unless `codes` is given)."""
    fragments = coded_fragments(codings, documents, withdrawn, coder)
    wanted = list(codes) if codes is not None else [code.path for code in codebook.codes]
    unknown = [path for path in wanted if path not in codebook]
    if unknown:
        raise ValueError(f"onbekende code(s): {', '.join(unknown)}")
    collected = [
        Quote(path, f.document, f.position, f.speaker, f.text, f.start_seconds)
        for path in wanted
        for f in fragments
        if _carries(f, path, include_descendants)
    ]
    return QuoteTable(tuple(collected))
