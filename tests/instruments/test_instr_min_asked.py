"""`min_asked` of a construct: how many of its items a gemeente's variant must hold for a score there."""

MODULE = """
    id: m
    title: M
    version: "1"
    scales:
      eens5:
        choices: {1: oneens, 2: deels oneens, 3: neutraal, 4: deels eens, 5: eens}
    pages:
      - id: p
        title: P
        items:
          - {name: a, type: select_one, scale: eens5, label: A}
          - {name: b, type: select_one, scale: eens5, label: B}
          - {name: c, type: select_one, scale: eens5, label: C, skip_gemeenten: [steenwijkerland]}
    constructs:
      - name: s
        label: Schaal
        items: [a, b, c]
        min_items: 2
        min_asked: MIN_ASKED
"""


def test_min_asked_is_read(folder):
    folder.write("m.yaml", MODULE.replace("MIN_ASKED", "3"))
    construct = folder.load().constructs[0]
    assert (construct.min_asked, construct.required_asked) == (3, 3)


def test_without_min_asked_min_items_decides(folder):
    folder.write("m.yaml", MODULE.replace("        min_asked: MIN_ASKED\n", ""))
    construct = folder.load().constructs[0]
    assert (construct.min_asked, construct.required_asked) == (None, 2)


def test_min_asked_outside_min_items_and_the_item_count_is_an_error(folder):
    for value in ("1", "4"):
        folder.write("m.yaml", MODULE.replace("MIN_ASKED", value))
        assert folder.problems() == ["m.yaml:19: CONSTRUCT_007"]
    assert "min_asked 4 moet tussen min_items (2) en 3 liggen" in folder.messages()[0]
