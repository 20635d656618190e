/// Reading a folder of templates (an overlay, a partials folder): every regular file below it,
/// bounded, so that a link loop, a huge tree or a system folder ends with an error naming the
/// folder instead of a hang.
///
/// The rule: hidden entries (`.git`) are skipped; a symbolic link to a file is read as that file;
/// a symbolic link to a folder is refused (it could lead back up the tree, or anywhere); a link to
/// nothing, a pipe, a device or a socket is skipped. The folder itself may be a link.
extension FileSystem {
    /// The most pit reads from one folder of templates.
    public struct FolderLimits: Sendable {
        /// Files found (read or not).
        public var files: Int
        /// Folders below the top one, along any path.
        public var depth: Int
        /// Bytes of the files read.
        public var bytes: Int

        /// Far beyond any template library (the built-in one is about 450 files, 2 MB, 7 deep).
        public static let templates = FolderLimits(files: 10_000, depth: 32, bytes: 64 << 20)
    }

    /// The files below `root`, as paths relative to it, sorted; `role` names the folder in errors
    /// ("template folder 'x': more than 10000 files …").
    public static func files(under root: String, role: String, limits: FolderLimits = .templates) throws -> [String] {
        var walk = FolderWalk(root: root, role: role, limits: limits)
        try walk.collect(root, relative: "", depth: 0)
        return walk.found.sorted()
    }

    /// The text of each file below `root` whose relative path `wanted` accepts, sorted by path;
    /// each must be UTF-8. Bounded as `files(under:)` is, and by the bytes read.
    public static func texts(under root: String, role: String, limits: FolderLimits = .templates,
                             where wanted: (String) -> Bool) throws -> [(path: String, text: String)] {
        var remaining = limits.bytes
        var texts: [(path: String, text: String)] = []
        for relative in try files(under: root, role: role, limits: limits) where wanted(relative) {
            let path = root + "/" + relative
            guard let bytes = try readRegularFile(path, limit: remaining) else {
                throw PITError(.data, "\(role) '\(root)': more than \(limits.bytes) bytes of files (pit reads at most that much from one folder)")
            }
            remaining -= bytes.count
            texts.append((relative, try text(of: bytes, name: path)))
        }
        return texts
    }
}

/// One walk down a folder of templates, collecting its files' relative paths.
private struct FolderWalk {
    let root: String
    let role: String
    let limits: FileSystem.FolderLimits
    var found: [String] = []

    init(root: String, role: String, limits: FileSystem.FolderLimits) {
        (self.root, self.role, self.limits) = (root, role, limits)
    }

    mutating func collect(_ directory: String, relative: String, depth: Int) throws {
        try FileSystem.forEachEntry(in: directory) { name in
            if name.hasPrefix(".") { return true }
            let path = directory + "/" + name
            let relativePath = relative.isEmpty ? name : relative + "/" + name
            var type = FileSystem.entryType(at: path)
            if type == .symbolicLink {
                type = FileSystem.type(of: path)
                if type == .directory {
                    throw failure("'\(relativePath)' is a symbolic link to a folder (pit follows no link to a folder inside a \(role): copy the folder in, or give it as a folder of its own)")
                }
            }
            switch type {
            case .directory:
                guard depth < limits.depth else {
                    throw failure("'\(relativePath)' is too deep: pit reads at most \(limits.depth) levels of folders")
                }
                try collect(path, relative: relativePath, depth: depth + 1)
            case .file:
                guard found.count < limits.files else {
                    throw failure("more than \(limits.files) files (pit reads at most that many from one folder)")
                }
                found.append(relativePath)
            default: break
            }
            return true
        }
    }

    private func failure(_ problem: String) -> PITError {
        PITError(.data, "\(role) '\(root)': \(problem)")
    }
}
