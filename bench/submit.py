"""Benchmark: saving questionnaire pages under concurrency (not a test).

gunicorn serves the real app on SQLite; N concurrent clients each save a page of answers over and over
(the POST of /s/<token>/pagina/<id>, CSRF and all). The same clients then post the same bodies to a minimal
Flask endpoint that inserts one row, served the same way, in the same run. Prints pages per second and p95
latency for both and the ratio. Target: >= 40% of the minimal endpoint's throughput, p95 < 100 ms at 32.

    .venv/bin/python bench/submit.py [--clients 32] [--seconds 10]
"""

from __future__ import annotations

import argparse
import csv
import http.client
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def flask(env: dict, *args: str) -> str:
    return subprocess.run([str(BIN / "flask"), "--app", "wsgi", *args], cwd=ROOT, env=env, check=True,
                          capture_output=True, text=True).stdout


def start_gunicorn(target: str, port: int, env: dict, workers: int) -> subprocess.Popen:
    process = subprocess.Popen(
        [str(BIN / "gunicorn"), "-w", str(workers), "-k", "gthread", "--threads", "4", "-b", f"127.0.0.1:{port}",
         "--log-level", "warning", target], cwd=ROOT, env=env)
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return process
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"gunicorn {target} did not start")


def prepare_wave(env: dict, clients: int) -> list[str]:
    flask(env, "db", "upgrade")
    flask(env, "org", "load", "data/org-2017.csv")
    flask(env, "wave", "create", "bench", "--instruments", "samenwerking,bakens",
          "--headcounts", "data/headcounts-2017.csv")
    flask(env, "wave", "open", "bench")
    out = Path(env["BENCH_DIR"]) / "links.csv"
    flask(env, "wave", "invite", "bench", "--team", "zwolle-noord", "--count", str(clients), "--out", str(out))
    return [row["link"].rsplit("/", 1)[1] for row in csv.DictReader(out.read_text().splitlines())]


class Client:
    """One respondent with a kept-alive connection, a session cookie and a CSRF token."""

    def __init__(self, port: int):
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        self.cookie = ""

    def request(self, method: str, path: str, body: str | None = None) -> tuple[int, str]:
        headers = {"Cookie": self.cookie} if self.cookie else {}
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        self.conn.request(method, path, body=body, headers=headers)
        response = self.conn.getresponse()
        text = response.read().decode()
        if cookie := response.getheader("Set-Cookie"):
            self.cookie = cookie.split(";", 1)[0]
        return response.status, text


def page_body(html: str) -> str:
    fields = [("csrf_token", CSRF.search(html).group(1)), ("actie", "volgende")]
    for name in sorted(set(re.findall(r'type="radio" name="([a-z0-9_]+)"', html))):
        fields.append((name, "4"))
    return urllib.parse.urlencode(fields)


def run_load(clients: list, send, seconds: float) -> tuple[float, float, int]:
    """Every client sends as fast as it can for `seconds`; returns (per second, p95 ms, errors)."""
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    deadline = time.perf_counter() + seconds

    def worker(client):
        own = []
        while time.perf_counter() < deadline:
            start = time.perf_counter()
            ok = send(client)
            own.append(time.perf_counter() - start)
            if not ok:
                errors[0] += 1
        with lock:
            latencies.extend(own)

    threads = [threading.Thread(target=worker, args=(c,)) for c in clients]
    began = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - began
    p95 = statistics.quantiles(latencies, n=20)[18] * 1000 if len(latencies) > 20 else float("nan")
    return len(latencies) / elapsed, p95, errors[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1) + 1,
                        help="gunicorn workers for both servers (default: gunicorn's advice, 2 x cores + 1)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp}/bench.db", "SECRET_KEY": "bench",
               "SESSION_COOKIE_SECURE": "0", "SURVEY_RATE_LIMIT": "1000000 per minute", "BENCH_DIR": tmp,
               "MINIMAL_DB": f"{tmp}/minimal.db"}
        tokens = prepare_wave(env, args.clients)
        app_port, minimal_port = free_port(), free_port()

        app = start_gunicorn("wsgi:app", app_port, env, args.workers)
        try:
            clients, bodies = [], {}
            for token in tokens:
                client = Client(app_port)
                status, html = client.request("GET", f"/s/{token}")
                first = re.search(r'href="(/s/[^"]+/pagina/[^"]+)"', html).group(1)
                status, html = client.request("GET", first)
                bodies[id(client)] = (first, page_body(html))
                clients.append(client)

            def save_page(client) -> bool:
                path, body = bodies[id(client)]
                status, _ = client.request("POST", path, body)
                return status == 302

            app_rate, app_p95, app_errors = run_load(clients, save_page, args.seconds)
        finally:
            app.terminate()
            app.wait()

        minimal = start_gunicorn("bench.minimal_app:app", minimal_port, env, args.workers)
        try:
            plain = [Client(minimal_port) for _ in tokens]
            body = next(iter(bodies.values()))[1]

            def insert_row(client) -> bool:
                status, _ = client.request("POST", "/save", body)
                return status == 204

            base_rate, base_p95, base_errors = run_load(plain, insert_row, args.seconds)
        finally:
            minimal.terminate()
            minimal.wait()

    print(f"clients={args.clients} seconds={args.seconds} gunicorn workers={args.workers} x 4 threads, SQLite")
    print(f"questionnaire page save : {app_rate:8.1f} pages/s  p95 {app_p95:6.1f} ms  errors {app_errors}")
    print(f"minimal one-row insert  : {base_rate:8.1f} req/s    p95 {base_p95:6.1f} ms  errors {base_errors}")
    print(f"ratio (page save / minimal): {app_rate / base_rate:.2f}  (target >= 0.40)")


if __name__ == "__main__":
    main()
