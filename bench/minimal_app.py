"""The baseline of bench/submit.py: the least a Flask endpoint can do to store a posted page (one row)."""

import os
import sqlite3

from flask import Flask, request

DB = os.environ["MINIMAL_DB"]
app = Flask(__name__)


def connection() -> sqlite3.Connection:
    conn = sqlite3.connect(DB, timeout=10)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    return conn


with connection() as setup:
    setup.execute("CREATE TABLE IF NOT EXISTS page (id INTEGER PRIMARY KEY, body TEXT)")


@app.post("/save")
def save():
    conn = connection()
    with conn:
        conn.execute("INSERT INTO page (body) VALUES (?)", (request.get_data(as_text=True),))
    conn.close()
    return "", 204
