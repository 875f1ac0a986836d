"""Tabel 3 of the prevention study (seed 000, lines 1122-1212) recomputed from a coding project folder.

The folder tests/fixtures/coding/tabel3 has the layout of `flask coding import PROJECT DIR`: codebook.yaml,
transcripts focusgroep1-3.txt with `R01: ...` turns, and codings.csv. Coder MJ labelled every example with an
outcome and a prevention level; three examples are one activity at two levels (one fragment, two level codes),
as the study notes activities can sit at several levels. Coder KB double-coded focusgroep1.txt.
"""

from pathlib import Path

import pytest

from survey_app.coding.agreement import two_coder_agreement
from survey_app.coding.codebook_io import read_codebook
from survey_app.coding.codings_csv import read_codings
from survey_app.coding.tables import crosstab, frequencies
from survey_app.coding.transcripts import read_transcript

PROJECT = Path(__file__).parent.parent / "fixtures" / "coding" / "tabel3"

# Tabel 3, "Aantal voorbeelden per preventieniveau" (Primair, Secundair, Tertiair), in the printed order.
TABEL_3 = [
    ("Sneller handelen", 2, 11, 7),
    ("Eigen kracht versterkt", 0, 8, 7),
    ("Beter geïnformeerd", 2, 5, 7),
    ("Kostenbesparing", 2, 5, 3),
    ("Drempelverlagend om hulp te vragen", 1, 5, 2),
    ("Minder conflicten", 3, 2, 0),
    ("Meer respect", 2, 2, 0),
    ("Betere signalering van problemen in de wijk", 1, 1, 1),
    ("Versterkt door netwerk", 0, 3, 0),
    ("Gezamenlijke visie", 1, 1, 0),
    ("Doelgerichter", 1, 1, 0),
]


@pytest.fixture(scope="module")
def project():
    documents = [read_transcript(path) for path in sorted(PROJECT.glob("*.txt"))]
    codebook = read_codebook(PROJECT / "codebook.yaml")
    codings = read_codings(PROJECT / "codings.csv", documents, codebook)
    return codings, documents, codebook


def test_project_folder_imports(project):
    codings, documents, codebook = project
    assert [d.name for d in documents] == ["focusgroep1.txt", "focusgroep2.txt", "focusgroep3.txt"]
    assert all(f.speaker for d in documents for f in d.fragments[1:])  # only the header line has no speaker
    assert [axis.path for axis in codebook.axes()] == ["uitkomst", "preventieniveau"]
    assert {c.coder for c in codings} == {"MJ", "KB"}


def test_crosstab_reproduces_tabel_3_with_computed_totals(project):
    codings, documents, codebook = project
    table = crosstab(codings, documents, codebook, "uitkomst", "preventieniveau", sort_by_total=True)
    assert table.columns == ("Primair", "Secundair", "Tertiair")
    assert [tuple(row) for row in table.to_rows()[1:-1]] == [(*row, sum(row[1:])) for row in TABEL_3]
    assert table.to_rows()[-1] == ["Totaal", 15, 44, 27, 86]
    assert table.row_totals["Sneller handelen"] == 20
    # 86 examples per level, from 83 distinct example fragments (3 activities sit at two levels).
    assert (table.grand_total, table.fragments) == (86, 83)
    # KB's extra and missing codes in focusgroep1 do not change the table: the union of coders is counted.
    assert crosstab(codings, documents, codebook, "uitkomst", "preventieniveau", coder="MJ").cells == table.cells


def test_frequencies_and_agreement_on_the_project(project):
    codings, documents, codebook = project
    by_path = {row.path: row for row in frequencies(codings, documents, codebook, coder="MJ").rows}
    assert by_path["uitkomst"].fragments == 83
    assert by_path["uitkomst/Sneller handelen"].fragments == 19  # 20 examples, one of them at two levels
    assert by_path["preventieniveau/Secundair"].fragments == 44
    report = two_coder_agreement(codings, documents, "MJ", "KB")
    assert report.documents == ("focusgroep1.txt",)
    assert 0.8 < report.overall_coded_fragments.pooled.kappa < 1.0
