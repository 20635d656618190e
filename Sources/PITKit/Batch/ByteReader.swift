/// Reads a file or standard input in chunks, so batch input streams through in bounded memory.
public final class ByteReader {
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    private let name: String
    // The hot paths read these a byte at a time: a buffer made once (an unsafe pointer, so a byte
    // costs no bounds-and-uniqueness check of an array), and the positions within it.
    private let buffer: UnsafeMutableBufferPointer<UInt8>
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

    /// The next byte without consuming it, or nil at the end of the input.
    @inline(__always)
    public func peek() throws -> UInt8? {
        if start == end, !(try fill()) { return nil }
        return buffer[start]
    }

    /// The next byte, or nil at the end of the input.
    @inline(__always)
    public func next() throws -> UInt8? {
        if start == end, !(try fill()) { return nil }
        let byte = buffer[start]
        start += 1
        return byte
    }

    /// Appends bytes to `output` up to, not including, the next byte that `stops` marks (a table
    /// of 256 flags), or to the end of the input: the fast path through ordinary text.
    public func appendRun(into output: inout [UInt8], stoppingAt stops: [Bool]) throws {
        precondition(stops.count == 256, "a table of 256 flags, one for each byte")
        while true {
            if start == end, !(try fill()) { return }
            var index = start
            // Unsafe for speed: the table has 256 entries, so any byte indexes it, and the loop
            // (every byte of a batch passes through it) needs no bounds check of the array.
            stops.withUnsafeBufferPointer { stops in
                while index < end && !stops[Int(buffer[index])] { index += 1 }
            }
            output += UnsafeBufferPointer(rebasing: buffer[start..<index])
            start = index
            if index < end { return }
        }
    }

    /// Appends bytes up to and including the next `delimiter` (or the end) to `line`, but no more
    /// than `limit` of them (the rest of a longer line is read and dropped); false at the end.
    public func readLine(into line: inout [UInt8], delimiter: UInt8 = UInt8(ascii: "\n"), limit: Int = .max) throws -> Bool {
        var readAny = false
        while true {
            if start == end, !(try fill()) { return readAny }
            readAny = true
            let found = buffer[start..<end].firstIndex(of: delimiter)
            let stop = found.map { $0 + 1 } ?? end
            let room = max(0, limit - line.count)
            line += UnsafeBufferPointer(rebasing: buffer[start..<min(stop, start + room)])
            start = stop
            if found != nil { return true }
        }
    }

    private func fill() throws -> Bool {
        guard !finished else { return false }
        while true {
            let count = read(descriptor, buffer.baseAddress, buffer.count)
            if count < 0 {
                if errno == EINTR { continue }
                throw PITError(.io, "\(name): cannot read: \(FileSystem.describe(errno))")
            }
            if count == 0 {
                finished = true
                return false
            }
            start = 0
            end = count
            return true
        }
    }
}
