"""Routing: gemeente variants, follow-up questions, pages with only notes, and dropping to a fixed point."""

import pytest

from survey_app.instruments.relevance import (
    drop_irrelevant,
    item_is_relevant,
    page_is_relevant,
    relevant_items,
    relevant_variables,
)

ROUTING = """
    id: routing
    title: Routing
    version: "1"
    scales:
      eens5:
        choices: {1: oneens, 2: deels oneens, 3: neutraal, 4: deels eens, 5: eens}
    pages:
      - id: algemeen
        title: Algemeen
        items:
          - {name: tevreden, type: select_one, scale: eens5, label: Ik ben tevreden.}
          - name: waarom_niet
            type: textarea
            label: Waarom bent u niet tevreden?
            relevant: ${tevreden} <= 2
          - name: verbetering
            type: select_multiple
            label: Wat moet beter?
            relevant: ${waarom_niet} != ''
            other: true
            choices: {tijd: Meer tijd, overleg: Meer overleg}
          - name: tijd_hoeveel
            type: integer
            label: Hoeveel uur extra?
            relevant: selected(${verbetering}, 'tijd')
      - id: zwolle_lokaal
        title: Zwolle
        only_gemeenten: [zwolle]
        items:
          - {name: zw_wijk, type: text, label: "In welke wijk werkt u?"}
          - {name: zw_noord, type: integer, label: Alleen Noord, relevant: "${team} = 'zwolle-noord'"}
      - id: voorliggend_veld
        title: Voorliggend veld
        skip_gemeenten: [steenwijkerland]
        items:
          - {name: vv_contact, type: integer, label: Contact}
          - {name: vv_elburg, type: integer, label: Niet in Elburg, skip_gemeenten: [elburg]}
          - {name: vv_ommen, type: integer, label: Alleen Ommen, only_gemeenten: [ommen-hardenberg]}
      - id: alleen_uitleg
        title: Uitleg
        items:
          - {name: uitleg, type: note, text: Dank u wel.}
          - {name: na_uitleg, type: integer, label: Nog een vraag, relevant: "${tevreden} = 5"}
"""


@pytest.fixture
def instruments(folder):
    folder.write("routing.yaml", ROUTING)
    return folder.load()


def _page(instruments, page_id):
    return next(page for page in instruments.pages if page.id == page_id)


def test_follow_up_is_asked_only_when_disagreeing(instruments):
    page = _page(instruments, "algemeen")
    item = instruments.item("waarom_niet")
    assert item_is_relevant(item, page, {"tevreden": 1}, "zwolle", "zwolle-noord")
    assert item_is_relevant(item, page, {"tevreden": 2}, "zwolle", "zwolle-noord")
    assert not item_is_relevant(item, page, {"tevreden": 3}, "zwolle", "zwolle-noord")
    assert not item_is_relevant(item, page, {}, "zwolle", "zwolle-noord")


@pytest.mark.parametrize(
    ("gemeente", "team", "expected"),
    [
        ("zwolle", "zwolle-noord", {"zw_wijk", "zw_noord", "vv_contact", "vv_elburg"}),
        ("zwolle", "zwolle-zuid", {"zw_wijk", "vv_contact", "vv_elburg"}),
        ("elburg", "doeth", {"vv_contact"}),
        ("steenwijkerland", "binnen", set()),
        ("ommen-hardenberg", "samen-doen-kern", {"vv_contact", "vv_elburg", "vv_ommen"}),
        (None, None, {"vv_contact", "vv_elburg"}),
    ],
)
def test_gemeente_variants(instruments, gemeente, team, expected):
    local = {"zw_wijk", "zw_noord", "vv_contact", "vv_elburg", "vv_ommen"}
    assert relevant_variables(instruments, {}, gemeente, team) & local == expected


def test_page_with_only_a_relevant_note_is_not_shown(instruments):
    page = _page(instruments, "alleen_uitleg")
    assert not page_is_relevant(page, {"tevreden": 4}, "zwolle", "zwolle-noord")
    assert page_is_relevant(page, {"tevreden": 5}, "zwolle", "zwolle-noord")
    notes = [item.name for item in relevant_items(instruments, {"tevreden": 4}, "zwolle", "x")]
    assert "uitleg" in notes


def test_page_gemeente_lists_apply_to_its_items(instruments):
    page = _page(instruments, "voorliggend_veld")
    assert page_is_relevant(page, {}, "zwolle", "zwolle-oost")
    assert not page_is_relevant(page, {}, "steenwijkerland", "binnen")


def test_relevant_variables_include_other_text(instruments):
    variables = relevant_variables(instruments, {"tevreden": 1, "waarom_niet": "te druk"}, "elburg", "doeth")
    assert {"verbetering", "verbetering_other"} <= variables
    assert "tijd_hoeveel" not in variables


def test_drop_irrelevant_iterates_to_a_fixed_point(instruments):
    answers = {
        "tevreden": 4,  # changed from 1: the whole chain of follow-ups is no longer asked
        "waarom_niet": "te druk",
        "verbetering": "tijd",
        "verbetering_other": "minder regels",
        "tijd_hoeveel": 6,
        "vv_contact": 3,
        "onbekende_kolom": "blijft",
    }
    assert drop_irrelevant(instruments, answers, "zwolle", "zwolle-zuid") == {
        "tevreden": 4,
        "vv_contact": 3,
        "onbekende_kolom": "blijft",
    }


def test_drop_irrelevant_keeps_a_consistent_chain(instruments):
    answers = {"tevreden": 2, "waarom_niet": "te druk", "verbetering": "tijd overleg", "tijd_hoeveel": 6}
    assert drop_irrelevant(instruments, answers, "zwolle", "zwolle-zuid") == answers


def test_drop_irrelevant_removes_gemeente_specific_answers(instruments):
    answers = {"zw_wijk": "Holtenbroek", "zw_noord": 2, "vv_elburg": 1}
    assert drop_irrelevant(instruments, answers, "elburg", "doeth") == {}
    assert drop_irrelevant(instruments, answers, "zwolle", "zwolle-zuid") == {"zw_wijk": "Holtenbroek",
                                                                           "vv_elburg": 1}
