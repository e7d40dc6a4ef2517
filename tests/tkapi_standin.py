"""A stand-in for the Tweede Kamer's OData API on 127.0.0.1, serving the recorded records in
fixtures/tkapi/: pages of `page_size` records with `@odata.nextLink` ($skip), `$filter` with
`eq`/`gt`/`ge`/`lt`, `and`/`or`/`not` and parentheses (on Soort, Verwijderd and the change
timestamps), `$orderby` on the timestamp, `$count`, the files at `Document(<Id>)/resource`,
and officielebekendmakingen.nl pages under /obk/. Scripted faults (a 429 with Retry-After, a
500, a truncated page) are answered once each before the normal answer.

Written apart from commitments.tksync on purpose: it must not share the code it tests.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import threading
import urllib.parse
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "tkapi"
PREFIX = "/OData/v4/2.0"
TYPES = {
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".txt": "text/plain",
}


def _moment(value: str) -> tuple[dt.datetime, str]:
    match = re.fullmatch(r"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d+))?(Z|[+-]\d\d:\d\d)?", value)
    if not match:
        raise ValueError(value)
    zone = "+00:00" if match[3] in (None, "Z") else match[3]
    return dt.datetime.fromisoformat(match[1] + zone).astimezone(dt.UTC), (match[2] or "").ljust(
        9, "0"
    )


_TOKEN = re.compile(
    r"\s*(?:(?P<open>\()|(?P<close>\))|(?P<str>'(?:[^']|'')*')"
    r"|(?P<stamp>\d{4}-\d\d-\d\dT[\d:.]+(?:Z|[+-]\d\d:\d\d)?)|(?P<num>-?\d+(?:\.\d+)?)"
    r"|(?P<word>[A-Za-z_][A-Za-z0-9_/]*))"
)


class _Filter:
    """Just enough of OData's $filter for what a client of this API sends."""

    def __init__(self, text: str) -> None:
        self.tokens: list[tuple[str, str]] = []
        pos = 0
        while pos < len(text):
            match = _TOKEN.match(text, pos)
            if not match or match.end() == pos:
                if text[pos:].strip() == "":
                    break
                raise ValueError(f"bad $filter at {text[pos:]!r}")
            kind = match.lastgroup or ""
            self.tokens.append((kind, match[kind]))
            pos = match.end()
        self.pos = 0
        self.tree = self._or()
        if self.pos != len(self.tokens):
            raise ValueError("trailing tokens in $filter")

    def _peek(self) -> tuple[str, str]:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else ("", "")

    def _take(self) -> tuple[str, str]:
        token = self._peek()
        self.pos += 1
        return token

    def _or(self):
        left = self._and()
        while self._peek() == ("word", "or"):
            self._take()
            left = ("or", left, self._and())
        return left

    def _and(self):
        left = self._not()
        while self._peek() == ("word", "and"):
            self._take()
            left = ("and", left, self._not())
        return left

    def _not(self):
        if self._peek() == ("word", "not"):
            self._take()
            return ("not", self._not())
        if self._peek()[0] == "open":
            self._take()
            inner = self._or()
            if self._take()[0] != "close":
                raise ValueError("unbalanced parentheses")
            return inner
        kind, name = self._take()
        op_kind, op = self._take()
        value_kind, value = self._take()
        if kind != "word" or op_kind != "word" or op not in ("eq", "ne", "gt", "ge", "lt", "le"):
            raise ValueError(f"bad comparison near {name!r}")
        if value_kind == "str":
            literal: object = value[1:-1].replace("''", "'")
        elif value_kind == "stamp":
            literal = _moment(value)
        elif value_kind == "num":
            literal = float(value)
        elif value in ("true", "false"):
            literal = value == "true"
        elif value == "null":
            literal = None
        else:
            raise ValueError(f"bad literal {value!r}")
        return ("cmp", name, op, literal)

    def __call__(self, record: dict) -> bool:
        return self._eval(self.tree, record)

    def _eval(self, node, record: dict) -> bool:
        if node[0] == "or":
            return self._eval(node[1], record) or self._eval(node[2], record)
        if node[0] == "and":
            return self._eval(node[1], record) and self._eval(node[2], record)
        if node[0] == "not":
            return not self._eval(node[1], record)
        _kind, name, op, literal = node
        value = record.get(name)
        if isinstance(literal, tuple) and isinstance(value, str):
            value = _moment(value)
        if op == "eq":
            return value == literal
        if op == "ne":
            return value != literal
        if value is None or literal is None:
            return False
        return {
            "gt": value > literal,
            "ge": value >= literal,
            "lt": value < literal,
            "le": value <= literal,
        }[op]


