"""Qualitative coding: transcripts, codebooks, codings, inter-coder agreement and tables.

The core modules (transcripts, codebook*, codings_csv, agreement, tables, table_export, textfiles, errors) are pure:
no Flask, no database. On top of them: `store` (the one bridge from the database to the core, which knows the
withdrawn participants), `importer`, `codebook_store`, `services`, `queries`, `outputs`, `open_answers`, `themes`,
and the blueprint in `views` (with `views_coding`, `views_outputs`, `web`).
"""
