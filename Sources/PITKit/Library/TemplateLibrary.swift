import Mustache

/// The template library: the built-in layer with any overlays on top, file by file, later wins.
///
/// Templates and metadata are read and parsed on first use and then shared, so a run parses each
/// template once however many documents it drafts; the library is safe to use from many threads.
public final class TemplateLibrary: Sendable {
    /// A file of the library and the layer it comes from.
    public struct File: Sendable {
        public let path: String
        public let text: String
        public let layer: TemplateLayer

        /// How the file is named in messages: `Templates/exemptions/s31/harm/default.mustache`.
        public var displayPath: String { layer.displayPath(path) }
    }

    public let layers: [TemplateLayer]
    private let index: LibraryIndex
    /// Parsed templates, decoded metadata and each folder's variant names, found on first use.
    private let memo = LibraryMemo()
    /// Each regime's exemptions as the quality checks know them (`knownExemptions`), found on first use.
    var checkedExemptions: Locked<[Regime.ID: ([Exemption], CitedProvisions)]> { memo.checks().exemptions }
    /// The library's own words for the quality checks (`libraryText`), made on first use.
    var checkedText: Locked<LibraryText?> { memo.checks().text }

    /// The built-in layer, then each overlay folder in order.
    public convenience init(overlays: [String]) throws {
        try self.init(layers: [.builtIn] + overlays.map(TemplateLayer.overlay(at:)))
    }

    public init(layers: [TemplateLayer]) {
        self.layers = layers
        index = LibraryIndex(layers: layers)
    }

    /// The overlay folders in order: the user's own (`UserOverlay`) when it exists, then those
    /// named by `PIT_TEMPLATES` (separated as `PATH` is: `;` on Windows, `:` elsewhere), then by `--templates`.
    public static func overlayFolders(environment: (String) -> String?, options: [String]) -> [String] {
        // Appended one by one: an array of optional folders would be one more generic type made at start-up.
        var folders: [String] = []
        if let user = UserOverlay.folder(environment: environment), FileSystem.type(of: user) == .directory { folders.append(user) }
        if let named = environment("PIT_TEMPLATES") {
            for folder in named.split(separator: Platform.pathListSeparator) { folders.append(String(folder)) }
        }
        folders.append(contentsOf: options)
        return folders
    }

    public func file(_ path: String) -> File? {
        index.entry(path).map { File(path: $0.path, text: $0.text, layer: layers[$0.layer]) }
    }

    /// The names of the layers that give the files below `folder`, bottom layer first.
    public func layerNames(under folder: String) -> [String] {
        let given = Set(paths(under: folder).compactMap { file($0)?.layer.name })
        return layers.map(\.name).filter(given.contains)
    }

    /// Every path in the library, sorted.
    public var paths: [String] { index.paths }

    /// All paths in the library below `folder` (relative paths, sorted).
    public func paths(under folder: String) -> [String] {
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        return index.candidates(under: prefix).map { $0.path }.filter { $0.hasPrefix(prefix) }
    }

    /// The parsed template at `path`; a syntax error names the file, line and column.
    public func template(_ path: String) throws -> MustacheTemplate {
        guard let parsed = try parsedFile(path) else {
            throw PITError(.data, "the template library has no '\(path)'")
        }
        return parsed.template
    }

    /// The file at `path` with its template, parsed on first use and then found by one look-up;
    /// nil when the library has no such file. A syntax error names the file, line and column.
    func parsedFile(_ path: String) throws -> (file: File, template: MustacheTemplate)? {
        if let known = memo.parsedFile(path) { return known }
        guard let file = self.file(path) else { return nil }
        let template: MustacheTemplate
        do {
            template = try MustacheTemplate(name: file.displayPath, source: file.text)
        } catch let error as MustacheError {
            throw PITError(error)
        }
        memo.keep((file, template), at: path)
        return (file, template)
    }

    // MARK: - Regimes

