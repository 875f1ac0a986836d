"""codings.csv is checked against documents and codebook, all or nothing."""

import pytest

from survey_app.coding.codebook_yaml import load_yaml
from survey_app.coding.codings_csv import Coding, document_lookup, parse_codings, read_codings
from survey_app.coding.errors import MAX_LISTED_PROBLEMS, CodingsError
from survey_app.coding.transcripts import parse_text

CODEBOOK = load_yaml(
    "codes:\n  - name: uitkomst\n    children:\n      - name: Sneller handelen\n      - name: Kosten\n"
)
DOCUMENTS = [
    parse_text("I: Vraag\nR01: Antwoord een\nR02: Antwoord twee\n", "focusgroep1.txt"),
    parse_text("R03: Alleen dit\n", "interview.docx"),
]


def test_valid_rows_become_codings():
    text = (
        "document,fragment,coder,code\n"
        "focusgroep1.txt,2,MJ,uitkomst/Sneller handelen\n"
        "interview,1,KB, uitkomst / Kosten \n"  # name without extension and spaces around '/' are fine
        "\n"
        "focusgroep1.txt,3,MJ,uitkomst\n"
    )
    assert parse_codings(text, DOCUMENTS, CODEBOOK) == [
        Coding("focusgroep1.txt", 2, "MJ", "uitkomst/Sneller handelen"),
        Coding("interview.docx", 1, "KB", "uitkomst/Kosten"),
        Coding("focusgroep1.txt", 3, "MJ", "uitkomst"),
    ]


def test_all_problems_are_collected_with_row_numbers():
    text = (
        "Document;Fragment;Coder;Code\n"
        "onbekend.txt;1;MJ;uitkomst/Kosten\n"
        "focusgroep1.txt;4;MJ;uitkomst/Kosten\n"
        "focusgroep1.txt;0;MJ;uitkomst/Kosten\n"
        "focusgroep1.txt;twee;MJ;uitkomst/Kosten\n"
        "focusgroep1.txt;1;;uitkomst/Kosten\n"
        "focusgroep1.txt;1;MJ;uitkomst/Duur\n"
        "focusgroep1.txt;1;MJ;\n"
        "focusgroep1.txt;1;MJ;uitkomst/Kosten\n"
        "focusgroep1.txt;1;MJ;uitkomst/Kosten\n"
    )
    with pytest.raises(CodingsError) as caught:
        parse_codings(text, DOCUMENTS, CODEBOOK, "codings.csv")
    assert caught.value.problems == [
        "rij 2: onbekend document 'onbekend.txt'",
        "rij 3: fragment 4 bestaat niet in focusgroep1.txt (1 t/m 3)",
        "rij 4: fragment 0 bestaat niet in focusgroep1.txt (1 t/m 3)",
        "rij 5: fragment 'twee' is geen geheel getal",
        "rij 6: codeur ontbreekt",
        "rij 7: onbekende code 'uitkomst/Duur'",
        "rij 8: code ontbreekt",
        "rij 10: dubbel, staat al in rij 9",
    ]
    assert str(caught.value).startswith("codings.csv: 8 problemen, niets geïmporteerd:\n- rij 2: onbekend document")


def test_error_message_lists_at_most_twenty_problems():
    text = "document,fragment,coder,code\n" + "focusgroep1.txt,9,MJ,uitkomst\n" * 25
    with pytest.raises(CodingsError) as caught:
        parse_codings(text, DOCUMENTS, CODEBOOK)
    message = str(caught.value)
    assert len(caught.value.problems) == 25
    assert message.count("\n- rij") == MAX_LISTED_PROBLEMS
    assert message.endswith("... en nog 5 problemen")


def test_missing_columns():
    with pytest.raises(CodingsError, match="rij 1: kolom\\(men\\) ontbreken: coder, code"):
        parse_codings("document,fragment\nfocusgroep1.txt,1\n", DOCUMENTS, CODEBOOK)


def test_ambiguous_stem_is_not_matched():
    documents = [parse_text("R01: a\n", "x.txt"), parse_text("R01: b\n", "x.vtt")]
    assert sorted(document_lookup(documents)) == ["x.txt", "x.vtt"]


def test_read_from_file(tmp_path):
    path = tmp_path / "codings.csv"
    path.write_bytes("document,fragment,coder,code\ninterview.docx,1,Eé,uitkomst\n".encode("cp1252"))
    assert read_codings(path, DOCUMENTS, CODEBOOK) == [Coding("interview.docx", 1, "Eé", "uitkomst")]
