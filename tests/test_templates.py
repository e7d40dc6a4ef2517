"""Template rules the pages rely on."""

from __future__ import annotations

import re
from pathlib import Path

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def test_no_inline_scripts_or_event_handlers():
    # A Content-Security-Policy without 'unsafe-inline' must be possible: scripts come from
    # static files only, and no element carries an on* handler.
    offenders = []
    for path in TEMPLATES.rglob("*.html"):
        if path.parent.name == "emails":  # mail clients need inline styles; no CSP applies
            continue
        html = path.read_text(encoding="utf-8")
        for tag in re.findall(r"<script\b[^>]*>", html):
            if "src=" not in tag:
                offenders.append(f"{path.name}: {tag}")
        if re.search(r"<[a-z][^>]*\son[a-z]+\s*=", html):
            offenders.append(f"{path.name}: inline event handler")
        if re.search(r"\sstyle\s*=", html):
            offenders.append(f"{path.name}: inline style")
    assert not offenders, offenders
