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


def subject_of(record: dict) -> str:
    """A Document's Onderwerp as the letter's subject. The Kamer writes it after the document's
    Soort ("Brief regering; Stand van zaken ..."); that prefix, when it is the record's own
    Soort, is dropped: the subject says what the letter is about, not what kind it is."""
    onderwerp, soort = record.get("Onderwerp"), record.get("Soort")
    subject = " ".join(onderwerp.split()) if isinstance(onderwerp, str) else ""
    if isinstance(soort, str) and soort.strip():
        prefix = soort.strip().lower() + ";"
        if subject.lower().startswith(prefix):
            subject = subject[len(prefix) :].strip()
    return subject[:500]


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
        label = next(
            (
                str(record[key])
                for key in ("Nummer", "DocumentNummer", "Id")
                if isinstance(record.get(key), (str, int)) and str(record[key]).strip()
            ),
            f"#{index + 1}",
        )[:80]
        try:
            if entity == "Toezegging":
                parsed.register.append(toezegging(record))
            elif entity == "Document":
                parsed.letters.append(document(record, resolve_file))
            else:
                continue  # other entities (Persoon, Zaak ...) are not ours to import
        except ImportFailed as exc:
            parsed.failures.append((label, str(exc)))
        except (TypeError, ValueError, AttributeError, KeyError, IndexError) as exc:
            # A shape the checks above did not foresee: this record fails, the others import.
            parsed.failures.append(
                (label, _("unexpected content (%(error)s)") % {"error": str(exc)[:200]})
            )
    if not parsed.letters and not parsed.register and not parsed.failures:
        raise ImportFailed(_("the JSON holds no Tweede Kamer Document or Toezegging records"))
    return parsed


def _kind(value: object) -> str:
    """What a JSON value is, in the user's words."""
    if isinstance(value, bool):
        return _("true/false")
    if isinstance(value, (int, float)):
        return _("a number")
    if isinstance(value, list):
        return _("a list")
    if isinstance(value, dict):
        return _("an object")
    return _("text")


def _wrong(field: str, expected: str, value: object) -> ImportFailed:
    return ImportFailed(
        _("%(field)s should be %(expected)s, not %(actual)s")
        % {"field": field, "expected": expected, "actual": _kind(value)}
    )


def _text(record: dict, key: str, where: str = "", *, number: bool = False) -> str:
    """A text field ("" when absent or null); `number` also takes a whole number (Nummer,
    Volgnummer are integers in the OData feed). Anything else names the field."""
    value = record.get(key)
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if number and isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    raise _wrong(where + key, _("text or a number") if number else _("text"), value)


def _object(record: dict, key: str, where: str = "") -> dict:
    value = record.get(key)
    if value is None or value == "":
        return {}
    if isinstance(value, dict):
        return value
    raise _wrong(where + key, _("an object"), value)


def _objects(record: dict, key: str, where: str = "") -> list[dict]:
    """A list of objects; a single object counts as a list of one (expanded navigations)."""
    value = record.get(key)
    if value is None:
        return []
    if isinstance(value, dict):
        return [value]
    if isinstance(value, list) and all(isinstance(item, dict) for item in value):
        return value
    raise _wrong(where + key, _("a list of objects"), value)


def _name(person: dict, where: str) -> str:
    return " ".join(
        p
        for p in (_text(person, k, where) for k in ("Roepnaam", "Tussenvoegsel", "Achternaam"))
        if p
    )


def _person(record: dict) -> tuple[str, str, str]:
    """(name, office, ministry) of the bewindspersoon, flat or expanded."""
    name = _text(record, "Naam") or _name(_object(record, "Persoon"), "Persoon.")
    office = _text(record, "Functie")
    ministry_value = record.get("Ministerie")
    if isinstance(ministry_value, dict):
        ministry = _text(ministry_value, "Naam", "Ministerie.")
    else:
        ministry = _text(record, "Ministerie")
    ministry = re.sub(r"^ministerie van\s+", "", ministry.strip(), flags=re.IGNORECASE)
    return name.strip(), office.strip(), ministry


def _real_date(value: object):
    """The API writes "no date" as 0001-01-01T00:00:00Z."""
    day = iso_date(value)
    return day if day is not None and day.year > 1900 else None


