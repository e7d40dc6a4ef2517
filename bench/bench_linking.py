"""How often linking finds the commitment a later letter means, over a generated corpus.

Run: .venv/bin/python bench/bench_linking.py [--commitments 2000] [--references 1000] [--smoke]

The corpus: commitments on generated subjects (aspect x domain x region, so many share words),
each with a ministry, dossier, Kamerstuk and date; later passages that refer to one of them in
the ways letters do (subject paraphrased with words dropped and reordered, date of the debate or
letter named, Kamerstuk named, register number named, a bare "hiermee doe ik mijn toezegging
gestand" with the subject only in the letter's opening) and passages about subjects no
commitment has, which should link to nothing. It runs the scoring core (`linking.best_link`)
exactly as `letter_link` uses it, without the database. `--smoke` (or BENCH_SMOKE=1) runs it
on 100 commitments and 50 passages, as the test suite does (tests/test_bench_smoke.py).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.settings")
import django  # noqa: E402

django.setup()

from commitments import linking  # noqa: E402

ASPECTS = [
    "de evaluatie",
    "de uitvoering",
    "de financiering",
    "het onderzoek naar",
    "de wachtlijsten bij",
    "de capaciteit van",
    "de kosten van",
    "de handhaving van",
    "de digitalisering van",
    "de personeelstekorten bij",
    "de wetgeving over",
    "de subsidieregeling voor",
]
DOMAINS = [
    "de jeugdzorg",
    "de politie",
    "het beroepsonderwijs",
    "de kinderopvang",
    "de stikstofuitstoot",
    "de netcongestie",
    "de asielopvang",
    "de huurtoeslag",
    "het openbaar vervoer",
    "de ouderenzorg",
    "de defensie-industrie",
    "de visserij",
    "de waterveiligheid",
    "de cyberveiligheid",
    "de zonnepanelen",
    "de laadpalen",
    "de mijnbouwschade",
    "de geestelijke gezondheidszorg",
    "het gevangeniswezen",
    "de inburgering",
]
REGIONS = [
    "in Groningen",
    "in Limburg",
    "in de Randstad",
    "in Caribisch Nederland",
    "op de Waddeneilanden",
    "in Zeeland",
    "in heel Nederland",
    "in de grensregio's",
]
MINISTRIES = [
    "Volksgezondheid, Welzijn en Sport",
    "Justitie en Veiligheid",
    "Onderwijs, Cultuur en Wetenschap",
    "Economische Zaken en Klimaat",
    "Landbouw, Natuur en Voedselkwaliteit",
    "Infrastructuur en Waterstaat",
    "Binnenlandse Zaken en Koninkrijksrelaties",
    "Defensie",
    "Financiën",
]
VERBS = [
    "Ik zal uw Kamer informeren over",
    "Ik stuur uw Kamer een brief over",
    "Het kabinet komt terug op",
    "Ik zeg toe uw Kamer te berichten over",
]
UNRELATED = [
    "de Olympische Spelen",
    "het Koningshuis",
    "de ruimtevaart",
    "de mode-industrie",
    "de popmuziek",
    "het schaken",
    "de wielersport",
    "de bijenstand",
]
MONTHS = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]
STYLES = ["paraphrase", "date", "kamerstuk", "number", "bare"]
SMOKE = {"commitments": 100, "references": 50}


def spoken(date: dt.date, with_year: bool) -> str:
    return f"{date.day} {MONTHS[date.month - 1]}" + (f" {date.year}" if with_year else "")


def corpus(n_commitments: int, n_references: int, seed: int = 4):
    rng = random.Random(seed)
    subjects = [f"{a} {d} {r}" for a in ASPECTS for d in DOMAINS for r in REGIONS]
    rng.shuffle(subjects)
    start = dt.date(2021, 1, 4)
    candidates = []
    for i in range(n_commitments):
        subject = subjects[i % len(subjects)]
        made_on = start + dt.timedelta(days=rng.randrange(0, 900))
        dossier = str(30000 + rng.randrange(0, 6000))
        candidates.append(
            linking.Candidate(
                key=i,
                text=f"{rng.choice(VERBS)} {subject}.",
                made_on=made_on,
                ministry=rng.choice(MINISTRIES),
                dossier=dossier,
                kamerstuk=f"{dossier}-{rng.randrange(1, 400)}",
                numbers=(f"TZ-{made_on.year}-{i + 1:04d}",),
                letter_key=f"L{i}",
            )
        )
    cases = []
    for j in range(n_references):
        if j % 10 == 9:  # a passage about a subject no commitment has
            subject = f"{rng.choice(ASPECTS)} {rng.choice(UNRELATED)}"
            letter_date = start + dt.timedelta(days=1000)
            quote = f"Zoals toegezegd informeer ik u hierbij over {subject}."
            cases.append(
                (
                    "unrelated",
                    None,
                    linking.Context(
                        quote=quote,
                        near=quote,
                        head=f"Onderwerp: {subject}",
                        letter_date=letter_date,
                        ministry=rng.choice(MINISTRIES),
                        letter_key=f"R{j}",
                    ),
                )
            )
            continue
        target = rng.choice(candidates)
        style = STYLES[j % len(STYLES)]
        letter_date = target.made_on + dt.timedelta(days=rng.randrange(30, 400))
        subject = target.text.split(" ", 5)[-1].rstrip(".")
        words = [w for w in subject.split() if len(w) > 3]
        rng.shuffle(words)
        part = " ".join(words[: max(2, len(words) * 2 // 3)])  # some of its words, reordered
        head = f"Onderwerp: {part}"
        if style == "paraphrase":
            quote = f"Zoals toegezegd ga ik in deze brief in op {part}."
        elif style == "date":
            quote = (
                f"Tijdens het commissiedebat van {spoken(target.made_on, rng.random() < 0.5)}"
                f" heb ik toegezegd terug te komen op {words[0]}."
            )
        elif style == "kamerstuk":
            dossier, nr = target.kamerstuk.split("-")
            quote = (
                f"In mijn brief van {spoken(target.made_on, True)} (Kamerstuk "
                f"{dossier[:2]} {dossier[2:]}, nr. {nr}) heb ik dit toegezegd."
            )
            head = "Onderwerp: vervolg"
        elif style == "number":
            quote = f"Hiermee doe ik toezegging {target.numbers[0]} gestand."
            head = "Onderwerp: toezegging"
        else:
            quote = "Hiermee doe ik mijn toezegging gestand."
        same_ministry = rng.random() < 0.8
        cases.append(
            (
                style,
                target.key,
                linking.Context(
                    quote=quote,
                    near=quote,
                    head=head,
                    letter_date=letter_date,
                    ministry=target.ministry if same_ministry else rng.choice(MINISTRIES),
                    letter_key=f"R{j}",
                ),
            )
        )
    return candidates, cases


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--commitments", type=int, default=2000)
    parser.add_argument("--references", type=int, default=1000)
    parser.add_argument(
        "--smoke",
        action="store_true",
        default=os.environ.get("BENCH_SMOKE") == "1",
        help="tiny sizes: shows the benchmark runs, measures nothing",
    )
    args = parser.parse_args(argv)
    sizes = (
        SMOKE if args.smoke else {"commitments": args.commitments, "references": args.references}
    )
    run(**sizes)


def run(*, commitments: int, references: int) -> dict[str, int]:
    """Links `references` generated passages against `commitments`; returns the counts."""
    candidates, cases = corpus(commitments, references)
    t0 = time.perf_counter()
    pool = linking.Pool(candidates)
    build = time.perf_counter() - t0
    stats: dict[str, list[int]] = {}  # style -> [right, wrong, none]
    t0 = time.perf_counter()
    for style, expected, ctx in cases:
        best = linking.best_link(pool, ctx)
        proposed = best[0].key if best else None
        row = stats.setdefault(style, [0, 0, 0])
        if proposed is None:
            row[2] += 1
        elif proposed == expected:
            row[0] += 1
        else:
            row[1] += 1
    elapsed = time.perf_counter() - t0
    print(
        f"corpus: {len(candidates)} open commitments, {len(cases)} passages; "
        f"threshold {linking.PROPOSE_THRESHOLD}, ambiguity margin {linking.AMBIGUITY_MARGIN}"
    )
    print(f"{'kind':<11}{'n':>6}{'right':>8}{'wrong':>8}{'none':>8}")
    total = [0, 0, 0]
    for style in [*STYLES, "unrelated"]:
        right, wrong, none = stats.get(style, [0, 0, 0])
        print(f"{style:<11}{right + wrong + none:>6}{right:>8}{wrong:>8}{none:>8}")
        if style != "unrelated":
            total = [total[0] + right, total[1] + wrong, total[2] + none]
    linkable = sum(total)
    proposals = total[0] + total[1] + stats.get("unrelated", [0, 0, 0])[1]
    print(
        f"linkable passages linked right: {total[0]}/{linkable} ({total[0] / linkable:.1%}); "
        f"precision of proposals: {total[0] / max(1, proposals):.1%}; "
        f"unrelated passages linked: {stats.get('unrelated', [0, 0, 0])[1]}"
    )
    print(
        f"time: pool of {len(candidates)} built in {build * 1000:.0f} ms; "
        f"{elapsed / len(cases) * 1000:.2f} ms per passage"
    )
    return {"linkable": linkable, "right": total[0], "proposals": proposals}


if __name__ == "__main__":
    main()
