/// Finds citations of provisions in folded text: `section 31(1)(a)(b)`, `Section 31(1)(g) and
/// (2)(a)(c)`, `s.24(1)`, `s43`, `sections 23 and 24`, `regulation 12(5)(a)`, and resolves them to
/// the exemptions of a library, with their limbs, purposes and whether the NCND provision is cited.
enum CitationReader {
    /// One citation: the provision's number (`31`, `22a`) and its bracketed parts in order.
    struct Citation {
        let range: Range<Int>
        let number: String
        let groups: [String]
        /// Parts cited after "and" or a comma: `(2)(a)(c)` in `31(1)(g) and (2)(a)(c)`.
        let more: [[String]]
        /// Whether it is cited as a regulation (`regulation 12(5)(b)`, `reg. 10(5)`), not a section.
        var isRegulation = false
    }

    private static let words: [[UInt8]] = ["sections", "section", "regulations", "regulation", "reg.", "reg", "s.", "ss.", "s"].map { Array($0.utf8) }

    /// Every citation in `range` of `text`, in order.
    static func citations(in text: FoldedText, range: Range<Int>? = nil) -> [Citation] {
        let range = range ?? 0..<text.bytes.count
        let bytes = text.bytes
        var citations: [Citation] = []
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "s") || byte == UInt8(ascii: "r"),
                  index == range.lowerBound || !FoldedText.isWord(bytes[index - 1]) else { index += 1; continue }
            var matched = false
            for word in words where text.matches(word, at: index, in: range, wholeWord: false) {
                var position = index + word.count
                // "s31" and "s.31" need no space; the words need one.
                let needsSpace = FoldedText.isWord(word[word.count - 1]) && word.count > 1
                if needsSpace {
                    guard position < range.upperBound, bytes[position] == UInt8(ascii: " ") else { continue }
                    position += 1
                }
                let plural = word.last == UInt8(ascii: "s") && word.count > 2
                var first = true
                while let (found, end) = parse(bytes, at: position, in: range, start: first ? index : position) {
                    var citation = found
                    citation.isRegulation = word[0] == UInt8(ascii: "r")
                    citations.append(citation)
                    position = end
                    first = false
                    guard plural, let next = listContinuation(bytes, at: position, in: range) else { break }
                    position = next
                }
                if !first {
                    index = position
                    matched = true
                    break
                }
            }
            if !matched { index += 1 }
        }
        return citations
    }

    /// The exemption sections cited in `text` (`31`, `22a`), each once, in order.
    static func sections(in text: FoldedText, range: Range<Int>? = nil) -> [String] {
        var sections: [String] = []
        for citation in citations(in: text, range: range) where !sections.contains(citation.number) {
            sections.append(citation.number)
        }
        return sections
    }

    /// A number (with an optional letter, `22A`) and its bracketed parts at `position`.
    private static func parse(_ bytes: [UInt8], at position: Int, in range: Range<Int>, start: Int) -> (Citation, Int)? {
        var index = position
        while index < range.upperBound, FoldedText.isDigit(bytes[index]) { index += 1 }
        guard index > position, index - position <= 3 else { return nil }
        if index < range.upperBound, bytes[index] >= 0x61, bytes[index] <= 0x7A,
           index + 1 >= range.upperBound || !FoldedText.isWord(bytes[index + 1]) {
            index += 1  // 22a
        } else if index < range.upperBound, FoldedText.isWord(bytes[index]) {
            return nil  // "s1990", "section 3rd"
        }
        let number = String(decoding: bytes[position..<index], as: UTF8.self)
        var groups = groupsAt(bytes, &index, in: range, allowSpace: true)
        var more: [[String]] = []
        // "(a), (b) and (c)", "(g) and (2)(a)(c)".
        while true {
            var probe = index
            for joiner in [", ", " and ", " or ", ", and "] where matchesBytes(bytes, joiner, at: index, in: range) {
                probe = index + joiner.utf8.count
                break
            }
            guard probe > index, probe < range.upperBound, bytes[probe] == UInt8(ascii: "(") else { break }
            var next = probe
            let extra = groupsAt(bytes, &next, in: range, allowSpace: false)
            guard !extra.isEmpty else { break }
            if extra.count == 1 && more.isEmpty { groups += extra } else { more.append(extra) }
            index = next
        }
        return (Citation(range: start..<index, number: number, groups: groups, more: more), index)
    }

    /// `(1)(a)(b)`: the contents of each pair of brackets, while they follow one another.
    private static func groupsAt(_ bytes: [UInt8], _ index: inout Int, in range: Range<Int>, allowSpace: Bool) -> [String] {
        var groups: [String] = []
        var position = index
        if allowSpace, position + 1 < range.upperBound, bytes[position] == UInt8(ascii: " "), bytes[position + 1] == UInt8(ascii: "(") {
            position += 1
        }
        while position < range.upperBound, bytes[position] == UInt8(ascii: "(") {
            var end = position + 1
            while end < range.upperBound, FoldedText.isWord(bytes[end]), end - position <= 6 { end += 1 }
            guard end > position + 1, end < range.upperBound, bytes[end] == UInt8(ascii: ")") else { break }
            groups.append(String(decoding: bytes[position + 1..<end], as: UTF8.self))
            position = end + 1
            index = position
        }
        return groups
    }

    /// After a citation in a list ("sections 23 and 24"), where the next number starts.
    private static func listContinuation(_ bytes: [UInt8], at index: Int, in range: Range<Int>) -> Int? {
        for joiner in [", ", " and ", " or ", ", and "] where matchesBytes(bytes, joiner, at: index, in: range) {
            let next = index + joiner.utf8.count
            if next < range.upperBound, FoldedText.isDigit(bytes[next]) { return next }
        }
        return nil
    }

    private static func matchesBytes(_ bytes: [UInt8], _ text: String, at index: Int, in range: Range<Int>) -> Bool {
        let needle = text.utf8
        guard index + needle.count <= range.upperBound else { return false }
        return bytes[index..<index + needle.count].elementsEqual(needle)
    }

    // MARK: - Resolving citations to exemptions

    /// An exemption a citation names.
    struct Resolved {
        let exemption: Exemption
        let letters: [String]
        let purposes: [String]
        /// Whether the citation is the exemption's NCND provision.
        let ncnd: Bool

        /// The exemption cited as the one an NCND provision serves (FOISA `Section 18(1) with section 35(1)(a)`).
        var asNCND: Resolved { Resolved(exemption: exemption, letters: letters, purposes: purposes, ncnd: true) }
    }

    /// The exemption of `exemptions` that `citation` cites, if any: the one whose provision (or
    /// NCND provision) matches the most of its parts.
    static func resolve(_ citation: Citation, in text: FoldedText, among exemptions: [Exemption]) -> Resolved? {
        var best: (exemption: Exemption, length: Int, ncnd: Bool)?
        for exemption in exemptions {
            let provisions = [(exemption.provision, false)] + ([exemption.ncnd].compactMap { $0 } + exemption.limbs.compactMap(\.ncnd)).map { ($0, true) }
            for (provision, isNCND) in provisions {
                let (number, groups) = split(provision)
                guard number == citation.number, citation.groups.starts(with: groups) else { continue }
                if best == nil || groups.count > best!.length { best = (exemption, groups.count, isNCND) }
            }
        }
        // A bare "section 23" names the section's main exemption (a bare "regulation 12" names none).
        if best == nil, citation.groups.isEmpty, !citation.isRegulation,
           let main = exemptions.first(where: { split($0.provision).number == citation.number }) {
            best = (main, 0, false)
        }
        guard let best else { return nil }
        let exemption = best.exemption
        if best.ncnd { return Resolved(exemption: exemption, letters: ncndLimbs(exemption, citation), purposes: [], ncnd: true) }
        var letters = limbs(Array(citation.groups.dropFirst(best.length)), of: exemption)
        var purposes: [String] = []
        let purposeGroup = exemption.purposes.flatMap { split($0.subsection).groups.last }
        for group in citation.more {
            if let declared = exemption.purposes, group.first == purposeGroup {
                purposes += group.dropFirst().filter { letter in declared.list.contains { $0.letter == letter } }
            } else {
                letters += limbs(group, of: exemption).filter { !letters.contains($0) }
            }
        }
        // s40's conditions are cited after the provision: "by virtue of section 40(4A)".
        let after = text.bytes[citation.range.upperBound...].prefix(80)
        for limb in exemption.limbs {
            guard let cite = limb.cite, !cite.isEmpty else { continue }
            if after.starts(with: FoldedText(" " + cite).bytes) { letters.append(limb.letter) }
        }
        let ordered = exemption.limbs.map(\.letter).filter(letters.contains)
        return Resolved(exemption: exemption, letters: ordered, purposes: purposes, ncnd: false)
    }

    /// The limbs whose own NCND provision the citation names (s40's conditions), else none.
    private static func ncndLimbs(_ exemption: Exemption, _ citation: Citation) -> [String] {
        exemption.limbs.filter { limb in
            guard let ncnd = limb.ncnd else { return false }
            let (number, groups) = split(ncnd)
            return number == citation.number && citation.groups.starts(with: groups)
        }.map(\.letter)
    }

    /// `31(1)` → (`31`, [`1`]); `27(4)(a)` → (`27`, [`4`, `a`]).
    static func split(_ provision: String) -> (number: String, groups: [String]) {
        let folded = FoldedText(provision).bytes
        var index = 0
        while index < folded.count, folded[index] != UInt8(ascii: "(") { index += 1 }
        let number = String(decoding: folded[0..<index], as: UTF8.self)
        var groups: [String] = []
        var current: [UInt8] = []
        for byte in folded[index...] {
            if byte == UInt8(ascii: "(") { current = [] } else if byte == UInt8(ascii: ")") {
                groups.append(String(decoding: current, as: UTF8.self))
            } else { current.append(byte) }
        }
        return (number, groups)
    }

    /// The limb letters bracketed parts name: `a`, `b` → a, b; `b`, `i`, `ii` → b(i), b(ii).
    static func limbs(_ groups: [String], of exemption: Exemption) -> [String] {
        let known = Set(exemption.limbs.map(\.letter))
        var letters: [String] = []
        var head: String?
        for group in groups {
            if known.contains(group) {
                letters.append(group)
                head = group
            } else if let head, known.contains("\(head)(\(group))") {
                letters.append("\(head)(\(group))")
            } else if known.contains(where: { $0.hasPrefix(group + "(") }) {
                head = group
            }
        }
        return letters
    }
}
