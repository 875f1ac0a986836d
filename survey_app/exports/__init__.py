"""Exports of a wave's anonymous answers for researchers: CSV, Excel (with data dictionary) and SPSS.

`frame` selects the columns (gemeente, team, variables: nothing that could identify a response), the
writers turn that frame into a file, and `run` ties them to a wave, writes atomically and audits.
"""