    /// A regime's metadata, from `regimes/<id>/regime.json`.
    public func regime(_ id: Regime.ID) throws -> Regime {
        if let regime = memo.regime(id) { return regime }
        let path = "\(id.folder)/regime.json"
        guard let file = self.file(path) else { throw PITError(.data, "the template library has no '\(path)'") }
        let regime = try Regime.decode(file.text, id: id, path: file.displayPath)
        memo.keep(regime, as: id)
        return regime
    }

    /// The regimes whose files a draft under `id` reads, most specific first: the regime itself,
    /// the one it extends (Scottish EIR → EIR), if any.
    public func regimeChain(_ id: Regime.ID) throws -> [Regime.ID] {
        guard id != .foia else { return [.foia] }
        var chain = [id]
        while let next = try regime(chain[chain.count - 1]).extends, !chain.contains(next) { chain.append(next) }
        return chain
    }

    /// The path a draft under `regime` reads for a layout file (`document.mustache`,
    /// `partials/…`, `balance/…`): the regime's own (`regimes/eir/partials/conclusion.mustache`),
    /// else that of the regime it extends, else the top-level one.
    public func resolve(_ path: String, regime: Regime.ID) throws -> String {
        for id in try regimeChain(regime) where id != .foia {
            let own = "\(id.folder)/\(path)"
            if index.entry(own) != nil { return own }
        }
        return path
    }

    // MARK: - Exemptions

    /// The ids of every FOIA exemption any layer defines, in statute order (s22 < s22a < s24 < s27-2 < s30).
    public var exemptionIDs: [String] { exemptionIDs(in: .foia) }

    /// The ids of every exemption of `regime` any layer defines, in statute order (12-4-b < 12-5-a < 13).
    public func exemptionIDs(in regime: Regime.ID) -> [String] {
        // Only the folder's own stretch of the sorted paths is read, byte by byte: `FOLDER/ID/exemption.json`.
        let start = regime.exemptionsFolder.utf8.count + 1
        var ids = Set<String>()
        for path in paths(under: regime.exemptionsFolder) {
            let rest = path.utf8.dropFirst(start)
            guard let slash = rest.firstIndex(of: UInt8(ascii: "/")), slash > rest.startIndex,
                  rest[rest.index(after: slash)...].elementsEqual("exemption.json".utf8) else { continue }
            ids.insert(String(path[rest.startIndex..<slash]))
        }
        // Each id's place worked out once, not at each comparison.
        return ids.map { (Self.statuteKey($0), $0) }.sorted { $0.0 < $1.0 }.map(\.1)
    }

    /// Where an id stands in statute order: its first number, then its text (s22 < s22a < s24 < s27-2 < s30).
    static func statuteKey(_ id: String) -> (Int, String) {
        let digits = id.utf8.drop { !(0x30...0x39).contains($0) }.prefix { (0x30...0x39).contains($0) }
        return (Int(Substring(digits)) ?? Int.max, id)
    }

    /// The FOIA exemption `id` (any case); unknown ids get a suggestion.
    public func exemption(_ id: String) throws -> Exemption { try exemption(id, regime: .foia) }

    /// The exemption `id` of `regime`, in any of the forms the regime's ids are written
    /// (`12(5)(b)`, `r12(5)(b)` and `12-5-b` alike). An unknown id gets a suggestion, or, when it
    /// is another regime's, a line saying so and how to draft that part.
    public func exemption(_ id: String, regime: Regime.ID) throws -> Exemption {
        let key = regime.normalizedID(id)
        let cacheKey = "\(regime.rawValue)/\(key)"
        if let exemption = memo.exemption(cacheKey) { return exemption }
        let path = "\(regime.exemptionsFolder)/\(key)/exemption.json"
        guard let file = self.file(path) else { throw try unknownExemption(id, regime: regime) }
        let decoder = ExemptionDecoder(id: key, path: file.displayPath, text: file.text, regime: regime == .foia ? nil : try self.regime(regime))
        let exemption = try decoder.decode()
        memo.keep(exemption, as: cacheKey)
        return exemption
    }

