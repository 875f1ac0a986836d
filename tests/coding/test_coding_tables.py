"""Frequencies, crosstabs and quotes computed from codings, withdrawal of participants, CSV/XLSX output."""

import io

import pytest
from openpyxl import load_workbook

from survey_app.coding.codebook_yaml import load_yaml
from survey_app.coding.codings_csv import Coding
from survey_app.coding.table_export import write_csv, write_xlsx
from survey_app.coding.tables import coded_fragments, crosstab, frequencies, quotes
from survey_app.coding.transcripts import parse_text

CODEBOOK = load_yaml(
    """
codes:
  - name: uitkomst
    children:
      - name: Voorkomen
        children:
          - name: Sneller handelen
          - name: Kosten
      - name: Signaleren
  - name: niveau
    children:
      - name: Primair
      - name: Secundair
"""
)
DOCUMENTS = [
    parse_text("I: Vraag?\nR01: = eerste\nR02: tweede\nR01: derde\n", "fg1.txt"),
    parse_text("R03: vierde\nR02: vijfde\n", "fg2.txt"),
]
CODINGS = [
    Coding("fg1.txt", 2, "MJ", "uitkomst/Voorkomen/Sneller handelen"),
    Coding("fg1.txt", 2, "MJ", "niveau/Primair"),
    Coding("fg1.txt", 3, "MJ", "uitkomst/Voorkomen/Kosten"),
    Coding("fg1.txt", 3, "KB", "niveau/Secundair"),  # another coder adds the level
    Coding("fg1.txt", 4, "MJ", "uitkomst/Signaleren"),
    Coding("fg1.txt", 4, "MJ", "uitkomst/Voorkomen/Kosten"),  # two outcomes, one level
    Coding("fg1.txt", 4, "MJ", "niveau/Secundair"),
    Coding("fg2.txt", 1, "MJ", "uitkomst/Voorkomen/Sneller handelen"),
    Coding("fg2.txt", 1, "MJ", "niveau/Primair"),
    Coding("fg2.txt", 2, "MJ", "uitkomst/Signaleren"),  # no level: not in the crosstab
    Coding("fg1.txt", 1, "MJ", "uitkomst/Signaleren"),  # the interviewer's question
]


def test_coded_fragments_combine_coders_and_drop_withdrawn():
    fragments = coded_fragments(CODINGS, DOCUMENTS)
    assert [(f.document, f.position) for f in fragments] == [
        ("fg1.txt", 1),
        ("fg1.txt", 2),
        ("fg1.txt", 3),
        ("fg1.txt", 4),
        ("fg2.txt", 1),
        ("fg2.txt", 2),
    ]
    assert fragments[2].codes == {"uitkomst/Voorkomen/Kosten", "niveau/Secundair"}
    assert coded_fragments(CODINGS, DOCUMENTS, coder="KB")[0].codes == {"niveau/Secundair"}
    assert all(f.speaker != "R01" for f in coded_fragments(CODINGS, DOCUMENTS, withdrawn={"R01"}))
    with pytest.raises(ValueError, match="onbekend document fg9.txt"):
        coded_fragments([Coding("fg9.txt", 1, "MJ", "niveau")], DOCUMENTS)


def test_frequencies_roll_up_sub_codes_and_count_participants():
    table = frequencies(CODINGS, DOCUMENTS, CODEBOOK)
    by_path = {row.path: (row.fragments, row.participants, row.documents) for row in table.rows}
    assert by_path["uitkomst"] == (6, 3, 2)  # the interviewer's fragment counts, the interviewer does not
    assert by_path["uitkomst/Voorkomen"] == (4, 3, 2)
    assert by_path["uitkomst/Voorkomen/Kosten"] == (2, 2, 1)
    assert by_path["uitkomst/Signaleren"] == (3, 2, 2)
    assert by_path["niveau/Secundair"] == (2, 2, 1)
    direct = {r.path: r.fragments for r in frequencies(CODINGS, DOCUMENTS, CODEBOOK, include_descendants=False).rows}
    assert (direct["uitkomst"], direct["uitkomst/Voorkomen"]) == (0, 0)
    assert table.to_rows()[0] == ["Code", "Naam", "Niveau", "Fragmenten", "Deelnemers", "Documenten"]
    assert table.to_rows()[3] == ["uitkomst/Voorkomen/Sneller handelen", "Sneller handelen", 3, 2, 2, 2]


def test_withdrawn_participant_is_removed_from_frequencies():
    table = frequencies(CODINGS, DOCUMENTS, CODEBOOK, withdrawn={"R01"})
    by_path = {row.path: (row.fragments, row.participants) for row in table.rows}
    assert by_path["uitkomst/Voorkomen/Sneller handelen"] == (1, 1)
    assert by_path["uitkomst/Signaleren"] == (2, 1)


def test_crosstab_by_second_level_name():
    table = crosstab(CODINGS, DOCUMENTS, CODEBOOK, "uitkomst", "niveau")
    assert table.rows == ("Voorkomen", "Signaleren")
    assert table.columns == ("Primair", "Secundair")
    assert table.to_rows() == [
        ["uitkomst", "Primair", "Secundair", "Totaal"],
        ["Voorkomen", 2, 2, 4],
        ["Signaleren", 0, 1, 1],
        ["Totaal", 2, 3, 5],
    ]
    # Fragment fg1:4 has two outcomes, so the sum of cells (5) exceeds the distinct fragments (4).
    assert (table.grand_total, table.fragments) == (5, 4)
    assert table.title == "uitkomst × niveau"


