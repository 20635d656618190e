extension CheckRun {
    /// PIT001: every part the law needs is there, under its own heading, and says something:
    /// harm where a qualified exemption's test is prejudice-based, the factors on each side, and
    /// a balancing test; with several exemptions whose headings cite them, each has its own.
    mutating func checkMissingParts() {
        guard !qualified.isEmpty else { return }
        let ncnd = subject.ncnd
        let parts: [(CheckDocument.Part, String)] = [
            (.harm, "harm section (the interest harmed, how disclosure would harm it, and how likely that is)"),
            (.for, ncnd ? "factors favouring confirming or denying" : "factors favouring disclosure"),
            (.against, ncnd ? "factors favouring neither confirming nor denying" : "factors favouring non-disclosure"),
            (.balance, "balancing test"),
        ]
        for (part, name) in parts {
            let needing = part == .harm ? qualified.filter { $0.kind == .prejudice } : qualified
            guard !needing.isEmpty else { continue }
            let found = document.sections(part)
            guard !found.isEmpty else {
                report(.missingPart, "no \(name), which \(Drafter.joined(needing.map(\.citation))) needs", at: nil)
                continue
            }
            for section in found where !document.hasContent(section) {
                report(.missingPart, "the section '\(document.sections[section].heading)' is empty", at: section)
            }
            // Headings that cite exemptions: each exemption needs its own (or one citing none).
            guard found.contains(where: { citesApplied[$0] }) else { continue }
            for applied in needing where sections(part, of: applied).isEmpty {
                report(.missingPart, "no \(name) for \(applied.citation)", at: found.first)
            }
        }
    }
}