    /// The names of the evidence that is a date among the exemptions `ids` of `regime`, found
    /// once for each list (a batch's rows share a few): an unknown id adds none (it fails later,
    /// with its suggestion).
    func datedEvidence(of ids: [String], regime: Regime.ID) -> [String] {
        let key = LibraryMemo.DatedEvidenceKey(ids: ids, regime: regime.rawValue)
        if let known = memo.datedEvidence(key) { return known }
        var names: [String] = []
        for id in ids {
            guard let exemption = try? exemption(id, regime: regime) else { continue }
            for evidence in exemption.evidence where evidence.type == .date && !names.contains(evidence.name) { names.append(evidence.name) }
        }
        memo.keep(datedEvidence: names, for: key)
        return names
    }

    private func unknownExemption(_ id: String, regime: Regime.ID) throws -> PITError {
        let here = try self.regime(regime)
        var owners: [(regime: Regime.ID, text: String)] = []
        for other in Regime.ID.allCases where other != regime {
            let key = other.normalizedID(id)
            guard index.entry("\(other.exemptionsFolder)/\(key)/exemption.json") != nil,
                  let owner = try? self.regime(other), let exemption = try? exemption(key, regime: other) else { continue }
            owners.append((other, "\(exemption.citation(limbs: exemption.defaultLimbs, ncnd: false)) of \(owner.name)"))
        }
        guard owners.isEmpty else {
            return PITError(.data, "'\(id)' is not an \(here.term) of \(here.name) but \(owners.map(\.text).joined(separator: ", or ")): a request that mixes regimes is two drafts, each weighed on its own; draft that part with \(owners.map { "--regime \($0.regime.rawValue)" }.joined(separator: " or "))")
        }
        // Ids are matched without case, and folders are named in lower case: a folder `S99` is
        // found by no id, so say so rather than suggest the name that was typed.
        let key = regime.normalizedID(id)
        if let folder = exemptionIDs(in: regime).first(where: { $0 != key && regime.normalizedID($0) == key }),
           let file = self.file("\(regime.exemptionsFolder)/\(folder)/exemption.json") {
            return PITError(.data, "\(file.displayPath): the folder '\(folder)' must be named in lower case ('\(key)'): exemption ids are matched without case")
        }
        let hint = regime == .foia ? "see 'pit list'" : "see 'pit list --regime \(regime.rawValue)'"
        return PITError(.data, "unknown \(here.term) '\(id)'\(Suggestion.didYouMean(regime.normalizedID(id), in: exemptionIDs(in: regime))) (\(hint))")
    }

    /// The folder of a FOIA exemption's section: `exemptions/s31/harm` or `exemptions/s31/ncnd/harm`.
    public static func sectionFolder(_ id: String, _ section: Exemption.Section, ncnd: Bool) -> String {
        sectionFolder(id, section, ncnd: ncnd, regime: .foia)
    }

    static func sectionFolder(_ id: String, _ section: Exemption.Section, ncnd: Bool, regime: Regime.ID) -> String {
        "\(regime.exemptionsFolder)/\(id)/\(ncnd ? "ncnd/" : "")\(section.rawValue)"
    }

    /// The folder an exemption's section templates come from: its own
    /// (`regimes/eir/exemptions/12-5-b/harm`), or, when it has none there and shares another
    /// regime's, that exemption's (`regimes/eisr/exemptions/10-5-b` → `regimes/eir/exemptions/12-5-b`).
    public func sectionFolder(_ exemption: Exemption, _ section: Exemption.Section, ncnd: Bool) -> String {
        let own = Self.sectionFolder(exemption.id, section, ncnd: ncnd, regime: exemption.regime)
        guard let shared = exemption.sharedTemplates, variants(in: own).isEmpty,
              let extended = try? regime(exemption.regime).extends else { return own }
        return Self.sectionFolder(shared, section, ncnd: ncnd, regime: extended)
    }

    /// The folder of the top-level joint balancing test: `balance` or `balance/ncnd`.
    public static func jointBalanceFolder(ncnd: Bool) -> String { ncnd ? "balance/ncnd" : "balance" }

