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
    /// phrase `i`'s are `chunks[spans[i].start..<spans[i].end]`.
    private let chunks: [Chunk]
    private let spans: [Span]
    /// One bit for each pair of bytes as typed, in either case, that starts some phrase.
    private let typedPairs: [UInt64]
    /// `triples` of each phrase's first three bytes with 0x20 set in each: a text's three bytes
    /// so set hash to one of these wherever the phrase starts, in either case.
    private let caselessTriples: [UInt64]
    /// One bit for each hash of a phrase's first bytes with 0x20 set in each (`prefix`), for
    /// `Tables.mayStart(prefixAt:in:)`: most words that begin like a phrase part from it in their first
    /// eight bytes ("request " and "requester's").
    private let caselessPrefixes: [UInt64]
    fileprivate static let slotCount = 512

    /// Eight bytes of a phrase from `offset`, as one little-endian word: a text's eight bytes
    /// there, with `caseBits` set (0x20 in each letter's byte) and only `kept` bytes kept, are
    /// the phrase's when they equal `word`. A phrase of eight bytes or more is its whole words
    /// and, when its length is not a multiple of eight, its last eight bytes; a shorter one is
    /// one word that keeps only its own bytes.
    /// Where a phrase's chunks are, and its length.
    fileprivate struct Span {
        let start: Int
        let end: Int
        let length: Int
        let tag: Int
        /// Whether the phrase must end at a word boundary (`wholeWord`, and its last byte is a word's).
        let endsWord: Bool
    }

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
        var chunks: [Chunk] = [], spans: [Span] = []
        for phrase in phrases {
            let start = chunks.count
            chunks += Chunk.of(phrase.bytes)
            spans.append(Span(start: start, end: chunks.count, length: phrase.bytes.count, tag: phrase.tag,
                              endsWord: phrase.wholeWord && phrase.bytes.last.map(FoldedText.isWord) == true))
        }
        self.chunks = chunks
        self.spans = spans
        var typedPairs = [UInt64](repeating: 0, count: 1024)
        func cases(_ byte: UInt8) -> [UInt8] { byte >= 0x61 && byte <= 0x7A ? [byte, byte - 0x20] : [byte] }
        for phrase in phrases where phrase.bytes.count >= 2 {
            for first in cases(phrase.bytes[0]) {
                for second in cases(phrase.bytes[1]) {
                    let pair = Int(first) << 8 | Int(second)
                    typedPairs[pair >> 6] |= 1 << UInt64(pair & 63)
                }
            }
        }
        self.typedPairs = typedPairs
        var caselessTriples = [UInt64](repeating: 0, count: 1024)
        for phrase in phrases where phrase.bytes.count >= 3 {
            let hash = Self.triple(phrase.bytes[0] | 0x20, phrase.bytes[1] | 0x20, phrase.bytes[2] | 0x20)
            caselessTriples[hash >> 6] |= 1 << UInt64(hash & 63)
        }
        self.caselessTriples = caselessTriples
        var caselessPrefixes = [UInt64](repeating: 0, count: 1024)
        for phrase in phrases where phrase.bytes.count >= 2 {
            let length = Self.prefixLengths.last { $0 <= phrase.bytes.count }!
            let word = phrase.bytes[..<length].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1 | 0x20) }
            let hash = Self.prefix(word, length: length)
            caselessPrefixes[hash >> 6] |= 1 << UInt64(hash & 63)
        }
        self.caselessPrefixes = caselessPrefixes
    }

    /// How many first bytes of a phrase `caselessPrefixes` holds: the most of these it has.
    private static let prefixLengths = [2, 3, 4, 8]

    /// The hash of the first `length` bytes of little-endian `word`: one of `caselessPrefixes`'s bits.
    @inline(__always)
    fileprivate static func prefix(_ word: UInt64, length: Int) -> Int {
        let kept = length == 8 ? word : word & ((1 << UInt64(8 * length)) - 1)
        return kept.slot(among: 1024 * 64)
    }

    @inline(__always)
    fileprivate static func triple(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> Int {
        Int((UInt32(a) << 16 | UInt32(b) << 8 | UInt32(c)) &* 0x9E37_79B1 >> 16) & 0xFFFF
    }

    @inline(__always)
    fileprivate static func slot(_ pair: UInt16) -> Int { Int((UInt32(pair) &* 0x9E37) >> 7) & (slotCount - 1) }

    /// Calls `found` with each phrase's tag and range where it occurs at a word boundary. A
    /// phrase that starts with a word's byte matches only at the start of a word, so the places
    /// inside words are passed over, eight bytes at a time.
    func scan(_ text: FoldedText, _ found: (_ tag: Int, _ range: Range<Int>) -> Void) {
        let count = text.bytes.count
        guard count >= 2 else { return }
        withTables { tables in
            text.bytes.withUnsafeBufferPointer { bytes in
                var previousIsWord: UInt64 = 0  // the top bit, when the byte before the word's is part of a word
                var offset = 0
                while offset < count - 1 {
                    let isWord = ByteWords.wordBytes(ByteWords.paddedWord(bytes, at: offset))
                    var places = ~(isWord & (isWord << 8 | previousIsWord)) & ByteWords.tops
                    previousIsWord = isWord >> 56
                    let left = count - 1 - offset  // a pair starts before the last byte
                    if left < 8 { places &= (1 << UInt64(8 * left)) - 1 }
                    while places != 0 {
                        let index = offset + places.trailingZeroBitCount >> 3
                        places &= places - 1
                        tables.scan(at: index, in: bytes, found)
                    }
                    offset += 8
                }
            }
        }
    }

    /// The matcher's tables as pointers, for looking at many places of a text (`scan`, and the
    /// quick test `mayStart`) without touching the arrays each time.
    struct Tables {
        fileprivate let bitmap: UnsafeBufferPointer<UInt64>
        fileprivate let slots: UnsafeBufferPointer<UInt32>
        fileprivate let candidates: UnsafeBufferPointer<Int>
        fileprivate let phrases: UnsafeBufferPointer<Phrase>
        fileprivate let triples: UnsafeBufferPointer<UInt64>
        fileprivate let chunks: UnsafeBufferPointer<Chunk>
        fileprivate let spans: UnsafeBufferPointer<Span>
        fileprivate let typedPairs: UnsafeBufferPointer<UInt64>
        fileprivate let caselessTriples: UnsafeBufferPointer<UInt64>
        fileprivate let caselessPrefixes: UnsafeBufferPointer<UInt64>

        /// Whether some phrase of three bytes or more may start with `first`, `second` and
        /// `third` as typed: a quicker test than `mayStart`'s for such phrases.
        @inline(__always)
        func mayStart(_ first: UInt8, _ second: UInt8, _ third: UInt8) -> Bool {
            let hash = PhraseMatcher.triple(first | 0x20, second | 0x20, third | 0x20)
            return caselessTriples[hash >> 6] & (1 << UInt64(hash & 63)) != 0
        }

        /// Whether some phrase starts with `first` and `second` as typed: a quicker first test
        /// than `mayStart`'s, which it must pass.
        @inline(__always)
        func mayStart(_ first: UInt8, _ second: UInt8) -> Bool {
            let pair = Int(first) << 8 | Int(second)
            return typedPairs[pair >> 6] & (1 << UInt64(pair & 63)) != 0
        }

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
            return candidates(startingWith: pair).contains { matches(candidates[$0], at: index, in: bytes, caseless: true) }
        }

        /// Whether some phrase may start at `index` of `bytes` by its first bytes (eight, or all
        /// of a shorter one's up to two, three or four) with 0x20 set in each, as a phrase matched
        /// without case has them there: a quicker test than `mayStart(at:in:)`, which it must
        /// pass. Near the end of `bytes`, where eight are not there, it may.
        @inline(__always)
        func mayStart(prefixAt index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            guard index + 8 <= bytes.count else { return true }
            let word = UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self) | ByteWords.ones &* 0x20
            func holds(_ length: Int) -> Bool {
                let hash = PhraseMatcher.prefix(word, length: length)
                return caselessPrefixes[hash >> 6] & (1 << UInt64(hash & 63)) != 0
            }
            return holds(8) || holds(4) || holds(3) || holds(2)
        }

        /// Calls `found` with the tag and range of each phrase at `index` of folded `bytes`, which
        /// is not inside a word (a phrase that starts with a word's byte must start a word).
        @inline(__always)
        func scan(at index: Int, in bytes: UnsafeBufferPointer<UInt8>, _ found: (_ tag: Int, _ range: Range<Int>) -> Void) {
            let pair = UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1])
            guard bitmap[Int(pair >> 6)] & (1 << UInt64(pair & 63)) != 0 else { return }
            for candidate in candidates(startingWith: pair) {
                let phrase = candidates[candidate]
                guard matches(phrase, at: index, in: bytes, caseless: false) else { continue }
                let span = spans[phrase]
                let end = index + span.length
                if span.endsWord && end < bytes.count && FoldedText.isWord(bytes[end]) { continue }
                found(span.tag, index..<end)
            }
        }

        /// The places in `candidates` of the phrases that start with `pair`, which the bitmap holds.
        @inline(__always)
        private func candidates(startingWith pair: UInt16) -> Range<Int> {
            var slot = PhraseMatcher.slot(pair)
            while slots[slot * 2] != UInt32(pair) + 1 {
                if slots[slot * 2] == 0 { return 0..<0 }
                slot = (slot + 1) & (PhraseMatcher.slotCount - 1)
            }
            let span = slots[slot * 2 + 1]
            return Int(span >> 16)..<Int(span & 0xFFFF)
        }

        /// Whether phrase `phrase` is at `index` of `bytes`, byte for byte or, when `caseless`,
        /// compared without case: a word at a time where the text has eight bytes from each
        /// chunk's place, else a byte at a time.
        @inline(__always)
        private func matches(_ phrase: Int, at index: Int, in bytes: UnsafeBufferPointer<UInt8>, caseless: Bool) -> Bool {
            let span = spans[phrase]
            guard index + span.length <= bytes.count else { return false }
            guard index + max(span.length, 8) <= bytes.count else {
                let phrase = phrases[phrase].bytes
                var offset = 0
                while offset < phrase.count, (caseless ? PhraseMatcher.lower(bytes[index + offset]) : bytes[index + offset]) == phrase[offset] { offset += 1 }
                return offset >= phrase.count
            }
            let base = UnsafeRawPointer(bytes.baseAddress! + index)
            for chunk in chunks[span.start..<span.end] {
                let word = base.loadUnaligned(fromByteOffset: chunk.offset, as: UInt64.self)
                if ((caseless ? word | chunk.caseBits : word) & chunk.kept) != chunk.word { return false }
            }
            return true
        }
    }

    /// Calls `body` with the tables.
    func withTables<Result>(_ body: (Tables) -> Result) -> Result {
        bitmap.withUnsafeBufferPointer { bitmap in
            slots.withUnsafeBufferPointer { slots in
                candidates.withUnsafeBufferPointer { candidates in
                    phrases.withUnsafeBufferPointer { phrases in
                        triples.withUnsafeBufferPointer { triples in
                            chunks.withUnsafeBufferPointer { chunks in
                                spans.withUnsafeBufferPointer { spans in
                                    typedPairs.withUnsafeBufferPointer { typedPairs in
                                        caselessTriples.withUnsafeBufferPointer { caselessTriples in
                                            caselessPrefixes.withUnsafeBufferPointer { caselessPrefixes in
                                                body(Tables(bitmap: bitmap, slots: slots, candidates: candidates, phrases: phrases, triples: triples,
                                                            chunks: chunks, spans: spans, typedPairs: typedPairs, caselessTriples: caselessTriples,
                                                            caselessPrefixes: caselessPrefixes))
                                            }
                                        }
                                    }
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
