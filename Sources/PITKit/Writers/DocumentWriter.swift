/// Writes a draft in one output format. Each writer visits the one document model; none
/// re-renders templates.
public protocol DocumentWriter: Sendable {
    func write(_ draft: Draft) throws -> [UInt8]
}

/// The output formats pit writes.
public enum OutputFormat: String, Sendable, CaseIterable {
    case text

    /// The writer for this format.
    public var writer: any DocumentWriter {
        switch self {
        case .text: return TextWriter()
        }
    }

    /// The file name extension for this format.
    public var fileExtension: String {
        switch self {
        case .text: return "txt"
        }
    }

    /// Whether the format is binary (not for a terminal).
    public var isBinary: Bool { false }

    /// The format a file name's extension implies: `.txt` → text.
    public init?(fileName: String) {
        guard let dot = fileName.lastIndex(of: "."), !fileName[dot...].contains("/") else { return nil }
        let ext = fileName[fileName.index(after: dot)...].lowercased()
        guard let format = Self.allCases.first(where: { $0.fileExtension == ext }) else { return nil }
        self = format
    }
}
