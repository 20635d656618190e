extension CheckRun {
    /// PIT009: exemptions the metadata makes exclusive (`exclusive`) are not weighed together: no
    /// combined balancing test, and the document says how they apply (in the alternative, or to
    /// different parts of the information).
    mutating func checkExclusivePairs() {
        let ids = Set(subject.exemptions.map(\.exemption.id))
        guard subject.exemptions.contains(where: { $0.exemption.exclusions.contains { ids.contains($0.id) } }) else { return }
        let whole = wholeText
        let combined = document.sections(.balance).first { document.sections[$0].isCombined }
        let saysHow = whole.containsAny(["alternative", "different part", "separate part", "different information"])
        for applied in subject.exemptions {
            for exclusion in applied.exemption.exclusions {
                guard let other = subject.exemptions.first(where: { $0.exemption.id == exclusion.id }) else { continue }
                guard combined != nil || !saysHow else { continue }
                report(.exclusiveWeighedTogether, "\(applied.citation) and \(other.citation) are weighed together, but \(exclusion.reason): rely on them in the alternative or for different parts of the information", at: combined)
            }
        }
    }
}
