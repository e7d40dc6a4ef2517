"""Tweede Kamer open data (gegevensmagazijn, OData v4) as recorded JSON.

Two entity sets are read:

* `Document` records (Kamerbrieven), each with its file. The file comes inline (base64 in
  `Bestand`) or, as a downloader saves it, next to the JSON under the record's Id
  (`<Id>.pdf`, `<Id>.docx`, ...), found through `resolve_file`.
* `Toezegging` records: commitments the register holds, many made orally in debates. They
  become commitments of origin "register".

A response is `{"@odata.context": ..., "value": [...]}`; a single record or a bare list is
accepted too. Records marked `Verwijderd` are skipped.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Callable

from django.utils.translation import gettext as _

from .base import JSON, ImportFailed, ParsedDocument, ParsedLetter, RegisterEntry, iso_date

RESOURCE_URL = "https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/Document({id})/resource"


def document_url(document_id: str) -> str:
    return RESOURCE_URL.format(id=document_id)


def _entity(record: dict, context: str) -> str:
    odata_type = str(record.get("@odata.type", ""))
    for name in ("Toezegging", "Document"):
        if odata_type.endswith("." + name) or re.search(rf"#{name}\b", context):
            return name
    if "Tekst" in record and ("Status" in record or "Nummer" in record):
        return "Toezegging"
    if "Soort" in record or "DocumentNummer" in record:
        return "Document"
    return ""


def read(
    data: bytes, *, resolve_file: Callable[[str], bytes | None] | None = None
) -> ParsedDocument:
    try:
        payload = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise ImportFailed(_("the JSON cannot be read (%(error)s)") % {"error": exc}) from None
    context = ""
    if isinstance(payload, dict) and isinstance(payload.get("value"), list):
        context = str(payload.get("@odata.context", ""))
        records = payload["value"]
    elif isinstance(payload, dict):
        context = str(payload.get("@odata.context", ""))
        records = [payload]
    elif isinstance(payload, list):
        records = payload
    else:
        records = []
    parsed = ParsedDocument(JSON)
    for index, record in enumerate(records):
        if not isinstance(record, dict) or record.get("Verwijderd") is True:
            continue
        entity = _entity(record, context)
        label = str(
            record.get("Nummer")
            or record.get("DocumentNummer")
            or record.get("Id")
            or f"#{index + 1}"
        )
        try:
            if entity == "Toezegging":
                parsed.register.append(toezegging(record))
            elif entity == "Document":
                parsed.letters.append(document(record, resolve_file))
            else:
                continue  # other entities (Persoon, Zaak ...) are not ours to import
        except ImportFailed as exc:
            parsed.failures.append((label, str(exc)))
    if not parsed.letters and not parsed.register and not parsed.failures:
        raise ImportFailed(_("the JSON holds no Tweede Kamer Document or Toezegging records"))
    return parsed


def _person(record: dict) -> tuple[str, str, str]:
    """(name, office, ministry) of the bewindspersoon, flat or expanded."""
    person = record.get("Persoon")
    person = person if isinstance(person, dict) else {}
    name = record.get("Naam") or " ".join(
        p
        for p in (person.get("Roepnaam"), person.get("Tussenvoegsel"), person.get("Achternaam"))
        if p
    )
    office = record.get("Functie") or ""
    ministry = record.get("Ministerie") or ""
    if isinstance(ministry, dict):
        ministry = ministry.get("Naam") or ""
    ministry = re.sub(r"^ministerie van\s+", "", str(ministry).strip(), flags=re.IGNORECASE)
    return str(name or "").strip(), str(office).strip(), ministry


def toezegging(record: dict) -> RegisterEntry:
    number = str(record.get("Nummer") or "").strip()
    text = " ".join(str(record.get("Tekst") or "").split())
    if not number:
        raise ImportFailed(_("the Toezegging has no Nummer"))
    if not text:
        raise ImportFailed(_("the Toezegging has no Tekst"))
    name, office, ministry = _person(record)
    fractie = record.get("Fractie")
    if isinstance(fractie, dict):
        fractie = fractie.get("Afkorting") or fractie.get("NaamNL") or ""
    member = record.get("Kamerlid") or record.get("Lid") or ""
    if isinstance(member, dict):
        member = " ".join(
            p
            for p in (member.get("Roepnaam"), member.get("Tussenvoegsel"), member.get("Achternaam"))
            if p
        )
    made_to = f"{member} ({fractie})" if member and fractie else str(member or fractie or "")
    activity = record.get("Activiteit")
    activity = activity if isinstance(activity, dict) else {}
    fulfilled = []
    for doc in record.get("Document") or record.get("Documenten") or []:
        if isinstance(doc, dict) and doc.get("Id") and doc.get("Verwijderd") is not True:
            fulfilled.append(
                (
                    str(doc["Id"]),
                    str(doc.get("Titel") or doc.get("Onderwerp") or ""),
                    document_url(str(doc["Id"])),
                )
            )
    return RegisterEntry(
        register_number=number[:40],
        text=text,
        status=str(record.get("Status") or "Openstaand"),
        actor=", ".join(p for p in (office, name) if p)[:200],
        ministry=ministry[:200],
        made_to=made_to[:200],
        made_on=iso_date(
            record.get("Datum")
            or activity.get("Datum")
            or record.get("AanmaakDatum")
            or record.get("GewijzigdOp")
        ),
        due_date=iso_date(record.get("DatumNakoming")),
        committee=str(record.get("Commissie") or activity.get("Voortouwnaam") or "")[:200],
        external_id=str(record.get("Id") or ""),
        fulfilled_by=fulfilled,
    )


def document(record: dict, resolve_file: Callable[[str], bytes | None] | None) -> ParsedLetter:
    from . import read_document

    doc_id = str(record.get("Id") or "")
    content = None
    if record.get("Bestand"):
        try:
            content = base64.b64decode(record["Bestand"], validate=True)
        except (binascii.Error, ValueError):
            raise ImportFailed(_("the inline file is not valid base64")) from None
    elif doc_id and resolve_file is not None:
        content = resolve_file(doc_id)
    if content is None:
        raise ImportFailed(_("the file of document %(id)s is missing") % {"id": doc_id or "?"})
    inner = read_document(content, str(record.get("Bestandsnaam") or ""))
    if not inner.letters or inner.format == JSON:
        raise ImportFailed(_("the file of document %(id)s is not a letter") % {"id": doc_id})
    letter = inner.letters[0]
    dossiers = record.get("Kamerstukdossier") or []
    if isinstance(dossiers, dict):
        dossiers = [dossiers]
    dossier = ""
    if dossiers and isinstance(dossiers[0], dict) and dossiers[0].get("Nummer"):
        dossier = str(dossiers[0]["Nummer"])
        if dossiers[0].get("Toevoeging"):
            dossier += f"-{dossiers[0]['Toevoeging']}"
    volgnummer = record.get("Volgnummer")
    ministry = ""
    for actor in record.get("DocumentActor") or []:
        if isinstance(actor, dict) and "ministerie" in str(actor.get("ActorNaam", "")).lower():
            ministry = re.sub(r"^ministerie van\s+", "", actor["ActorNaam"], flags=re.IGNORECASE)
            break
    metadata = {
        **letter.metadata,
        "title": str(record.get("Onderwerp") or record.get("Titel") or "")[:500]
        or letter.metadata.get("title", ""),
        "date": iso_date(record.get("Datum")),
        "dossier": dossier[:20],
        "kamerstuk": f"{dossier}-{volgnummer}"[:40]
        if dossier and volgnummer not in (None, "")
        else "",
        "ministry": ministry[:200],
        "source_url": document_url(doc_id) if doc_id else "",
    }
    if metadata["date"] is not None:
        metadata["date_inferred"] = False
    return ParsedLetter(
        text=letter.text,
        metadata={k: v for k, v in metadata.items() if v not in (None, "")},
        source_format=letter.source_format,
        external_id=doc_id,
        notes=letter.notes,
    )
