"""`flask responses import`: every value checked against the instruments; a bad file changes nothing."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from survey_app.extensions import db
from survey_app.models import Response

MODULES = ["samenwerking", "bakens", "nieuwe_werken", "achtergrond"]


def responses() -> int:
    return db.session.scalar(select(func.count()).select_from(Response))


@pytest.fixture
def wave(create_open_wave):
    return create_open_wave(modules=MODULES)


def write(tmp_path, text: str, encoding: str = "utf-8"):
    path = tmp_path / "antwoorden.csv"
    path.write_bytes(text.encode(encoding))
    return path


def test_import_stores_canonical_answers(runner, wave, tmp_path):
    path = write(tmp_path, "gemeente,team,sw_hulp_vragen,nw_aanwenden_kwaliteiten,nw_aanwenden_redenen,"
                           "nw_aanwenden_redenen_other,ag_leeftijd\n"
                           "zwolle,zwolle-noord,5,2,tijdgebrek,Geen vacaturebank,41\n"
                           "elburg,team-doeth,4,4,,,\n")
    result = runner.invoke(args=["responses", "import", "2017", str(path)])
    assert result.exit_code == 0, result.output
    assert responses() == 2
    values = {k: v for document in db.session.scalars(select(Response.answers)) for k, v in document.items()
              if k in ("nw_aanwenden_redenen", "ag_leeftijd")}
    assert values == {"nw_aanwenden_redenen": "tijdgebrek", "ag_leeftijd": "41"}
    assert set(db.session.scalars(select(Response.channel))) == {"import"}


@pytest.mark.parametrize(("content", "expected"), [
    ("gemeente,team,sw_hulp_vragen\nzwolle,zwolle-noord,4\nzwolle,zwolle-noord,7\n",
     ":3: kolom 'sw_hulp_vragen': ongeldige code '7'; toegestaan: 1, 2, 3, 4, 5"),
    ("gemeente,team,sw_hulp_vragen,kleur\nzwolle,zwolle-noord,4,rood\n",
     ":1: kolom 'kleur': onbekende kolom"),
    ("gemeente,team,sw_hulp_vragen\nzwolle,zwolle-noord,4\nzwolle,wijkteam-x,3\n",
     ":3: kolom 'team': team 'wijkteam-x' doet niet mee"),
    ("gemeente,team,sw_hulp_vragen\nelburg,zwolle-noord,4\n",
     ":2: kolom 'gemeente': team 'zwolle-noord' hoort bij gemeente 'zwolle'"),
    ("gemeente,team,nw_aanwenden_kwaliteiten,nw_aanwenden_redenen\nzwolle,zwolle-noord,5,tijdgebrek\n",
     ":2: kolom 'nw_aanwenden_redenen': deze vraag wordt niet gesteld"),
    ("gemeente,team,bk_talenten_wijk\nsteenwijkerland,consulententeam-binnen,3\n",
     ":2: kolom 'bk_talenten_wijk': deze vraag wordt niet gesteld"),
    ("gemeente,team,ag_leeftijd\nzwolle,zwolle-noord,veertig\n",
     ":2: kolom 'ag_leeftijd':"),
    ("gemeente,sw_hulp_vragen\nzwolle,4\n", ":1: verplichte kolom 'team' ontbreekt"),
    ("gemeente,team,sw_hulp_vragen\nzwolle,zwolle-noord,4,5\n", ":2: 4 velden, verwacht 3"),
])
def test_malformed_import_names_the_place_and_changes_nothing(runner, wave, tmp_path, content, expected):
    path = write(tmp_path, content)
    result = runner.invoke(args=["responses", "import", "2017", str(path)])
    assert result.exit_code == 1
    assert f"{path}{expected}" in result.output
    assert responses() == 0


def test_wrong_encoding_changes_nothing(runner, wave, tmp_path):
    path = write(tmp_path, "gemeente,team,ag_functie_anders\nzwolle,zwolle-noord,Coördinator\n", "cp1252")
    result = runner.invoke(args=["responses", "import", "2017", str(path)])
    assert result.exit_code == 1 and "UTF-8" in result.output and f"{path}:2:" in result.output
    assert responses() == 0


def test_unknown_wave(runner, wave, tmp_path):
    path = write(tmp_path, "gemeente,team\n")
    result = runner.invoke(args=["responses", "import", "1999", str(path)])
    assert result.exit_code == 1 and "golf '1999' bestaat niet (bestaande golven: 2017)" in result.output


def test_many_problems_are_listed_with_a_limit(runner, wave, tmp_path):
    rows = "".join("zwolle,zwolle-noord,9\n" for _ in range(40))
    path = write(tmp_path, "gemeente,team,sw_hulp_vragen\n" + rows)
    result = runner.invoke(args=["responses", "import", "2017", str(path)])
    assert result.exit_code == 1 and "... en nog" in result.output
    assert responses() == 0
