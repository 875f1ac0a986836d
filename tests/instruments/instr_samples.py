"""A complete, valid instrument module shared by the loader and robustness tests."""

VALID = """
    id: samenwerking
    title: Onderlinge samenwerking
    version: "2017.1"
    position: 20
    scales:
      eens5:
        label: Mate van instemming
        choices:
          1: oneens
          2: deels oneens
          3: niet eens/niet oneens
          4: deels eens
          5: eens
    pages:
      - id: problemen_oplossen
        title: Problemen oplossen
        skip_gemeenten: [steenwijkerland]
        items:
          - name: sw_hulp_vragen
            type: select_one
            scale: eens5
            label: Indien nodig kan ik hulp aan een collega vragen.
            required: true
          - name: sw_ruzie
            type: select_one
            scale: eens5
            reverse: true
            label: Er is vaak onenigheid in het team.
          - name: sw_waarom
            type: textarea
            label: Waarom vindt u dat?
            relevant: ${sw_hulp_vragen} <= 2
          - name: sw_knelpunten
            type: select_multiple
            label: Wat staat samenwerking in de weg?
            other: true
            choices:
              tijd: Tijdgebrek
              regels: Regels en protocollen
          - name: sw_werk
            type: yesno_grid
            label: Werkzaamheden
            rows:
              - {name: huisbezoek, label: Huisbezoek}
            columns:
              - {name: doe, label: Ik doe dit}
              - {name: leuk, label: Ik vind dit leuk}
          - name: sw_cijfer
            type: rating
            label: Welk cijfer geeft u de samenwerking?
            constraint: ". >= 4"
            constraint_message: Een cijfer van 4 of hoger graag.
    constructs:
      - name: sw_klimaat
        label: Samenwerkingsklimaat
        items: [sw_hulp_vragen, sw_ruzie]
    pairs:
      - name: sw_gap
        kind: attitude
        label: Hulp en klimaat
        a: sw_hulp_vragen
        b: sw_ruzie
"""
