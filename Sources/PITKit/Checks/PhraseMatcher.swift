/// Finds many phrases in folded text in one pass: each position's first two bytes are looked up
/// in a bitmap, then in a small open-addressed table of the pairs that start some phrase, and
/// only the few phrases that start with them are compared. Made once, shared.
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
    /// The table of first pairs: each slot holds a pair plus one (0: empty) and where its
    /// phrases' indices start and end in `candidates`.
    private let slots: [UInt32]
    private let candidates: [Int]
    /// One bit for each hash of the first three bytes of a phrase of three or more: most pairs
    /// that start a phrase start many ordinary words too ("in" of "information is held").
    private let triples: [UInt64]
    /// Each phrase as eight-byte words compared without case (`Chunk`), for `Tables.mayStart`:
    /// phrase `i`'s are `chunks[chunkStarts[i]..<chunkStarts[i + 1]]`.
    private let chunks: [Chunk]
    private let chunkStarts: [Int]
    fileprivate static let slotCount = 512

    /// Eight bytes of a phrase from `offset`, as one little-endian word: a text's eight bytes
    /// there, with `caseBits` set (0x20 in each letter's byte) and only `kept` bytes kept, are
    /// the phrase's when they equal `word`. A phrase of eight bytes or more is its whole words
    /// and, when its length is not a multiple of eight, its last eight bytes; a shorter one is
    /// one word that keeps only its own bytes.
    fileprivate struct Chunk {
        let offset: Int
        let word: UInt64
        let caseBits: UInt64
        let kept: UInt64

        static func of(_ phrase: [UInt8]) -> [Chunk] {
            func chunk(_ offset: Int) -> Chunk {
                var word: UInt64 = 0, caseBits: UInt64 = 0, kept: UInt64 = 0
                for (position, byte) in phrase[offset..<min(phrase.count, offset + 8)].enumerated() {
                    let shift = UInt64(position * 8)
                    word |= UInt64(byte) << shift
                    if byte >= 0x61 && byte <= 0x7A { caseBits |= 0x20 << shift }
                    kept |= 0xFF << shift
                }
                return Chunk(offset: offset, word: word, caseBits: caseBits, kept: kept)
            }
            guard phrase.count >= 8 else { return [chunk(0)] }
            var chunks = stride(from: 0, to: phrase.count - 7, by: 8).map(chunk)
            if phrase.count % 8 != 0 { chunks.append(chunk(phrase.count - 8)) }
            return chunks
        }
    }

    init(_ phrases: [Phrase]) {
        self.phrases = phrases
        var bitmap = [UInt64](repeating: 0, count: 1024)
        var byPair: [UInt16: [Int]] = [:]
        for (index, phrase) in phrases.enumerated() where phrase.bytes.count >= 2 {
            let pair = UInt16(phrase.bytes[0]) << 8 | UInt16(phrase.bytes[1])
            bitmap[Int(pair >> 6)] |= 1 << UInt64(pair & 63)
            byPair[pair, default: []].append(index)
        }
        precondition(byPair.count < Self.slotCount / 2, "too many phrases for the table")
        var slots = [UInt32](repeating: 0, count: Self.slotCount * 2)
        var candidates: [Int] = []
        for (pair, indices) in byPair.sorted(by: { $0.key < $1.key }) {
            var slot = Self.slot(pair)
            while slots[slot * 2] != 0 { slot = (slot + 1) & (Self.slotCount - 1) }
            slots[slot * 2] = UInt32(pair) + 1
            slots[slot * 2 + 1] = UInt32(candidates.count) << 16 | UInt32(candidates.count + indices.count)
            candidates += indices
        }
        var triples = [UInt64](repeating: 0, count: 1024)
        for phrase in phrases where phrase.bytes.count >= 3 {
            let hash = Self.triple(phrase.bytes[0], phrase.bytes[1], phrase.bytes[2])
            triples[hash >> 6] |= 1 << UInt64(hash & 63)
        }
        self.bitmap = bitmap
        self.slots = slots
        self.candidates = candidates
        self.triples = triples
        var chunks: [Chunk] = [], chunkStarts: [Int] = []
        for phrase in phrases {
            chunkStarts.append(chunks.count)
            chunks += Chunk.of(phrase.bytes)
        }
        chunkStarts.append(chunks.count)
        self.chunks = chunks
        self.chunkStarts = chunkStarts
    }

    @inline(__always)
    fileprivate static func triple(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> Int {
        Int((UInt32(a) << 16 | UInt32(b) << 8 | UInt32(c)) &* 0x9E37_79B1 >> 16) & 0xFFFF
    }

    @inline(__always)
    fileprivate static func slot(_ pair: UInt16) -> Int { Int((UInt32(pair) &* 0x9E37) >> 7) & (slotCount - 1) }

    /// The phrases (indices) that start with `pair`, or an empty range.
    @inline(__always)
    private func phrases(startingWith pair: UInt16, slots: UnsafeBufferPointer<UInt32>) -> Range<Int> {
        var slot = Self.slot(pair)
        while true {
            let held = slots[slot * 2]
            if held == 0 { return 0..<0 }
            if held == UInt32(pair) + 1 {
                let span = slots[slot * 2 + 1]
                return Int(span >> 16)..<Int(span & 0xFFFF)
            }
            slot = (slot + 1) & (Self.slotCount - 1)
        }
    }

    /// Calls `found` with each phrase's tag and range where it occurs at a word boundary.
    func scan(_ text: FoldedText, _ found: (_ tag: Int, _ range: Range<Int>) -> Void) {
        let bytes = text.bytes
        guard bytes.count >= 2 else { return }
        let all = 0..<bytes.count
        bitmap.withUnsafeBufferPointer { bitmap in
            slots.withUnsafeBufferPointer { slots in
                for index in 0..<bytes.count - 1 {
                    let pair = UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1])
                    guard bitmap[Int(pair >> 6)] & (1 << UInt64(pair & 63)) != 0 else { continue }
                    for candidate in candidates[phrases(startingWith: pair, slots: slots)] {
                        let phrase = phrases[candidate]
                        if text.matches(phrase.bytes, at: index, in: all, wholeWord: phrase.wholeWord) {
                            found(phrase.tag, index..<index + phrase.bytes.count)
                        }
                    }
                }
            }
        }
    }

    /// The matcher's tables as pointers, for a quick test that looks at many places of a text
    /// (`mayStart`) without touching the arrays each time.
    struct Tables {
        fileprivate let bitmap: UnsafeBufferPointer<UInt64>
        fileprivate let slots: UnsafeBufferPointer<UInt32>
        fileprivate let candidates: UnsafeBufferPointer<Int>
        fileprivate let phrases: UnsafeBufferPointer<Phrase>
        fileprivate let triples: UnsafeBufferPointer<UInt64>
        fileprivate let chunks: UnsafeBufferPointer<Chunk>
        fileprivate let chunkStarts: UnsafeBufferPointer<Int>

        /// Whether some phrase starts at `index` of ASCII `bytes`, compared without case.
        @inline(__always)
        func mayStart(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            guard index + 1 < bytes.count else { return false }
            let first = PhraseMatcher.lower(bytes[index]), second = PhraseMatcher.lower(bytes[index + 1])
            let pair = UInt16(first) << 8 | UInt16(second)
            guard bitmap[Int(pair >> 6)] & (1 << UInt64(pair & 63)) != 0 else { return false }
            // Two-byte phrases ("{{") pass on their pair; longer ones need their first three bytes.
            if index + 2 < bytes.count, first != UInt8(ascii: "{"), first != UInt8(ascii: "}") {
                let hash = PhraseMatcher.triple(first, second, PhraseMatcher.lower(bytes[index + 2]))
                guard triples[hash >> 6] & (1 << UInt64(hash & 63)) != 0 else { return false }
            }
            var slot = PhraseMatcher.slot(pair)
            while slots[slot * 2] != UInt32(pair) + 1 {
                if slots[slot * 2] == 0 { return false }
                slot = (slot + 1) & (PhraseMatcher.slotCount - 1)
            }
            let span = slots[slot * 2 + 1]
            for candidate in Int(span >> 16)..<Int(span & 0xFFFF) where matches(candidates[candidate], at: index, in: bytes) { return true }
            return false
        }

        /// Whether phrase `phrase` is at `index` of `bytes`, compared without case: a word at a time
        /// where the text has eight bytes from each chunk's place, else a byte at a time.
        @inline(__always)
        private func matches(_ phrase: Int, at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            let own = chunks[chunkStarts[phrase]..<chunkStarts[phrase + 1]]
            let last = own[own.endIndex - 1]
            let length = last.offset + (64 - last.kept.leadingZeroBitCount) / 8
            guard index + length <= bytes.count else { return false }
            guard index + last.offset + 8 <= bytes.count else {
                let phrase = phrases[phrase].bytes
                var offset = 2
                while offset < phrase.count, PhraseMatcher.lower(bytes[index + offset]) == phrase[offset] { offset += 1 }
                return offset >= phrase.count
            }
            let base = UnsafeRawPointer(bytes.baseAddress! + index)
            for chunk in own where (base.loadUnaligned(fromByteOffset: chunk.offset, as: UInt64.self) | chunk.caseBits) & chunk.kept != chunk.word {
                return false
            }
            return true
        }
    }

    /// Whether some phrase of two bytes or more starts with `byte`: where `Tables.mayStart` can be true.
    func startsPhrase(_ byte: UInt8) -> Bool {
        phrases.contains { $0.bytes.count >= 2 && $0.bytes[0] == byte }
    }

    /// Calls `body` with the tables.
    func withTables<Result>(_ body: (Tables) -> Result) -> Result {
        bitmap.withUnsafeBufferPointer { bitmap in
            slots.withUnsafeBufferPointer { slots in
                candidates.withUnsafeBufferPointer { candidates in
                    phrases.withUnsafeBufferPointer { phrases in
                        triples.withUnsafeBufferPointer { triples in
                            chunks.withUnsafeBufferPointer { chunks in
                                chunkStarts.withUnsafeBufferPointer { chunkStarts in
                                    body(Tables(bitmap: bitmap, slots: slots, candidates: candidates, phrases: phrases, triples: triples,
                                                chunks: chunks, chunkStarts: chunkStarts))
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    @inline(__always)
    static func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
}
