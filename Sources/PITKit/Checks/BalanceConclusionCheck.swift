extension CheckRun {
    /// PIT004: each balancing test that decides states its conclusion, and the conclusion is
    /// the outcome. An exemption's own test may instead hand its weight to a combined test, which
    /// then decides. A conclusion is a sentence that concludes ("concluded", "therefore", "on
    /// balance", …) and says which way the balance falls.
    mutating func checkBalanceConclusions() {
        guard !qualified.isEmpty else { return }
        let balances = document.sections(.balance)
        let hasCombined = balances.contains { document.sections[$0].isCombined }
        for section in balances where document.hasContent(section) {
            let reading = balanceReading(section)
            let heading = document.sections[section].heading
            if reading.conclusions.isEmpty {
                if reading.defers && hasCombined && !document.sections[section].isCombined { continue }
                report(.balanceConclusion, reading.defers
                    ? "'\(heading)' leaves the weighing to a combined balancing test that the document does not have"
                    : "'\(heading)' states no conclusion: say which way the balance falls and what follows", at: section)
                continue
            }
            if reading.conclusions.contains(.withhold) && reading.conclusions.contains(.disclose) && !reading.conclusions.contains(.partial) {
                report(.balanceConclusion, "'\(heading)' states conflicting conclusions: both withholding and disclosure", at: section)
                continue
            }
            let concluded: Outcome = reading.conclusions.contains(.partial) ? .partial : reading.conclusions.first!
            if let outcome = subject.outcome, concluded != outcome {
                report(.balanceConclusion, "'\(heading)' concludes that the information is \(Self.describe(concluded, ncnd: subject.ncnd)), but the outcome is that it is \(Self.describe(outcome, ncnd: subject.ncnd))", at: section)
            }
        }
    }

    static func describe(_ outcome: Outcome, ncnd: Bool) -> String {
        switch (outcome, ncnd) {
        case (.withhold, false): return "withheld"
        case (.partial, false): return "disclosed in part"
        case (.disclose, false): return "disclosed"
        case (.withhold, true): return "neither confirmed nor denied"
        case (.partial, true): return "confirmed or denied for part of the request"
        case (.disclose, true): return "confirmed or denied"
        }
    }
}

/// What a balancing test concludes, sentence by sentence.
struct BalanceReading {
    /// The outcomes its concluding sentences state.
    private(set) var conclusions: Set<Outcome> = []
    /// Whether it hands its weight to a combined balancing test.
    private(set) var defers = false
    /// The concluding sentences, for other checks (NCND framing).
    private(set) var concluding: [Range<Int>] = []
    let text: FoldedText

    static let cues = ["conclude", "conclusion", "therefore", "we have decided", "has decided", "on balance", "accordingly", "for these reasons",
                       "having considered", "having weighed", "overall"]
    /// Sentences that state the rule, not the result: "information is withheld only if …".
    static let conditions = ["only if", "unless", "only where", "if the public interest", "where the public interest"]
    static let deferrals = ["carried into", "combined balancing", "weighed together with", "considered together with", "taken together below"]
    static let parts = ["part of the information", "for part", "that part", "the rest", "remainder", "some of the information", "partly", "in part"]
    static let releases = ["is disclosed", "are disclosed", "be disclosed", "therefore disclosed", "is released", "are released", "be released",
                           "will confirm or deny", "it confirms or denies", "will say whether it holds", "will reveal whether", "favours disclosure", "favours confirming", "in favour of disclosure",
                           "will disclose", "will release", "favours release", "favour of release"]
    static let withholds = ["withheld", "neither confirm", "favours maintaining", "favours withholding", "favour of maintaining", "favour of withholding",
                            "favours non-disclosure", "favours nondisclosure", "favours non-release", "favour of non-disclosure", "will not disclose", "will not be disclosed",
                            "will not release", "will not be released"]

    /// The phrase lists above, found in one pass: each tag is its list's number.
    private enum List: Int { case cue, condition, deferral, part, release, withhold, outweigh }
    private static let matcher = PhraseMatcher(
        [(List.cue, cues), (.condition, conditions), (.deferral, deferrals), (.part, parts), (.release, releases),
         (.withhold, withholds), (.outweigh, ["outweigh"])].flatMap { list, phrases in
            phrases.map { PhraseMatcher.Phrase(bytes: Array($0.utf8), wholeWord: false, tag: list.rawValue) }
        })

