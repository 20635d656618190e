import Mustache

/// One thing `pit lint` found in a template library: an error (the library would draft wrongly,
/// or not at all) or a warning (something to tidy), or a quality check's finding in the text a
/// variant drafts.
public struct LintFinding: Sendable, Equatable {
    public enum Severity: String, Sendable { case error, warning }

    public let severity: Severity
    /// The file, as messages name it: `Templates/exemptions/s31/harm/default.mustache`.
    public let file: String
    public let line: Int?
    public let column: Int?
    /// The quality check that found it, if one did.
    public let check: Check?
    public let message: String

    /// `FILE:LINE:COLUMN: error: message`, or `FILE:LINE: PITnnn message` for a check.
    public var text: String {
        var place = file
        if let line { place += ":\(line)" }
        if let column { place += ":\(column)" }
        if let check { return "\(place): \(check.id) \(message)" }
        return "\(place): \(severity.rawValue): \(message)"
    }

    var json: JSONValue {
        var members: [(key: String, value: JSONValue)] = [("file", .string(file))]
        if let line { members.append(("line", .number(Double(line), text: String(line)))) }
        if let column { members.append(("column", .number(Double(column), text: String(column)))) }
        members.append(("severity", .string(severity.rawValue)))
        if let check { members.append(("id", .string(check.id))) }
        members.append(("message", .string(message)))
        return .object(members)
    }
}

/// `pit lint`: checks a template library (the built-in one with overlays): every template parses;
/// every name it uses is a documented variable, a declared evidence name or an allowed `--set`
/// key; every qualified exemption has a `default` variant of each section its kind needs, and
/// the NCND forms where it has an NCND provision; `exemption.json` and `authority.json` are valid;
/// every variant has a summary line; no file is one the library would never use; and the text
/// each variant drafts passes the quality checks.
public struct LibraryLinter {
    let library: TemplateLibrary
    let setKeys: Set<String>
    var findings: [LintFinding] = []
    /// The templates that do not parse or use unknown names: drafting them says nothing new.
    var broken: Set<String> = []

    public init(library: TemplateLibrary, allowedSetKeys: [String]) {
        self.library = library
        setKeys = Set(allowedSetKeys)
    }

    /// Every finding, errors and warnings, in file order.
    public static func lint(_ library: TemplateLibrary, allowedSetKeys: [String] = []) -> [LintFinding] {
        var linter = LibraryLinter(library: library, allowedSetKeys: allowedSetKeys)
        let exemptions = linter.checkMetadata()
        linter.checkTemplates(exemptions)
        linter.checkSectionsPresent(exemptions)
        linter.checkFilesUsed(exemptions)
        linter.checkDraftedText(exemptions)
        var seen: Set<String> = []
        return linter.findings
            .filter { seen.insert($0.text).inserted }
            .sorted { ($0.file, $0.line ?? 0, $0.column ?? 0, $0.message) < ($1.file, $1.line ?? 0, $1.column ?? 0, $1.message) }
    }

    mutating func error(_ path: String, _ message: String, line: Int? = nil, column: Int? = nil) {
        findings.append(LintFinding(severity: .error, file: display(path), line: line, column: column, check: nil, message: message))
    }

    private mutating func warning(_ path: String, _ message: String) {
        findings.append(LintFinding(severity: .warning, file: display(path), line: nil, column: nil, check: nil, message: message))
    }

    func display(_ path: String) -> String { library.file(path)?.displayPath ?? path }

    // MARK: - Metadata

    /// Decodes every regime's `regime.json` and `exemption.json`, and `authority.json`; returns
    /// the exemptions that decode, every regime's.
    private mutating func checkMetadata() -> [Exemption] {
        var exemptions: [Exemption] = []
        for regime in Regime.ID.allCases {
            do {
                _ = try library.regime(regime)
            } catch let failure as PITError {
                error("\(regime.folder)/regime.json", failure.message.droppingPrefix(display("\(regime.folder)/regime.json") + ": "))
                continue
            } catch { continue }
            var decoded: [Exemption] = []
            for id in library.exemptionIDs(in: regime) {
                let path = Self.metadataPath(id, regime: regime)
                do {
                    decoded.append(try library.exemption(id, regime: regime))
                } catch let failure as PITError {
                    error(path, failure.message.droppingPrefix(display(path) + ": "))
                } catch {}
            }
            let ids = Set(decoded.map(\.id))
            for exemption in decoded {
                let path = Self.metadataPath(exemption.id, regime: regime)
                for exclusion in exemption.exclusions where !ids.contains(exclusion.id) {
                    error(path, "'exclusive' names '\(exclusion.id)', which the library does not have")
                }
                for variant in exemption.variantLimbs.keys.sorted() where !Exemption.Section.allCases.contains(where: { section in
                    [false, true].contains { library.variants(in: library.sectionFolder(exemption, section, ncnd: $0)).contains(variant) }
                }) {
                    error(path, "'variantLimbs' names the variant '\(variant)', which no section of \(exemption.id) has")
                }
            }
            exemptions += decoded
        }
        if library.file("authority.json") == nil {
            error("authority.json", "the library has no authority.json")
        } else {
            do {
                _ = try library.authority()
            } catch let failure as PITError {
                error("authority.json", failure.message.droppingPrefix(display("authority.json") + ": "))
            } catch {}
        }
        return exemptions
    }

