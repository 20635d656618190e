/// The built-in library written out as an overlay folder to edit (`pit init`).
public enum LibraryCopy {
    /// The built-in files at or below each of `parts` — library paths such as `exemptions/s31`
    /// or `partials/layout.mustache`; a bare exemption id such as `s31` means `exemptions/s31` —
    /// or every file when `parts` is empty; sorted by path.
    public static func builtInFiles(only parts: [String]) throws -> [(path: String, text: String)] {
        let files = TemplateLayer.builtIn.files
        var chosen = parts.isEmpty ? Set(files.keys) : []
        for part in parts {
            let trimmed = String(part.drop { $0 == "/" }.reversed().drop { $0 == "/" }.reversed())
            let matches = matching(trimmed, in: files.keys) ?? matching("exemptions/" + trimmed, in: files.keys)
            guard let matches else {
                let folders = Set(files.keys.flatMap(folders(of:)))
                throw PITError.usage("the built-in library has no '\(part)'"
                    + Suggestion.didYouMean(trimmed, in: (folders.union(files.keys)).sorted()))
            }
            chosen.formUnion(matches)
        }
        return chosen.sorted().map { ($0, files[$0]!) }
    }

    /// Writes `files` below `folder`, making it and any subfolders it needs. A folder that holds
    /// anything is refused unless `force`, which replaces the files of the same paths and leaves
    /// every other file as it was. Each file is written atomically.
    public static func write(_ files: [(path: String, text: String)], into folder: String, force: Bool) throws {
        switch FileSystem.type(of: folder) {
        case .missing: break
        case .directory:
            if !force, try !FileSystem.isEmptyFolder(folder) {
                throw PITError(.cannotCreate, "\(folder): the folder is not empty (use --force to write into it)")
            }
        default: throw PITError(.cannotCreate, "\(folder): not a folder")
        }
        let root = FileSystem.withoutTrailingSlash(folder)
        for file in files {
            let path = root + "/" + file.path
            if let slash = path.lastIndex(of: "/") { try FileSystem.createFolder(String(path[..<slash])) }
            try FileSystem.writeAtomically(Array(file.text.utf8), to: path)
        }
    }

    /// The paths equal to `part` or below it; nil when there are none.
    private static func matching(_ part: String, in paths: Dictionary<String, String>.Keys) -> [String]? {
        let found = paths.filter { $0 == part || $0.hasPrefix(part + "/") }
        return found.isEmpty ? nil : found
    }

    /// The folders a path lies in: `a/b/c.json` → `a`, `a/b`.
    private static func folders(of path: String) -> [String] {
        let parts = path.split(separator: "/").dropLast()
        return parts.indices.map { parts[...$0].joined(separator: "/") }
    }
}
