"""Issue 12's bar: `importletters` over a folder of hostile files next to a good letter, and
the peak memory (RSS) of that run.

    .venv/bin/python bench/bench_hostile_import.py           # the bar: a 300 MB-XML .docx
    .venv/bin/python bench/bench_hostile_import.py --smoke   # a 3 MB one, for the test suite

The folder holds a .docx whose XML unpacks to 300 MB (about 1 MB zipped, built here), a PDF
encrypted with certificates (/Filter /Adobe.PubSec), open-data JSON with the wrong types
("Bestand": [], "DocumentActor": 5) and a good PDF letter. The command runs in a child process
on a fresh SQLite database; its peak RSS comes from wait4(). The bar: each bad file named with
its reason, no traceback, the good letter imported, and a peak under 600 MB.
"""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

LIMIT_MB = 600
LETTER = (
    "Den Haag, 1 maart 2024\n\nGeachte voorzitter,\n\nIk zal uw Kamer voor de zomer "
    "informeren over de Sahel.\n"
)


def build_folder(folder: Path, xml_mb: int) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.settings")
    from tests.documents import docx_bomb, make_pdf

    (folder / "bom.docx").write_bytes(docx_bomb(xml_mb))
    (folder / "certificaat.pdf").write_bytes(make_pdf(LETTER, encrypt_filter="Adobe.PubSec"))
    record = {
        "@odata.type": "#TK.DA.GGM.OData.Document",
        "Id": "11111111-2222-4333-8444-555555555555",
        "DocumentNummer": "2024D00001",
        "Soort": "Brief regering",
        "Bestand": [],
        "DocumentActor": 5,
    }
    other = dict(record, Id="22222222-2222-4333-8444-555555555555", DocumentNummer="2024D00002")
    other["Bestand"] = base64.b64encode(b"Geachte voorzitter").decode()
    other["Kamerstukdossier"] = "36000"
    (folder / "mistyped.json").write_text(json.dumps({"value": [record, other]}), "utf-8")
    (folder / "goed.pdf").write_bytes(make_pdf(LETTER))


def run(smoke: bool) -> int:
    xml_mb = 3 if smoke else 300
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        folder = tmp_path / "inbox"
        folder.mkdir()
        build_folder(folder, xml_mb)
        env = {
            **os.environ,
            "DATABASE_URL": f"sqlite:///{tmp_path / 'bench.sqlite3'}",
            "DEBUG": "true",
            "MEDIA_ROOT": str(tmp_path / "media"),
        }
        if smoke:  # the same refusal at a size the suite can afford
            env["LETTER_MAX_XML_BYTES"] = str(2 * 1024 * 1024)
        manage = [sys.executable, str(ROOT / "manage.py")]
        subprocess.run([*manage, "migrate", "--noinput", "-v0"], env=env, check=True, cwd=ROOT)
        started = time.perf_counter()
        with open(tmp_path / "out", "w+") as out_file, open(tmp_path / "err", "w+") as err_file:
            child = subprocess.Popen(
                [*manage, "importletters", "--progress", "never", str(folder)],
                env=env,
                cwd=ROOT,
                stdout=out_file,
                stderr=err_file,
            )
            # wait4 gives this child's own peak RSS (RUSAGE_CHILDREN would include migrate).
            _pid, status, usage = os.wait4(child.pid, 0)
            child.returncode = os.waitstatus_to_exitcode(status)
            seconds = time.perf_counter() - started
            out_file.seek(0)
            err_file.seek(0)
            out, err = out_file.read(), err_file.read()
    peak_mb = usage.ru_maxrss / 1024  # kilobytes on Linux
    print(out.strip())
    print(err.strip())
    print(f"\ndocx XML: {xml_mb} MB; run: {seconds:.2f} s; peak RSS of a run: {peak_mb:.0f} MB")
    problems = []
    if "Traceback" in out + err:
        problems.append("a traceback was printed")
    # The command speaks Dutch unless told otherwise; each reason in either language.
    for name, reasons in (
        ("bom.docx", ("zip bomb", "zipbom")),
        ("certificaat.pdf", ("encrypted in a way we cannot open", "versleuteld op een manier")),
        ("mistyped.json [2024D00001]", ("Bestand should be text", "Bestand hoort tekst")),
    ):
        if not any(name in ln and any(r in ln for r in reasons) for ln in err.splitlines()):
            problems.append(f"{name} not reported with its reason")
    if "imported: 1," not in out and "geïmporteerd: 1," not in out:
        problems.append("the good letter was not imported")
    if child.returncode != 1:
        problems.append(f"exit status {child.returncode}, expected 1 (files failed)")
    if peak_mb >= LIMIT_MB:
        problems.append(f"peak RSS {peak_mb:.0f} MB is over {LIMIT_MB} MB")
    for problem in problems:
        print("FAIL:", problem, file=sys.stderr)
    return 1 if problems else 0


def main() -> None:
    smoke = "--smoke" in sys.argv[1:] or os.environ.get("BENCH_SMOKE") == "1"
    sys.exit(run(smoke))


if __name__ == "__main__":
    main()
