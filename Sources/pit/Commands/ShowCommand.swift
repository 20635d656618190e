import PITKit

/// `pit show ID`: an exemption's provision, limbs, NCND subsection, sections and variants.
enum ShowCommand: Command {
    static let name = "show"
    static let abstract = "show an exemption's provision, limbs, sections and variants"
    static let usage = "ID [--regime foia|eir|foisa|eisr] [--templates DIR...]"
    static let options = ListCommand.options
    static let discussion = """
        Also says which layers the exemption's files come from, and for each variant the layer
        that gives it: built-in, or the overlay folder that adds or replaces it; and, last, the
        regime's own rules: its public interest test, presumption, emissions bar, how several
        exemptions are weighed, and what the test may and may not weigh.
        """
    static let arguments = [ArgumentSpec(name: "ID", help: "the exemption, e.g. s31 (under --regime eir, 12-5-b or 12(5)(b))", completion: .exemptions)]
    static let examples = [
        Example("Section 31's limbs, sections and variants", "pit show s31"),
        Example("The EIR's course of justice exception", "pit show 12-5-b --regime eir"),
        Example("The same with your house style's variants beside the built-in ones", "pit show s31 --templates house-style"),
    ]

    static func run(_ arguments: ParsedArguments) throws -> [UInt8] {
        let library = try arguments.templateLibrary()
        let regime = try library.regime(try arguments.regime(in: library))
        let exemption = try library.exemption(arguments.positional(0)!, regime: regime.id)
        let word = ListCommand.capitalized(exemption.word)
        var output = "\(exemption.id): \(word) \(regime.id == .foia ? exemption.section : exemption.provision) – \(exemption.title)\n"
        if exemption.limbs.contains(where: { $0.kind != nil && $0.kind != exemption.kind }) {
            output += "kind: by limb (see limbs); otherwise "
        } else {
            output += "kind: "
        }
        output += exemption.kind.rawValue
        switch exemption.kind {
        case .prejudice: output += " (harm test, then public interest test)\n"
        case .class: output += " (no harm test; public interest test)\n"
        case .absolute: output += " (absolute: no public interest test)\n"
        }
        if let noTest = exemption.noTest { output += "not drafted: \(noTest)\n" }
        output += "layers: \(library.layerNames(under: "\(regime.id.exemptionsFolder)/\(exemption.id)").joined(separator: ", "))\n"
        output += "provision: \(exemption.provision)\n"
        if let words = exemption.words { output += "words: \(words)\n" }
        if let test = exemption.test { output += "test: \(test)\n" }
        if let likelihood = exemption.likelihood {
            output += "likelihood: would or would be likely to (default: \(likelihood.phrase))\n"
        } else if exemption.kind == .prejudice {
            output += "likelihood: none (the test has no level of likelihood)\n"
        }
        let ncnd = exemption.ncnd.map { exemption.ncndNamesProvision ? exemption.citation(limbs: exemption.defaultLimbs, ncnd: true) : "\(word) \($0)" }
        output += "neither confirm nor deny: \(ncnd ?? "none")\n"
        if let balance = exemption.balance { output += "public interest test: \(exemption.word) \(balance)\n" }
        if let emissions = exemption.emissions {
            output += "information on emissions: cannot be relied on (\(exemption.word) \(emissions); --emissions)\n"
        }
        if !exemption.absoluteFor.isEmpty {
            output += "absolute for: \(exemption.absoluteFor.map(\.rawValue).joined(separator: ", ")) authorities\n"
        }
        if !exemption.limbs.isEmpty {
            output += "limbs (default: \(exemption.defaultLimbs.isEmpty ? "none" : exemption.defaultLimbs.joined(separator: ", "))):\n"
            for limb in exemption.limbs {
                var notes: [String] = []
                if let kind = limb.kind, kind != exemption.kind { notes.append(kind.rawValue) }
                if let test = limb.test, test != exemption.test { notes.append("test: \(test)") }
                if let ncnd = limb.ncnd { notes.append("NCND: \(word) \(ncnd)") }
                output += "  \(limb.letter) \(limb.text)\(notes.isEmpty ? "" : " [\(notes.joined(separator: "; "))]")\n"
            }
        }
        if let purposes = exemption.purposes {
            output += "purposes (\(exemption.word) \(purposes.subsection), with limbs \(purposes.limbs.joined(separator: ", ")); --purposes):\n"
            for purpose in purposes.list { output += "  \(purpose.letter) \(purpose.text)\n" }
        }
        if !exemption.evidence.isEmpty {
            output += "evidence (--evidence NAME=\(exemption.evidence.contains { $0.type == .date } ? "TEXT or YYYY-MM-DD" : "TEXT")):\n"
            for item in exemption.evidence {
                var when = item.required ? "required" : "optional"
                if !item.limbs.isEmpty { when += " with limb \(item.limbs.joined(separator: ", "))" }
                if let with = item.with { when += " when \(with) is given" }
                if item.type == .date { when += "; a date" }
                output += "  \(item.name) (\(when)): \(item.label) – \(item.why)\n"
            }
            for group in exemption.evidenceOneOf { output += "  at least one of: \(group.joined(separator: ", "))\n" }
        }
        for exclusion in exemption.exclusions {
            output += "exclusive with \(exclusion.id): \(exclusion.reason)\(exclusion.alwaysAlternative ? " (always in the alternative)" : " (use --alternative or --separate-parts)")\n"
        }
        for (variant, limbs) in exemption.variantLimbs.sorted(by: { $0.key < $1.key }) {
            output += "variant \(variant) argues limbs: \(limbs.joined(separator: ", "))\n"
        }
        output += "default citation: \(exemption.citation(limbs: exemption.defaultLimbs, ncnd: false))\n"
        if let shared = exemption.sharedTemplates, let extended = regime.extends {
            output += "templates: \(extended.rawValue) \(shared)'s, unless its own folder has them\n"
        }
        for ncnd in [false, true] where exemption.noTest == nil && (!ncnd || exemption.ncnd != nil) {
            for section in (exemption.isQualified ? (exemption.kind == .absolute ? Exemption.Kind.class : exemption.kind) : .absolute).sections {
                let folder = library.sectionFolder(exemption, section, ncnd: ncnd)
                output += "\n\(ncnd ? "ncnd " : "")\(section.rawValue):\n"
                let variants = library.variants(in: folder)
                output += variants.isEmpty ? "  (none yet: write them in an overlay, \(folder)/default.mustache)\n" : ListCommand.columns(variants.map { variant in
                    let path = "\(folder)/\(variant).mustache"
                    return ["  " + variant, library.file(path)?.layer.name ?? "", library.summary(of: path) ?? "(no summary)"]
                })
            }
        }
        return Array((output + regimeLines(regime)).utf8)
    }

    /// The regime's own rules, after the exemption's.
    static func regimeLines(_ regime: Regime) -> String {
        var lines = "\nregime: \(regime.title) (\(regime.id.rawValue))\n"
        lines += "public interest test: \(regime.balance)\n"
        lines += "presumption in favour of disclosure: \(regime.presumption ?? "none in its words")\n"
        if let absolute = regime.absolute { lines += "absolute \(regime.term)s: \(absolute)\n" }
        if let emissions = regime.emissions { lines += "emissions bar: \(emissions)\n" }
        lines += "several \(regime.term)s for the same information: \(regime.aggregation.map { "weighed together (\($0))" } ?? "each weighed on its own, never combined")\n"
        if !regime.mayWeigh.isEmpty { lines += "the test may weigh:\n" + regime.mayWeigh.map { "  - \($0)\n" }.joined() }
        if !regime.mayNotWeigh.isEmpty { lines += "the test may not weigh:\n" + regime.mayNotWeigh.map { "  - \($0)\n" }.joined() }
        return lines
    }
}
