#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The few file operations pit needs, on the C library directly (no Foundation: it starts faster).
public enum FileSystem {
    public enum EntryType { case file, directory, missing, other }

    public static func type(of path: String) -> EntryType {
        var info = stat()
        guard stat(path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        default: return .other
        }
    }

    /// The bytes of a file; a missing file is `.noInput`, anything else that fails `.io`.
    public static func readBytes(_ path: String) throws -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            if code == ENOENT || code == ENOTDIR { throw PITError(.noInput, "\(path): no such file") }
            throw PITError(.io, "\(path): cannot read: \(describe(code))")
        }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw PITError(.io, "\(path): cannot read: \(describe(errno))")
            }
            if count == 0 { break }
            bytes += chunk[0..<count]
        }
        return bytes
    }

    /// A file's text, which must be UTF-8.
    public static func readText(_ path: String) throws -> String {
        let bytes = try readBytes(path)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw PITError(.data, "\(path): not UTF-8 text")
        }
        return text
    }

    /// The regular files below `root`, as paths relative to it, sorted; hidden entries skipped.
    public static func files(under root: String) throws -> [String] {
        var found: [String] = []
        try collect(root, relative: "", into: &found)
        return found.sorted()
    }

    private static func collect(_ directory: String, relative: String, into found: inout [String]) throws {
        guard let handle = opendir(directory) else {
            throw PITError(.io, "\(directory): cannot list: \(describe(errno))")
        }
        defer { closedir(handle) }
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name.hasPrefix(".") { continue }
            let path = directory + "/" + name
            let relativePath = relative.isEmpty ? name : relative + "/" + name
            switch type(of: path) {
            case .directory: try collect(path, relative: relativePath, into: &found)
            case .file: found.append(relativePath)
            default: continue
            }
        }
    }

    /// Writes `bytes` to `path` atomically: a temporary file beside it, then a rename, so a reader
    /// sees the old file or the whole new one, never half of it; on failure nothing is left behind.
    public static func writeAtomically(_ bytes: [UInt8], to path: String) throws {
        var template = Array((path + ".pit-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw PITError(.cannotCreate, "\(path): cannot create: \(describe(errno))")
        }
        let temporary = String(cString: template)
        TemporaryFiles.register(temporary)
        defer { TemporaryFiles.unregister(temporary) }
        var written = 0
        var failure: Int32 = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + written, $0.count - written) }
            if count < 0 {
                if errno == EINTR { continue }
                failure = errno
                break
            }
            written += count
        }
        if failure == 0 { fchmod(descriptor, 0o644) }
        if close(descriptor) != 0 && failure == 0 { failure = errno }
        if failure == 0 && rename(temporary, path) != 0 { failure = errno }
        if failure != 0 {
            unlink(temporary)
            throw PITError(.io, "\(path): cannot write: \(describe(failure))")
        }
    }

    /// Writes all of `bytes` to standard output.
    public static func writeStandardOutput(_ bytes: [UInt8]) throws {
        try writeAll(bytes, to: 1, name: "standard output")
    }

    /// Writes `text` to standard error, best effort.
    public static func writeStandardError(_ text: String) {
        _ = try? writeAll(Array(text.utf8), to: 2, name: "standard error")
    }

    public static func isTerminal(_ descriptor: Int32) -> Bool { isatty(descriptor) == 1 }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32, name: String) throws {
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + written, $0.count - written) }
            if count < 0 {
                if errno == EINTR { continue }
                throw PITError(.io, "cannot write to \(name): \(describe(errno))")
            }
            written += count
        }
    }

    public static func environment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    static func describe(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}

/// Temporary files being written, so an interrupted run can remove them before it exits.
public enum TemporaryFiles {
    nonisolated(unsafe) private static var paths: Set<String> = []
    nonisolated(unsafe) private static var lock = pthread_mutex_t()
    nonisolated(unsafe) private static var lockReady: Void = { pthread_mutex_init(&lock, nil) }()

    static func register(_ path: String) {
        _ = lockReady
        pthread_mutex_lock(&lock)
        paths.insert(path)
        pthread_mutex_unlock(&lock)
    }

    static func unregister(_ path: String) {
        _ = lockReady
        pthread_mutex_lock(&lock)
        paths.remove(path)
        pthread_mutex_unlock(&lock)
    }

    /// Removes every temporary file still registered (called on SIGINT and SIGTERM).
    public static func removeAll() {
        _ = lockReady
        pthread_mutex_lock(&lock)
        for path in paths { unlink(path) }
        paths.removeAll()
        pthread_mutex_unlock(&lock)
    }
}