def toezegging(record: dict) -> RegisterEntry:
    number = _text(record, "Nummer", number=True).strip()
    text = " ".join(_text(record, "Tekst").split())
    if not number:
        raise ImportFailed(_("the Toezegging has no Nummer"))
    if not text:
        raise ImportFailed(_("the Toezegging has no Tekst"))
    name, office, ministry = _person(record)
    if isinstance(record.get("Fractie"), dict):
        fractie_record = _object(record, "Fractie")
        fractie = _text(fractie_record, "Afkorting", "Fractie.") or _text(
            fractie_record, "NaamNL", "Fractie."
        )
    else:
        fractie = _text(record, "Fractie")
    key = "Kamerlid" if record.get("Kamerlid") is not None else "Lid"
    if isinstance(record.get(key), dict):
        member = _name(_object(record, key), key + ".")
    else:
        member = _text(record, key)
    made_to = f"{member} ({fractie})" if member and fractie else (member or fractie)
    # Expanded, a navigation may come as a list of one (the live API) or a bare object.
    activity = next(iter(_objects(record, "Activiteit")), {})
    fulfilled = []
    # KamerbriefNakoming is the live API's name for the fulfilling letters (expanded).
    docs_key = next(
        (k for k in ("KamerbriefNakoming", "Document", "Documenten") if record.get(k) is not None),
        "Document",
    )
    for doc in _objects(record, docs_key):
        doc_id = _text(doc, "Id", docs_key + ".")
        if doc_id and doc.get("Verwijderd") is not True:
            title = _text(doc, "Titel", docs_key + ".") or _text(doc, "Onderwerp", docs_key + ".")
            fulfilled.append((doc_id, title, document_url(doc_id)))
    return RegisterEntry(
        register_number=number[:40],
        text=text,
        status=_text(record, "Status") or "Openstaand",
        actor=", ".join(p for p in (office, name) if p)[:200],
        ministry=ministry[:200],
        made_to=made_to[:200],
        made_on=iso_date(
            _text(record, "Datum")
            or _text(activity, "Datum", "Activiteit.")
            or _text(record, "AanmaakDatum")
            or _text(record, "Aanmaakdatum")
            or _text(record, "GewijzigdOp")
        ),
        due_date=_real_date(_text(record, "DatumNakoming")),
        committee=(_text(record, "Commissie") or _text(activity, "Voortouwnaam", "Activiteit."))[
            :200
        ],
        external_id=_text(record, "Id"),
        fulfilled_by=fulfilled,
    )


def document(record: dict, resolve_file: Callable[[str], bytes | None] | None) -> ParsedLetter:
    from . import read_document

    doc_id = _text(record, "Id")
    content = None
    if inline := _text(record, "Bestand"):
        try:
            content = base64.b64decode(inline, validate=True)
        except (binascii.Error, ValueError):
            raise ImportFailed(_("the inline file is not valid base64")) from None
    elif doc_id and resolve_file is not None:
        content = resolve_file(doc_id)
    if content is None:
        raise ImportFailed(_("the file of document %(id)s is missing") % {"id": doc_id or "?"})
    inner = read_document(content, _text(record, "Bestandsnaam"))
    if not inner.letters or inner.format == JSON:
        raise ImportFailed(_("the file of document %(id)s is not a letter") % {"id": doc_id})
    letter = inner.letters[0]
    dossiers = _objects(record, "Kamerstukdossier")
    dossier = ""
    if dossiers and (nummer := _text(dossiers[0], "Nummer", "Kamerstukdossier.", number=True)):
        dossier = nummer
        if toevoeging := _text(dossiers[0], "Toevoeging", "Kamerstukdossier.", number=True):
            dossier += f"-{toevoeging}"
    volgnummer = _text(record, "Volgnummer", number=True)
    ministry = ""
    for actor in _objects(record, "DocumentActor"):
        actor_name = _text(actor, "ActorNaam", "DocumentActor.")
        if "ministerie" in actor_name.lower():
            ministry = re.sub(r"^ministerie van\s+", "", actor_name, flags=re.IGNORECASE)
            break
    metadata = {
        **letter.metadata,
        "title": (_text(record, "Onderwerp") or _text(record, "Titel"))[:500]
        or letter.metadata.get("title", ""),
        "subject": subject_of(record),
        "date": iso_date(_text(record, "Datum")),
        "dossier": dossier[:20],
        "kamerstuk": f"{dossier}-{volgnummer}"[:40] if dossier and volgnummer else "",
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
