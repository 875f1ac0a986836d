"""What a report says beside a scale score and its statements, so a reader does not misread them:

- a statement that is reversed in a scale is shown with its answers as given (raw), while the scale score
  counts it the other way round: the note says so beside the statement;
- a scale scored on fewer statements than it has (the ones every gemeente got), not comparable between
  gemeenten, or not scored in this gemeente at all, says so under the table (from the analysis'
  `construct_basis`).
"""

from __future__ import annotations

from survey_app.instruments.model import InstrumentSet, Item
from survey_app.reports.dutch import format_number


def reverse_note(instruments: InstrumentSet, item: Item) -> str:
    """The note beside a reversed statement ('' for one that is not reversed)."""
    if not item.reverse:
        return ""
    scales = [c.label for c in instruments.constructs if item.name in c.items]
    if not scales:
        return "omgekeerd geformuleerd"
    low, high = item.code_range or (None, None)
    turned = (f"; in de schaalscore telt {format_number(low + high, 0)} min het antwoord"
              if low is not None and high is not None else "")
    return (f"omgekeerd gescoord in de schaal {', '.join(scales)}: hier het antwoord zoals gegeven "
            f"(hoger = ongunstiger){turned}")


def basis_note(analysis: dict, construct: str, gemeente: str | None = None) -> str:
    """The sentence under a scale's table about the statements its score rests on ('' when nothing to say)."""
    basis = analysis.get("construct_basis", {}).get(construct)
    if not basis:
        return ""
    if gemeente is not None and gemeente in basis.get("not_asked", []):
        return ("Geen schaalscore voor deze gemeente: niet alle stellingen van deze schaal zijn hier voorgelegd; "
                "de gemeente telt ook in het totaal niet mee.")
    if not basis["comparable"]:
        return ("Niet vergelijkbaar tussen gemeenten: de gemeenten kregen verschillende stellingen van deze schaal "
                "en elke gemeente is gescoord op de eigen stellingen.")
    parts = []
    if basis["k"] < basis["of"]:
        parts.append(f"De schaalscore is berekend over de {format_number(basis['k'], 0)} van de "
                     f"{format_number(basis['of'], 0)} stellingen die in alle gemeenten zijn voorgelegd, zodat "
                     "team, gemeente en totaal vergelijkbaar zijn.")
    if basis.get("not_asked"):
        parts.append("Gemeenten die niet alle benodigde stellingen kregen, tellen in het totaal niet mee.")
    return " ".join(parts)


def in_score(analysis: dict, construct: str, item: str) -> bool:
    """Whether a statement counts in the scale score (False for one that only some gemeenten got)."""
    basis = analysis.get("construct_basis", {}).get(construct)
    return basis is None or not basis["comparable"] or item in basis["items"]
