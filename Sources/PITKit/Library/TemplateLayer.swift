/// One folder of the template library: the built-in `Templates/` compiled into the binary, or an
/// overlay folder on disk whose files replace the built-in ones at the same relative path.
public struct TemplateLayer: Sendable {
    /// `built-in`, or the overlay folder's path as the user gave it.
    public let name: String
    /// Where the layer's files are shown in messages: `Templates` or the overlay folder.
    public let displayRoot: String
    /// Each file's path relative to the layer's root and its text, sorted by path, no two paths equal.
    let sortedFiles: [(path: String, text: String)]

    /// Each file's text by its path relative to the layer's root.
    public var files: [String: String] { Dictionary(sortedFiles, uniquingKeysWith: { _, last in last }) }

    public init(name: String, displayRoot: String, files: [String: String]) {
        self.init(name: name, displayRoot: displayRoot, sortedFiles: files.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
    }

    private init(name: String, displayRoot: String, sortedFiles: [(path: String, text: String)]) {
        self.name = name
        self.displayRoot = displayRoot
        self.sortedFiles = sortedFiles
    }

    public static let builtInName = "built-in"

    /// The library compiled into the binary. `TemplateEmbedder` writes its files sorted by path
    /// (a test and, in debug builds, an assertion check it), so start-up need not sort them.
    public static let builtIn: TemplateLayer = {
        assert(zip(embeddedTemplateFiles, embeddedTemplateFiles.dropFirst()).allSatisfy { $0.path < $1.path },
               "TemplateEmbedder must write the files sorted by path")
        return TemplateLayer(name: builtInName, displayRoot: "Templates", sortedFiles: embeddedTemplateFiles)
    }()

    /// An overlay folder; it must exist, and every file in it must be UTF-8 text, but the Word
    /// documents and templates (`.docx`, `.dotx`) an `authority.json` may name as its reference.
    /// It is read as `FileSystem.texts(under:)` says: no link to a folder, and bounded.
    public static func overlay(at path: String) throws -> TemplateLayer {
        try FileSystem.requireFolder(path, "template folder")
        var files: [String: String] = [:]
        let root = FileSystem.withoutTrailingSlash(path)
        for (relative, text) in try FileSystem.texts(under: root, role: "template folder", where: { !Self.isWordDocument($0) }) {
            if let found = forbiddenCharacter(in: text) {
                throw PITError(.data, "\(root)/\(relative):\(found.position.description): \(ForbiddenCharacters.describe(found.scalar)) (only tabs and line breaks may be in a template)")
            }
            files[relative] = text
        }
        return TemplateLayer(name: path, displayRoot: root, files: files)
    }

    static func isWordDocument(_ path: String) -> Bool {
        let lowered = path.lowercased()
        return lowered.hasSuffix(".docx") || lowered.hasSuffix(".dotx")
    }

    /// The first character a library file cannot hold (tabs and line breaks it may), and where.
    static func forbiddenCharacter(in text: String) -> (position: TextPosition, scalar: UInt32)? {
        guard let found = ForbiddenCharacters.first(in: text, allowingLineBreaks: true) else { return nil }
        return (TextPosition(offset: found.offset, in: text), found.scalar)
    }

    /// How a file of this layer is named in messages.
    public func displayPath(_ relative: String) -> String { displayRoot + "/" + relative }
}