    /// `exemptions/s31/exemption.json`, `regimes/eir/exemptions/12-5-b/exemption.json`.
    static func metadataPath(_ id: String, regime: Regime.ID) -> String { "\(regime.exemptionsFolder)/\(id)/exemption.json" }

    // MARK: - Templates

    /// Parses every template and checks the names it uses.
    private mutating func checkTemplates(_ exemptions: [Exemption]) {
        let partialNames = Set(library.paths(under: "partials").filter { $0.hasSuffix(".mustache") }
            .map { String($0.dropFirst("partials/".count).dropLast(".mustache".count)) })
        var scope = VariableScope(partials: partialNames)
        // Every regime's exemptions: a template may use the limbs and evidence of any of them.
        let anyExemption = TemplateVariables.exemption(limbKeys: Set(exemptions.flatMap { $0.limbs.map(\.key) }),
                                                       evidence: Set(exemptions.flatMap { $0.evidence.map(\.name) }))
        let globals = VariableType.object(TemplateVariables.globals(exemption: anyExemption, setKeys: setKeys))
        // Partials first, so that the blocks of a parent are known before its overrides are read.
        let templates = library.paths.filter { $0.hasSuffix(".mustache") }
        for path in templates.filter({ $0.hasPrefix("partials/") }) + templates.filter({ !$0.hasPrefix("partials/") }) {
            let template: MustacheTemplate
            do {
                template = try library.template(path)
            } catch let failure as PITError {
                let (line, column, message) = Self.place(failure.message, file: display(path))
                error(path, message, line: line, column: column)
                broken.insert(path)
                continue
            } catch { continue }
            var frames = [globals]
            var isPartial: String?
            if path.hasPrefix("partials/") {
                frames.append(TemplateVariables.sectionContext(exemption: anyExemption))
                isPartial = String(path.dropFirst("partials/".count).dropLast(".mustache".count))
            } else if let exemption = exemptions.first(where: { path.hasPrefix("\($0.regime.exemptionsFolder)/\($0.id)/") }) {
                frames.append(TemplateVariables.sectionContext(exemption: TemplateVariables.exemption(
                    limbKeys: Set(exemption.limbs.map(\.key)), evidence: Set(exemption.evidence.map(\.name)))))
            }
            for problem in scope.check(template.outline, frames: frames, template: isPartial) {
                let hint = problem.isUnknownVariable
                    ? " (see the README, \"Variables\"; a --set key needs --allow-set)" : ""
                error(path, problem.message + hint, line: problem.line, column: problem.column)
                broken.insert(path)
            }
            if library.summary(of: path)?.isEmpty != false {
                warning(path, "no summary line: start the file with {{! summary: what it is for }}")
            }
        }
    }

    /// `FILE:LINE:COLUMN: message` → its parts.
    private static func place(_ message: String, file: String) -> (Int?, Int?, String) {
        guard message.hasPrefix(file + ":") else { return (nil, nil, message) }
        let parts = message.dropFirst(file.count + 1).split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, let line = Int(parts[0]), let column = Int(parts[1]) else { return (nil, nil, message) }
        return (line, column, String(parts[2].drop { $0 == " " }))
    }

    // MARK: - Sections and files

    /// The sections a qualified exemption needs: those of the kinds of its qualified limbs.
    static func sections(of exemption: Exemption) -> [Exemption.Section] {
        let kinds = exemption.limbs.isEmpty ? [exemption.kind] : exemption.limbs.map { $0.kind ?? exemption.kind }
        let qualified = Set(kinds.filter { $0 != .absolute })
        return Exemption.Section.allCases.filter { section in qualified.contains { $0.sections.contains(section) } }
    }

    /// Whether the exemption (or one of its limbs) has an NCND provision.
    static func hasNCND(_ exemption: Exemption) -> Bool {
        exemption.ncnd != nil || exemption.limbs.contains { $0.ncnd != nil }
    }

    /// Whether the library has any wording for the exemption: a qualified exemption with none is
    /// law pit knows but cannot draft yet (drafting it says which files to write).
    func hasWording(_ exemption: Exemption) -> Bool {
        [false, true].contains { ncnd in
            Self.sections(of: exemption).contains { !library.variants(in: library.sectionFolder(exemption, $0, ncnd: ncnd)).isEmpty }
        }
    }

