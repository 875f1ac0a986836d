"""Case assessment matrices: cases scored per aspect with a colour scale (groen/oranje/rood/grijs).

`core/` is pure (files, scale, counts, agreement); `models.py` the tables; `store.py` reads a project into the
core's shapes; `operations.py` writes; `outputs.py` writes XLSX and PDF; `views.py` and `cli.py` are thin.
"""