    /// The presumption in favour of disclosure (EIR regulation 12(2), Scottish EIR regulation
    /// 10(2)) is where the weighing starts, not which way it ends: its words are blanked out.
    static let presumptions = ["presumption in favour of disclosure", "presumption in favour of disclosing",
                               "presumption in favour of making", "presumption in favour of release"].map { Array($0.utf8) }

    init(_ text: FoldedText) {
        var text = text
        for phrase in Self.presumptions { HarmTest.mask(phrase, in: &text) }
        self.text = text
        var hits: [(list: Int, at: Int)] = []
        let sideNamed = Array("interest in ".utf8)
        Self.matcher.scan(text) { tag, range in
            // "the public interest in neither confirming nor denying" names a side of the
            // weighing, not the conclusion: "outweighs" says which side wins.
            if tag == List.withhold.rawValue, range.lowerBound >= sideNamed.count,
               text.bytes[(range.lowerBound - sideNamed.count)..<range.lowerBound].elementsEqual(sideNamed) { return }
            hits.append((tag, range.lowerBound))
        }
        guard !hits.isEmpty else { return }
        let sentences = text.sentences().filter { range in text.bytes[range].contains(where: FoldedText.isWord) }
        for (index, sentence) in sentences.enumerated() {
            // The lists found in the sentence, a bit each.
            var lists = 0
            for hit in hits where sentence.contains(hit.at) { lists |= 1 << hit.list }
            func found(_ list: List) -> Bool { lists & 1 << list.rawValue != 0 }
            if found(.deferral) { defers = true }
            // A concluding word, or the last sentence: "X will not disclose the information."
            let concludes = found(.cue) || index == sentences.count - 1
            guard concludes, !found(.condition) else { continue }
            let (outweighWithholds, outweighReleases) = found(.outweigh) ? outweighing(in: sentence) : (false, false)
            let withhold = outweighWithholds || found(.withhold)
            let release = outweighReleases || found(.release)
            guard withhold || release else { continue }
            concluding.append(sentence)
            if found(.part) || (withhold && release) {
                conclusions.insert(.partial)
            } else {
                conclusions.insert(withhold ? .withhold : .disclose)
            }
        }
    }

    /// What "outweighs" says in `sentence`: the public interest in maintaining the exemption
    /// outweighs that in disclosure (withhold), or does not, or is outweighed (release).
    private func outweighing(in sentence: Range<Int>) -> (withhold: Bool, release: Bool) {
        var withhold = false, release = false
        var from = sentence.lowerBound
        let disclosing = ["interest in disclos", "interest in providing", "interest in making", "that in making", "interest in releas", "interest in confirm", "benefits of disclos", "that in disclos"]
        let maintaining = ["interest in maintain", "that in maintain", "interest in neither confirm"]
        while let found = text.find("outweigh", in: from..<sentence.upperBound) {
            from = found + 8
            let words = text.words(in: sentence.lowerBound..<found).suffix(2).map { Array(text.bytes[$0]) }
            let negated = words.contains { $0 == Array("not".utf8) || $0.suffix(3).elementsEqual("n't".utf8) }
            // The next 60 bytes: "ed by" makes it passive; what follows the first space is its object.
            let after = from..<min(sentence.upperBound, from + 60)
            let passive = text.bytes[after].starts(with: "ed by".utf8)
            let object = (text.bytes[after].firstIndex(of: UInt8(ascii: " ")).map { $0 + 1 } ?? after.upperBound)..<after.upperBound
            func objectNames(_ phrases: [String]) -> Bool {
                phrases.contains { text.occurrence(of: Array($0.utf8), in: object) != nil }
            }
            let subject = max(sentence.lowerBound, found - 80)..<found
            // What weighs more: the side named before "outweighs" (after "is outweighed by").
            let heavier: (disclosing: Bool, maintaining: Bool) = passive
                ? (objectNames(disclosing), objectNames(maintaining))
                : (text.containsAny(disclosing, in: subject), text.containsAny(maintaining, in: subject))
            let lighter: (disclosing: Bool, maintaining: Bool) = passive
                ? (text.containsAny(disclosing, in: subject), text.containsAny(maintaining, in: subject))
                : (objectNames(disclosing), objectNames(maintaining))
            var favoursWithholding: Bool
            if heavier.maintaining || lighter.disclosing {
                favoursWithholding = true
            } else if heavier.disclosing || lighter.maintaining {
                favoursWithholding = false
            } else {
                favoursWithholding = !passive  // "…outweighs the harm": read as the usual form
            }
            if negated { favoursWithholding.toggle() }
            if favoursWithholding { withhold = true } else { release = true }
        }
        return (withhold, release)
    }
}
