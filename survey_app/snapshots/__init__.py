"""A wave keeps its questionnaire: the instrument files are stored with the wave and read back from there.

`store.py` takes and finds snapshots (database); `loading.py` turns one back into an InstrumentSet (cached per
process); `drift.py` says which closed waves a changed instrument file differs from.
"""
