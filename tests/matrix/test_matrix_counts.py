"""The 15-case matrix of the Rekenkamer study (seed 002, Tabel 3), imported through the CLI, gives the study's
own summary statements: the counts are computed from scores.csv, never typed into the fixture."""

from __future__ import annotations

import pytest

from survey_app.matrix.store import load

#: (deelaspect, level, statement in 002, niet van toepassing) — quoted from the study's "Uitkomsten op hoofdlijnen"
STATEMENTS = [
    ("Tijdige signalering problematiek", "groen", "7 van de 15", 0),                # "7 van de 15 tijdig"
    ("Tijdig bezoek van SWT", "groen", "9 van de 14", 1),                            # "bij 1 casus niet van toepassing"
    ("Bewoner wist waar hij/zij met problemen/hulpvragen terecht kon", "groen", "8 van de 15", 0),
    ("De gemeente Zwolle bereikt gezinnen die met dezelfde vragen en problemen zitten", "groen", "2 van de 14", 1),
    ("Klik/ goed contact met medewerker SWT", "groen", "12 van de 15", 0),
    ("Klik/ goed contact met medewerker SWT", "oranje", "3 van de 15", 0),          # "gedeeltelijk tevreden"
    ("Langdurig dezelfde consulent", "groen", "11 van de 15", 0),
    ("Goed overgedragen naar ondersteuning", "groen", "10 van de 14", 1),
    ("Medewerker SWT zocht/had contact met aanbieder van de hulp", "groen", "8 van de 15", 0),
    ("SWT voerde regie", "groen", "3 van de 15", 0),
    ("SWT voerde regie", "oranje", "4 van de 15", 0),
    ("SWT voerde regie", "rood", "8 van de 15", 0),
    ("(Na afloop) hulp afgeschaald naar voorliggend veld", "groen", "8 van de 13", 2),
    ("Evaluaties van de hulp met medewerker SWT gehad", "groen", "8 van de 15", 0),
    ("Tijdig hulp ontvangen", "groen", "7 van de 15", 0),
    ("Tijdig hulp ontvangen", "rood", "4 van de 15", 0),
    ("De ontvangen hulp werd tijdig op- en afgeschaald", "groen", "8 van de 15", 0),
    ("Klik/ goed contact met de aanbieder/ hulpverlener", "groen", "10 van de 15", 0),
    ("Klik/ goed contact met de aanbieder/ hulpverlener", "rood", "3 van de 15", 0),
    ("Hulp sluit aan bij de gezinssituatie", "groen", "10 van de 15", 0),
    ("Hulp voorkwam verergering van problemen", "groen", "10 van de 15", 0),
    ("Hulp voorkwam verergering van problemen", "rood", "3 van de 15", 0),
    ("Hulp maakte het probleem behapbaar", "oranje", "3 van de 15", 0),
    ("Hulp liet de problemen afnemen/ loste de problemen op", "groen", "2 van de 10", 5),  # 5 grijs: chronisch
    ("Hulp liet de problemen afnemen/ loste de problemen op", "rood", "3 van de 10", 5),
    ("Hulp liet de problemen afnemen/ loste de problemen op", "oranje", "5 van de 10", 5),
    ("School (leraar, intern begeleider, zorg(advies)team)", "groen", "12 van de 14", 1),
    ("Meerdere jeugdhulp-partijen", "groen", "13 van de 13", 2),
    ("Jongerenwerker", "groen", "1 van de 1", 14),
]


@pytest.fixture
def counts(imported):
    """The computed counts by deelaspect name."""
    return {count.aspect.name: count for count in load(imported).counts}


def test_import_reports_what_it_stored(runner, zwolle_dir):
    result = runner.invoke(args=["matrix", "import", "zwolle", str(zwolle_dir)])
    assert result.exit_code == 0, result.output
    assert "15 casussen, 28 aspecten, 418 scores" in result.output


@pytest.mark.parametrize(("aspect", "level", "statement", "not_applicable"), STATEMENTS)
def test_counts_match_the_study(counts, aspect, level, statement, not_applicable):
    count = counts[aspect]
    assert count.statement(level) == statement
    assert count.not_applicable == not_applicable
    assert count.applicable + count.not_applicable + count.not_scored == 15


def test_grijs_is_left_out_of_n(counts):
    """Five chronic cases are grijs on 'afnemen/oplossen': N is 10, not 15; police never applied: N is 0."""
    solving = counts["Hulp liet de problemen afnemen/ loste de problemen op"]
    assert solving.applicable == 10 and sum(solving.per_level.values()) == 10
    police = counts["Politie"]
    assert (police.applicable, police.not_applicable, police.statement("groen")) == (0, 15, "0 van de 0")


def test_not_scored_is_reported_apart_from_grijs(counts):
    """Two cells left empty are neither in N nor counted as niet van toepassing."""
    received = counts["Goed ontvangen na overdracht vanuit SWT"]
    assert (received.not_scored, received.not_applicable, received.applicable) == (2, 1, 12)


def test_case_attributes_are_kept(imported):
    cases = load(imported).cases
    assert cases[8].label == "C09" and cases[8].attributes == {"toegang": "Huisarts", "situatie": "stabiel"}
    assert sum(case.attributes["situatie"] == "instabiel" for case in cases) == 1
