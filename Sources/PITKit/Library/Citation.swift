/// How an authority writes citations: `Section 31(1)(a)(b)` (the compact style of published PITs,
/// the default) or `section 31(1)(a) and (b)` (the statute's own style).
public enum CitationStyle: String, Sendable, CaseIterable {
    case compact
    case statute
}

extension Exemption {
    /// `Section 31(1)(a)(b)`: the provision with the chosen limbs (and the s31(2) purposes behind
    /// (g)–(i)), or the NCND subsection in an NCND draft.
    ///
    /// Never ambiguous: a limb that reads like a roman numeral after another limb is joined with
    /// "and" (`31(1)(h) and (i)`, not `31(1)(h)(i)`, which reads as sub-paragraph (i) of (h)).
    ///
    /// The word is the regime's (`Regulation 12(5)(b)` under the EIR); where the regime's NCND
    /// provision serves many exemptions, the NCND citation names the provision too (FOISA:
    /// `Section 18(1) with section 35(1)(a)(b)`).
    public func citation(limbs letters: [String], purposes: [String] = [], ncnd neitherConfirmNorDeny: Bool,
                         style: CitationStyle = .compact) -> String {
        // `String(…)` around the rest: adding a substring to a string calls the standard library's
        // generic append, whose first use costs the runtime a search at start-up.
        let capitalized = word.prefix(1).uppercased() + String(word.dropFirst())
        let leading = style == .compact ? capitalized : word
        if neitherConfirmNorDeny, let subsection = ncndSubsection(limbs: letters) {
            guard ncndNamesProvision else { return "\(leading) \(subsection)" }
            let named = citation(limbs: letters, purposes: purposes, ncnd: false, style: style)
            return "\(leading) \(subsection)\(style == .compact ? "" : ",") with \(word)" + String(named.dropFirst(leading.count))
        }
        let chosen = limbs.filter { letters.contains($0.letter) }
        let cited = letters.filter { letter in !chosen.contains { $0.letter == letter && $0.cite != nil } }
        var citation = "\(leading) \(provision)" + Self.labels(cited, style: style)
        if let list = self.purposes, !purposes.isEmpty {
            let subsection = Substring(list.subsection).dropFirst(section.count)
            citation += style == .compact
                ? " and \(subsection)" + Self.labels(purposes, style: style)
                : ", with \(word) \(list.subsection)" + Self.labels(purposes, style: style)
        }
        for limb in chosen { if let cite = limb.cite, !cite.isEmpty { citation += " " + cite } }
        return citation
    }

    /// `(a)(b)` or `(a) and (b)`; sub-limbs `b(i)`, `b(ii)` → `(b)(i)(ii)` or `(b)(i) and (ii)`.
    static func labels(_ letters: [String], style: CitationStyle) -> String {
        var parts: [String] = []
        var previousHead = ""
        for letter in letters {
            let head = letter.prefix { $0 != "(" }
            let rest = letter.dropFirst(head.count)
            parts.append(!rest.isEmpty && head == previousHead ? String(rest) : "(\(head))\(rest)")
            previousHead = String(head)
        }
        guard style == .compact else {
            guard parts.count > 1 else { return parts.first ?? "" }
            return parts.dropLast().joined(separator: ", ") + " and " + parts[parts.count - 1]
        }
        var text = ""
        for (index, part) in parts.enumerated() {
            let letter = letters[index]
            let isTopLevel = !letter.contains("(")
            text += index > 0 && isTopLevel && looksRoman(letter) ? " and " + part : part
        }
        return text
    }

    /// Whether a limb letter could be read as a roman-numeral sub-paragraph: `i`, `v`, `x`, `ii`, `iv`.
    static func looksRoman(_ letter: String) -> Bool {
        !letter.isEmpty && letter.allSatisfy { $0 == "i" || $0 == "v" || $0 == "x" }
    }
}
