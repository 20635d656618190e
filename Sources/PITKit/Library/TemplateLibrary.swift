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
    private let files: [String: File]
    /// Each folder's variant names, found on first use.
    private let variantsByFolder = Locked<[String: [String]]>([:])
    private let parsed = Locked<[String: MustacheTemplate]>([:])
    private let exemptions = Locked<[String: Exemption]>([:])
    /// `exemptionIDs`, found on first use.
    private let knownIDs = Locked<[String]?>(nil)
    /// The exemptions the quality checks know (`knownExemptions`), found on first use.
    let checkedExemptions = Locked<([Exemption], Set<String>)?>(nil)
    /// The library's own words for the quality checks (`libraryText`), made on first use.
    let checkedText = Locked<LibraryText?>(nil)

    /// The built-in layer, then each overlay folder in order.
    public convenience init(overlays: [String]) throws {
        try self.init(layers: [.builtIn] + overlays.map(TemplateLayer.overlay(at:)))
    }

    public init(layers: [TemplateLayer]) {
        self.layers = layers
        var files = [String: File](minimumCapacity: layers.reduce(0) { $0 + $1.files.count })
        for layer in layers {
            for (path, text) in layer.files { files[path] = File(path: path, text: text, layer: layer) }
        }
        self.files = files
    }

    /// The overlay folders in order: the user's own (`UserOverlay`) when it exists, then those
    /// named by `PIT_TEMPLATES` (colon-separated), then by `--templates`.
    public static func overlayFolders(environment: (String) -> String?, options: [String]) -> [String] {
        let user = [UserOverlay.folder(environment: environment)].compactMap { $0 }.filter { FileSystem.type(of: $0) == .directory }
        let fromEnvironment = (environment("PIT_TEMPLATES") ?? "").split(separator: ":").map(String.init)
        return user + fromEnvironment + options
    }

    public func file(_ path: String) -> File? { files[path] }

    /// The names of the layers that give the files below `folder`, bottom layer first.
    public func layerNames(under folder: String) -> [String] {
        let given = Set(paths(under: folder).compactMap { files[$0]?.layer.name })
        return layers.map(\.name).filter(given.contains)
    }

    /// Every path in the library, sorted.
    public var paths: [String] { files.keys.sorted() }

    /// All paths in the library below `folder` (relative paths, sorted).
    public func paths(under folder: String) -> [String] {
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        return files.keys.filter { $0.hasPrefix(prefix) }.sorted()
    }

    /// The parsed template at `path`; a syntax error names the file, line and column.
    public func template(_ path: String) throws -> MustacheTemplate {
        if let template = parsed.withLock({ $0[path] }) { return template }
        guard let file = files[path] else {
            throw PITError(.data, "the template library has no '\(path)'")
        }
        let template: MustacheTemplate
        do {
            template = try MustacheTemplate(name: file.displayPath, source: file.text)
        } catch let error as MustacheError {
            throw PITError(error)
        }
        parsed.withLock { $0[path] = template }
        return template
    }

    // MARK: - Exemptions

    /// The ids of every exemption any layer defines, in statute order (s22 < s22a < s24 < s27-2 < s30).
    public var exemptionIDs: [String] {
        if let known = knownIDs.withLock({ $0 }) { return known }
        let ids = Set(files.keys.compactMap { path -> String? in
            let parts = path.split(separator: "/")
            return parts.count == 3 && parts[0] == "exemptions" && parts[2] == "exemption.json" ? String(parts[1]) : nil
        }).sorted(by: Self.statuteOrder)
        knownIDs.withLock { $0 = ids }
        return ids
    }

    static func statuteOrder(_ a: String, _ b: String) -> Bool {
        func key(_ id: String) -> (Int, String) {
            let digits = id.drop { !$0.isNumber }.prefix { $0.isNumber }
            return (Int(digits) ?? Int.max, id)
        }
        return key(a) < key(b)
    }

    /// The exemption `id` (any case); unknown ids get a suggestion.
    public func exemption(_ id: String) throws -> Exemption {
        let key = id.lowercased()
        if let exemption = exemptions.withLock({ $0[key] }) { return exemption }
        let path = "exemptions/\(key)/exemption.json"
        guard let file = files[path] else {
            throw PITError(.data, "unknown exemption '\(id)'\(Suggestion.didYouMean(id, in: exemptionIDs)) (see 'pit list')")
        }
        let exemption = try ExemptionDecoder(id: key, path: file.displayPath).decode(file.text)
        exemptions.withLock { $0[key] = exemption }
        return exemption
    }

    /// The folder of an exemption's section: `exemptions/s31/harm` or `exemptions/s31/ncnd/harm`.
    public static func sectionFolder(_ id: String, _ section: Exemption.Section, ncnd: Bool) -> String {
        "exemptions/\(id)/\(ncnd ? "ncnd/" : "")\(section.rawValue)"
    }

    /// The folder of the joint balancing test: `balance` or `balance/ncnd`.
    public static func jointBalanceFolder(ncnd: Bool) -> String { ncnd ? "balance/ncnd" : "balance" }

    /// The variant names in a folder of section templates (its `.mustache` files, not
    /// subfolders), `default` first.
    public func variants(in folder: String) -> [String] {
        if let known = variantsByFolder.withLock({ $0[folder] }) { return known }
        let prefix = Array((folder + "/").utf8)
        let suffix = Array(".mustache".utf8)
        var names: [String] = []
        for path in files.keys {
            let bytes = path.utf8
            guard bytes.count > prefix.count + suffix.count, bytes.starts(with: prefix),
                  bytes.suffix(suffix.count).elementsEqual(suffix) else { continue }
            let name = bytes.dropFirst(prefix.count).dropLast(suffix.count)
            guard !name.contains(UInt8(ascii: "/")) else { continue }
            names.append(String(decoding: Array(name), as: UTF8.self))
        }
        names.sort { ($0 == "default" ? "" : $0) < ($1 == "default" ? "" : $1) }
        variantsByFolder.withLock { $0[folder] = names }
        return names
    }

    // MARK: - Authority and partials

    /// The authority the layers' `authority.json` names (the topmost layer that has one).
    public func authority() throws -> Authority {
        guard let file = files["authority.json"] else {
            throw PITError(.data, "the template library has no authority.json")
        }
        return try Authority.decode(file.text, path: file.displayPath)
    }

    /// Every template under `partials/`, parsed, by name (`partials/case-facts.mustache` → `case-facts`).
    public func partials() throws -> [String: MustacheTemplate] {
        var partials: [String: MustacheTemplate] = [:]
        for path in paths(under: "partials") where path.hasSuffix(".mustache") {
            let name = String(path.dropFirst("partials/".count).dropLast(".mustache".count))
            partials[name] = try template(path)
        }
        return partials
    }

    /// The one-line summary a template's first comment gives (`{{! summary: … }}`).
    public func summary(of path: String) -> String? {
        guard let text = files[path]?.text, text.hasPrefix("{{!") else { return nil }
        let comment = text.dropFirst(3).prefix { $0 != "}" }
        let trimmed = comment.drop { $0 == " " }
        guard trimmed.hasPrefix("summary:") else { return nil }
        let summary = trimmed.dropFirst("summary:".count)
        return String(summary.drop { $0 == " " }.reversed().drop { $0 == " " || $0 == "\n" }.reversed())
    }
}