@dataclass
class Fault:
    path: str  # answered when the request path+query contains this
    status: int = 500
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b'{"error": {"code": "500", "message": "stand-in fault"}}'
    truncate: bool = False  # a 200 whose JSON is cut off half-way


class StandIn:
    def __init__(self, page_size: int = 2) -> None:
        self.page_size = page_size
        self.records: dict[str, dict[str, dict]] = {"Document": {}, "Toezegging": {}}
        self.contexts: dict[str, str] = {}
        self.faults: list[Fault] = []
        self.requests: list[str] = []
        self.honour_filter = True
        self.load(FIXTURES)
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    # --- set-up ---------------------------------------------------------------------------

    def load(self, folder: Path) -> None:
        """Add (or replace, by Id) the records of folder/<Entity>.json."""
        for entity in self.records:
            path = folder / f"{entity}.json"
            if path.exists():
                payload = json.loads(path.read_text(encoding="utf-8"))
                self.contexts[entity] = payload["@odata.context"]
                for record in payload["value"]:
                    self.records[entity][record["Id"]] = record

    def fail(self, path: str, **kwargs) -> None:
        self.faults.append(Fault(path, **kwargs))

    @property
    def base(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def odata_url(self) -> str:
        return self.base + PREFIX

    def start(self) -> StandIn:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    # --- answers --------------------------------------------------------------------------

    def answer(self, target: str) -> tuple[int, dict[str, str], bytes]:
        self.requests.append(target)
        for fault in self.faults:
            if fault.path in urllib.parse.unquote(target):
                self.faults.remove(fault)
                if fault.truncate:
                    status, headers, body = self._normal(target)
                    return status, headers, body[: len(body) // 2]
                return (
                    fault.status,
                    {"Content-Type": "application/json", **fault.headers},
                    (fault.body),
                )
        return self._normal(target)

    def _normal(self, target: str) -> tuple[int, dict[str, str], bytes]:
        parts = urllib.parse.urlsplit(target)
        path = urllib.parse.unquote(parts.path)
        if path.startswith("/obk/"):
            file = FIXTURES / "obk" / Path(path).name
            if file.is_file():
                return 200, {"Content-Type": "text/html; charset=utf-8"}, file.read_bytes()
            return 404, {"Content-Type": "text/html"}, b"<h1>Niet gevonden</h1>"
        if match := re.fullmatch(re.escape(PREFIX) + r"/Document\(([0-9a-f-]+)\)/resource", path):
            for file in sorted((FIXTURES / "files").glob(f"{match[1]}.*")):
                return (
                    200,
                    {"Content-Type": TYPES.get(file.suffix, "application/octet-stream")},
                    (file.read_bytes()),
                )
            return 404, {"Content-Type": "application/json"}, b'{"error": "not found"}'
        if match := re.fullmatch(re.escape(PREFIX) + r"/(Document|Toezegging)", path):
            return self._collection(match[1], target, parts.query)
        return 404, {"Content-Type": "text/plain"}, b"not found"

    def _collection(self, entity: str, target: str, query: str) -> tuple[int, dict, bytes]:
        params = dict(urllib.parse.parse_qsl(query, keep_blank_values=True))
        records = list(self.records[entity].values())
        if params.get("$filter") and self.honour_filter:
            try:
                keep = _Filter(params["$filter"])
            except ValueError as exc:
                return (
                    400,
                    {"Content-Type": "application/json"},
                    json.dumps({"error": {"message": str(exc)}}).encode(),
                )
            records = [r for r in records if keep(r)]
        order = params.get("$orderby", "").split(",")[0].split(" ")[0] or "Id"
        records.sort(
            key=lambda r: (
                _moment(r[order]) if order.endswith("GewijzigdOp") else r[order],
                r["Id"],
            )
        )
        skip = int(params.get("$skip", "0") or 0)
        page = records[skip : skip + self.page_size]
        payload: dict = {"@odata.context": self.contexts.get(entity, "")}
        if params.get("$count") == "true":
            payload["@odata.count"] = len(records)
        payload["value"] = page
        if skip + self.page_size < len(records):
            params["$skip"] = str(skip + self.page_size)
            payload["@odata.nextLink"] = f"{self.odata_url}/{entity}?" + urllib.parse.urlencode(
                params, quote_via=urllib.parse.quote
            )
        return (
            200,
            {"Content-Type": "application/json; odata.metadata=minimal"},
            json.dumps(payload, ensure_ascii=False).encode(),
        )

    def _handler(self):
        standin = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - the http.server API
                status, headers, body = standin.answer(self.path)
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args) -> None:  # quiet in test output
                return

        return Handler