def test_crosstab_by_path_coder_withdrawn_and_sorting():
    table = crosstab(CODINGS, DOCUMENTS, CODEBOOK, "uitkomst", "niveau", by="path")
    assert table.rows == ("Voorkomen", "Voorkomen/Sneller handelen", "Voorkomen/Kosten", "Signaleren")
    assert table.row_totals == {"Voorkomen": 0, "Voorkomen/Sneller handelen": 2, "Voorkomen/Kosten": 2, "Signaleren": 1}
    assert crosstab(CODINGS, DOCUMENTS, CODEBOOK, "uitkomst", "niveau", coder="MJ").column_totals == {
        "Primair": 2,
        "Secundair": 2,
    }
    without_r01 = crosstab(CODINGS, DOCUMENTS, CODEBOOK, "uitkomst", "niveau", withdrawn={"R01"})
    assert without_r01.to_rows()[1:] == [["Voorkomen", 1, 1, 2], ["Signaleren", 0, 0, 0], ["Totaal", 1, 1, 2]]
    swapped = crosstab(CODINGS, DOCUMENTS, CODEBOOK, "niveau", "uitkomst", sort_by_total=True)
    assert swapped.rows == ("Secundair", "Primair")
    with pytest.raises(ValueError, match="'uitkomst/Signaleren' is geen as"):
        crosstab(CODINGS, DOCUMENTS, CODEBOOK, "uitkomst/Signaleren", "niveau")
    with pytest.raises(ValueError, match="by moet"):
        crosstab(CODINGS, DOCUMENTS, CODEBOOK, "uitkomst", "niveau", by="level")


def test_quotes_per_code():
    table = quotes(CODINGS, DOCUMENTS, CODEBOOK, codes=["uitkomst/Voorkomen/Kosten", "uitkomst/Signaleren"])
    grouped = table.by_code()
    assert [(q.document, q.position, q.speaker, q.text) for q in grouped["uitkomst/Voorkomen/Kosten"]] == [
        ("fg1.txt", 3, "R02", "tweede"),
        ("fg1.txt", 4, "R01", "derde"),
    ]
    assert [q.speaker for q in grouped["uitkomst/Signaleren"]] == ["I", "R01", "R02"]
    withdrawn = quotes(CODINGS, DOCUMENTS, CODEBOOK, codes=["uitkomst/Signaleren"], withdrawn={"R01", "R02"})
    assert [q.speaker for q in withdrawn.quotes] == ["I"]
    rolled_up = quotes(CODINGS, DOCUMENTS, CODEBOOK, codes=["uitkomst/Voorkomen"], include_descendants=True)
    assert len(rolled_up.quotes) == 4
    assert len(quotes(CODINGS, DOCUMENTS, CODEBOOK).quotes) == len(CODINGS)  # every coding is a distinct pair
    with pytest.raises(ValueError, match="onbekende code"):
        quotes(CODINGS, DOCUMENTS, CODEBOOK, codes=["uitkomst/Duur"])


def test_csv_writer_neutralises_formulas(tmp_path):
    table = quotes(CODINGS, DOCUMENTS, CODEBOOK, codes=["uitkomst/Voorkomen/Sneller handelen"])
    buffer = io.StringIO()
    write_csv(table, buffer, delimiter=";")
    assert buffer.getvalue().splitlines() == [
        "Code;Document;Fragment;Spreker;Citaat",
        "uitkomst/Voorkomen/Sneller handelen;fg1.txt;2;R01;'= eerste",
        "uitkomst/Voorkomen/Sneller handelen;fg2.txt;1;R03;vierde",
    ]
    path = tmp_path / "crosstab.csv"
    write_csv(crosstab(CODINGS, DOCUMENTS, CODEBOOK, "uitkomst", "niveau"), path)
    assert path.read_bytes().startswith(b"\xef\xbb\xbfuitkomst,Primair,Secundair,Totaal\n")


def test_xlsx_writer_one_sheet_per_table(tmp_path):
    path = tmp_path / "tabellen.xlsx"
    tables = [
        frequencies(CODINGS, DOCUMENTS, CODEBOOK),
        crosstab(CODINGS, DOCUMENTS, CODEBOOK, "uitkomst", "niveau"),
        quotes(CODINGS, DOCUMENTS, CODEBOOK),
    ]
    write_xlsx(tables, path)
    workbook = load_workbook(path)
    assert workbook.sheetnames == ["Frequenties per code", "uitkomst × niveau", "Citaten per code"]
    cross = [list(row) for row in workbook["uitkomst × niveau"].iter_rows(values_only=True)]
    assert cross[-1] == ["Totaal", 2, 3, 5]
    texts = [row[4] for row in workbook["Citaten per code"].iter_rows(min_row=2, values_only=True)]
    assert "= eerste" in texts  # stored as text, not as a formula
    assert workbook["Frequenties per code"]["A1"].font.bold