    private mutating func checkSectionsPresent(_ exemptions: [Exemption]) {
        for exemption in exemptions where exemption.isQualified && exemption.noTest == nil {
            let path = Self.metadataPath(exemption.id, regime: exemption.regime)
            guard hasWording(exemption) else {
                // The built-in library's known gaps are listed in the README; an overlay's are worth a word.
                if library.file(path)?.layer.name != TemplateLayer.builtInName {
                    warning(path, "\(exemption.id) has no wording: drafting it fails until its sections are written")
                }
                continue
            }
            for ncnd in Self.hasNCND(exemption) ? [false, true] : [false] {
                for section in Self.sections(of: exemption) {
                    let folder = library.sectionFolder(exemption, section, ncnd: ncnd)
                    if !library.variants(in: folder).contains("default") {
                        error(path, "\(folder)/default.mustache is missing: every section \(exemption.id) needs has a default variant\(ncnd ? " in its NCND form" : "")")
                    }
                }
            }
        }
        for folder in ["balance", "balance/ncnd"] where !library.variants(in: folder).contains("default") {
            error(folder + "/default.mustache", "\(folder)/default.mustache is missing: the combined balancing test of several exemptions")
        }
        if library.file("document.mustache") == nil { error("document.mustache", "the library has no document.mustache") }
    }

    /// Warns of files the library never reads.
    private mutating func checkFilesUsed(_ exemptions: [Exemption]) {
        let known = Dictionary(exemptions.filter { $0.regime == .foia }.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var included: Set<String> = []
        for path in library.paths where path.hasSuffix(".mustache") {
            guard let template = try? library.template(path) else { continue }
            Self.collectIncluded(template.outline, into: &included)
        }
        for path in library.paths where !isUsed(path, exemptions: known, included: included) {
            warning(path, "the library never uses this file (see the README, \"The template library\", for where files go)")
        }
    }

    /// Whether the library reads `path`: the layout's files, partials something includes, joint
    /// balancing tests, and each exemption's metadata and the sections (and NCND forms) it has.
    private func isUsed(_ path: String, exemptions: [String: Exemption], included: Set<String>) -> Bool {
        let parts = path.split(separator: "/").map(String.init)
        let isTemplate = path.hasSuffix(".mustache")
        switch parts.first {
        case _ where parts.count == 1:
            return ["authority.json", "document.mustache", "README.md"].contains(path)
        case "partials":
            return parts.count == 2 && isTemplate && included.contains(String(parts[1].dropLast(".mustache".count)))
        case "balance":
            return isTemplate && (parts.count == 2 || (parts.count == 3 && parts[1] == "ncnd"))
        case "exemptions":
            guard parts.count >= 3, let exemption = exemptions[parts[1]] else { return false }
            return Self.isUsed(parts.dropFirst(2), of: exemption, isTemplate: isTemplate)
        case "regimes":
            // regimes/<regime>/: its regime.json, partials, joint balancing tests and exceptions, laid out as above.
            guard parts.count >= 3, let regime = Regime.ID(rawValue: parts[1]) else { return false }
            let rest = Array(parts.dropFirst(2))
            switch rest.first {
            case "regime.json": return rest.count == 1
            case "partials": return rest.count == 2 && isTemplate && included.contains(String(rest[1].dropLast(".mustache".count)))
            case "balance": return isTemplate && (rest.count == 2 || (rest.count == 3 && rest[1] == "ncnd"))
            case "exemptions":
                guard rest.count >= 3, let exemption = try? library.exemption(rest[1], regime: regime) else { return false }
                return Self.isUsed(rest.dropFirst(2), of: exemption, isTemplate: isTemplate)
            default: return false
            }
        default:
            return false
        }
    }

    /// Whether a file of an exemption's folder (its path below the folder) is read: its metadata,
    /// and the sections (and NCND forms) it has.
    private static func isUsed(_ parts: ArraySlice<String>, of exemption: Exemption, isTemplate: Bool) -> Bool {
        let parts = Array(parts)
        if parts.count == 1 { return parts[0] == "exemption.json" }
        let ncnd = parts[0] == "ncnd"
        guard isTemplate, parts.count == (ncnd ? 3 : 2), exemption.isQualified,
              let section = Exemption.Section(rawValue: parts[parts.count - 2]) else { return false }
        return sections(of: exemption).contains(section) && (!ncnd || hasNCND(exemption))
    }

    private static func collectIncluded(_ outline: [MustacheOutline], into names: inout Set<String>) {
        for node in outline {
            switch node {
            case .partial(let name, _, _): names.insert(name)
            case .parent(let name, _, _, let overrides):
                names.insert(name)
                for block in overrides { collectIncluded(block.children, into: &names) }
            case .section(_, _, _, _, let children), .block(_, let children): collectIncluded(children, into: &names)
            case .text, .variable: break
            }
        }
    }
}

extension String {
    func droppingPrefix(_ prefix: String) -> String { hasPrefix(prefix) ? String(dropFirst(prefix.count)) : self }
}

/// `pit lint`'s report: one line a finding, or JSON.
public enum LintReport {
    public static func text(_ findings: [LintFinding]) -> String {
        findings.map { $0.text + "\n" }.joined()
    }

    public static func json(_ findings: [LintFinding]) -> String {
        let errors = findings.filter { $0.severity == .error }.count
        return JSONValue.object([
            ("errors", .number(Double(errors), text: String(errors))),
            ("warnings", .number(Double(findings.count - errors), text: String(findings.count - errors))),
            ("findings", .array(findings.map(\.json))),
        ]).encoded() + "\n"
    }
}
