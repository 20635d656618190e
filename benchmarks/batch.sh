#!/usr/bin/env bash
# Batch benchmark (issue 5). Generates N realistic rows (benchmarks/generate-rows.py) and reports,
# for N = 10,000 and 100,000:
#   - drafts per second with --dry-run --jobs 1 (drafting alone, one core), CSV and JSON Lines;
#   - drafts per second writing text files, docx files, and docx files on a house Word template
#     (--reference-docx, a realistic one made by benchmarks/make-reference-docx.py) (--jobs 1 and the default),
#     beside a minimal program (benchmarks/minimal-writer.swift) that writes the same number of
#     files of the same sizes atomically, the two run alternately, several rounds, medians kept
#     (file creation on these machines is noisy: the ratio of each round's pair is what counts);
#   - peak memory (maximum resident set size, from /usr/bin/time -v).
# Targets: drafting alone >= 100,000 drafts/s; writing <= 1.5x the minimal writer; peak memory
# under 64 MiB at N = 100,000 and flat from 10,000 to 100,000.
# STRICT=1 runs every pit batch with --strict (the quality checks on every row; rows with findings
# fail, and are counted with the rest).
# Usage: [ROUNDS=5] [BENCH_DIR=DIR] [STRICT=1] benchmarks/batch.sh [N ...]   (default N: 10000 100000)
set -euo pipefail
cd "$(dirname "$0")/.."
# BENCH_DIR: where the files are written (default: a temporary folder; /dev/shm measures pit
# without the disk).
work="$(mktemp -d "${BENCH_DIR:-${TMPDIR:-/tmp}}/pit-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT

swift build -c release --static-swift-stdlib --product pit >&2
pit="$(swift build -c release --static-swift-stdlib --product pit --show-bin-path)/pit"
swiftc -O benchmarks/minimal-writer.swift -o "$work/minimal-writer" >&2
python3 benchmarks/make-reference-docx.py "$work/house.docx"
[ -x /usr/bin/time ] || { echo "benchmarks/batch.sh needs /usr/bin/time (Debian package: time)" >&2; exit 1; }

python3 - "$pit" "$work" "${ROUNDS:-5}" "${@:-10000 100000}" <<'PY'
import os, shutil, statistics, subprocess, sys, time
pit, work, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
strict = ["--strict"] if os.environ.get("STRICT", "") not in ("", "0") else []
sizes = [int(n) for arg in sys.argv[4:] for n in arg.split()]
minimal = os.path.join(work, "minimal-writer")

def run(command, stdin=None):
    """Wall seconds and peak RSS (KiB) of one run."""
    report = os.path.join(work, "time.txt")
    start = time.perf_counter()
    with open(stdin or os.devnull, "rb") as source:
        # 65: some rows failed (they are counted with the rest); anything else is a broken run.
        status = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", report] + command, stdin=source,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
        if status not in (0, 65):
            sys.exit(f"{' '.join(command)}: exit {status}")
    seconds = time.perf_counter() - start
    return seconds, int(open(report).read().split()[-1])

def fresh(*folders):
    for folder in folders:
        shutil.rmtree(folder, ignore_errors=True)

for n in sizes:
    rows = {}
    for kind in ("csv", "jsonl"):
        rows[kind] = os.path.join(work, f"rows.{kind}")
        with open(rows[kind], "w") as out:
            subprocess.run([sys.executable, "benchmarks/generate-rows.py", str(n), kind], stdout=out, check=True)
    print(f"== N = {n:,}{' (--strict)' if strict else ''}")
    for kind in ("csv", "jsonl"):
        samples = [run([pit, "batch", rows[kind], "--out-dir", os.path.join(work, "none"), "--dry-run", "--jobs", "1", "--quiet"] + strict)
                   for _ in range(rounds)]
        seconds = statistics.median(s for s, _ in samples)
        peak = max(p for _, p in samples)
        print(f"drafting alone, {kind:5s} --jobs 1:   {n / seconds:10,.0f} drafts/s   (median {seconds:.3f} s, peak {peak / 1024:.1f} MiB)")
    reference = ["--reference-docx", os.path.join(work, "house.docx")]
    for fmt, extra, name in (("text", [], "text"), ("docx", [], "docx"), ("docx", reference, "docx on a template")):
        for jobs in ("1", None):
            out, floor = os.path.join(work, "out"), os.path.join(work, "floor")
            pit_times, floor_times, ratios, peak = [], [], [], 0
            for round in range(rounds):
                # Each program runs right after its own previous output is removed, and the two
                # take turns going first, so neither always follows the other's deletions.
                def run_pit():
                    fresh(out)
                    command = [pit, "batch", rows["csv"], "--out-dir", out, "--format", fmt, "--quiet"] + strict + extra + (["--jobs", jobs] if jobs else [])
                    seconds, p = run(command)
                    with open(os.path.join(work, "sizes"), "w") as listing:
                        for name in sorted(os.listdir(out)):
                            listing.write(f"{os.path.getsize(os.path.join(out, name))}\n")
                    return seconds, p
                def run_floor():
                    fresh(floor)
                    return run([minimal, floor], stdin=os.path.join(work, "sizes"))[0]
                if round == 0 or round % 2 == 1:
                    seconds, p = run_pit()
                    floor_seconds = run_floor()
                else:
                    floor_seconds = run_floor()  # the sizes of the previous round's files: the same
                    seconds, p = run_pit()
                peak = max(peak, p)
                pit_times.append(seconds); floor_times.append(floor_seconds); ratios.append(seconds / floor_seconds)
            fresh(out, floor)
            label = f"--jobs {jobs}" if jobs else "--jobs default"
            print(f"writing {name:18s} files, {label:14s} {n / statistics.median(pit_times):10,.0f} drafts/s;"
                  f" minimal writer {n / statistics.median(floor_times):8,.0f} files/s;"
                  f" pit / minimal (median of rounds) {statistics.median(ratios):.2f}; peak {peak / 1024:.1f} MiB")
PY
