"""Letters in every format, built at test time: a tiny PDF writer (text layer in Helvetica,
WinAnsi), Word documents with python-docx, and officielebekendmakingen-style HTML."""

from __future__ import annotations

import io
import zipfile


def _pdf_escape(line: str) -> bytes:
    raw = line.encode("cp1252", errors="replace")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def make_pdf(pages: list[str] | str, *, text_layer: bool = True, encrypt_filter: str = "") -> bytes:
    """A valid PDF with one page per string. Without a text layer the pages hold only a
    drawn rectangle, like a scan. `encrypt_filter` adds an /Encrypt dictionary with that
    security handler (e.g. "Adobe.PubSec", certificate encryption) to the trailer."""
    if isinstance(pages, str):
        pages = [pages]
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")  # filled in below
    pages_obj = add(b"")
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    kids = []
    for text in pages:
        if text_layer:
            ops = [b"BT /F1 11 Tf 14 TL 50 800 Td"]
            for line in text.split("\n"):
                ops.append(b"(" + _pdf_escape(line) + b") Tj T*")
            ops.append(b"ET")
        else:
            ops = [b"0.5 g 50 50 400 700 re f"]
        stream = b"\n".join(ops)
        content = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        kids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] "
                b"/Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>"
                % (pages_obj, font, content)
            )
        )
    encrypt = b""
    if encrypt_filter:
        # A public-key handler: recipients' certificates instead of a password.
        encrypt_obj = add(
            b"<< /Filter /%s /SubFilter /adbe.pkcs7.s5 /V 4 /Length 128 "
            b"/Recipients [<3082>] >>" % encrypt_filter.encode("ascii")
        )
        encrypt = b" /Encrypt %d 0 R /ID [<00112233445566778899aabbccddeeff> "
        encrypt = encrypt % encrypt_obj + b"<00112233445566778899aabbccddeeff>]"
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages_obj
    objects[pages_obj - 1] = (
        b"<< /Type /Pages /Kids ["
        + b" ".join(b"%d 0 R" % k for k in kids)
        + b"] /Count %d >>" % len(kids)
    )
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root %d 0 R" % (len(objects) + 1, catalog)
        + encrypt
        + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref
    )
    return out.getvalue()


def encrypt_pdf(data: bytes, password: str = "geheim") -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password=password, owner_password=password + "-owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def make_docx(paragraphs: list[str], title: str = "") -> bytes:
    import docx

    document = docx.Document()
    if title:
        document.core_properties.title = title
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def make_html(
    body_paragraphs: list[str],
    *,
    dossier: str = "29521",
    ondernummer: str = "470",
    date: str = "2024-02-12",
    title: str = "Nederlandse inzet in de Sahel",
    creator: str = "Ministerie van Buitenlandse Zaken",
) -> bytes:
    paragraphs = "\n".join(f'<p class="al">{p}</p>' for p in body_paragraphs)
    return f"""<!DOCTYPE html>
<html lang="nl"><head>
<meta charset="utf-8">
<title>Kamerstuk {dossier}, nr. {ondernummer} | Overheid.nl &gt; Officiële bekendmakingen</title>
<meta name="DC.title" content="{title}; Brief regering; {title}">
<meta name="DC.type" content="Kamerstuk">
<meta name="DC.creator" content="{creator}">
<meta name="DC.identifier" content="kst-{dossier}-{ondernummer}">
<meta name="DCTERMS.issued" scheme="OVERHEID.XSD.date" content="{date}">
<meta name="DCTERMS.available" content="{date}">
<meta name="OVERHEIDop.dossiernummer" content="{dossier}">
<meta name="OVERHEIDop.ondernummer" content="{ondernummer}">
<meta name="OVERHEIDop.vergaderjaar" content="2023-2024">
<meta name="OVERHEIDop.publicationName" content="Kamerstukken II">
<meta name="DCTERMS.identifier.url" content="https://zoek.officielebekendmakingen.nl/kst-{dossier}-{ondernummer}.html">
<script>window.analytics = "ignore me";</script>
</head><body>
<header><nav><a href="/">Home</a> <a href="/zoeken">Zoeken</a></nav></header>
<div id="content"><div id="broodtekst"><div class="stuk">
<h1 class="stuktitel">Tweede Kamer der Staten-Generaal</h1>
<p class="kop">Nr. {ondernummer} BRIEF VAN DE MINISTER VAN BUITENLANDSE ZAKEN</p>
<p>Aan de Voorzitter van de Tweede Kamer der Staten-Generaal</p>
<p>Den Haag, 12 februari 2024</p>
{paragraphs}
<p class="ondertekening">De Minister van Buitenlandse Zaken,<br>H.G.J. Bruins Slot</p>
</div></div></div>
<footer>Cookies &amp; privacy</footer>
</body></html>""".encode()


def docx_bomb(xml_mb: int) -> bytes:
    """A valid .docx whose document.xml unpacks to xml_mb megabytes of paragraphs; the zip
    itself stays around a megabyte at 300 MB."""
    source = zipfile.ZipFile(io.BytesIO(make_docx(["x"])))
    paragraph = b"<w:p><w:r><w:t>De minister zal de Kamer informeren.</w:t></w:r></w:p>" * 1000
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            if info.filename != "word/document.xml":
                archive.writestr(info, source.read(info))
                continue
            head, tail = source.read(info).split(b"<w:body>")
            with archive.open(info.filename, "w", force_zip64=True) as part:
                part.write(head + b"<w:body>")
                for _ in range(xml_mb * 1024 * 1024 // len(paragraph)):
                    part.write(paragraph)
                part.write(tail)
    return out.getvalue()
