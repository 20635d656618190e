#!/usr/bin/env python3
"""Writes N realistic batch rows (mixed exemptions, variants, questions, facts, evidence, outcomes) as CSV or JSON Lines.
usage: generate-rows.py N csv|jsonl > rows.csv"""
import csv, json, random, sys

count, kind = int(sys.argv[1]), sys.argv[2]
random.seed(20261121)
# (exemptions, variants, NCND allowed, evidence the law needs, relied on in the alternative)
def s36_evidence():
    return [f"qualified-person={random.choice(['Jane Smith', 'Ravi Patel', 'Ann Jones'])}, Chief Constable",
            f"opinion-date=2026-{random.randint(1, 12):02d}-{random.randint(1, 28):02d}",
            "opinion-basis=the request, the information and a note on the effect of release"]
def s43_evidence():
    supplier = random.choice(["Acme Ltd", "Northgate Services", "Bluebell Systems plc"])
    return [f"third-party={supplier}", f"representations={supplier} wrote on {random.randint(1, 28)} March 2026 that its rates would help its rivals"]
cases = [
    (["s31"], ["statistics", "systems", "procedures", "tactics", "default"], False, lambda: [], False),
    (["s24", "s31"], ["counter-terrorism", "default"], False, lambda: [], False),
    (["s30", "s31"], ["ongoing", "default"], True, lambda: [], True),
    (["s38"], ["individual", "staff", "public"], False, lambda: [], False),
    (["s43"], ["live-tender", "contract-prices", "supplier-information"], False, s43_evidence, False),
    (["s23", "s24"], ["covert-techniques", "default"], True, lambda: [], False),
    (["s40", "s30"], ["closed", "default"], False, lambda: [], False),
    (["s36"], ["default"], False, s36_evidence, False),
]
outcomes = ["withhold", "withhold", "withhold", "partial", "disclose"]
questions = ["How many offences of this kind were recorded in each of the last three years?",
             "Which software does the force use to manage its intelligence records?",
             "What guidance is given to officers attending incidents of this type?",
             "Please provide the policy document, including any appendices."]
facts = ["The request asks for figures broken down by ward and by month.",
         "The information describes the deployment of a specialist team.",
         "The supplier has told us that its rates are not published elsewhere.",
         "The policy includes the names of two officers and their duty times."]
rows = []
for number in range(count):
    exemptions, variants, ncnd, evidence, alternative = random.choice(cases)
    rows.append({
        "ref": f"{number:06d}/{random.randint(20, 26)}",
        "exemption": exemptions,
        "variant": [random.choice(variants)],
        "ncnd": ncnd and random.random() < 0.5,
        "question": random.sample(questions, random.randint(0, 2)),
        "fact": random.sample(facts, random.randint(0, 2)),
        "date": f"2026-{random.randint(1, 12):02d}-{random.randint(1, 28):02d}",
        "authority": "West Midlands Police",
        "authority-short": "WMP",
        "authority-kind": "police",
        "evidence": evidence(),
        "alternative": alternative,
        "outcome": random.choice(outcomes),
    })
if kind == "jsonl":
    for row in rows:
        print(json.dumps(row, ensure_ascii=False))
else:
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(["ref", "exemption", "variant", "ncnd", "question", "fact", "date", "authority", "authority-short",
                     "authority-kind", "evidence", "alternative", "outcome"])
    for row in rows:
        writer.writerow([row["ref"], ";".join(row["exemption"]), ";".join(row["variant"]), "true" if row["ncnd"] else "",
                         "\n".join(row["question"]), "\n".join(row["fact"]), row["date"], row["authority"], row["authority-short"],
                         row["authority-kind"], ";".join(row["evidence"]), "true" if row["alternative"] else "", row["outcome"]])
