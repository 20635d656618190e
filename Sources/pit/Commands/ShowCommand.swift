import PITKit

/// `pit show ID`: an exemption's provision, limbs, NCND subsection, sections and variants.
enum ShowCommand: Command {
    static let name = "show"
    static let abstract = "show an exemption's provision, limbs, sections and variants"
    static let usage = "ID [--templates DIR...]"
    static let options = ListCommand.options
    static let arguments = [ArgumentSpec(name: "ID", help: "the exemption, e.g. s31")]

    static func run(_ arguments: ParsedArguments) throws -> [UInt8] {
        let library = try arguments.templateLibrary()
        let exemption = try library.exemption(arguments.positional(0)!)
        var output = "\(exemption.id): Section \(exemption.section) – \(exemption.title)\n"
        output += "kind: \(exemption.kind.rawValue)"
        switch exemption.kind {
        case .prejudice: output += " (harm test, then public interest test)\n"
        case .class: output += " (no harm test; public interest test)\n"
        case .absolute: output += " (absolute: no public interest test)\n"
        }
        output += "provision: \(exemption.provision)\n"
        if let test = exemption.test { output += "test: \(test)\n" }
        if let likelihood = exemption.likelihood { output += "default likelihood: \(likelihood.phrase)\n" }
        output += "neither confirm nor deny: \(exemption.ncnd.map { "Section \($0)" } ?? "none")\n"
        if !exemption.limbs.isEmpty {
            output += "limbs (default: \(exemption.defaultLimbs.isEmpty ? "none" : exemption.defaultLimbs.joined(separator: ", "))):\n"
            for limb in exemption.limbs { output += "  \(limb.label) \(limb.text)\n" }
        }
        output += "default citation: \(exemption.citation(limbs: exemption.defaultLimbs, ncnd: false))\n"
        for ncnd in [false, true] where !ncnd || exemption.ncnd != nil {
            for section in exemption.kind.sections {
                let folder = TemplateLibrary.sectionFolder(exemption.id, section, ncnd: ncnd)
                output += "\n\(ncnd ? "ncnd " : "")\(section.rawValue):\n"
                let variants = library.variants(in: folder)
                let width = (variants.map(\.count).max() ?? 0) + 2
                for variant in variants {
                    let summary = library.summary(of: "\(folder)/\(variant).mustache") ?? "(no summary)"
                    output += "  " + ListCommand.pad(variant, width) + summary + "\n"
                }
            }
        }
        return Array(output.utf8)
    }
}
