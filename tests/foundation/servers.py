"""Real server processes for tests that need more than one (shared rate limits): the app under werkzeug's
server, and a throwaway redis-server, each on a free loopback port and stopped afterwards."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SERVE = """
import json, os, sys
from werkzeug.serving import make_server
from survey_app import create_app
app = create_app(json.loads(os.environ["TEST_SERVER_CONFIG"]))
make_server("127.0.0.1", int(sys.argv[1]), app, threaded=True).serve_forever()
"""
#: How long a process may take to start listening on a busy machine before the test gives up.
START_TIMEOUT = 120


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for_port(port: int, process: subprocess.Popen, what: str) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            process.log.seek(0)
            raise RuntimeError(f"{what} stopped: {process.log.read().decode(errors='replace')[-2000:]}")
        with contextlib.suppress(OSError):
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        time.sleep(0.1)
    raise RuntimeError(f"{what} did not start listening on port {port}")


def _start(command: list[str], **kwargs) -> subprocess.Popen:
    """Start a process whose output goes to a temporary file (a pipe nobody reads could fill and block it)."""
    log = tempfile.TemporaryFile()  # noqa: SIM115  (closed by _stop, after the process ends)
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, **kwargs)
    process.log = log
    return process


def _stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    process.log.close()


@contextlib.contextmanager
def app_servers(count: int, config: dict):
    """`count` separate processes serving the app with `config`; yields their base URLs."""
    env = {**os.environ, "TEST_SERVER_CONFIG": json.dumps(config), "SECRET_KEY": config["SECRET_KEY"],
           "PYTHONPATH": str(ROOT)}
    started: list[tuple[subprocess.Popen, int]] = []
    try:
        for _ in range(count):
            port = free_port()
            process = _start([sys.executable, "-c", SERVE, str(port)], cwd=ROOT, env=env)
            started.append((process, port))
        for process, port in started:
            _wait_for_port(port, process, "app server")
        yield [f"http://127.0.0.1:{port}" for _, port in started]
    finally:
        for process, _ in started:
            _stop(process)


@contextlib.contextmanager
def redis_server(directory: Path):
    """A redis-server that keeps nothing on disk; yields its URL. None when redis-server is not installed."""
    binary = shutil.which("redis-server")
    if binary is None:
        yield None
        return
    port = free_port()
    process = _start([binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                      "--dir", str(directory)])
    try:
        _wait_for_port(port, process, "redis-server")
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        _stop(process)


def post(url: str, data: dict, headers: dict | None = None) -> tuple[int, str]:
    """POST a form; returns the status and body (4xx and 5xx included, redirects not followed)."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    request = urllib.request.Request(url, data=urllib.parse.urlencode(data).encode(), headers=headers or {})
    try:
        with urllib.request.build_opener(NoRedirect).open(request, timeout=60) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()
