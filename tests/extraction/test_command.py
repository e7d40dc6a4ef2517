from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

LETTERS = Path(__file__).parent / "letters"


def run(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("extract", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_json_output_has_the_scorer_fields_and_exact_offsets() -> None:
    path = LETTERS / "ocw_tweede_kamer.txt"
    out, _ = run(str(path), "--json")
    [result] = json.loads(out)
    text = path.read_text(encoding="utf-8")
    assert result["path"] == str(path)
    assert set(result["letter"]) >= {
        "date",
        "date_inferred",
        "addressee",
        "kamerstuk",
        "signatories",
        "ministry",
    }
    assert result["letter"]["date"] == "2023-03-14"
    assert result["commitments"]
    for item in result["commitments"] + result["fulfilments"]:
        assert text[item["start"] : item["end"]] == item["quote"]
    first = result["commitments"][0]
    assert set(first) >= {
        "quote",
        "start",
        "end",
        "kind",
        "actor",
        "action",
        "deadline_phrase",
        "due",
        "confidence",
    }
    assert "refers_to" in result["fulfilments"][0]


def test_readable_table_without_json() -> None:
    out, _ = run(str(LETTERS / "jenv_eerste_kamer.txt"))
    assert "2024-02-12" in out and "Eerste Kamer" in out and "NEW" in out


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "empty file"),
        (b"\x00\x01binary\x00", "binary file"),
    ],
)
def test_bad_file_is_reported_and_others_still_processed(
    tmp_path: Path, content: bytes, problem: str
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    good = LETTERS / "vws_staatssecretaris.txt"
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError):
        call_command("extract", str(bad), str(good), "--json", stdout=out, stderr=err)
    assert str(bad) in err.getvalue() and problem in err.getvalue()
    assert len(err.getvalue().strip().splitlines()) == 1
    [result] = json.loads(out.getvalue())
    assert result["path"] == str(good)


def test_missing_file_is_reported(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.txt"
    with pytest.raises(CommandError):
        run(str(missing), "--json")


def test_cp1252_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "oud.txt"
    path.write_bytes(
        "Den Haag, 3 oktober 2022\n\nIk zal uw Kamer vóór de zomer "
        "informeren over de geïntegreerde aanpak.\n".encode("cp1252")
    )
    out, err = run(str(path), "--json")
    [result] = json.loads(out)
    assert err == ""
    assert result["letter"]["date"] == "2022-10-03"
    assert result["commitments"][0]["due"] == "2023-07-01"


def test_every_item_in_the_json_says_which_rule_proposed_it() -> None:
    from commitments.extraction import LEARNED, RESTATES
    from commitments.extraction.detection import ANSWERS, RULES_BY_NAME

    paths = sorted(LETTERS.glob("*.txt"))
    out, _ = run(*map(str, paths), "--json")
    results = json.loads(out)
    assert len(results) == len(paths)
    items = 0
    for result in results:
        for item in result["commitments"]:
            # LEARNED: the learned layer's own proposals (commitments/extraction/learned.py)
            assert item["rule"] == LEARNED or RULES_BY_NAME[item["rule"]].outcome == "commitment"
            items += 1
        for item in result["fulfilments"]:
            assert item["rule"] in (RESTATES, LEARNED) or (
                RULES_BY_NAME[item["rule"]].outcome == "reference"
            )
            assert item["answers"] in ANSWERS, item
            items += 1
    assert items > 50
