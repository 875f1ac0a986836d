"""A report as part of a site page: the report's own HTML (the page the PDF is made from) placed inside the site
layout, with its header, a way back and the landmarks (main) a web page needs.

Why extract rather than render a second template: the PDF and the web page must show the same figures from
the same template; the web page only takes the report's <body> and <title>. Both come from our own autoescaped
templates, so the fragment is safe to place as markup.
"""

from __future__ import annotations

import re

from markupsafe import Markup

BODY = re.compile(r"<body[^>]*>(.*)</body>", re.S)
TITLE = re.compile(r"<title>(.*?)</title>", re.S)


def embedded(html: str) -> tuple[Markup, Markup]:
    """(title, body) of a rendered report page, for a site template to place inside its layout."""
    body = BODY.search(html)
    title = TITLE.search(html)
    return (Markup(title.group(1).strip() if title else ""),  # noqa: S704 (our own autoescaped template)
            Markup(body.group(1) if body else html))  # noqa: S704
