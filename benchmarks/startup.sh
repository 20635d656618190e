#!/usr/bin/env bash
# Start-up benchmark: the median wall time of a whole `pit draft` process, beside a Swift
# hello-world binary built the same way (release, static Swift standard library), measured in the
# same run, alternating. Target (issue 2): pit draft at most 2x the hello-world floor.
# Usage: benchmarks/startup.sh [RUNS]   (default 200 runs of each)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-200}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

swift build -c release --static-swift-stdlib --product pit >&2
pit="$(swift build -c release --static-swift-stdlib --product pit --show-bin-path)/pit"

mkdir -p "$work/hello/Sources/hello"
cat > "$work/hello/Package.swift" <<'SWIFT'
// swift-tools-version:6.1
import PackageDescription
let package = Package(name: "hello", targets: [.executableTarget(name: "hello")])
SWIFT
echo 'print("hello, world")' > "$work/hello/Sources/hello/main.swift"
(cd "$work/hello" && swift build -c release --static-swift-stdlib >&2)
hello="$work/hello/.build/release/hello"

python3 - "$runs" "$hello" "$pit" <<'PY'
import statistics, subprocess, sys, time
runs, hello, pit = int(sys.argv[1]), sys.argv[2], sys.argv[3]
commands = {
    "hello-world": [hello],
    "pit draft": [pit, "draft", "--ref", "658A/22", "--exemption", "s31", "--date", "2026-11-21"],
    "pit draft (joint, NCND, facts)": [pit, "draft", "--ref", "658A/22", "--exemption", "s24,s31", "--ncnd",
                                       "--fact", "A point.", "--question", "Q?", "--date", "2026-11-21"],
}
times = {name: [] for name in commands}
for name, command in commands.items():  # warm the page cache
    subprocess.run(command, stdout=subprocess.DEVNULL, check=True)
for _ in range(runs):
    for name, command in commands.items():
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, check=True)
        times[name].append(time.perf_counter() - start)
floor = statistics.median(times["hello-world"])
print(f"runs: {runs} of each, alternating")
for name, samples in times.items():
    median = statistics.median(samples)
    print(f"{name:32s} median {median * 1000:6.2f} ms   {median / floor:4.2f}x hello-world")
PY
