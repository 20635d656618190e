/// An output's bytes as chunks written one after another (`FileSystem.writeAtomically`), so that
/// bytes many outputs share — the parts of a .docx package that are the same in every package of
/// a batch — are written from where they are kept instead of being copied into each output.
public struct ByteChunks: Sendable {
    public private(set) var chunks: [[UInt8]] = []
    /// The number of bytes in all.
    public private(set) var count = 0

    public init() {}

    /// One chunk: `bytes`.
    public init(_ bytes: [UInt8]) {
        append(bytes)
    }

    public mutating func append(_ chunk: [UInt8]) {
        chunks.append(chunk)
        count += chunk.count
    }

    public mutating func reserveCapacity(_ chunkCount: Int) {
        chunks.reserveCapacity(chunkCount)
    }

    /// The bytes in one array.
    public var joined: [UInt8] {
        guard chunks.count != 1 else { return chunks[0] }
        return [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            for chunk in chunks {
                chunk.withUnsafeBufferPointer { source in
                    guard let start = source.baseAddress, !source.isEmpty else { return }
                    (buffer.baseAddress! + initialized).initialize(from: start, count: source.count)
                    initialized += source.count
                }
            }
        }
    }

    /// Calls `body` with the bytes of every chunk from `first`, the first `skipping` bytes of
    /// that one left out.
    func withBuffers<Result>(from first: Int, skipping: Int, _ body: (UnsafeBufferPointer<UnsafeRawBufferPointer>) -> Result) -> Result {
        withUnsafeTemporaryAllocation(of: UnsafeRawBufferPointer.self, capacity: chunks.count - first) { buffers in
            chunks.withUnsafeBufferPointer { chunks in
                Self.nest(chunks, from: first, first: first, skipping: skipping, buffers, body)
            }
        }
    }

    /// Each chunk's address holds only inside its own closure: the closures nest, the innermost
    /// calling `body`.
    private static func nest<Result>(_ chunks: UnsafeBufferPointer<[UInt8]>, from index: Int, first: Int, skipping: Int,
                                     _ buffers: UnsafeMutableBufferPointer<UnsafeRawBufferPointer>,
                                     _ body: (UnsafeBufferPointer<UnsafeRawBufferPointer>) -> Result) -> Result {
        guard index < chunks.count else { return body(UnsafeBufferPointer(buffers)) }
        return chunks[index].withUnsafeBytes { bytes in
            buffers.initializeElement(at: index - first, to: index == first ? UnsafeRawBufferPointer(rebasing: bytes[skipping...]) : bytes)
            return nest(chunks, from: index + 1, first: first, skipping: skipping, buffers, body)
        }
    }
}
