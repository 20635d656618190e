/// Reads a file or standard input in chunks, so batch input streams through in bounded memory.
public final class ByteReader {
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    private let name: String
    // The bytes read and not yet consumed are `buffer[start..<end]` (an unsafe pointer, so that a
    // scan over them costs no bounds-and-uniqueness check of an array).
    private var buffer: UnsafeMutableBufferPointer<UInt8>
    private var start = 0
    private var end = 0
    private var finished = false
    /// Whether the whole input is in `buffer` (standard input read whole), so rewinding is free.
    private let inMemory: Bool

    /// Reads the file at `path`, or standard input when `path` is `-`.
    public init(path: String, chunkSize: Int = 1 << 16) throws {
        if path == "-" {
            descriptor = 0
            ownsDescriptor = false
            name = "standard input"
        } else {
            if FileSystem.type(of: path) == .directory { throw PITError(.noInput, "\(path): is a folder, not a file") }
            descriptor = open(path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else {
                let code = errno
                throw PITError(code == ENOENT || code == ENOTDIR ? .noInput : .io,
                               "\(path): \(code == ENOENT || code == ENOTDIR ? "no such file" : "cannot read: \(FileSystem.describe(code))")")
            }
            ownsDescriptor = true
            name = path
        }
        buffer = .allocate(capacity: chunkSize)
        inMemory = false
    }

    /// Reads `bytes` from memory (standard input read whole, so that it can be read twice:
    /// checked, then drafted); `name` names it in errors.
    public init(bytes: [UInt8], name: String) {
        descriptor = -1
        ownsDescriptor = false
        self.name = name
        buffer = .allocate(capacity: max(1, bytes.count))
        _ = buffer.initialize(from: bytes)
        end = bytes.count
        finished = true
        inMemory = true
    }

    /// The first bytes of the input (at most `count`), without consuming them; for an input in
    /// memory only (a file's kind comes from its name).
    public func prefix(_ count: Int) -> [UInt8] {
        inMemory ? Array(buffer[start..<min(end, start + count)]) : []
    }

    /// Goes back to the first byte, to read the input again.
    public func rewind() throws {
        start = 0
        guard !inMemory else { return }
        guard lseek(descriptor, 0, SEEK_SET) == 0 else {
            throw PITError(.io, "\(name): cannot read it again: \(FileSystem.describe(errno))")
        }
        end = 0
        finished = false
    }

    deinit {
        if ownsDescriptor { close(descriptor) }
        buffer.deallocate()
    }

    /// The bytes read and not yet consumed (valid until the reader is next used).
    public var unread: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: buffer[start..<end])
    }

    /// Consumes the first `count` bytes of `unread`.
    public func consume(_ count: Int) {
        precondition(count <= end - start, "consuming bytes not read")
        start += count
    }

    /// Reads more input after the unread bytes, which move to the front of the buffer (the
    /// buffer doubles when they fill it: a record longer than a chunk); false at the end.
    public func readMore() throws -> Bool {
        guard !finished else { return false }
        if start > 0 {
            let unreadCount = end - start
            if unreadCount > 0 { buffer.baseAddress!.update(from: buffer.baseAddress! + start, count: unreadCount) }
            start = 0
            end = unreadCount
        }
        if end == buffer.count {
            let larger = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: buffer.count * 2)
            larger.baseAddress!.initialize(from: buffer.baseAddress!, count: end)
            buffer.deallocate()
            buffer = larger
        }
        while true {
            let count = read(descriptor, buffer.baseAddress! + end, buffer.count - end)
            if count < 0 {
                if errno == EINTR { continue }
                throw PITError(.io, "\(name): cannot read: \(FileSystem.describe(errno))")
            }
            if count == 0 {
                finished = true
                return false
            }
            end += count
            return true
        }
    }

    /// Appends bytes up to and including the next `delimiter` (or the end) to `line`, but no more
    /// than `limit` of them (the rest of a longer line is read and dropped); false at the end.
    public func readLine(into line: inout [UInt8], delimiter: UInt8 = UInt8(ascii: "\n"), limit: Int = .max) throws -> Bool {
        var readAny = false
        while true {
            if start == end, !(try readMore()) { return readAny }
            readAny = true
            let found = memchr(buffer.baseAddress! + start, Int32(delimiter), end - start).map {
                buffer.baseAddress!.distance(to: $0.assumingMemoryBound(to: UInt8.self))
            }
            let stop = found.map { $0 + 1 } ?? end
            let room = max(0, limit - line.count)
            line += UnsafeBufferPointer(rebasing: buffer[start..<min(stop, start + room)])
            start = stop
            if found != nil { return true }
        }
    }
}
