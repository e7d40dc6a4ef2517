"""Kamerstukken as published on officielebekendmakingen.nl: the body text and the page's own
metadata (the DC./DCTERMS./OVERHEID. meta tags), read with lxml."""

from __future__ import annotations

import re
from typing import Any

from django.utils.translation import gettext as _

from .base import HTML, ImportFailed, ParsedLetter, iso_date

# Where the publication's text sits on officielebekendmakingen.nl (old and new layouts),
# then generic fallbacks for other sites.
_BODY_XPATHS = (
    "//div[@id='broodtekst']",
    "//div[contains(concat(' ', @class, ' '), ' stuk ')]",
    "//article",
    "//main",
    "//div[@id='content']",
    "//body",
)
_DROP = (
    "script",
    "style",
    "noscript",
    "nav",
    "header",
    "footer",
    "form",
    "button",
    "svg",
    "template",
    "iframe",
)
_BLOCKS = {
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "tr",
    "br",
    "table",
    "ul",
    "ol",
    "section",
    "article",
    "blockquote",
    "dd",
    "dt",
    "pre",
    "address",
}
_MINISTRY = re.compile(r"^(?:ministerie\s+van\s+)", re.IGNORECASE)


def _meta(tree) -> dict[str, str]:
    found: dict[str, str] = {}
    for node in tree.iterfind(".//meta"):
        key = (node.get("name") or node.get("property") or "").strip()
        value = (node.get("content") or "").strip()
        if key and value and key.lower() not in found:
            found[key.lower()] = value
    return found


def metadata_from_meta(meta: dict[str, str]) -> dict:
    def first(*keys: str) -> str:
        for key in keys:
            if meta.get(key):
                return meta[key]
        return ""

    dossier = first("overheidop.dossiernummer", "dossiernummer").split(";")[0].strip()
    ondernummer = first("overheidop.ondernummer", "ondernummer").strip()
    kamerstuk = ""
    if dossier and ondernummer:
        kamerstuk = f"{dossier}-{ondernummer}"
    elif (ident := first("dc.identifier", "dcterms.identifier")).startswith("kst-"):
        kamerstuk = ident[4:]
    creator = first("dc.creator", "dcterms.creator", "overheid.authority", "overheidop.indiener")
    ministry = _MINISTRY.sub("", creator).strip() if "ministerie" in creator.lower() else ""
    result: dict[str, Any] = {
        "title": first("dc.title", "dcterms.title", "og:title")[:500],
        "date": iso_date(
            first(
                "dcterms.issued",
                "dc.date",
                "dcterms.available",
                "overheidop.datumbrief",
                "dcterms.created",
            )
        ),
        "dossier": dossier[:20],
        "kamerstuk": kamerstuk[:40],
        "ministry": ministry[:200],
        "source_url": first("dcterms.identifier.url", "og:url", "overheidop.url")[:500],
    }
    if vergaderjaar := first("overheidop.vergaderjaar"):
        result["vergaderjaar"] = vergaderjaar
    if result["date"] is not None:
        result["date_inferred"] = False
    return {k: v for k, v in result.items() if v not in (None, "")}


def read(data: bytes) -> ParsedLetter:
    import lxml.html
    from lxml import etree

    try:
        tree = lxml.html.document_fromstring(data)
    except (etree.ParserError, ValueError) as exc:
        raise ImportFailed(
            _("the HTML page cannot be read (%(error)s)") % {"error": str(exc)[:200]}
        ) from None
    meta = _meta(tree)
    for tag in _DROP:
        for node in tree.iter(tag):
            node.drop_tree()
    body = None
    for xpath in _BODY_XPATHS:
        hits = tree.xpath(xpath)
        if hits:
            body = hits[0]
            break
    if body is None:
        raise ImportFailed(_("the HTML page has no body"))
    text = _text_of(body)
    if not text.strip():
        raise ImportFailed(_("the HTML page holds no text"))
    metadata = metadata_from_meta(meta)
    metadata.pop("vergaderjaar", None)
    if not metadata.get("title"):
        title = tree.findtext(".//title")
        if title and title.strip():
            metadata["title"] = " ".join(title.split())[:500]
    return ParsedLetter(text=text, metadata=metadata, source_format=HTML)


def _text_of(root) -> str:
    """Text with a line break after every block element, whitespace inside lines folded."""
    parts: list[str] = []

    def walk(node) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        if node.text and tag:
            parts.append(node.text)
        for child in node:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if tag.lower() in _BLOCKS:
            parts.append("\n")

    walk(root)
    lines = [" ".join(line.split()) for line in "".join(parts).split("\n")]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
