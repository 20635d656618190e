/// Finds many phrases in folded text in one pass: each position is looked up by its first two
/// bytes in a bitmap, and only the few phrases that start with them are compared. Made once, shared.
struct PhraseMatcher: Sendable {
    struct Phrase: Sendable {
        let bytes: [UInt8]
        let wholeWord: Bool
        /// What the caller knows the phrase by.
        let tag: Int
    }

    private let phrases: [Phrase]
    /// One bit for each first pair of bytes that starts some phrase.
    private let bitmap: [UInt64]
    private let byPair: [UInt16: [Int]]

    init(_ phrases: [Phrase]) {
        self.phrases = phrases
        var bitmap = [UInt64](repeating: 0, count: 1024)
        var byPair: [UInt16: [Int]] = [:]
        for (index, phrase) in phrases.enumerated() where phrase.bytes.count >= 2 {
            let pair = UInt16(phrase.bytes[0]) << 8 | UInt16(phrase.bytes[1])
            bitmap[Int(pair >> 6)] |= 1 << UInt64(pair & 63)
            byPair[pair, default: []].append(index)
        }
        self.bitmap = bitmap
        self.byPair = byPair
    }

    /// Calls `found` with each phrase's tag and range where it occurs at a word boundary.
    func scan(_ text: FoldedText, _ found: (_ tag: Int, _ range: Range<Int>) -> Void) {
        let bytes = text.bytes
        guard bytes.count >= 2 else { return }
        let all = 0..<bytes.count
        for index in 0..<bytes.count - 1 {
            let pair = UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1])
            guard bitmap[Int(pair >> 6)] & (1 << UInt64(pair & 63)) != 0, let candidates = byPair[pair] else { continue }
            for candidate in candidates {
                let phrase = phrases[candidate]
                if text.matches(phrase.bytes, at: index, in: all, wholeWord: phrase.wholeWord) {
                    found(phrase.tag, index..<index + phrase.bytes.count)
                }
            }
        }
    }
}
