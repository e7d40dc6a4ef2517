"""The extractor on the labelled letters beyond the five examples, scored as the evaluation
scores them (see scoring.py).

- letters/: 37 real Kamerbrieven from many ministries, years and both Kamers, plus two marked
  synthetic; the rules were written against them, so they guard against regressions.
- holdout/: 29 real letters (2007-2025, ten ministries, both Kamers) labelled before the
  extractor ran on them. Before rules were written for them it scored commitments F1 0.81,
  fulfilments F1 0.88, due dates 10/11, letter dates 19/22; the floors below are the level
  reached after general rules, and the set has been tuned on since: measuring generalisation
  again needs a fresh holdout.
- blind/: 30 real letters (2006-2025, both Kamers; four long policy letters as PDF text)
  labelled by hand from the guidelines by people who did not see the extractor, in four
  batches. Scored before any rule was written for a batch: commitments F1 0.77, 0.67, 0.59
  (the batch with three long letters) and 0.00 (one long letter, 5 promises); fulfilments
  F1 0.86, 0.70 and 0.55. The floors are what general rules reached after; the set is tuned
  on now.
- unseen_batch_*/: batches labelled blind from the guidelines by helpers who did not see the
  extractor (issue 8), copied verbatim from /work/labels/ after being scored once. First seen
  (commitments F1 / fulfilments F1): A1 (10 answers to Kamervragen, PDF text) 0.40 / 0.31;
  A2 0.93 / 0.57; A3 0.00 (2 promises) / 0.62; A4 1.00 (1 promise) / 0.55; B1 0.62 / 0.43 (with five letters that
  were copies of A2's, since removed);
  B2 0.40 / 0.43 (A2-B2 scored after the rules written for A1 and for the issue's kinds);
  C1 0.91 / 0.69, C2 0.60 / 0.73, C3 0.75 / 0.44 (long letters, notas, Eerste Kamer; scored
  after the rules written for A2-B2). D (31 letters: rijksoverheid.nl PDF text with
  letterheads, officielebekendmakingen pages, three to the Eerste Kamer; 2008-2023, 17
  ministries; scored after all the rules above, before any written for it): commitments
  P 0.59 R 0.45 F1 0.51, fulfilments P 0.63 R 0.56 F1 0.59, due dates 6/10. E (29 letters,
  2004-2024, 15 ministries, three to the Eerste Kamer; each part scored before rules were
  written for it): E2 commitments 1.00 (3 promises), fulfilments P 0.71 R 0.77 F1 0.74; E3
  commitments P 0.25 R 0.25 F1 0.25 (4 promises), fulfilments P 0.75 R 0.75 F1 0.75; E1
  (scored after E2's and E3's rules) commitments P 0.55 R 1.00 F1 0.71 (11 promises), due dates
  10/11, fulfilments P 0.62 R 0.56 F1 0.59. F (29 letters, 1998-2025, 13 ministries; each part
  scored before rules were written for it): F2 commitments 1.00 (2 promises), fulfilments
  P 0.83 R 0.71 F1 0.77; F3 commitments P 0.83 R 0.56 F1 0.67 (9), fulfilments P 0.71 R 0.83
  F1 0.77; F1 (after F2's and F3's rules) commitments P 1.00 R 0.50 F1 0.67 (12), fulfilments
  P 0.71 R 0.75 F1 0.73. G (29 letters, 2010-2025, every ministry, seven to the Eerste Kamer;
  each part scored before rules were written for it): G2 commitments P 0.67 R 1.00 F1 0.80
  (2 promises), fulfilments P 1.00 R 0.33 F1 0.50; G1 commitments P 0.69 R 0.35 F1 0.46 (26),
  fulfilments P 0.68 R 0.59 F1 0.63; G3 (after G1's and G2's rules) commitments P 0.50 R 0.53
  F1 0.51 (19), fulfilments P 0.52 R 0.39 F1 0.45 (33). H (19 letters, 2013-2024, from
  18 ministries, one to the Eerste Kamer): H2 commitments P 0.80 R 0.67 F1 0.73 (6),
  fulfilments P 1.00 R 0.71 F1 0.83 (7); H1 (after H2's rules) commitments P 0.92 R 0.65 F1 0.76
  (17), fulfilments P 0.55 R 0.60 F1 0.57 (10). I (19 letters, 2014-2025): I2 commitments 1.00
  (1 promise), fulfilments P 0.50 R 0.67 F1 0.57 (6); I1 (after I2's rules) commitments P 1.00
  R 0.73 F1 0.84 (11), fulfilments P 0.79 R 0.73 F1 0.76 (15). J (40 letters, 2013-2023, 13
  ministries, three to the Eerste Kamer, 22 of them over 5,000 characters): J1 commitments P 0.88 R 0.39
  F1 0.54 (18 promises), fulfilments P 0.62 R 0.40 F1 0.48 (20); J2 commitments P 0.57 R 0.80
  F1 0.67 (20), fulfilments P 0.92 R 0.52 F1 0.67 (23); J3 commitments P 0.78 R 0.50 F1 0.61
  (14), fulfilments P 0.77 R 0.91 F1 0.83 (22); J4 (after J1-J3's rules) commitments P 0.71
  R 0.85 F1 0.77 (26), fulfilments P 0.80 R 0.66 F1 0.72 (59); pooled commitments P 0.68 R 0.67
  F1 0.68, fulfilments P 0.78 R 0.64 F1 0.70. K (40 letters, 2011-2022, 15 ministries, 22 of
  them over 5,000 characters; each part scored before rules were written for it): K4
  commitments P 1.00 R 0.57 F1 0.73 (14 promises), fulfilments P 1.00 R 0.56 F1 0.71 (9); K1
  commitments P 1.00 R 0.60 F1 0.75 (10), fulfilments P 0.88 R 0.44 F1 0.58 (16); K3
  commitments P 0.81 R 0.62 F1 0.70 (21), fulfilments P 0.85 R 0.71 F1 0.77 (24); K2 (after
  K1, K3 and K4's rules) commitments P 0.79 R 0.69 F1 0.73 (16), fulfilments P 0.62 R 0.72
  F1 0.67 (18); pooled commitments P 0.86 R 0.62 F1 0.72, fulfilments P 0.78 R 0.63 F1 0.69. L
  (40 letters, 2016-2023, 12 ministries, 16 of them over 5,000 characters): L1 commitments
  P 0.50 R 0.50 F1 0.50 (4 promises), fulfilments P 0.67 R 0.71 F1 0.69 (14); L2-L4 (after L1
  and the due-date rules) L2 commitments P 0.89 R 1.00 F1 0.94 (8), fulfilments P 0.75 R 0.67
  F1 0.71 (18); L3 commitments P 0.62 R 0.40 F1 0.48 (20), fulfilments P 1.00 R 0.86 F1 0.92 (7);
  L4 commitments P 0.40 R 0.57 F1 0.47 (7), fulfilments P 0.56 R 0.62 F1 0.59 (16); pooled
  commitments P 0.61 R 0.56 F1 0.59, fulfilments P 0.69 R 0.69 F1 0.69. M (40 letters,
  2011-2022, 11 ministries, 24 of them over 5,000 characters, six to the Eerste Kamer; most
  stored with pages missing; each part scored before rules were written for it): M2
  commitments P 1.00 R 0.46 F1 0.63 (13 promises), fulfilments P 0.55 R 0.55 F1 0.55 (11); M4
  commitments P 0.50 R 0.29 F1 0.36 (7), fulfilments P 0.46 R 0.86 F1 0.60 (7); M3 commitments
  P 0.70 R 0.37 F1 0.48 (19), fulfilments P 0.45 R 0.69 F1 0.55 (13); M1 commitments P 0.67
  R 0.48 F1 0.56 (21), fulfilments P 0.58 R 0.58 F1 0.58 (12); pooled commitments P 0.71
  R 0.42 F1 0.53, fulfilments P 0.50 R 0.65 F1 0.57, due dates 22/25. N (39 letters, 2010-2023,
  11 ministries, 23 of them over 5,000 characters, seven to the Eerste Kamer; most stored with
  pages missing; each part scored before rules were written for it): N1 commitments P 0.44
  R 0.29 F1 0.35 (14 promises), fulfilments P 0.70 R 0.54 F1 0.61 (13); N3 commitments P 0.83
  R 0.71 F1 0.77 (14), fulfilments P 0.80 R 0.60 F1 0.69 (20); N2 commitments P 0.73 R 0.89
  F1 0.80 (9), fulfilments P 0.60 R 0.64 F1 0.62 (14); N4 commitments P 0.45 R 0.50 F1 0.48
  (10), fulfilments P 0.47 R 0.58 F1 0.52 (12); pooled commitments P 0.63 R 0.57 F1 0.60,
  fulfilments P 0.64 R 0.59 F1 0.61, due dates 21/27. O (40 letters, 2012-2022, 11 ministries,
  26 of them over 5,000 characters, five to the Eerste Kamer; most stored with pages missing;
  each part scored before rules were written for it): O1 commitments P 0.77 R 0.85 F1 0.81 (27
  promises), fulfilments P 0.60 R 0.71 F1 0.65 (21); O2 commitments P 0.62 R 0.56 F1 0.59 (9),
  fulfilments P 0.75 R 0.60 F1 0.67 (15); O3 commitments P 0.58 R 0.69 F1 0.63 (16),
  fulfilments P 0.54 R 0.76 F1 0.63 (17); O4 commitments P 0.62 R 0.38 F1 0.48 (13),
  fulfilments P 0.63 R 0.75 F1 0.69 (16); pooled commitments P 0.68 R 0.68 F1 0.68,
  fulfilments P 0.61 R 0.71 F1 0.66, due dates 36/44, letter dates 34/35. P (26 letters,
  2012-2021, 11 ministries, 8 of them over 5,000 characters, three to the Eerste Kamer; each part
  scored before rules were written for it): P1 commitments 0.00 (1 promise, missed),
  fulfilments P 0.33 R 0.60 F1 0.43 (5); P3 commitments P 1.00 R 0.67 F1 0.80 (3), fulfilments
  P 0.33 R 0.75 F1 0.46 (4); P4 commitments P 0.75 R 0.50 F1 0.60 (12), fulfilments P 0.80
  R 0.89 F1 0.84 (9); P2 (after P4's first rule) commitments P 0.80 R 0.67 F1 0.73 (6),
  fulfilments P 0.64 R 0.88 F1 0.74 (8); pooled commitments P 0.75 R 0.55 F1 0.63, fulfilments
  P 0.54 R 0.81 F1 0.65, due dates 10/12. An earlier E2 of 10 letters, scored at commitments F1 0.91 and fulfilments F1 0.82
  after D's rules, was lost with its session's scratch space before it reached the repository.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.extraction.scoring import load_labels, score_folder

HERE = Path(__file__).parent
# (folder, commitment F1, due dates right, letter dates right, fulfilment F1): do not lower.
FLOORS = {
    # the five example letters (fixtures/) with the shared seed labels; fulfilments 0.87 -> 0.84:
    # "De vaste commissie voor Buitenlandse Zaken verzocht om een schriftelijke reactie" is now
    # proposed as the request the letter answers (GUIDELINES section 2), which the seed labels
    # leave out
    "seeds": (1.0, 1.0, 1.0, 0.84),
    # fulfilments relabelled by GUIDELINES section 2 (requests, moties, legal duties, the letter as
    # the promised report): 38 statements added in issue 8. The rules now also propose pointers
    # back at earlier letters ("Zoals aangegeven in de Kamerbrief van ..."), which the later
    # batches label as references and these sets did not: recall first, so the fulfilment floors
    # moved down (letters 0.95 -> 0.93, holdout 0.99 -> 0.89, blind 0.97 -> 0.90)
    # 0.93 -> 0.92: "Op 3 juli jl. stuurde ik uw Kamer een brief ..." is now proposed as pointing
    # back at an earlier letter (batch M), which this set's labels leave out
    # 0.92 -> 0.91: "U heeft besloten mij te verzoeken om een reactie op de brief van ..." is now
    # proposed as the Kamer's request the letter answers (batch N), which this set's labels leave out
    # 0.91 -> 0.90: "Zoals aangegeven in de beantwoording van vergelijkbare Kamervragen van het lid ..."
    # is now proposed as naming an earlier answer to the Kamer (batch P), unlabelled here
    "letters": (1.0, 1.0, 1.0, 0.9),
    # 0.89 -> 0.88: "..., waarin deze brief is aangekondigd" is now proposed as the letter keeping
    # an announcement (GUIDELINES section 2), which this set's labels leave out
    # 0.88 -> 0.86: "Naar aanleiding van de procedurevergadering ... verzoekt u mij om ..." is now
    # proposed as the Kamer's request the letter answers (GUIDELINES section 2), unlabelled here
    # 1.0 -> 0.96: "Bovendien wil ik de resultaten ... betrekken bij de inventarisatie" is now
    # proposed as the government wanting to act (batch J), which this set's labels leave out
    # 0.86 -> 0.84: "In 2017 bent u per brief ... geïnformeerd over het voornemen tot ..." is now
    # proposed as a reference to an earlier plan (batch M), which this set's labels leave out
    "holdout": (0.96, 1.0, 1.0, 0.84),
    # 0.82 -> 0.81: "Dit pakken we in 2023 samen met de waterschappen ... op" is now proposed (an
    # act after a short opening, with a time), which this set's labels leave out
    "blind": (0.81, 0.96, 1.0, 0.9),
    # batches labelled blind into /work/labels/, copied verbatim once scored (first-seen figures
    # in the module docstring and in the README)
    "unseen_batch_A1": (0.83, 0.9, 1.0, 0.63),
    "unseen_batch_A2": (1.0, 0.85, 1.0, 0.55),
    "unseen_batch_A3": (0.0, 1.0, 0.9, 0.82),
    "unseen_batch_A4": (1.0, 1.0, 1.0, 0.64),
    # five of its ten letters were byte-for-byte copies of A2's and are gone from it: 0.71 -> 0.67
    # the learned layer retrained on 364 letters adds no reference at any threshold in
    # cross-validation, so it now only rescores; the ones the earlier model added here were
    # fitted to these very letters (it added none in batches D-J): B1 0.81 -> 0.73, B2 0.72 -> 0.68
    "unseen_batch_B1": (0.66, 1.0, 1.0, 0.73),
    "unseen_batch_B2": (0.8, 1.0, 1.0, 0.68),
    "unseen_batch_C1": (1.0, 1.0, 1.0, 0.92),
    # the learned layer adds references the rules pass over (recall first, better over all sets
    # in cross-validation); in C2 one of those is wrong: 0.89 -> 0.87
    "unseen_batch_C2": (0.83, 0.6, 1.0, 0.87),
    "unseen_batch_C3": (0.85, 0.66, 1.0, 0.6),
    # 0.83 -> 0.82: a restated promise no longer absorbs an act of its own, and with it went a
    # match that was luck (the "zijn opgenomen" sentence after an attached overview)
    # due 0.73 -> 0.72: "Ik ben dan ook voornemens ..." is now found (13 of 18 dates right, was 13 of 17)
    "unseen_batch_D": (0.78, 0.72, 1.0, 0.82),
    # E1 (9 rijksoverheid.nl PDF letters, 2016-2023), E2 (10 officielebekendmakingen letters,
    # 2004-2013) and E3 (10 letters 2019-2024, three to the Eerste Kamer), first seen after all
    # the rules above
    # 0.86 -> 0.85: "In de bijlage treft u ..." in a letter that answers a request is now its
    # fulfilment (batch F), which one E letter's labels leave out
    "unseen_batch_E": (0.86, 0.93, 1.0, 0.85),
    # F1 (9 rijksoverheid.nl PDF letters, 2015-2023), F2 (10 openings of letters 2017-2025), F3
    # (10 letters 1998-2011, one to the Eerste Kamer), first seen after E's rules
    # 0.9 -> 0.88: "wil ik daar mijn bijdrage aan leveren" is now proposed on its own (batch J),
    # and the next sentence, which alone matched the two-sentence label, no longer does
    "unseen_batch_F": (0.88, 0.94, 1.0, 0.82),
    # G1 (9 rijksoverheid.nl PDF letters, 2015-2023, one a standing overview of reports), G2 (10
    # letters 2010-2025), G3 (10 letters 2017-2022, six to the Eerste Kamer, three rappel answers),
    # first seen after F's rules
    "unseen_batch_G": (0.56, 0.86, 1.0, 0.72),
    # H1 (9 rijksoverheid.nl PDF letters, 2015-2023, one to the Eerste Kamer) and H2 (10 letters
    # 2013-2024), first seen after G's rules
    "unseen_batch_H": (0.82, 1.0, 1.0, 0.77),
    # I1 (9 rijksoverheid.nl PDF letters, 2015-2023) and I2 (10 openings of letters 2014-2025),
    # first seen after H's rules (I1 also after I2's)
    # 0.75 -> 0.73: "Ik heb uw Kamer in juli 2022 geïnformeerd over de stappen ..." is now proposed
    # as telling the Kamer before (batch L), which this set's labels leave out
    "unseen_batch_I": (0.85, 1.0, 1.0, 0.73),
    # J1-J3 (30 rijksoverheid.nl PDF letters, 2016-2021, three to the Eerste Kamer) and J4 (10,
    # 2013-2023), first seen after I's rules (J4 after J1-J3's)
    "unseen_batch_J": (0.75, 0.87, 1.0, 0.74),
    # K1-K4 (40 rijksoverheid.nl PDF letters, 2011-2022, 15 ministries), each part first seen
    # after the rules before it (K2 after those written for K1, K3 and K4)
    "unseen_batch_K": (0.8, 0.84, 1.0, 0.75),
    # L1-L4 (40 rijksoverheid.nl PDF letters, 2016-2023, 12 ministries), L1 first seen after K's
    # rules, L2-L4 after L1 and the due-date rules
    "unseen_batch_L": (0.7, 0.95, 1.0, 0.69),
    # M1-M4 (40 rijksoverheid.nl PDF letters, 2011-2022, most of them partial), M2 first seen
    # after this session's general rules, M4 after M2's, M3 after M4's, M1 after M2-M4's
    # due 0.87 -> 0.84: two promises no longer taken for restatements are now found, each with
    # an "op korte termijn" of a clause inside it ("maatregelen die zij op korte termijn kunnen
    # nemen") that the labels give no date
    "unseen_batch_M": (0.73, 0.84, 1.0, 0.67),
    # N1-N4 (39 rijksoverheid.nl PDF letters, 2010-2023, most of them partial), N1, N3 and N2 first
    # seen after M's rules, N4 after N3's first rules
    "unseen_batch_N": (0.65, 0.9, 1.0, 0.73),
    # O1-O4 (40 rijksoverheid.nl PDF letters, 2012-2022, most of them partial), O1-O3 first seen
    # after N's rules, O4 after O1-O3's
    "unseen_batch_O": (0.74, 0.83, 0.97, 0.71),
    # P1-P4 (26 rijksoverheid.nl PDF letters, 2012-2021, short ones mostly: the helpers had 40
    # minutes), P1, P3 and P4 first seen after O's rules, P2 after P4's first rule
    "unseen_batch_P": (0.69, 0.85, 1.0, 0.68),
}


@pytest.fixture(scope="module", params=sorted(FLOORS))
def labelled(request) -> tuple[str, dict]:
    return request.param, score_folder(HERE / request.param)


def test_the_sets_are_varied_and_labelled_exactly() -> None:
    for name, minimum in (("letters", 30), ("holdout", 15), ("blind", 25)):
        labels = load_labels(HERE / name)
        assert len(labels) >= minimum
        assert {label["addressee"] for label in labels} == {"Tweede Kamer", "Eerste Kamer"}
        for label in labels:
            text = (HERE / name / label["doc"]).read_text(encoding="utf-8")
            for key in ("commitments", "fulfilments", "doubtful"):
                for item in label.get(key, []):
                    assert text[item["start"] : item["end"]] == item["quote"], (name, item)
    for name in ("holdout", "blind", *(name for name in FLOORS if name.startswith("unseen_"))):
        assert all(label["source"].startswith("real") for label in load_labels(HERE / name))
    for name in (name for name in FLOORS if name.startswith("unseen_")):
        for label in load_labels(HERE / name):
            text = (HERE / name / label["doc"]).read_text(encoding="utf-8")
            for key in ("commitments", "fulfilments", "doubtful"):
                for item in label.get(key, []):
                    assert text[item["start"] : item["end"]] == item["quote"], (name, item)


def test_scores_stay_at_their_floors(labelled) -> None:
    name, scores = labelled
    commitment_f1, due, dates, fulfilment_f1 = FLOORS[name]
    assert scores["commitment_f1"] >= commitment_f1, (name, scores["totals"])
    assert scores["due"] >= due, name
    assert scores["dates"] >= dates, name
    assert scores["fulfilment_f1"] >= fulfilment_f1, (name, scores["totals"])