    /// The folder of the joint balancing test a draft under `regime` uses: the regime's own if it
    /// has one, else the top-level one.
    public func jointBalanceFolder(ncnd: Bool, regime: Regime.ID) throws -> String {
        let folder = Self.jointBalanceFolder(ncnd: ncnd)
        for id in try regimeChain(regime) where id != .foia {
            if !variants(in: "\(id.folder)/\(folder)").isEmpty { return "\(id.folder)/\(folder)" }
        }
        return folder
    }

    /// The variant names in a folder of section templates (its `.mustache` files, not
    /// subfolders), `default` first.
    public func variants(in folder: String) -> [String] {
        if let known = memo.variants(in: folder) { return known }
        var prefix = folder + "/"
        var names: [String] = []
        prefix.withUTF8 { prefix in
            let candidates = index.candidates(under: folder + "/")
            names.reserveCapacity(candidates.count)
            for entry in candidates {
                if let name = Self.variantName(entry.path, prefix: prefix) { names.append(name) }
            }
        }
        names.sort { ($0 == "default" ? "" : $0) < ($1 == "default" ? "" : $1) }
        memo.keep(variants: names, in: folder)
        return names
    }

    /// `NAME` when `path` is, byte for byte, the folder `prefix` then `NAME.mustache`, NAME not
    /// empty and without `/`.
    private static func variantName(_ path: String, prefix: UnsafeBufferPointer<UInt8>) -> String? {
        path.withUTF8Bytes { bytes -> String? in
            let suffix: StaticString = ".mustache"
            let end = bytes.count - suffix.utf8CodeUnitCount
            guard end > prefix.count, memcmp(bytes.baseAddress!, prefix.baseAddress!, prefix.count) == 0,
                  memcmp(bytes.baseAddress! + end, suffix.utf8Start, suffix.utf8CodeUnitCount) == 0 else { return nil }
            let name = UnsafeBufferPointer(rebasing: bytes[prefix.count..<end])
            return memchr(name.baseAddress!, Int32(UInt8(ascii: "/")), name.count) != nil ? nil : String(decoding: name, as: UTF8.self)
        }
    }

    // MARK: - Authority and partials

    /// The authority the layers' `authority.json` names (the topmost layer that has one).
    public func authority() throws -> Authority {
        if let authority = memo.authority() { return authority }
        guard let file = file("authority.json") else {
            throw PITError(.data, "the template library has no authority.json")
        }
        let authority = try Authority.decode(file.text, path: file.displayPath)
        memo.keep(authority)
        return authority
    }

    /// The path of every template under `partials/`, by name (`partials/case-facts.mustache` →
    /// `case-facts`): for a draft under `regime`, a partial of the regime's own folder (or of the
    /// regime it extends) replaces the top-level one. Each is parsed when first included; the
    /// paths are found on the regime's first draft.
    public func partialPaths(regime: Regime.ID = .foia) throws -> [String: String] {
        if let known = memo.partialPaths(regime) { return known }
        var partials: [String: String] = [:]
        var folders = ["partials"]
        for id in try regimeChain(regime).reversed() where id != .foia { folders.append("\(id.folder)/partials") }
        for folder in folders {
            // As a folder's variants are found: byte by byte, `FOLDER/NAME.mustache`.
            var prefix = folder + "/"
            prefix.withUTF8 { prefix in
                for entry in index.candidates(under: folder + "/") {
                    if let name = Self.variantName(entry.path, prefix: prefix) { partials[name] = entry.path }
                }
            }
        }
        memo.keep(partialPaths: partials, for: regime)
        return partials
    }

    /// The one-line summary a template's first comment gives (`{{! summary: … }}`).
    public func summary(of path: String) -> String? {
        guard let text = index.entry(path)?.text, text.hasPrefix("{{!") else { return nil }
        let comment = text.dropFirst(3).prefix { $0 != "}" }
        let trimmed = comment.drop { $0 == " " }
        guard trimmed.hasPrefix("summary:") else { return nil }
        let summary = trimmed.dropFirst("summary:".count)
        return String(summary.drop { $0 == " " }.reversed().drop { $0 == " " || $0 == "\n" }.reversed())
    }
}
