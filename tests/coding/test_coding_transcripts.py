"""Transcripts become numbered fragments; encodings, garbage and pseudonymisation."""

from pathlib import Path

import pytest
from docx import Document as WordDocument

from survey_app.coding.errors import TranscriptError
from survey_app.coding.transcripts import (
    Fragment,
    parse_replacements,
    parse_srt,
    parse_text,
    parse_vtt,
    pseudonymise,
    pseudonymise_document,
    read_replacements,
    read_transcript,
)

FIXTURES = Path(__file__).parent.parent / "fixtures" / "coding"


def speakers_and_texts(document):
    return [(f.position, f.speaker, f.text) for f in document.fragments]


def test_txt_turns_continuations_and_leading_paragraphs():
    document = read_transcript(FIXTURES / "interview.txt")
    assert document.name == "interview.txt"
    assert speakers_and_texts(document) == [
        (1, None, "Interview wijkteam Oost, 12 maart"),
        (2, None, "Opname gestart na toestemming."),
        (3, "Interviewer", "Hoe komen bewoners bij jullie terecht?"),
        (
            4,
            "R01",
            "Vaak via de huisarts. Marieke de Vries van de praktijk\nbelt ons dan meteen.\nSoms ook via school.",
        ),
        (5, "I", "En daarna?"),
        # "Let op:" is ordinary text, not a speaker called "Let op".
        (6, "R02", "Let op: dat verschilt per wijk.\nMarieke zegt dat ook."),
    ]
    assert all(f.start_seconds is None for f in document.fragments)


def test_text_without_turns_is_split_into_paragraphs():
    document = parse_text("Eerste alinea\nloopt door.\n\n\nTweede alinea.\n", "notities.txt")
    assert speakers_and_texts(document) == [(1, None, "Eerste alinea\nloopt door."), (2, None, "Tweede alinea.")]


def test_speaker_names_with_particles_and_empty_turns():
    document = parse_text("Jan van der Berg: hallo\nR05:\nRespondent 3: ja\n", "x.txt")
    # The empty R05 turn is left out, so numbering only counts turns with text.
    assert speakers_and_texts(document) == [(1, "Jan van der Berg", "hallo"), (2, "Respondent 3", "ja")]


def test_docx_paragraphs_use_the_same_speaker_logic(tmp_path):
    word = WordDocument()
    for text in ["Verslag focusgroep", "I: Wat werkt?", "R01: Het spreekuur.", "Dat zeg ik al jaren.", "R02: Eens."]:
        word.add_paragraph(text)
    path = tmp_path / "focusgroep.docx"
    word.save(path)
    document = read_transcript(path)
    assert speakers_and_texts(document) == [
        (1, None, "Verslag focusgroep"),
        (2, "I", "Wat werkt?"),
        (3, "R01", "Het spreekuur.\nDat zeg ik al jaren."),
        (4, "R02", "Eens."),
    ]


def test_docx_without_turns_gives_one_fragment_per_paragraph(tmp_path):
    word = WordDocument()
    word.add_paragraph("Eerste alinea.")
    word.add_paragraph("Tweede alinea.")
    path = tmp_path / "tekst.docx"
    word.save(path)
    assert [f.text for f in read_transcript(path).fragments] == ["Eerste alinea.", "Tweede alinea."]


def test_broken_docx_is_reported(tmp_path):
    path = tmp_path / "kapot.docx"
    path.write_bytes(b"dit is geen zip")
    with pytest.raises(TranscriptError, match="kapot.docx: geen geldig Word-bestand"):
        read_transcript(path)


def test_vtt_voice_tags_merge_consecutive_cues_and_keep_start_time():
    document = read_transcript(FIXTURES / "teams.vtt")
    assert document.fragments == [
        Fragment(1, "Interviewer", "Welkom bij dit gesprek.", 1.0),
        Fragment(2, "R01", "We zien dat mensen eerder bij ons binnenlopen.", 4.5),
        Fragment(3, "R02", "Dat klopt, zeker bij jongeren.", 62.25),
    ]


def test_srt_prefix_speakers_and_hour_timestamps():
    document = read_transcript(FIXTURES / "zoom.srt")
    assert document.fragments == [
        Fragment(1, "Interviewer", "Wat levert het spreekuur op?", 0.5),
        Fragment(2, "R03", "Mensen weten beter waar ze terecht kunnen. Dat scheelt veel onrust.", 3.1),
        Fragment(3, "Interviewer", "Dank u wel.", 3600.0),
    ]


