"""Inter-coder agreement: Cohen's kappa, Krippendorff's alpha (nominal) and percent agreement.

For two coders every code is a yes/no decision per fragment (1 = the coder gave the code, 0 = not). Compared are
only the documents both coders worked on (each has at least one coding in it): double coding is usually done on
a sample of the transcripts, and fragments of documents a coder never opened are not disagreements.

Everything is reported twice: over all fragments of those documents, and over the fragments that at least one
of the two coders coded (with any code). The first includes the many easy "both left it empty" decisions and
therefore looks better; the second is the stricter figure.

Overall figures: the mean of the per-code kappas (codes with an undefined kappa left out and counted), a pooled
kappa over all (fragment, code) decisions, and alpha and percent agreement over the same decisions.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass

import krippendorff
import numpy as np
from sklearn.metrics import cohen_kappa_score

from survey_app.coding.codings_csv import Coding
from survey_app.coding.transcripts import Document

NO_UNITS = "geen fragmenten om te vergelijken"
CONSTANT_KAPPA = "beide codeurs geven overal hetzelfde oordeel; kappa is dan niet gedefinieerd"
CONSTANT_ALPHA = "er komt maar één waarde voor; alpha is dan niet gedefinieerd"


@dataclass(frozen=True)
class Agreement:
    """Agreement of two coders over a set of yes/no decisions; a None value comes with a note saying why."""

    units: int  #: number of decisions compared
    percent_agreement: float | None
    kappa: float | None
    alpha: float | None
    kappa_note: str | None = None
    alpha_note: str | None = None


@dataclass(frozen=True)
class CodeAgreement:
    """Agreement on one code, over all fragments and over the fragments coded by either coder."""

    code: str
    count_a: int  #: fragments to which coder A gave this code
    count_b: int
    all_fragments: Agreement
    coded_fragments: Agreement


@dataclass(frozen=True)
class OverallAgreement:
    """Summary over all codes: mean per-code kappa and pooled figures over all (fragment, code) decisions."""

    mean_kappa: float | None
    codes_in_mean: int  #: codes whose kappa was defined
    codes_without_kappa: int
    pooled: Agreement


@dataclass(frozen=True)
class AgreementReport:
    """The full two-coder comparison, ready for JSON via `to_dict`."""

    coder_a: str
    coder_b: str
    documents: tuple[str, ...]
    fragments: int  #: fragments in the compared documents
    coded_fragments: int  #: of which coded by at least one of the two
    codes: tuple[CodeAgreement, ...]
    overall_all_fragments: OverallAgreement
    overall_coded_fragments: OverallAgreement

    def to_dict(self) -> dict:
        """Plain dict (lists instead of tuples) for `json.dump`."""
        data = asdict(self)
        data["documents"] = list(self.documents)
        data["codes"] = [asdict(code) for code in self.codes]
        return data


def pair_agreement(a: Sequence[int], b: Sequence[int]) -> Agreement:
    """Percent agreement, Cohen's kappa and nominal Krippendorff's alpha of two equally long 0/1 vectors."""
    if len(a) != len(b):
        raise ValueError("beide reeksen moeten even lang zijn")
    if not a:
        return Agreement(0, None, None, None, NO_UNITS, NO_UNITS)
    x, y = np.asarray(a, dtype=int), np.asarray(b, dtype=int)
    percent = float(np.mean(x == y))
    if len(set(x.tolist()) | set(y.tolist())) == 1:
        return Agreement(len(x), percent, None, None, CONSTANT_KAPPA, CONSTANT_ALPHA)
    kappa = float(cohen_kappa_score(x, y, labels=[0, 1]))
    alpha = krippendorff_alpha_nominal([x.tolist(), y.tolist()])
    return Agreement(len(x), percent, kappa, alpha, None, None if alpha is not None else CONSTANT_ALPHA)


def krippendorff_alpha_nominal(reliability_data: Sequence[Sequence[object]]) -> float | None:
    """Nominal alpha for any number of coders (rows) and units (columns); None or NaN marks a missing value.

    Values may be any hashable labels (codes, strings). Returns None when alpha is undefined (fewer than two
    distinct values, or no unit coded by two coders).
    """
    labels: dict[object, int] = {}
    matrix = []
    for row in reliability_data:
        numeric = []
        for value in row:
            if value is None or (isinstance(value, float) and math.isnan(value)):
                numeric.append(np.nan)
            else:
                numeric.append(float(labels.setdefault(value, len(labels))))
        matrix.append(numeric)
    if len(labels) < 2:
        return None
    try:
        value = krippendorff.alpha(reliability_data=np.array(matrix, dtype=float), level_of_measurement="nominal")
    except ValueError:
        return None
    return None if math.isnan(value) else float(value)


def two_coder_agreement(
    codings: Iterable[Coding],
    documents: Iterable[Document],
    coder_a: str,
    coder_b: str,
    codes: Sequence[str] | None = None,
) -> AgreementReport:
    """Compare two coders per code and overall on the documents both coded (see module docstring).

    `codes` defaults to every code either coder used in those documents. Raises ValueError (Dutch message) when
    the coders have no document in common.
    """
    codings = list(codings)
    by_coder: dict[str, set[tuple[str, int, str]]] = {coder_a: set(), coder_b: set()}
    for coding in codings:
        if coding.coder in by_coder:
            by_coder[coding.coder].add((coding.document, coding.fragment, coding.code))
    shared = {d for d, _, _ in by_coder[coder_a]} & {d for d, _, _ in by_coder[coder_b]}
    if not shared:
        raise ValueError(f"codeurs {coder_a} en {coder_b} hebben geen document allebei gecodeerd")
    units = [(doc.name, frag.position) for doc in documents if doc.name in shared for frag in doc.fragments]
    a_set = {item for item in by_coder[coder_a] if item[0] in shared}
    b_set = {item for item in by_coder[coder_b] if item[0] in shared}
    coded = {(d, f) for d, f, _ in a_set | b_set}
    coded_units = [unit for unit in units if unit in coded]
    if codes is None:
        codes = sorted({code for _, _, code in a_set | b_set})

    per_code = []
    vectors: dict[str, tuple[list[int], list[int], list[int], list[int]]] = {}
    for code in codes:
        xa = [int((d, f, code) in a_set) for d, f in units]
        xb = [int((d, f, code) in b_set) for d, f in units]
        ca = [int((d, f, code) in a_set) for d, f in coded_units]
        cb = [int((d, f, code) in b_set) for d, f in coded_units]
        vectors[code] = (xa, xb, ca, cb)
        per_code.append(CodeAgreement(code, sum(xa), sum(xb), pair_agreement(xa, xb), pair_agreement(ca, cb)))

    return AgreementReport(
        coder_a=coder_a,
        coder_b=coder_b,
        documents=tuple(sorted(shared)),
        fragments=len(units),
        coded_fragments=len(coded_units),
        codes=tuple(per_code),
        overall_all_fragments=_overall([c.all_fragments for c in per_code], [v[:2] for v in vectors.values()]),
        overall_coded_fragments=_overall([c.coded_fragments for c in per_code], [v[2:] for v in vectors.values()]),
    )


def _overall(per_code: list[Agreement], vectors: list[tuple[list[int], list[int]]]) -> OverallAgreement:
    kappas = [agreement.kappa for agreement in per_code if agreement.kappa is not None]
    pooled_a = [value for a, _ in vectors for value in a]
    pooled_b = [value for _, b in vectors for value in b]
    return OverallAgreement(
        mean_kappa=float(np.mean(kappas)) if kappas else None,
        codes_in_mean=len(kappas),
        codes_without_kappa=len(per_code) - len(kappas),
        pooled=pair_agreement(pooled_a, pooled_b),
    )
