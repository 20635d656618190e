/// One folder of the template library: the built-in `Templates/` compiled into the binary, or an
/// overlay folder on disk whose files replace the built-in ones at the same relative path.
public struct TemplateLayer: Sendable {
    /// `built-in`, or the overlay folder's path as the user gave it.
    public let name: String
    /// Where the layer's files are shown in messages: `Templates` or the overlay folder.
    public let displayRoot: String
    /// Each file's text by its path relative to the layer's root.
    public let files: [String: String]

    public var isBuiltIn: Bool { name == TemplateLayer.builtInName }

    public static let builtInName = "built-in"

    /// The library compiled into the binary.
    public static let builtIn = TemplateLayer(
        name: builtInName,
        displayRoot: "Templates",
        files: Dictionary(embeddedTemplateFiles.map { ($0.path, $0.text) }, uniquingKeysWith: { _, last in last })
    )

    /// An overlay folder; it must exist, and every file in it must be UTF-8 text.
    public static func overlay(at path: String) throws -> TemplateLayer {
        switch FileSystem.type(of: path) {
        case .directory: break
        case .missing: throw PITError(.noInput, "template folder '\(path)' does not exist")
        default: throw PITError(.noInput, "template folder '\(path)' is not a folder")
        }
        var files: [String: String] = [:]
        let root = path.hasSuffix("/") && path.count > 1 ? String(path.dropLast()) : path
        for relative in try FileSystem.files(under: root) {
            files[relative] = try FileSystem.readText(root + "/" + relative)
        }
        return TemplateLayer(name: path, displayRoot: root, files: files)
    }

    /// How a file of this layer is named in messages.
    public func displayPath(_ relative: String) -> String { displayRoot + "/" + relative }
}
