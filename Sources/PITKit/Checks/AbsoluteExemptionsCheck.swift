extension CheckRun {
    /// PIT011: an absolute exemption (its kind for the limbs applied, from the metadata) has no
    /// harm, factors or balancing test of its own, and a PIT for absolute exemptions alone has none.
    mutating func checkAbsoluteExemptions() {
        let absolute = subject.exemptions.filter { !$0.isQualified }
        guard !absolute.isEmpty else { return }
        let argued = document.sections.indices.filter { document.sections[$0].part.isArgument }
        if qualified.isEmpty {
            if let first = argued.first {
                report(.absoluteWithTest, "\(Drafter.joined(absolute.map(\.citation))) \(absolute.count == 1 ? "is" : "are") absolute (\(subject.regime.absoluteSource)), but the document weighs the public interest", at: first)
            }
            return
        }
        let qualifiedSections = Set(qualified.map(\.section))
        for applied in absolute {
            for section in argued {
                let cited = document.sections[section].citedSections
                guard cited.contains(applied.section), !cited.contains(where: qualifiedSections.contains) else { continue }
                report(.absoluteWithTest, "'\(document.sections[section].heading)' weighs \(applied.citation), an absolute \(subject.regime.term) (\(subject.regime.absoluteSource))", at: section)
            }
        }
    }
}
