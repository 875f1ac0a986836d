"""XLSForm (ODK, KoboToolbox) to and from instrument modules: pure, no Flask or database.

``import_xlsform`` reads a workbook into a module dict, ``dump_module`` writes it as YAML;
``export_xlsform`` writes a loaded module as a workbook that pyxform converts to an ODK XForm. The mapping
table is in docs/instruments.md (XLSForm).
"""
