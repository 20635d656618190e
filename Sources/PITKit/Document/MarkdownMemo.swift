/// The blocks of the stretches of Markdown (the lines between two blank lines) read before, by
/// their bytes: the drafts of a batch are made of the same paragraphs, headings and lists over
/// and over, and each is read once. Bounded like every memo.
final class MarkdownMemo: Sendable {
    /// Stretches kept at most; when full it starts again.
    private let capacity: Int
    private let stretches = Locked(Stretches())

    init(capacity: Int = 4096) {
        self.capacity = capacity
    }

    /// The same document as `MarkdownReader.read(markdown)`, each stretch read once.
    func read(_ markdown: [UInt8]) -> Document {
        markdown.withUnsafeBufferPointer { bytes in
            // One lock for the whole document: a stretch not known yet is read under it.
            stretches.withLock { stretches in
                var blocks: [Document.Block] = []
                MarkdownReader.forEachStretch(bytes) { range in
                    blocks += stretches.blocks(of: UnsafeBufferPointer(rebasing: bytes[range]), capacity: capacity)
                }
                return Document(blocks: blocks)
            }
        }
    }

    /// The stretches read, by a digest of their bytes (`ExactBytes.digest`): a stretch is looked
    /// up without copying it, and compared byte for byte with those of the same digest.
    private struct Stretches {
        private var byDigest: [UInt64: [(bytes: [UInt8], blocks: [Document.Block])]] = [:]
        private var count = 0

        mutating func blocks(of stretch: UnsafeBufferPointer<UInt8>, capacity: Int) -> [Document.Block] {
            let digest = ExactBytes.digest(UnsafeRawBufferPointer(stretch))
            for known in byDigest[digest] ?? [] where known.bytes.count == stretch.count {
                if stretch.isEmpty || known.bytes.withUnsafeBufferPointer({ memcmp($0.baseAddress!, stretch.baseAddress!, stretch.count) }) == 0 {
                    return known.blocks
                }
            }
            let blocks = MarkdownReader.read(bytes: stretch).blocks
            if count >= capacity {
                byDigest.removeAll()
                count = 0
            }
            byDigest[digest, default: []].append((Array(stretch), blocks))
            count += 1
            return blocks
        }
    }
}
