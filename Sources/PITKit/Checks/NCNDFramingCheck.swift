extension CheckRun {
    /// PIT010 (the document's part; the text checks find sentences that say whether information
    /// is held): in an NCND draft the factors are headed as for and against confirming or denying,
    /// and the balancing tests conclude about confirming or denying, not about disclosure.
    mutating func checkNCNDFraming() {
        guard subject.ncnd else { return }
        for section in document.sections.indices {
            let part = document.sections[section].part
            guard part == .for || part == .against,
                  let heading = document.sections[section].headingIndex,
                  !document.blocks[heading].folded.contains("confirm") else { continue }
            report(.ncndFraming, "the heading '\(document.sections[section].heading)' is about disclosure: an NCND draft weighs confirming or denying", at: section)
        }
        for section in document.sections(.balance) {
            let reading = balanceReading(section)
            for sentence in reading.concluding where !reading.text.contains("confirm", in: sentence)
                && reading.text.containsAny(["withheld", "disclosed", "released", "in disclos"], in: sentence) {
                report(.ncndFraming, "'\(document.sections[section].heading)' concludes about disclosing the information: an NCND draft concludes whether to confirm or deny", at: section)
                break
            }
        }
    }
}
