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
        output += "kind: \(exemption.kind.rawValue)"
        switch exemption.kind {
        case .prejudice: output += " (harm test, then public interest test)\n"
        case .class: output += " (no harm test; public interest test)\n"
        case .absolute: output += " (absolute: no public interest test)\n"
        }
        output += "layers: \(library.layerNames(under: "exemptions/\(exemption.id)").joined(separator: ", "))\n"
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
                output += ListCommand.columns(library.variants(in: folder).map { variant in
                    let path = "\(folder)/\(variant).mustache"
                    return ["  " + variant, library.file(path)?.layer.name ?? "", library.summary(of: path) ?? "(no summary)"]
                })
            }
        }
        return Array(output.utf8)
    }
}
