import PITKit

/// `pit show ID`: an exemption's provision, limbs, NCND subsection, sections and variants.
enum ShowCommand: Command {
    static let name = "show"
    static let abstract = "show an exemption's provision, limbs, sections and variants"
    static let usage = "ID [--templates DIR...]"
    static let options = ListCommand.options
    static let discussion = """
        Also says which layers the exemption's files come from, and for each variant the layer
        that gives it: built-in, or the overlay folder that adds or replaces it.
        """
    static let arguments = [ArgumentSpec(name: "ID", help: "the exemption, e.g. s31", completion: .exemptions)]
    static let examples = [
        Example("Section 31's limbs, sections and variants", "pit show s31"),
        Example("The same with your house style's variants beside the built-in ones", "pit show s31 --templates house-style"),
    ]

    static func run(_ arguments: ParsedArguments) throws -> [UInt8] {
        let library = try arguments.templateLibrary()
        let exemption = try library.exemption(arguments.positional(0)!)
        var output = "\(exemption.id): Section \(exemption.section) – \(exemption.title)\n"
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
        output += "layers: \(library.layerNames(under: "exemptions/\(exemption.id)").joined(separator: ", "))\n"
        output += "provision: \(exemption.provision)\n"
        if let test = exemption.test { output += "test: \(test)\n" }
        if let likelihood = exemption.likelihood {
            output += "likelihood: would or would be likely to (default: \(likelihood.phrase))\n"
        } else if exemption.kind == .prejudice {
            output += "likelihood: none (the test has no level of likelihood)\n"
        }
        output += "neither confirm nor deny: \(exemption.ncnd.map { "Section \($0)" } ?? "none")\n"
        if !exemption.absoluteFor.isEmpty {
            output += "absolute for: \(exemption.absoluteFor.map(\.rawValue).joined(separator: ", ")) authorities\n"
        }
        if !exemption.limbs.isEmpty {
            output += "limbs (default: \(exemption.defaultLimbs.isEmpty ? "none" : exemption.defaultLimbs.joined(separator: ", "))):\n"
            for limb in exemption.limbs {
                var notes: [String] = []
                if let kind = limb.kind, kind != exemption.kind { notes.append(kind.rawValue) }
                if let test = limb.test, test != exemption.test { notes.append("test: \(test)") }
                if let ncnd = limb.ncnd { notes.append("NCND: Section \(ncnd)") }
                output += "  \(limb.letter) \(limb.text)\(notes.isEmpty ? "" : " [\(notes.joined(separator: "; "))]")\n"
            }
        }
        if let purposes = exemption.purposes {
            output += "purposes (section \(purposes.subsection), with limbs \(purposes.limbs.joined(separator: ", ")); --purposes):\n"
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
        for ncnd in [false, true] where !ncnd || exemption.ncnd != nil {
            for section in (exemption.isQualified ? (exemption.kind == .absolute ? Exemption.Kind.class : exemption.kind) : .absolute).sections {
                let folder = TemplateLibrary.sectionFolder(exemption.id, section, ncnd: ncnd)
                output += "\n\(ncnd ? "ncnd " : "")\(section.rawValue):\n"
                output += ListCommand.columns(library.variants(in: folder).map { variant in
                    let path = "\(folder)/\(variant).mustache"
                    return ["  " + variant, library.file(path)?.layer.name ?? "", library.summary(of: path) ?? "(no summary)"]
                })
            }
        }
        return Array(output.utf8)
    }
}
