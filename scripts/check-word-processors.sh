#!/usr/bin/env bash
# Checks that word processors read pit's output as a disclosure officer would open it. For each
# format LibreOffice opens — docx, rtf, html, text — drafts the default s31 PIT, converts it to
# PDF with LibreOffice (headless), reads the PDF back with pdftotext and checks that the request
# reference and every heading are there, and for docx and rtf the footer with "Page 1 of N".
# Markdown is read by pandoc (as GFM and as pandoc's Markdown) when it is installed; JSON is
# parsed with python3. Then the reference case: a house template with its own header is made
# (with LibreOffice, from RTF), a .docx drafted with --reference-docx, and its PDF must show the
# template's header beside the draft's headings and pit's footer.
#
# Says "skipped" (exit 0) for what needs a tool that is not installed: libreoffice and pdftotext
# for the word-processor checks, pandoc for Markdown. The pit binary is $PIT if set, else the
# debug build (swift build; SWIFT_SCRATCH_PATH, if set, is passed as --scratch-path).
set -euo pipefail
cd "$(dirname "$0")/.."

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
found() {  # found LABEL TEXT STRING...: each string must be in TEXT
    local label="$1" text="$2"
    shift 2
    for string in "$@"; do
        if grep -qF -- "$string" <<< "$text"; then
            echo "  found    $string"
        else
            echo "  MISSING  $string  ($label)"
            failures=$((failures + 1))
        fi
    done
}

# --- LibreOffice: docx, rtf, html, text, and the reference case ---------------------------------
office="$(command -v libreoffice || command -v soffice || true)"
if [ -z "$office" ] || ! command -v pdftotext > /dev/null; then
    echo "skipped: docx, rtf, html, text and the reference case need libreoffice and pdftotext (e.g. apt-get install libreoffice-writer-nogui poppler-utils)"
else
    # pdf_text FILE: LibreOffice's PDF of FILE as one line of text (ligatures undone, so a heading
    # split across lines still matches); empty when the conversion fails.
    pdf_text() {
        local file="$1" name filter=()
        name="$(basename "${file%.*}")"
        rm -f "$work/$name.pdf"
        # HTML through Writer itself: Writer/Web's PDF export (LibreOffice 7.4) left out the first heading.
        [ "${file##*.}" = html ] && filter=(--infilter="HTML (StarWriter)")
        log="$("$office" -env:UserInstallation="file://$work/profile" --headless "${filter[@]}" --convert-to pdf \
            --outdir "$work" "$file" 2>&1 || true)"
        if [ ! -s "$work/$name.pdf" ] || grep -qi "error" <<< "$log"; then
            echo "$(basename "$file"): LibreOffice could not convert it to PDF:" >&2
            echo "$log" >&2
            return 0
        fi
        pdftotext -enc UTF-8 "$work/$name.pdf" - | sed 's/ﬁ/fi/g; s/ﬂ/fl/g' | tr '\n' ' ' | tr -s ' '
    }

    # pdf_pages FILE: the page count of the PDF pdf_text made of FILE.
    pdf_pages() {
        local name
        name="$(basename "${1%.*}")"
        pdfinfo "$work/$name.pdf" 2> /dev/null | sed -n 's/^Pages: *//p'
    }

    for format in docx rtf html txt; do
        "$PIT" "${draft[@]}" --output "$work/draft.$format"
        text="$(pdf_text "$work/draft.$format")"
        if [ -z "$text" ]; then failures=$((failures + 1)); continue; fi
        pages="$(pdf_pages "$work/draft.$format")"
        echo "$format: LibreOffice converted draft.$format to PDF (${pages:-?} pages); looking for the reference and headings:"
        found "$format" "$text" "${expected[@]}"
        if [ "$format" = docx ] || [ "$format" = rtf ]; then
            found "$format footer" "$text" "Public Interest Test – 658A/22 · Page 1 of ${pages:-?}"
        fi
    done

    # The reference case: a house template with its own header and no footer, made by LibreOffice.
    printf '%s\n' '{\rtf1\ansi\deff0{\fonttbl{\f0\fswiss Liberation Sans;}}' \
        '\paperw11906\paperh16838\margl1134\margr1134\margt1701\margb1701' \
        '{\header\pard\qr\f0\fs20 NORTHSHIRE CONSTABULARY HOUSE TEMPLATE\par}' \
        '\pard\f0\fs22 Template body text that the draft replaces.\par}' > "$work/house.rtf"
    "$office" -env:UserInstallation="file://$work/profile" --headless --convert-to docx --outdir "$work" "$work/house.rtf" > /dev/null 2>&1 || true
    if [ ! -s "$work/house.docx" ]; then
        echo "reference: LibreOffice could not make the house template"
        failures=$((failures + 1))
    else
        "$PIT" "${draft[@]}" --reference-docx "$work/house.docx" --output "$work/with-template.docx"
        text="$(pdf_text "$work/with-template.docx")"
        pages="$(pdf_pages "$work/with-template.docx")"
        if [ -z "$text" ]; then
            failures=$((failures + 1))
        else
            echo "reference: a draft on a house template converted to PDF (${pages:-?} pages); looking for its header, the headings and pit's footer:"
            found "reference" "$text" "NORTHSHIRE CONSTABULARY HOUSE TEMPLATE" "${expected[@]}" "Page 1 of ${pages:-?}"
            if grep -qF "Template body text" <<< "$text"; then
                echo "  PRESENT  the template's own body text (it must be replaced)"
                failures=$((failures + 1))
            fi
        fi
    fi
fi

# --- pandoc: Markdown -----------------------------------------------------------------------------
if ! command -v pandoc > /dev/null; then
    echo "skipped: markdown needs pandoc (e.g. apt-get install pandoc)"
else
    "$PIT" "${draft[@]}" --format markdown > "$work/draft.md"
    for reader in gfm markdown; do
        text="$(pandoc -f "$reader" -t plain --wrap=none "$work/draft.md" | tr '\n' ' ' | tr -s ' ')"
        echo "markdown: pandoc read draft.md as $reader; looking for the reference and headings:"
        found "markdown ($reader)" "$text" "${expected[@]}"
    done
fi

# --- JSON -----------------------------------------------------------------------------------------
if ! command -v python3 > /dev/null; then
    echo "skipped: json needs python3"
else
    "$PIT" "${draft[@]}" --format json > "$work/draft.json"
    if python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); assert d["reference"] == "658A/22"' "$work/draft.json"; then
        echo "json: python3 parsed draft.json; the reference is 658A/22"
    else
        echo "json: python3 could not read draft.json"
        failures=$((failures + 1))
    fi
fi

if [ "$failures" -gt 0 ]; then
    echo "check-word-processors: $failures problem(s)"
    exit 1
fi
echo "check-word-processors: no problem found (see above for what was checked and what was skipped)"
