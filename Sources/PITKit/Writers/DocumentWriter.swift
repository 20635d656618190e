/// Writes a draft in one output format. Each writer visits the one document model; none
/// re-renders templates.
public protocol DocumentWriter: Sendable {
    func write(_ draft: Draft) throws -> [UInt8]
}

/// The output formats pit writes.
public enum OutputFormat: String, Sendable, CaseIterable {
    case text, markdown, html, rtf, docx, json

    /// The writer for this format.
    public var writer: any DocumentWriter {
        switch self {
        case .text: return TextWriter()
        case .markdown: return MarkdownWriter()
        case .html: return HTMLWriter()
        case .rtf: return RTFWriter()
        case .docx: return DOCXWriter()
        case .json: return JSONWriter()
        }
    }

    /// The writer for this format, .docx written by `docx` (with a reference document, say).
    public func writer(docx: DOCXWriter) -> any DocumentWriter { self == .docx ? docx : writer }

    /// The file name extension for this format.
    public var fileExtension: String { fileExtensions[0] }

    /// Every file name extension that implies this format, the usual one first.
    public var fileExtensions: [String] {
        switch self {
        case .text: return ["txt"]
        case .markdown: return ["md", "markdown"]
        case .html: return ["html", "htm"]
        case .rtf: return ["rtf"]
        case .docx: return ["docx"]
        case .json: return ["json"]
        }
    }

    /// Whether the format is binary (not for a terminal).
    public var isBinary: Bool { self == .docx }

    /// The format a file name's extension implies: `.txt` → text, `.htm` → html (any case).
    public init?(fileName: String) {
        guard let dot = fileName.lastIndex(of: "."), !fileName[dot...].contains("/") else { return nil }
        let ext = fileName[fileName.index(after: dot)...].lowercased()
        guard let format = Self.allCases.first(where: { $0.fileExtensions.contains(ext) }) else { return nil }
        self = format
    }
}
