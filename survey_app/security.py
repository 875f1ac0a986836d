"""Response headers that keep tokens on this site and scripts under our control; HTTPS behind a proxy.

Behind a TLS proxy the app sees the proxy's address and plain http unless it trusts the proxy's
X-Forwarded-For / X-Forwarded-Proto headers. PROXY_FIX_X_FOR and PROXY_FIX_X_PROTO (default 0: trust
none, since a client could otherwise forge them) say how many proxies set them; then werkzeug's ProxyFix
gives the rate limits the client's address and HSTS its HTTPS.
"""

from __future__ import annotations

from flask import Flask, Response, request
from werkzeug.middleware.proxy_fix import ProxyFix

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
#: Browsers that once reached the site over HTTPS never try plain http again (for a year).
STRICT_TRANSPORT_SECURITY = "max-age=31536000; includeSubDomains"


def install_proxy_fix(app: Flask) -> None:
    """Trust the configured number of proxies for the client address and the scheme."""
    x_for, x_proto = app.config.get("PROXY_FIX_X_FOR", 0), app.config.get("PROXY_FIX_X_PROTO", 0)
    if x_for or x_proto:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=x_for, x_proto=x_proto, x_host=0, x_port=0, x_prefix=0)


def init_app(app: Flask) -> None:
    """Add the security headers to every response, and ProxyFix when configured."""
    install_proxy_fix(app)

    @app.after_request
    def set_security_headers(response: Response) -> Response:
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["X-Frame-Options"] = "DENY"
        response.headers.setdefault("Cache-Control", "no-store")
        if request.is_secure:  # never over plain http: a browser would ignore it, and local use needs http
            response.headers["Strict-Transport-Security"] = STRICT_TRANSPORT_SECURITY
        return response
