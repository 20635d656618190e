/// A regime's exemptions as citations name them, to tell a citation of an exemption applied from
/// one of another (PIT008). Under a regime cited by section (FOIA, FOISA) an exemption is its
/// section's number (`31`); under one cited by regulation (the EIR, the Scottish EIR), whose
/// exceptions share a number, it is the exception's provision (`12(5)(b)`), and its NCND
/// provision (`12(6)`) names it too. A citation in the other style (`section 12` of FOIA in an EIR
/// draft) names none of them, and neither does a provision that is not an exemption
/// (`regulation 12(2)`, the presumption).
struct CitedProvisions: Sendable {
    /// One provision and the key of the exemption it names.
    struct Provision: Sendable {
        let number: String
        let groups: [String]
        let key: String
    }

    /// Whether the regime's provisions are cited as regulations.
    let byRegulation: Bool
    /// Every exemption's provision (and NCND provisions), for a regime cited by regulation.
    let provisions: [Provision]
    /// The section numbers of the exemptions, for a regime cited by section.
    let sections: Set<String>
    /// The names the regime's own instrument goes by after "of", folded: "the act", "the
    /// regulations", "the environmental information regulations", "eir".
    let ownNames: [String]

    init(_ exemptions: [Exemption], regime: Regime) {
        byRegulation = regime.word == "regulation"
        sections = byRegulation ? [] : Set(exemptions.map { Self.folded($0.section) })
        provisions = !byRegulation ? [] : exemptions.flatMap { exemption in
            ([exemption.provision] + [exemption.ncnd].compactMap { $0 } + exemption.limbs.compactMap(\.ncnd)).map { provision in
                let (number, groups) = CitationReader.split(provision)
                return Provision(number: number, groups: groups, key: exemption.id)
            }
        }
        let title = Self.folded(regime.title)
        let undated = title.split(separator: " ").last.map { $0.allSatisfy(\.isNumber) } == true
            ? String(title.split(separator: " ").dropLast().joined(separator: " ")) : title
        let short = Self.folded(regime.short)
        ownNames = [short, short.replacingFirst("the ", with: byRegulation ? "these " : "this "), "the " + undated,
                    Self.folded(regime.abbreviation), "the " + Self.folded(regime.abbreviation)]
    }

    /// FOIA's sections as the text checks' tests give them.
    init(sections: Set<String>) {
        byRegulation = false
        provisions = []
        self.sections = sections
        ownNames = ["the act", "this act", "the freedom of information act", "foia", "the foia"]
    }

    /// The key of the exemption `citation` names, if it names one of the regime's.
    func key(of citation: CitationReader.Citation) -> String? {
        guard citation.isRegulation == byRegulation else { return nil }
        guard byRegulation else { return sections.contains(citation.number) ? citation.number : nil }
        var best: Provision?
        for provision in provisions where provision.number == citation.number && citation.groups.starts(with: provision.groups) {
            if best == nil || provision.groups.count > best!.groups.count { best = provision }
        }
        return best?.key
    }

    /// The key of an exemption applied.
    func key(of exemption: Exemption) -> String { byRegulation ? exemption.id : Self.folded(exemption.section) }

    /// How a message names what a citation cites: `section 31`, `regulation 12(5)(e)`.
    func describe(_ citation: CitationReader.Citation) -> String {
        guard byRegulation else { return "section \(citation.number.uppercased())" }
        return "regulation \(citation.number)" + citation.groups.map { "(\($0))" }.joined()
    }

    private static func folded(_ text: String) -> String { String(decoding: FoldedText(text).bytes, as: UTF8.self) }
}

private extension String {
    func replacingFirst(_ old: String, with new: String) -> String { hasPrefix(old) ? new + dropFirst(old.count) : self }
}
