/// The blocks of the stretches of Markdown (the lines between two blank lines) read before, by
/// their bytes: the drafts of a batch are made of the same paragraphs, headings and lists over
/// and over, and each is read once. Bounded like every memo.
final class MarkdownMemo: Sendable {
    private let stretches: ExactTextMemo<[Document.Block]>

    /// The blocks a document starts with room for: a draft's fit, so they are not moved as it grows.
    static let blockCapacity = 64

    init(capacity: Int = 4096) {
        stretches = ExactTextMemo(capacity: capacity)
    }

    /// The same document as `MarkdownReader.read(markdown)`, each stretch read once.
    func read(_ markdown: [UInt8]) -> Document {
        markdown.withUnsafeBufferPointer { bytes in
            var blocks: [Document.Block] = []
            blocks.reserveCapacity(Self.blockCapacity)
            MarkdownReader.forEachStretch(bytes) { range in
                let stretch = UnsafeBufferPointer(rebasing: bytes[range])
                blocks += stretches.value(bytes: UnsafeRawBufferPointer(stretch)) { MarkdownReader.read(bytes: stretch).blocks }
            }
            return Document(blocks: blocks)
        }
    }
}
