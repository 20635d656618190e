extension TemplateLibrary {
    /// The reference Word document the library's `authority.json` names, `referenceDocx`: a path
    /// relative to the folder of the layer whose `authority.json` it is (or absolute); nil when
    /// it names none. Only an overlay can name one: the built-in library has no files beside it.
    public func referenceDocxPath() throws -> String? {
        guard let file = file("authority.json") else { return nil }
        let json = try JSONValue.parse(file.text, source: file.displayPath)
        switch json["referenceDocx"] {
        case nil, .null?:
            return nil
        case .string(let path)? where !path.isEmpty && file.layer.name != TemplateLayer.builtInName:
            return path.hasPrefix("/") ? path : file.layer.displayRoot + "/" + path
        default:
            throw PITError(.data, "\(file.displayPath): 'referenceDocx' must be the path of a Word document, relative to the folder")
        }
    }
}

extension ReferenceDocx {
    /// The reference for a run: `path` (`--reference-docx`), else the one the library's
    /// `authority.json` names; nil when there is neither.
    public static func resolve(path: String?, library: TemplateLibrary) throws -> ReferenceDocx? {
        if let path { return try read(path) }
        guard let named = try library.referenceDocxPath() else { return nil }
        do {
            return try read(named)
        } catch let error as PITError {
            throw PITError(error.kind, "\(error.message) (named by 'referenceDocx' in \(library.file("authority.json")!.displayPath))")
        }
    }
}
