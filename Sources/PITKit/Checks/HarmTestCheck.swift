extension CheckRun {
    /// PIT002: the harm of each prejudice-based exemption states the provision's own test (the
    /// key words of its metadata's `test`, near one another: "prejudice", "inhibit", "endanger",
    /// "required", "adversely affect", "prejudice substantially" or "substantial prejudice") and,
    /// where the test has a level, the level relied on: "would" or "would be likely to" just
    /// before those words. The test's own words ("would, or would be likely to, prejudice")
    /// state no level, so they do not count as one. A test of "would" alone (EIR regulation
    /// 12(5): "would adversely affect") must be stated so, never as "would be likely to".
    mutating func checkHarmTests() {
        for applied in qualified where applied.kind == .prejudice {
            let harm = sections(.harm, of: applied)
            guard !harm.isEmpty else { continue }  // PIT001's finding
            // What the harm says depends on its text and the test alone, so a batch reads each harm once.
            let messages = remembered(memo?.harms, of: harm, context: Self.test(of: applied)) { HarmTest.messages(text(of: harm), applied) }
            for message in messages { report(.harmTest, message, at: harm[0]) }
        }
    }

    /// All that `HarmTest.messages` reads of `applied`, as one text.
    private static func test(of applied: CheckSubject.Applied) -> String {
        let tests = applied.exemption.tests(limbs: applied.letters).joined(separator: "\u{0}")
        return "\(tests)\u{0}\(applied.exemption.hasLikelihood) \(applied.likelihood?.rawValue ?? "") \(applied.citation)"
    }
}

extension HarmTest {
    /// What is wrong with how `text`, the harm of `applied`, states its test: a message each.
    static func messages(_ text: FoldedText, _ applied: CheckSubject.Applied) -> [String] {
        var messages: [String] = []
        let tests = applied.exemption.tests(limbs: applied.letters)
        // The test's own words state the test, but no level: they are blanked out for the level.
        var masked = text
        for test in tests { mask(FoldedText(test).bytes, in: &masked) }
        let words = text.words()
        let maskedWords = masked.words()
        for test in tests {
            let key = key(of: test)
            guard states(key, in: words, of: text) else {
                messages.append("the harm for \(applied.citation) does not state its test: that disclosure \(test)")
                continue
            }
            let keyWords = key.words.joined(separator: " ")
            guard key.hasLevel else { continue }
            guard applied.exemption.hasLikelihood else {
                // "Would" is the only level: a harm that argues "would be likely to" argues a test the law does not have.
                let stated = statements(before: key.stems[0], in: words, of: text)
                // "It is not enough that disclosure would be likely to …" states the rule, not the harm.
                if stated.contains(where: { $0.level == .likely && !TextChecks.hasNegation(text, in: text.sentence(around: $0.offset)) }) {
                    messages.append("the harm for \(applied.citation) argues that disclosure 'would be likely to \(keyWords)', a level its test does not have: it applies only where disclosure \(test) (more probable than not)")
                } else if !stated.contains(where: { $0.level == .would }) {
                    messages.append("the harm for \(applied.citation) does not state that disclosure \(test)")
                }
                continue
            }
            let levels = levels(before: key.stems[0], in: maskedWords, of: masked)
            if levels.isEmpty {
                messages.append("the harm for \(applied.citation) does not state the level of likelihood: 'would \(keyWords)' or 'would be likely to \(keyWords)'")
            } else if let chosen = applied.likelihood, !levels.contains(chosen) {
                messages.append("the harm for \(applied.citation) does not state the level chosen: '\(chosen.phrase) \(keyWords)'")
            }
        }
        return messages
    }
}

/// The key words of a statutory harm test, and where a level of likelihood is stated before them.
enum HarmTest {
    struct Key {
        /// The words that name the effect: `prejudice`, `inhibit`, `required`, `adversely affect`.
        let words: [String]
        /// Their stems, matched at the start of a word ("prejudic" in "prejudicial").
        let stems: [[UInt8]]
        /// Whether the test has a level ("would, or would be likely to, …").
        let hasLevel: Bool
    }

    /// "would, or would be likely to, prejudice" → prejudice; "would otherwise prejudice, or would
    /// be likely otherwise to prejudice" → prejudice; "required for the purpose of …" → required.
    static func key(of test: String) -> Key {
        let folded = FoldedText(test)
        let words = folded.words().map { String(decoding: folded.bytes[$0], as: UTF8.self) }
        var key: [String]
        let hasLevel = words.first == "would"
        if hasLevel {
            let start = (words.lastIndex(of: "to") ?? 0) + 1
            key = Array(words[start...]).filter { $0 != "otherwise" }
        } else {
            key = Array(words.prefix(1))
        }
        if key.isEmpty { key = Array(words.suffix(1)) }
        return Key(words: key, stems: key.map(stem), hasLevel: hasLevel)
    }

    /// The start of a word that its other forms share: "prejudice" → "prejudi", "inhibit" → "inhib".
    static func stem(_ word: String) -> [UInt8] {
        let bytes = Array(word.utf8)
        return bytes.count >= 7 ? Array(bytes.dropLast(2)) : bytes
    }

    /// Blanks out each occurrence of `phrase` (the test's own words) in `text`.
    static func mask(_ phrase: [UInt8], in text: inout FoldedText) {
        var start = 0
        while let found = text.occurrence(of: phrase, in: start..<text.bytes.count) {
            text.bytes.replaceSubrange(found..<found + phrase.count, with: repeatElement(UInt8(ascii: " "), count: phrase.count))
            start = found + phrase.count
        }
    }

    /// Whether the text states the test's key words: each of them, and, where there are several
    /// ("prejudice substantially", "adversely affect"), all within a few words of one another
    /// ("substantial prejudice" and "prejudice those interests substantially" alike).
    static func states(_ key: Key, in words: [Range<Int>], of text: FoldedText) -> Bool {
        func starts(_ index: Int, _ stem: [UInt8]) -> Bool { text.bytes[words[index]].starts(with: stem) }
        guard key.stems.count > 1 else { return key.stems.allSatisfy { stem in words.indices.contains { starts($0, stem) } } }
        return words.indices.contains { index in
            guard starts(index, key.stems[0]) else { return false }
            let near = max(0, index - 3)..<min(words.count, index + 4)
            return key.stems.dropFirst().allSatisfy { stem in near.contains { starts($0, stem) } }
        }
    }

    /// Each level stated just before a word starting with `stem`, with where that word is:
    /// "would be likely to (otherwise) prejudice", "likely otherwise to prejudice", "would
    /// (otherwise) prejudice".
    static func statements(before stem: [UInt8], in words: [Range<Int>], of text: FoldedText) -> [(level: Likelihood, offset: Int)] {
        var found: [(level: Likelihood, offset: Int)] = []
        func word(_ index: Int, is expected: String) -> Bool { text.bytes[words[index]].elementsEqual(expected.utf8) }
        for index in words.indices where text.bytes[words[index]].starts(with: stem) {
            let before = max(0, index - 4)..<index
            if let position = before.last(where: { word($0, is: "likely") }), (position..<index).contains(where: { word($0, is: "to") }) {
                found.append((.likely, words[index].lowerBound))
            } else if before.suffix(3).contains(where: { word($0, is: "would") }), !before.contains(where: { word($0, is: "likely") }) {
                found.append((.would, words[index].lowerBound))
            }
        }
        return found
    }

    /// The levels stated just before a word starting with `stem`.
    static func levels(before stem: [UInt8], in words: [Range<Int>], of text: FoldedText) -> Set<Likelihood> {
        Set(statements(before: stem, in: words, of: text).map(\.level))
    }
}
