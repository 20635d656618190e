/// The few file operations pit needs, on the C library directly (no Foundation: it starts faster).
public enum FileSystem {
    /// What a path names; `other` is a pipe, a device or a socket.
    public enum EntryType { case file, directory, symbolicLink, missing, other }

    /// What is at `path`, following symbolic links to what they name (so never `.symbolicLink`;
    /// a link to nothing is `.missing`).
    public static func type(of path: String) -> EntryType {
        var info = stat()
        guard stat(path, &info) == 0 else { return .missing }
        return entryType(info.st_mode)
    }

    /// What is at `path` itself: a symbolic link is `.symbolicLink`, whatever it names.
    public static func entryType(at path: String) -> EntryType {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .missing }
        return entryType(info.st_mode)
    }

    private static func entryType(_ mode: mode_t) -> EntryType {
        switch mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        case S_IFLNK: return .symbolicLink
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

    /// The bytes of the regular file at `path` (a link to one is read as the file), or nil when
    /// it holds more than `limit` bytes; anything else there (a pipe, a device) is refused
    /// without waiting on it.
    static func readRegularFile(_ path: String, limit: Int) throws -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw PITError(.io, "\(path): cannot read: \(describe(errno))") }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw PITError(.io, "\(path): cannot read: \(describe(errno))") }
        guard entryType(info.st_mode) == .file else { throw PITError(.io, "\(path): cannot read: not a regular file") }
        let bytes = try readAll(descriptor, name: path, limit: limit)
        return bytes.count > limit ? nil : bytes
    }

    /// What a command reads from `path`, where `-` is standard input (named `stdin` in messages).
    public static func readInput(_ path: String) throws -> (bytes: [UInt8], name: String) {
        path == "-" ? (try readAll(0, name: "stdin"), "stdin") : (try readBytes(path), path)
    }

    /// All of standard input, which must be at most `limit` bytes.
    public static func readStandardInput(limit: Int) throws -> [UInt8] {
        let bytes = try readAll(0, name: "stdin", limit: limit)
        if bytes.count > limit { throw PITError.data("stdin: more than \(limit >> 20) MiB; give a file instead") }
        return bytes
    }

    /// Everything `descriptor` reads until its end, or the first chunk that takes it past `limit`.
    private static func readAll(_ descriptor: Int32, name: String, limit: Int = .max) throws -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while bytes.count <= limit {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw PITError(.io, "\(name): cannot read: \(describe(errno))")
            }
            if count == 0 { break }
            bytes += chunk[0..<count]
        }
        return bytes
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

    /// Calls `body` with the name of each entry of a folder (not `.` or `..`) until it returns false.
    static func forEachEntry(in directory: String, _ body: (String) throws -> Bool) throws {
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
    /// With `replacing` false an existing file is an error and stays as it was. Only a regular
    /// file is ever replaced (see `checkWritable`).
    public static func writeAtomically(_ bytes: [UInt8], to path: String, replacing: Bool = true) throws {
        try writeAtomically(ByteChunks(bytes), to: path, replacing: replacing)
    }

    /// Writes the chunks to `path` atomically, one after another, as `writeAtomically(_:to:replacing:)`.
    public static func writeAtomically(_ bytes: ByteChunks, to path: String, replacing: Bool = true) throws {
        // Replacing, what is there is looked at first and last; not replacing, the link that
        // puts the file in place refuses whatever is there.
        if replacing { try checkWritable(path, replacing: replacing) }
        let (temporary, slot, descriptor) = TemporaryFiles.create(beside: path)
        guard descriptor >= 0 else {
            throw PITError(.cannotCreate, "\(path): cannot create: \(describe(errno))")
        }
        defer {
            _ = TemporaryFiles.withCPath(temporary) { unlink($0) }
            TemporaryFiles.release(slot)
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
                // Again at the last moment: something else may have been put there meanwhile.
                try checkWritable(path, replacing: replacing)
                if TemporaryFiles.withCPath(temporary, { from in path.withCString { rename(from, $0) } }) != 0 { failure = errno }
            } else if TemporaryFiles.withCPath(temporary, { from in path.withCString { link(from, $0) } }) != 0 {
                // Not replacing, the link itself refuses anything there: say what it is.
                failure = errno
                if failure == EEXIST { try checkWritable(path, replacing: replacing) }
            }
        }
        if failure == EEXIST { throw alreadyExists(path) }
        if failure != 0 {
            throw PITError(.io, "\(path): cannot write: \(describe(failure))")
        }
    }

    /// Fails (as output that cannot be created) unless `writeAtomically` may write `path`: nothing
    /// is there, or a regular file and `replacing`. A symbolic link, a folder, a pipe, a device or
    /// a socket is never replaced, `replacing` or not: the rename would put a regular file in its
    /// place (a link would lose what it points to, `/dev/stdout` would stop being the output).
    public static func checkWritable(_ path: String, replacing: Bool) throws {
        switch entryType(at: path) {
        case .missing: return
        case .file:
            if replacing { return }
            throw alreadyExists(path)
        case .symbolicLink:
            throw PITError(.cannotCreate, "\(path): is a symbolic link; pit neither replaces a link nor writes through one (name the file it points to)")
        case .directory:
            throw PITError(.cannotCreate, "\(path): is a folder, not a file")
        case .other:
            throw PITError(.cannotCreate, "\(path): is a pipe, a device or a socket; pit writes only regular files")
        }
    }

    private static func alreadyExists(_ path: String) -> PITError {
        PITError(.cannotCreate, "\(path): already exists (use --overwrite to replace it)")
    }

    /// Creates a folder and any missing parents; a file (or anything but a folder) where one of
    /// them should be is an error.
    public static func createFolder(_ path: String) throws {
        if type(of: path) == .directory { return }
        var partial = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            partial += component
            if type(of: partial) != .directory, mkdir(partial, 0o755) != 0 {
                let code = errno
                guard code == EEXIST else {
                    throw PITError(.cannotCreate, "\(path): cannot create the folder: \(describe(code))")
                }
                if type(of: partial) != .directory {
                    throw PITError(.cannotCreate, "\(path): cannot create the folder: '\(partial)' exists and is not a folder")
                }
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

    /// Writes all the chunks, in as few calls as the system allows.
    private static func writeAll(_ bytes: ByteChunks, to descriptor: Int32, name: String) throws {
        var chunk = 0, skipping = 0  // the first byte not yet written
        while chunk < bytes.chunks.count {
            let count = bytes.withBuffers(from: chunk, skipping: skipping) { Platform.writeGathered(descriptor, $0) }
            if count < 0 {
                if errno == EINTR { continue }
                throw PITError(.io, "cannot write to \(name): \(describe(errno))")
            }
            skipping += count
            while chunk < bytes.chunks.count && skipping >= bytes.chunks[chunk].count {
                skipping -= bytes.chunks[chunk].count
                chunk += 1
            }
        }
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32, name: String) throws {
        try writeAll(ByteChunks(bytes), to: descriptor, name: name)
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
/// `watchForInterrupts`), never inside a signal handler, so it can take the lock safely.
public enum TemporaryFiles {
    private struct State {
        var next = 0
        /// The files created and not yet released (their paths, as `create` gives them), each in
        /// a slot of its own (nil: a free slot, its index in `freeSlots`).
        var live: [[UInt8]?] = []
        var freeSlots: [Int] = []
        /// Files whose names are reserved and which are being created.
        var creating = 0
        /// Set by `removeAll`: the run is ending.
        var ended = false
    }

    private static let state = Locked(State())
    /// What follows the path in every temporary name before its number: this process's id (asked
    /// once, not for every file).
    private static let nameMiddle = Array(".pit-\(getpid())-".utf8)

    /// Creates a new file beside `path` for writing: its path (UTF-8 with a NUL at the end, see
    /// `withCPath`), its slot (to `release` it by), and its descriptor (negative when it cannot
    /// be created, with `errno` saying why, and no slot taken). Once `removeAll` has run, the run is ending: the
    /// calling thread waits for the exit instead.
    static func create(beside path: String) -> (name: [UInt8], slot: Int, descriptor: Int32) {
        watchForInterrupts()
        let reserved = state.withLock { state -> Int? in
            guard !state.ended else { return nil }
            state.next += 1
            state.creating += 1
            return state.next
        }
        guard let number = reserved else { waitForExit() }
        let name = temporaryName(beside: path, number: number)
        let descriptor = withCPath(name) { open($0, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644) }
        let code = errno
        let (slot, ended) = state.withLock { state -> (Int, Bool) in
            var slot = -1
            if descriptor >= 0 {
                if let free = state.freeSlots.popLast() {
                    slot = free
                    state.live[slot] = name
                } else {
                    slot = state.live.count
                    state.live.append(name)
                }
            }
            state.creating -= 1
            return (slot, state.ended)
        }
        if ended { waitForExit() }
        errno = code
        return (name, slot, descriptor)
    }

    /// `path`, `nameMiddle`, `number` in decimal, `.tmp` and a NUL: made at its size in one go.
    private static func temporaryName(beside path: String, number: Int) -> [UInt8] {
        var digits = 1
        var power = 10
        while power <= number { digits += 1; power &*= 10 }
        var path = path
        return path.withUTF8 { path in
            nameMiddle.withUnsafeBufferPointer { middle in
                let ending: StaticString = ".tmp\0"
                let count = path.count + middle.count + digits + ending.utf8CodeUnitCount
                return [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
                    var at = buffer.baseAddress!
                    if let start = path.baseAddress { at.initialize(from: start, count: path.count) }
                    at += path.count
                    at.initialize(from: middle.baseAddress!, count: middle.count)
                    at += middle.count
                    var rest = number
                    for place in (0..<digits).reversed() {
                        at[place] = UInt8(ascii: "0") + UInt8(rest % 10)
                        rest /= 10
                    }
                    at += digits
                    at.initialize(from: ending.utf8Start, count: ending.utf8CodeUnitCount)
                    initialized = count
                }
            }
        }
    }

    /// Forgets the file `create` put in `slot`, once it is removed or renamed.
    static func release(_ slot: Int) {
        state.withLock { state in
            guard slot < state.live.count else { return }  // `removeAll` has removed them all
            state.live[slot] = nil
            state.freeSlots.append(slot)
        }
    }

    /// Calls `body` with a path `create` made, as a C string.
    static func withCPath<Result>(_ path: [UInt8], _ body: (UnsafePointer<CChar>) -> Result) -> Result {
        path.withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { body($0.baseAddress!) } }
    }

    /// Stops more temporary files being started, waits for those being created, and removes
    /// every one that exists.
    public static func removeAll() {
        state.withLock { $0.ended = true }
        while state.withLock({ $0.creating }) > 0 { usleep(1000) }
        state.withLock { state in
            for case let path? in state.live { _ = withCPath(path) { unlink($0) } }
            state.live.removeAll()
            state.freeSlots.removeAll()
        }
    }

    /// The run is ending on another thread (`removeAll`, then the exit): this one waits for it.
    private static func waitForExit() -> Never {
        while true { pause() }
    }

    /// Makes sure the signals that interrupt a run (`interruptSignals`) are handled: the first
    /// call blocks them in the calling thread, and so in every thread started after it, and waits
    /// for them on a thread of its own, which removes the temporary files and exits with 128 +
    /// the signal. Called before the first temporary file is reserved (`create`) and before any
    /// worker thread is started (`ParallelWork`), so a run that writes no file and starts no
    /// thread (a draft to standard output, `pit list`) keeps the signals' usual actions and
    /// starts no thread for them.
    static func watchForInterrupts() {
        _ = interruptWatch
    }

    /// Made once, by the first `watchForInterrupts` (a static is made once, whichever thread
    /// comes first).
    private static let interruptWatch: Void = {
        var signals = interruptSignalSet()
        pthread_sigmask(SIG_BLOCK, &signals, nil)
        // The thread waits until the process ends, so it is never joined.
        _ = PlatformThread {
            var signals = TemporaryFiles.interruptSignalSet()
            var received: Int32 = 0
            sigwait(&signals, &received)
            TemporaryFiles.removeAll()
            _exit(128 + received)
        }
    }()

    /// The signals that interrupt a run: SIGINT (Ctrl-C), SIGTERM (`kill`) and SIGHUP (the
    /// terminal closed), but any pit was started with ignored (`nohup` ignores SIGHUP, a shell
    /// ignores SIGINT in a background job): that one stays ignored. Found once, at the first use.
    static let interruptSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP].filter { number in
        // `signal` tells the current action only by replacing it (it is put back at once); the
        // layout of `sigaction`, which can just ask, differs between C libraries.
        let previous = signal(number, SIG_IGN)
        let ignored = unsafeBitCast(previous, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
        if !ignored { signal(number, previous) }
        return !ignored
    }

    private static func interruptSignalSet() -> sigset_t {
        var signals = sigset_t()
        sigemptyset(&signals)
        for signal in interruptSignals { sigaddset(&signals, signal) }
        return signals
    }
}
