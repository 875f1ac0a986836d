"""Real headless Chromium (Debian's package, driven by Playwright) against the app on a local port."""

from __future__ import annotations

import shutil
import threading

import pytest
from werkzeug.serving import make_server

from tests.conftest import skip_or_fail

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
#: the flags this machine's closed network needs (no background connections, no sandbox as root)
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture
def live_server(extra_app):
    """Serve a fresh app on the test database from a background thread; yields its base URL."""
    app = extra_app(SERVER_NAME=None)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=5)


@pytest.fixture(scope="session")
def chromium():
    """One browser for the run; a missing Chromium or Playwright skips locally and fails under CI."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        skip_or_fail("playwright is not installed")
    if not shutil.which("chromium") and not shutil.os.path.exists(CHROMIUM):
        skip_or_fail("Debian's chromium is not installed (apt-get install chromium)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium):
    context = chromium.new_context(viewport={"width": 1200, "height": 900}, locale="nl-NL")
    page = context.new_page()
    yield page
    context.close()
