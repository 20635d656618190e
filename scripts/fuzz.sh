#!/usr/bin/env bash
# Builds pit's libFuzzer targets (Fuzz/Targets/*.swift) with AddressSanitizer and runs them.
#
#   scripts/fuzz.sh                      build every target, run each for 600 seconds in turn
#   scripts/fuzz.sh TARGET [SECONDS]     build and run one target (default 600 seconds)
#   scripts/fuzz.sh --build-only [TARGET]
#   scripts/fuzz.sh --list
#
# Targets: mustache, markdown, csv, json, arguments, docx, reference-docx. The modules (Mustache,
# PITKit with its embedded templates, and pit's command-line code without main.swift) are
# compiled once into .build-fuzz/ (git-ignored) with -sanitize=fuzzer,address, and rebuilt when
# a source is newer than the build. Each run starts from a copy of the committed seeds (Fuzz/corpus/TARGET)
# in .build-fuzz/corpus/TARGET, where libFuzzer also writes what it finds; a crash, hang, leak
# or sanitizer report leaves its input in .build-fuzz/artifacts/TARGET/ and makes this script
# fail. One fuzzer runs at a time, in one process.
#
# Environment: SWIFTC (default swiftc), FUZZ_FLAGS (extra libFuzzer flags), FUZZ_OPT (default -O).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
out=.build-fuzz
swiftc=${SWIFTC:-swiftc}
targets=(mustache markdown csv json arguments docx reference-docx)
opt=${FUZZ_OPT:--O}
flags=(-sanitize=fuzzer,address -parse-as-library "$opt" -g -enable-testing -swift-version 5 -module-cache-path "$out/module-cache")

die() { echo "fuzz.sh: $*" >&2; exit 64; }

is_target() { local t; for t in "${targets[@]}"; do [[ $t == "$1" ]] && return 0; done; return 1; }

# Whether $1 is missing or older than any file under the paths that follow.
stale() {
    local product=$1; shift
    [[ ! -e $product ]] && return 0
    [[ -n $(find "$@" -newer "$product" -type f -print -quit 2>/dev/null) ]]
}

# Compiles a module from Swift sources into an object file and a .swiftmodule.
module() {
    local name=$1; shift
    echo "fuzz.sh: compiling module $name" >&2
    "$swiftc" "${flags[@]}" -wmo -module-name "$name" -I "$out/modules" \
        -emit-module -emit-module-path "$out/modules/$name.swiftmodule" \
        -c -o "$out/objects/$name.o" "$@"
}

build_modules() {
    mkdir -p "$out/modules" "$out/objects" "$out/generated"
    # The built-in templates, embedded as the package's build plugin embeds them.
    if stale "$out/generated/EmbeddedTemplates.swift" Templates/ Sources/TemplateEmbedder/; then
        echo "fuzz.sh: embedding Templates/" >&2
        "$swiftc" -O -module-cache-path "$out/module-cache" Sources/TemplateEmbedder/*.swift -o "$out/TemplateEmbedder"
        "$out/TemplateEmbedder" Templates "$out/generated/EmbeddedTemplates.swift"
    fi
    local rebuilt=0
    if stale "$out/objects/Mustache.o" Sources/Mustache/; then
        module Mustache $(find Sources/Mustache -name '*.swift' | sort)
        rebuilt=1
    fi
    if (( rebuilt )) || stale "$out/objects/PITKit.o" Sources/PITKit/ "$out/generated/EmbeddedTemplates.swift"; then
        module PITKit $(find Sources/PITKit -name '*.swift' | sort) "$out/generated/EmbeddedTemplates.swift"
        rebuilt=1
    fi
    if (( rebuilt )) || stale "$out/objects/pit.o" Sources/pit/; then
        module pit $(find Sources/pit -name '*.swift' ! -path Sources/pit/main.swift | sort)
    fi
}

build_target() {
    local target=$1
    local binary="$out/bin/$target"
    mkdir -p "$out/bin"
    if stale "$binary" "Fuzz/Targets/$target.swift" Fuzz/Support/ "$out/objects/"; then
        echo "fuzz.sh: linking $binary" >&2
        "$swiftc" "${flags[@]}" -module-name "Fuzz_${target//-/_}" -I "$out/modules" \
            "Fuzz/Targets/$target.swift" Fuzz/Support/*.swift \
            "$out/objects/Mustache.o" "$out/objects/PITKit.o" "$out/objects/pit.o" -use-ld=lld -lm -o "$binary"
    fi
}

run_target() {
    local target=$1 seconds=$2
    local corpus="$out/corpus/$target" artifacts="$out/artifacts/$target/"
    mkdir -p "$corpus" "$artifacts" "$out/logs"
    cp -n "Fuzz/corpus/$target/"* "$corpus/" 2>/dev/null || true
    local dictionary=()
    [[ -f Fuzz/dictionaries/$target.dict ]] && dictionary=(-dict="Fuzz/dictionaries/$target.dict")
    local log="$out/logs/$target.log"
    echo "fuzz.sh: running $target for $seconds s (log: $log)" >&2
    # -timeout: one input taking 10 s is a hang; -rss_limit_mb: memory beyond 2 GiB is a failure.
    # SWIFT_BACKTRACE=enable=no: libFuzzer reports a crash itself (Swift's backtracer trips ASan).
    # detect_leaks=0 (per input and at exit): LeakSanitizer misreads Swift's enums, whose tags
    # live in a pointer's spare bits, and reports memory still in use as leaked; runaway memory is
    # caught by the RSS limit instead. The readers' temporary files go to /dev/shm when it exists.
    local temporary=${TMPDIR:-/tmp}
    [[ -z ${TMPDIR:-} && -d /dev/shm && -w /dev/shm ]] && temporary=/dev/shm
    # shellcheck disable=SC2086
    SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0${ASAN_OPTIONS:+:$ASAN_OPTIONS} TMPDIR=$temporary "$out/bin/$target" "$corpus" "${dictionary[@]}" \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -detect_leaks=0 \
        -artifact_prefix="$artifacts" -print_final_stats=1 ${FUZZ_FLAGS:-} 2>&1 | tee "$log"
    local status=${PIPESTATUS[0]}
    echo "fuzz.sh: $target: $(find "$corpus" -type f | wc -l) inputs in the corpus; exit status $status" >&2
    return "$status"
}

case ${1:-} in
    --list) printf '%s\n' "${targets[@]}"; exit 0 ;;
    --build-only)
        [[ -n ${2:-} ]] && { is_target "$2" || die "unknown target '$2' (targets: ${targets[*]})"; }
        build_modules
        for target in ${2:-${targets[@]}}; do build_target "$target"; done
        exit 0 ;;
    -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
esac

seconds=${2:-600}
[[ $seconds =~ ^[0-9]+$ ]] || die "SECONDS must be a whole number, not '$seconds'"
if [[ -n ${1:-} ]]; then
    is_target "$1" || die "unknown target '$1' (targets: ${targets[*]})"
    selected=("$1")
else
    selected=("${targets[@]}")
fi
build_modules
for target in "${selected[@]}"; do build_target "$target"; done
failed=0
for target in "${selected[@]}"; do run_target "$target" "$seconds" || failed=1; done
exit "$failed"
