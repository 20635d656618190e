extension CheckRun {
    /// PIT006: the evidence each exemption's metadata declares is stated. In a fresh draft, each
    /// text given for a required item is in the document; in an edited one, its cue words (or, for
    /// a date, a date) are in the exemption's argument. The s31(2) purposes behind s31(1)(g)–(i)
    /// are stated in their statutory words.
    mutating func checkEvidence() {
        // An exemption that declares no evidence or purposes has nothing to check.
        guard qualified.contains(where: { !$0.exemption.evidence.isEmpty || $0.exemption.purposes != nil }) else { return }
        let whole = wholeText
        for applied in qualified {
            let exemption = applied.exemption
            let argument = argumentSections(of: applied)
            let at = argument.first
            let shown: (Exemption.Evidence) -> Bool
            let given: Set<String>
            if let evidence = applied.evidence {
                given = Set(evidence.keys)
                shown = { item in evidence[item.name].map { whole.contains(bytes: FoldedText($0).bytes) } ?? false }
            } else {
                let text = self.text(of: argument)
                shown = { item in item.type == .date ? text.containsDate() : item.cues.contains { text.contains($0) } }
                given = Set(exemption.evidence.filter { $0.with == nil && shown($0) }.map(\.name))
            }
            for item in exemption.evidence where item.isRequired(limbs: applied.letters, given: given) && !shown(item)
                && (item.statedInNCND || !subject.ncnd) {
                if applied.evidence != nil && !given.contains(item.name) { continue }  // pit refuses such a draft
                report(.evidence, "does not state \(item.label), which \(applied.citation) needs: \(item.why)", at: at)
            }
            for group in exemption.evidenceOneOf {
                let members = exemption.evidence.filter { group.contains($0.name) && $0.appliesTo(limbs: applied.letters) && ($0.statedInNCND || !subject.ncnd) }
                guard !members.isEmpty, !members.contains(where: shown) else { continue }
                report(.evidence, "does not state \(members.map(\.label).joined(separator: " or ")), which \(applied.citation) needs", at: at)
            }
            checkPurposes(applied, whole: whole, at: at)
        }
    }

    private mutating func checkPurposes(_ applied: CheckSubject.Applied, whole: FoldedText, at: Int?) {
        guard let declared = applied.exemption.purposes, applied.letters.contains(where: declared.limbs.contains) else { return }
        let stated = { (purpose: Exemption.Limb) in whole.contains(bytes: FoldedText(purpose.text).bytes) }
        if applied.purposes.isEmpty {
            guard !declared.list.contains(where: stated) else { return }
            report(.evidence, "does not state the purpose of section \(declared.subsection) that \(applied.citation) works through", at: at)
            return
        }
        for purpose in applied.purposes where !stated(purpose) {
            report(.evidence, "does not state the purpose of section \(declared.subsection)(\(purpose.letter)): \(purpose.text)", at: at)
        }
    }
}

extension FoldedText {
    /// Whether `needle` (folded) occurs anywhere.
    func contains(bytes needle: [UInt8]) -> Bool {
        needle.isEmpty || occurrence(of: needle, in: 0..<bytes.count) != nil
    }

    private static let months = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                                 "october", "november", "december"].map { Array($0.utf8) }

    /// Whether a date is written here: `5 May 2023` (as pit prints dates), `2023-05-05`, `05/05/2023`.
    func containsDate() -> Bool {
        let words = self.words()
        for (index, word) in words.enumerated() {
            let text = bytes[word]
            guard text.allSatisfy(FoldedText.isDigit) else { continue }
            if text.count <= 2, index + 2 < words.count, Self.months.contains(where: { $0.elementsEqual(bytes[words[index + 1]]) }),
               bytes[words[index + 2]].count == 4, bytes[words[index + 2]].allSatisfy(FoldedText.isDigit) {
                return true
            }
            // 2023-05-05 and 05/05/2023: three numbers joined by '-' or '/'.
            if index + 2 < words.count, words[index + 1].lowerBound == word.upperBound + 1, words[index + 2].lowerBound == words[index + 1].upperBound + 1,
               [UInt8(ascii: "-"), UInt8(ascii: "/")].contains(bytes[word.upperBound]),
               bytes[words[index + 1]].allSatisfy(FoldedText.isDigit), bytes[words[index + 2]].allSatisfy(FoldedText.isDigit) {
                return true
            }
        }
        return false
    }
}
