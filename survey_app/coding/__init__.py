"""Qualitative coding: transcripts, codebooks, codings, inter-coder agreement and tables.

The modules in this package are pure (no Flask, no database) so the models, CLI and views can build on them.
"""