def test_cues_without_speaker_stay_separate():
    text = "WEBVTT\n\n00:01.000 --> 00:02.000\nhallo\n\n00:02.000 --> 00:03.000\nwereld\n"
    assert [(f.speaker, f.text, f.start_seconds) for f in parse_vtt(text, "a.vtt").fragments] == [
        (None, "hallo", 1.0),
        (None, "wereld", 2.0),
    ]


def test_vtt_needs_header_and_timing_lines():
    with pytest.raises(TranscriptError, match=r"a.vtt: regel 1: .*WEBVTT"):
        parse_vtt("00:01.000 --> 00:02.000\nhallo\n", "a.vtt")
    with pytest.raises(TranscriptError, match=r"b.srt: regel 5: tijdregel ontbreekt"):
        parse_srt("1\n00:00:01,000 --> 00:00:02,000\nhallo\n\n2\n00:00:03 tot 00:00:04\nfout\n", "b.srt")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
def test_encodings_are_detected(tmp_path, encoding):
    path = tmp_path / "enc.txt"
    path.write_bytes("R01: Wij zijn tevreden over het café en de coördinatie – echt.\n".encode(encoding))
    fragment = read_transcript(path).fragments[0]
    assert fragment.speaker == "R01"
    assert fragment.text == "Wij zijn tevreden over het café en de coördinatie – echt."


def test_binary_garbage_names_file_and_line(tmp_path):
    path = tmp_path / "rommel.txt"
    path.write_bytes(b"R01: goed\nR02: ook\n\x00\x01\x02PK\x03\x04\n")
    with pytest.raises(TranscriptError, match=r"^rommel.txt: regel 3: onleesbare \(binaire\) tekens"):
        read_transcript(path)


def test_undecodable_bytes_name_the_line(tmp_path):
    path = tmp_path / "vreemd.txt"
    path.write_bytes(b"R01: goed\nR02: \x81\x8d\n")  # invalid in UTF-8 and undefined in Windows-1252
    with pytest.raises(TranscriptError, match=r"vreemd.txt: regel 2: onleesbare tekens"):
        read_transcript(path)


def test_empty_file_and_unknown_suffix(tmp_path):
    (tmp_path / "leeg.txt").write_text("\n\n", encoding="utf-8")
    with pytest.raises(TranscriptError, match="leeg.txt: het bestand bevat geen tekst"):
        read_transcript(tmp_path / "leeg.txt")
    (tmp_path / "audio.mp3").write_bytes(b"ID3")
    with pytest.raises(TranscriptError, match="onbekend bestandstype .mp3"):
        read_transcript(tmp_path / "audio.mp3")


def test_pseudonymise_whole_words_case_insensitive_longest_first():
    replacements = {"Jan": "R02", "Jan de Vries": "R01", "Els": "R03\\1"}
    text = "Jan de Vries belde; jan kwam. Janssen en Elsa niet, ELS wel."
    assert pseudonymise(text, replacements) == "R01 belde; R02 kwam. Janssen en Elsa niet, R03\\1 wel."
    assert pseudonymise(text, {}) == text


def test_read_transcript_with_replace_list_pseudonymises_text_and_speakers():
    replacements = read_replacements(FIXTURES / "replace.csv")
    assert replacements == {"Marieke de Vries": "[huisarts]", "Marieke": "R04"}
    document = pseudonymise_document(parse_text("Marieke: ik bel Marieke de Vries\n", "x.txt"), replacements)
    assert document.fragments == [Fragment(1, "R04", "ik bel [huisarts]")]
    pseudonymised = read_transcript(FIXTURES / "interview.txt", replacements)
    assert pseudonymised.fragments[3].text.startswith("Vaak via de huisarts. [huisarts] van de praktijk")
    assert pseudonymised.fragments[5].text.endswith("R04 zegt dat ook.")


def test_replace_list_problems_are_listed_with_rows():
    text = "find,replace\n,R01\nPiet,R02\npiet,R03\nPIET,R02\n"
    with pytest.raises(TranscriptError) as caught:
        parse_replacements(text, "replace.csv")
    assert caught.value.problems == [
        "rij 2: kolom find is leeg",
        "rij 4: 'piet' staat al in rij 3 met een andere vervanging",
    ]
