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
        return try readAll(descriptor, name: path)
    }

    /// What a command reads from `path`, where `-` is standard input (named `stdin` in messages).
    public static func readInput(_ path: String) throws -> (bytes: [UInt8], name: String) {
        path == "-" ? (try readAll(0, name: "stdin"), "stdin") : (try readBytes(path), path)
    }

    /// All of standard input, which must be at most `limit` bytes.
    public static func readStandardInput(limit: Int) throws -> [UInt8] {
        try readAll(0, name: "stdin", limit: limit)
    }

    private static func readAll(_ descriptor: Int32, name: String, limit: Int = .max) throws -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw PITError(.io, "\(name): cannot read: \(describe(errno))")
            }
            if count == 0 { break }
            bytes += chunk[0..<count]
            if bytes.count > limit { throw PITError.data("\(name): more than \(limit >> 20) MiB; give a file instead") }
        }
        return bytes
    }

    /// A file's text, which must be UTF-8 (a leading byte-order mark is dropped).
    public static func readText(_ path: String) throws -> String {
        try text(of: readBytes(path), name: path)
    }

    /// `bytes` as text, without a leading byte-order mark; `name` says where they came from when
    /// they are not UTF-8, with the line and column of the first byte that is not.
    public static func text(of bytes: [UInt8], name: String) throws -> String {
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes[3...] : bytes[...]
        if let text = String.validatingUTF8(body) { return text }
        let offset = firstInvalidUTF8(body)
        throw PITError(.data, "\(name):\(TextPosition(offset: offset, in: body).description): not UTF-8 text")
    }

    /// The offset, from the start of `bytes`, of the first byte that does not begin valid UTF-8.
    static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while case .scalarValue(let scalar) = decoder.decode(&iterator) {
            offset += UTF8.width(scalar)
        }
        return offset
    }

    /// Fails (as missing input) unless `path` is a folder; `role` names it: "template folder 'x' does not exist".
    public static func requireFolder(_ path: String, _ role: String) throws {
        switch type(of: path) {
        case .directory: return
        case .missing: throw PITError(.noInput, "\(role) '\(path)' does not exist")
        default: throw PITError(.noInput, "\(role) '\(path)' is not a folder")
        }
    }

    /// A folder's path without a trailing `/` (but `/` stays `/`), to join names onto.
    public static func withoutTrailingSlash(_ path: String) -> String {
        path.hasSuffix("/") && path.count > 1 ? String(path.dropLast()) : path
    }

    /// Whether the folder at `path` holds nothing at all, hidden entries included.
    public static func isEmptyFolder(_ path: String) throws -> Bool {
        var empty = true
        try forEachEntry(in: path) { _ in
            empty = false
            return false
        }
        return empty
    }

    /// The regular files below `root`, as paths relative to it, sorted; hidden entries skipped.
    public static func files(under root: String) throws -> [String] {
        var found: [String] = []
        try collect(root, relative: "", into: &found)
        return found.sorted()
    }

    private static func collect(_ directory: String, relative: String, into found: inout [String]) throws {
        try forEachEntry(in: directory) { name in
            if name.hasPrefix(".") { return true }
            let path = directory + "/" + name
            let relativePath = relative.isEmpty ? name : relative + "/" + name
            switch type(of: path) {
            case .directory: try collect(path, relative: relativePath, into: &found)
            case .file: found.append(relativePath)
            default: break
            }
            return true
        }
    }

    /// Calls `body` with the name of each entry of a folder (not `.` or `..`) until it returns false.
    private static func forEachEntry(in directory: String, _ body: (String) throws -> Bool) throws {
        guard let handle = opendir(directory) else {
            throw PITError(.io, "\(directory): cannot list: \(describe(errno))")
        }
        defer { closedir(handle) }
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            if try !body(name) { return }
        }
    }

    /// Writes `bytes` to `path` atomically: a temporary file beside it, then a rename, so a reader
    /// sees the old file or the whole new one, never half of it; on failure nothing is left behind.
    /// With `replacing` false an existing file is an error and stays as it was.
    public static func writeAtomically(_ bytes: [UInt8], to path: String, replacing: Bool = true) throws {
        let (temporary, descriptor) = TemporaryFiles.create(beside: path)
        defer { TemporaryFiles.release(temporary) }
        guard descriptor >= 0 else {
            throw PITError(.cannotCreate, "\(path): cannot create: \(describe(errno))")
        }
        var failure: Int32 = 0
        do {
            try writeAll(bytes, to: descriptor, name: path)
        } catch {
            failure = errno == 0 ? EIO : errno
        }
        if close(descriptor) != 0 && failure == 0 { failure = errno }
        if failure == 0 {
            if replacing {
                if rename(temporary, path) != 0 { failure = errno }
            } else if link(temporary, path) != 0 {
                failure = errno
            }
        }
        unlink(temporary)
        if failure == EEXIST {
            throw PITError(.cannotCreate, "\(path): already exists (use --overwrite to replace it)")
        }
        if failure != 0 {
            throw PITError(.io, "\(path): cannot write: \(describe(failure))")
        }
    }

    /// Creates a folder and any missing parents.
    public static func createFolder(_ path: String) throws {
        if type(of: path) == .directory { return }
        var partial = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            partial += component
            if type(of: partial) != .directory, mkdir(partial, 0o755) != 0, errno != EEXIST {
                throw PITError(.cannotCreate, "\(path): cannot create the folder: \(describe(errno))")
            }
            partial += "/"
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
///
/// A temporary file is known from just before it is created; the interrupt (`removeAll`) stops
/// any more being started, waits for those being created, and removes them all, so none is left
/// however the threads and the interrupt fall. Files are created outside the lock, so threads
/// do not wait on one another. The interrupt is handled on a thread of its own (see
/// `installInterruptHandler`), never inside a signal handler, so it can take the lock safely.
public enum TemporaryFiles {
    private struct State {
        var next = 0
        var live: Set<String> = []
        /// Files whose names are reserved and which are being created.
        var creating = 0
        /// Set by `removeAll`: the run is ending.
        var ended = false
    }

    private static let state = Locked(State())

    /// Creates a new file beside `path` for writing: its name, and its descriptor (negative when
    /// it cannot be created, with `errno` saying why). Once `removeAll` has run, the run is ending:
    /// the calling thread waits for the exit instead.
    static func create(beside path: String) -> (name: String, descriptor: Int32) {
        let reserved = state.withLock { state -> String? in
            guard !state.ended else { return nil }
            state.next += 1
            state.creating += 1
            return "\(path).pit-\(getpid())-\(state.next).tmp"
        }
        guard let name = reserved else { waitForExit() }
        let descriptor = open(name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        let code = errno
        let ended = state.withLock { state -> Bool in
            if descriptor >= 0 { state.live.insert(name) }
            state.creating -= 1
            return state.ended
        }
        if ended { waitForExit() }
        errno = code
        return (name, descriptor)
    }

    static func release(_ path: String) {
        state.withLock { _ = $0.live.remove(path) }
    }

    /// Stops more temporary files being started, waits for those being created, and removes
    /// every one that exists.
    public static func removeAll() {
        state.withLock { $0.ended = true }
        while state.withLock({ $0.creating }) > 0 { usleep(1000) }
        state.withLock { state in
            for path in state.live { unlink(path) }
            state.live.removeAll()
        }
    }

    /// The run is ending on another thread (`removeAll`, then the exit): this one waits for it.
    private static func waitForExit() -> Never {
        while true { pause() }
    }

    /// Blocks SIGINT and SIGTERM in every thread and waits for them on a thread of its own, which
    /// removes the temporary files and exits with 128 + the signal. Call once, before any thread.
    public static func installInterruptHandler() {
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGINT)
        sigaddset(&signals, SIGTERM)
        pthread_sigmask(SIG_BLOCK, &signals, nil)
        var thread = pthread_t()
        pthread_create(&thread, nil, { _ in
            var signals = sigset_t()
            sigemptyset(&signals)
            sigaddset(&signals, SIGINT)
            sigaddset(&signals, SIGTERM)
            var received: Int32 = 0
            sigwait(&signals, &received)
            TemporaryFiles.removeAll()
            _exit(128 + received)
        }, nil)
    }
}
