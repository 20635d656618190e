#!/usr/bin/env bash
# Checks that LibreOffice reads pit's word-processor formats: drafts the default s31 PIT as .docx
# and .rtf, converts each to PDF with LibreOffice (headless), reads the PDF back with pdftotext,
# and checks that the request reference and every heading of the draft are there.
#
# Skips (exit 0) when libreoffice or pdftotext is not installed. The pit binary is $PIT if set,
# else the debug build (swift build; SWIFT_SCRATCH_PATH, if set, is passed as --scratch-path).
set -euo pipefail
cd "$(dirname "$0")/.."

office="$(command -v libreoffice || command -v soffice || true)"
if [ -z "$office" ] || ! command -v pdftotext > /dev/null; then
    echo "skipped: needs libreoffice and pdftotext (e.g. apt-get install libreoffice-writer-nogui poppler-utils)"
    exit 0
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [ -z "${PIT:-}" ]; then
    scratch=()
    [ -n "${SWIFT_SCRATCH_PATH:-}" ] && scratch=(--scratch-path "$SWIFT_SCRATCH_PATH")
    swift build "${scratch[@]}" --product pit > "$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
    PIT="$(swift build "${scratch[@]}" --show-bin-path 2> /dev/null)/pit"
fi
draft=(draft --ref 658A/22 --exemption s31 --date 2026-11-21)

# What to look for: the reference, and the draft's headings as its Markdown gives them.
expected=("658A/22")
while IFS= read -r heading; do
    expected+=("$heading")
done < <("$PIT" "${draft[@]}" --format markdown | sed -n 's/^#\{1,6\} //p' | sed 's/\\\(.\)/\1/g')

failures=0
for format in docx rtf; do
    "$PIT" "${draft[@]}" --output "$work/draft.$format"
    log="$("$office" -env:UserInstallation="file://$work/profile" --headless --convert-to pdf \
        --outdir "$work" "$work/draft.$format" 2>&1 || true)"
    if [ ! -s "$work/draft.pdf" ] || grep -qi "error" <<< "$log"; then
        echo "$format: LibreOffice could not convert it to PDF:"
        echo "$log"
        failures=$((failures + 1))
        continue
    fi
    # One line of text, ligatures undone, so a heading split across lines still matches.
    text="$(pdftotext -enc UTF-8 "$work/draft.pdf" - | sed 's/ﬁ/fi/g; s/ﬂ/fl/g' | tr '\n' ' ' | tr -s ' ')"
    pages="$(pdfinfo "$work/draft.pdf" 2> /dev/null | sed -n 's/^Pages: *//p')"
    echo "$format: LibreOffice converted draft.$format to PDF (${pages:-?} pages); looking for ${#expected[@]} strings:"
    for string in "${expected[@]}"; do
        if grep -qF -- "$string" <<< "$text"; then
            echo "  found    $string"
        else
            echo "  MISSING  $string"
            failures=$((failures + 1))
        fi
    done
    rm -f "$work/draft.pdf"
done

if [ "$failures" -gt 0 ]; then
    echo "check-word-processors: $failures problem(s)"
    exit 1
fi
echo "check-word-processors: docx and rtf both open in LibreOffice with the reference and every heading"
