"""`conditional_on` of a yes/no grid column: its percentages are of those who answered ja in another column."""

GRID = """
    id: m
    title: M
    version: "1"
    pages:
      - id: p
        title: P
        items:
          - name: g
            type: yesno_grid
            label: Werkzaamheden
            rows:
              - {name: casus, label: Casemanager}
            columns:
              - {name: doen, label: Ik doe dit}
              - name: leuk
                label: Ik vind dit leuk
                conditional_on: BASE
                conditional_label: van wie dit doet
"""


def test_conditional_column_is_read(folder):
    folder.write("m.yaml", GRID.replace("BASE", "doen"))
    grid = folder.load().item("g")
    assert grid.columns[1].conditional_on == "doen" and grid.columns[1].base_label == "van wie dit doet"
    assert grid.columns[0].conditional_on is None


def test_the_base_must_be_another_plain_column_of_the_grid(folder):
    for base in ("onbekend", "leuk"):
        folder.write("m.yaml", GRID.replace("BASE", base))
        assert folder.problems() == ["m.yaml:17: GRID_004"], base


def test_rows_take_no_conditional_on(folder):
    folder.write("m.yaml", GRID.replace("BASE", "doen").replace(
        "- {name: casus, label: Casemanager}", "- {name: casus, label: Casemanager, conditional_on: doen}"))
    assert [p.split(": ")[1] for p in folder.problems()] == ["KEY_001"]
