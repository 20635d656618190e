import PITKit

/// `pit __complete exemptions|variants -- WORD`: the words that can complete WORD, one a line,
/// read from the template library with every overlay; what the completion scripts ask.
enum CompleteCommand: Command {
    static let name = "__complete"
    static let abstract = "the exemption ids or variant choices that complete a word (for completion scripts)"
    static let usage = "exemptions|variants [--templates DIR]... [--exemption ID]... [--regime REGIME] -- WORD"
    static let hidden = true
    static let options: [OptionSpec] = [
        .value("templates", "DIR", "an overlay folder", repeatable: true),
        .value("exemption", "ID[,ID...]", "the exemptions of the command line, whose variants are offered", repeatable: true),
        .value("regime", "REGIME", "the regime of the command line, whose exemptions are offered"),
    ]
    static let arguments = [
        ArgumentSpec(name: "KIND", help: "exemptions or variants"),
        ArgumentSpec(name: "WORD", help: "the word being completed", optional: true),
    ]

    static func run(_ arguments: ParsedArguments) throws -> [UInt8] {
        let library = try arguments.templateLibrary()
        let regime = (try? arguments.regime(in: library)) ?? .foia
        let word = arguments.positional(1) ?? ""
        let candidates: [String]
        switch arguments.positional(0)! {
        case ValueCompletion.exemptions.rawValue:
            candidates = exemptionCandidates(word, library: library, regime: regime)
        case ValueCompletion.variants.rawValue:
            let given = arguments.all("exemption").flatMap { $0.split(separator: ",").map { regime.normalizedID(String($0)) } }
            candidates = variantCandidates(word, library: library, exemptions: given, regime: regime)
        case let kind:
            throw PITError.usage("__complete: unknown kind '\(kind)' (exemptions, variants)")
        }
        var seen = Set<String>()
        let lines = candidates.filter { $0.hasPrefix(word) && seen.insert($0).inserted }
        return Array(lines.map { $0 + "\n" }.joined().utf8)
    }

    /// Exemption ids; after a comma, the list so far followed by each id.
    static func exemptionCandidates(_ word: String, library: TemplateLibrary, regime: Regime.ID = .foia) -> [String] {
        let prefix = word.lastIndex(of: ",").map { String(word[...$0]) } ?? ""
        return library.exemptionIDs(in: regime).map { prefix + $0 }
    }

    /// `NAME`, `SECTION=`, `ID.` (for the exemptions given), then after `SECTION=` or
    /// `ID.SECTION=` the variants of that section; the variants are those of the exemptions given
    /// on the command line, or of every exemption when none is.
    static func variantCandidates(_ word: String, library: TemplateLibrary, exemptions given: [String],
                                  regime: Regime.ID = .foia) -> [String] {
        let all = library.exemptionIDs(in: regime)
        let known = given.filter(all.contains)
        let ids = known.isEmpty ? all : known
        let sections = Exemption.Section.allCases
        if let equals = word.firstIndex(of: "=") {
            let target = word[..<equals]
            let parts = target.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count <= 2, let section = Exemption.Section(rawValue: String(parts.last!)) else { return [] }
            let scope = parts.count == 2 ? [parts[0].lowercased()] : ids
            return variants(of: scope, in: [section], library: library, regime: regime).map { "\(target)=\($0)" }
        }
        if let dot = word.firstIndex(of: ".") {
            return sections.map { "\(word[..<dot]).\($0.rawValue)=" }
        }
        return variants(of: ids, in: sections, library: library, regime: regime) + sections.map { "\($0.rawValue)=" }
            + (known.count > 1 ? known.map { "\($0)." } : [])
    }

    /// The variant names of some sections of some exemptions (plain and NCND, and the joint
    /// balancing test's for `balance`), sorted.
    static func variants(of ids: [String], in sections: [Exemption.Section], library: TemplateLibrary,
                         regime: Regime.ID = .foia) -> [String] {
        var names = Set<String>()
        let exemptions = ids.compactMap { try? library.exemption($0, regime: regime) }
        for ncnd in [false, true] {
            for section in sections {
                for exemption in exemptions { names.formUnion(library.variants(in: library.sectionFolder(exemption, section, ncnd: ncnd))) }
                if section == .balance, let folder = try? library.jointBalanceFolder(ncnd: ncnd, regime: regime) {
                    names.formUnion(library.variants(in: folder))
                }
            }
        }
        return names.sorted()
    }
}
