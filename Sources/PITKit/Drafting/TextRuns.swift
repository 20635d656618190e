/// The runs of text between the placeholders of a batch's shapes, each kept once. Shapes that
/// differ only in a list or an outcome share most of their text, and a batch keeps hundreds of
/// shapes: kept once, their text takes a fraction of the memory, and the runs the rows copy stay
/// in the processor's caches.
///
/// A run is stored in blocks that are never moved or freed while the store lives, so a shape's
/// text holds the address of each of its runs and a reference to the store that keeps them.
final class TextRuns: @unchecked Sendable {
    /// A run by its bytes: where they are (a stored run, or one looked up), how many, and their digest.
    private struct Key: Hashable {
        let start: UnsafeRawPointer
        let count: Int
        let digest: UInt64

        func hash(into hasher: inout Hasher) {
            hasher.combine(digest)
        }

        static func == (left: Key, right: Key) -> Bool {
            left.digest == right.digest && left.count == right.count && memcmp(left.start, right.start, left.count) == 0
        }
    }

    /// Bytes stored in all.
    private(set) var size = 0
    private var runs: [Key: UnsafePointer<UInt8>] = [:]
    private var blocks: [UnsafeMutableRawPointer] = []
    /// Where the next run goes in the last block, and the room left there.
    private var next: UnsafeMutableRawPointer?
    private var room = 0
    private let lock = PlatformLock()
    private static let blockSize = 1 << 16

    init() {}

    deinit {
        for block in blocks { block.deallocate() }
    }

    /// The stored copy of `run`, which must not be empty: the one stored before when there is one.
    func keep(_ run: UnsafeBufferPointer<UInt8>) -> UnsafePointer<UInt8> {
        lock.acquire()
        defer { lock.release() }
        let bytes = UnsafeRawBufferPointer(run)
        let probe = Key(start: bytes.baseAddress!, count: bytes.count, digest: ExactBytes.digest(bytes))
        if let kept = runs[probe] { return kept }
        if bytes.count > room {
            let block = UnsafeMutableRawPointer.allocate(byteCount: max(Self.blockSize, bytes.count), alignment: 8)
            blocks.append(block)
            (next, room) = (block, max(Self.blockSize, bytes.count))
        }
        let stored = next!
        stored.copyMemory(from: bytes.baseAddress!, byteCount: bytes.count)
        (next, room) = (stored + bytes.count, room - bytes.count)
        size += bytes.count
        let kept = UnsafePointer(stored.assumingMemoryBound(to: UInt8.self))
        runs[Key(start: stored, count: bytes.count, digest: probe.digest)] = kept
        return kept
    }
}
