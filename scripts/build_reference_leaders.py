"""Build leaders_ref.tsv: heads of state and government, foreign and defence ministers of every state.

Reads the shared reference table people.tsv (../shared/reference/actors/, see its README), whose rows
come from CountryInfo.140728.txt (Open Event Data Alliance 2014, MIT licence; see NOTICE):

- every `<Leaders>` spell (heads of state and government, ~1960-2009), and
- every `<Government>` spell (2003-2011) of a foreign, defence or finance minister or a central bank
  governor, and every `<Government>` spell of the United States (cabinet officers, the Federal Reserve,
  congressional leaders since the 1930s, from rulers.org through CountryInfo),

leaving out rows from blocks the CountryInfo authors had commented out, rows without a country, names
of one word, and people already in the hand-checked leaders.tsv (that stays the one source for
them). Aliases of one word (bare surnames) are dropped: a surname links to its person inside a
document (actors/coref.py), but alone it is too ambiguous for a table of thousands. Names keep the
reference's casing, plus a variant with Arabic, Romance, Dutch and German particles in lower case
("Bashar al-Assad", "Luiz Inacio Lula da Silva").

    .venv/bin/python scripts/build_reference_leaders.py [PEOPLE.tsv] [--out DIR]

Output goes to src/greatgame/actors/data/leaders_ref.tsv (or DIR/leaders_ref.tsv);
tests/test_data_files.py checks that the shipped table is this script's output.
"""

from __future__ import annotations

import argparse
import csv
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE.parent / "src" / "greatgame" / "actors" / "data"
OUT = DATA / "leaders_ref.tsv"
DEFAULT = HERE.parent.parent / "shared" / "reference" / "actors" / "people.tsv"

LEADERS = "CountryInfo CountryInfo.140728.txt <Leaders>"
GOVERNMENT = "CountryInfo CountryInfo.140728.txt <Government>"
SOURCE = "CountryInfo.140728 {part}"  # licence and the path through people.tsv: NOTICE

FOREIGN = re.compile(r"^(minister|secretary)( of| for)?( state for)? (foreign|external) (affairs|relations)"
                     r"( and [a-z ]+)?$|^foreign (minister|secretary)$|^secretary of state$", re.I)
DEFENCE = re.compile(r"^(minister|secretary)( of| for)? (national )?defen[cs]e( and [a-z ]+)?$"
                     r"|^defen[cs]e (minister|secretary)$|^secretary of defense$", re.I)
FINANCE = re.compile(r"^(minister|secretary)( of| for)?( state for)? (finance|economy|economics|the economy"
                     r"|economy and finance|economics and finance|finance and [a-z ]+)$|^finance minister$", re.I)
CENTRAL_BANK = re.compile(r"^(governor|president), central bank$", re.I)
GOVERNMENT_HEADS = ("prime minister", "premier", "chancellor", "head of government", "council of ministers",
                    "executive yuan", "cabinet chief", "chief minister", "government council")
STATE_HEADS = ("president", "king", "queen", "emir", "head of state", "ruler", "sultan", "emperor",
               "captain-regent", "presidium", "general secretary", "paramount", "council of state", "junta")
PARTICLES = {"al", "el", "bin", "ibn", "de", "da", "do", "dos", "das", "del", "della", "di", "du", "van", "von",
             "der", "den", "le", "la", "y", "ould", "ben"}
TITLES = {"president", "prime", "minister", "king", "queen", "general", "gen.", "dr.", "mr.", "sheikh", "emir",
          "sultan", "prince", "chancellor", "premier", "secretary"}


def leader_role(role: str) -> str:
    low = role.lower()
    if any(w in low for w in GOVERNMENT_HEADS):
        return "head_of_government"
    if any(w in low for w in STATE_HEADS):
        return "head_of_state"
    return "leader"


def minister_role(role: str) -> str | None:
    role = role.strip()
    if FOREIGN.match(role):
        return "foreign_minister"
    if DEFENCE.match(role):
        return "defence_minister"
    if FINANCE.match(role):
        return "finance_minister"
    if CENTRAL_BANK.match(role):
        return "central_bank_governor"
    return None


def us_role(role: str) -> str:
    """ "Chairman, board of governors, federal reserve" -> "chairman_board_of_governors_federal_reserve"."""
    return "_".join(re.sub(r"[^a-z ]", " ", role.lower().replace(".", "")).split())


def particles_lowered(name: str) -> str:
    """ "Bashar Al-Assad" -> "Bashar al-Assad"; the first word keeps its capital."""
    words = name.split()
    out = [words[0]]
    for w in words[1:]:
        head, sep, rest = w.partition("-")
        if head.lower() in PARTICLES and (sep or len(words) > 2):
            w = head.lower() + sep + rest
        out.append(w)
    return " ".join(out)


def forms(name: str, aliases: str) -> list[str]:
    out: list[str] = []
    for form in [name, *aliases.split("|")]:
        form = " ".join(form.split())
        words = form.split()
        if len(words) < 2 or words[0].lower() in TITLES or not form[0].isupper():
            continue
        # "Clayton K. Yeutter" is written "Clayton Yeutter" as often: a form without middle initials
        plain = " ".join([words[0], *(w for w in words[1:-1] if not re.fullmatch(r"[A-Z]\.", w)), words[-1]])
        for f in (form, particles_lowered(form), plain):
            if f not in out and len(f.split()) >= 2:
                out.append(f)
    return out


def known_people() -> set[str]:
    names: set[str] = set()
    with (DATA / "leaders.tsv").open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            names.add(r["name"].lower())
            names.update(a.strip().lower() for a in r["aliases"].split("|") if a.strip())
    return names


def states() -> set[str]:
    with (DATA / "states.tsv").open(encoding="utf-8") as fh:
        return {r["iso3"] for r in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)}


def main() -> None:
    ap = argparse.ArgumentParser(description="Build leaders_ref.tsv from the shared reference people.tsv.")
    ap.add_argument("people", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--out", type=Path, default=DATA, help="directory to write leaders_ref.tsv into")
    args = ap.parse_args()
    src = args.people
    if not src.exists():
        ap.exit(1, f"{src} not found (the shared reference tables)\n")
    known, isos = known_people(), states()
    rows: dict[tuple, list[str]] = {}
    with src.open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if r["source"] == LEADERS:
                role, part = leader_role(r["role"]), "<Leaders>"
            elif r["source"] == GOVERNMENT:
                role, part = minister_role(r["role"]), "<Government>"
                if role is None and r["country"] == "USA" and r["role"]:
                    role = us_role(r["role"])
            else:
                continue
            if role is None or r["country"] not in isos or r["sector"] not in ("GOV", "LEG"):
                continue
            if r["sector"] == "LEG" and r["country"] != "USA":
                continue
            names = forms(r["name"], r["aliases"])
            if not names or any(n.lower() in known for n in names):
                continue
            key = (names[0], r["country"], role, r["start"], r["end"])
            aliases = "|".join(names[1:])
            rows[key] = [names[0], aliases, r["country"], r["sector"], role, r["start"], r["end"],
                         SOURCE.format(part=part), ""]
    with (args.out / OUT.name).open("w", encoding="utf-8", newline="") as fh:
        fh.write("\t".join(["name", "aliases", "country", "sector", "role", "start", "end", "source", "note"]) + "\n")
        for key in sorted(rows):
            fh.write("\t".join(rows[key]) + "\n")
    print(f"leaders_ref: {len(rows)} rows")


if __name__ == "__main__":
    main()
