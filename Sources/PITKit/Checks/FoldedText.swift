/// Text as the checks search it: UTF-8 with ASCII letters lowered and typographic characters
/// folded to ASCII (curly quotes and apostrophes, dashes, non-breaking spaces), so one byte search
/// finds a phrase however it was typed. An opening single curly quote becomes a backtick, so a
/// quotation in single quotes can be told from an apostrophe.
struct FoldedText {
    var bytes: [UInt8]
    /// Where a capital letter was folded, in order: names and the starts of sentences.
    var capitals: [Int] = []

    init(_ text: String) {
        bytes = []
        Self.append(text, to: &bytes, capitals: &capitals)
    }

    init(bytes: [UInt8], capitals: [Int] = []) {
        self.bytes = bytes
        self.capitals = capitals
    }

    /// Appends `text`, folded, noting where its capitals were. Runs of ASCII are folded eight
    /// bytes at a time.
    static func append(_ text: String, to output: inout [UInt8], capitals: inout [Int]) {
        let start = output.count
        let folded = text.withUTF8Bytes { source in
            [UInt8](unsafeUninitializedCapacity: source.count) { folded, count in
                var index = 0
                while index < source.count {
                    if index + 8 <= source.count {
                        let word = ByteWords.word(source, at: index)
                        if word & ByteWords.tops == 0 {
                            let upper = ByteWords.atLeast(word, 0x41) & ~ByteWords.atLeast(word, 0x5B)
                            var marks = upper
                            while marks != 0 {
                                capitals.append(start + count + marks.trailingZeroBitCount >> 3)
                                marks &= marks - 1
                            }
                            UnsafeMutableRawPointer(folded.baseAddress! + count).storeBytes(of: (word | upper >> 2).littleEndian, as: UInt64.self)
                            count += 8
                            index += 8
                            continue
                        }
                    }
                    let byte = source[index]
                    if byte < 0x80 {
                        if byte >= 0x41 && byte <= 0x5A { capitals.append(start + count) }
                        folded[count] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                        count += 1
                        index += 1
                        continue
                    }
                    // Three-byte characters in U+2000…U+20FF, and the two-byte non-breaking space.
                    if byte == 0xE2, index + 2 < source.count, source[index + 1] == 0x80 {
                        let replacement: UInt8?
                        switch source[index + 2] {
                        case 0x98: replacement = UInt8(ascii: "`")        // ‘
                        case 0x99: replacement = UInt8(ascii: "'")        // ’
                        case 0x9C, 0x9D: replacement = UInt8(ascii: "\"") // “ ”
                        case 0x90, 0x91, 0x92, 0x93, 0x94: replacement = UInt8(ascii: "-")  // hyphens, – —
                        case 0xAF: replacement = UInt8(ascii: " ")        // narrow no-break space
                        default: replacement = nil
                        }
                        if let replacement {
                            folded[count] = replacement
                            count += 1
                            index += 3
                            continue
                        }
                    }
                    if byte == 0xC2, index + 1 < source.count, source[index + 1] == 0xA0 {
                        folded[count] = UInt8(ascii: " ")
                        count += 1
                        index += 2
                        continue
                    }
                    folded[count] = byte
                    count += 1
                    index += 1
                }
            }
        }
        if output.isEmpty { output = folded } else { output += folded }
    }

    /// Whether `byte` is part of a word: an ASCII letter or digit, or any byte of a non-ASCII
    /// character (letters of other scripts are words too).
    @inline(__always)
    static func isWord(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte >= 0x80 || (byte >= 0x41 && byte <= 0x5A)
    }

    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// `isWord` of each byte.
    private static let wordBytes: [Bool] = (0...255).map { isWord(UInt8($0)) }

    /// The ranges of the words, in order: runs of `isWord` bytes, an apostrophe between two of
    /// them included ("don't").
    func words(in range: Range<Int>? = nil) -> [Range<Int>] {
        let range = range ?? 0..<bytes.count
        var words: [Range<Int>] = []
        Self.wordBytes.withUnsafeBufferPointer { isWord in
            bytes.withUnsafeBufferPointer { bytes in
                var index = range.lowerBound
                while index < range.upperBound {
                    guard isWord[Int(bytes[index])] else { index += 1; continue }
                    let start = index
                    index += 1
                    while index < range.upperBound {
                        let byte = bytes[index]
                        guard isWord[Int(byte)] || (byte == UInt8(ascii: "'") && index + 1 < range.upperBound && isWord[Int(bytes[index + 1])]) else { break }
                        index += 1
                    }
                    words.append(start..<index)
                }
            }
        }
        return words
    }

    /// The first place `phrase` (folded) starts at a word boundary in `range`, at or after `from`.
    func find(_ phrase: String, in range: Range<Int>, wholeWord: Bool = false) -> Int? {
        phrase.withUTF8Bytes { needle in
            var from = range.lowerBound
            while let index = occurrence(of: needle, in: from..<range.upperBound) {
                if matches(needle, at: index, in: range, wholeWord: wholeWord) { return index }
                from = index + 1
            }
            return nil
        }
    }

    /// The first place `needle` occurs in `range`, word boundaries or not: a `memchr` for its
    /// first byte, then a comparison (the checks search every draft's text for many phrases).
    func occurrence<Needle: RandomAccessCollection<UInt8>>(of needle: Needle, in range: Range<Int>) -> Int? where Needle.Index == Int {
        guard let first = needle.first, range.count >= needle.count else { return nil }
        return bytes.withUnsafeBufferPointer { haystack in
            let base = haystack.baseAddress!
            let last = range.upperBound - needle.count
            var index = range.lowerBound
            while index <= last, let found = memchr(base + index, Int32(first), last - index + 1) {
                index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                var offset = 1
                while offset < needle.count && haystack[index + offset] == needle[needle.startIndex + offset] { offset += 1 }
                if offset == needle.count { return index }
                index += 1
            }
            return nil
        }
    }

    /// Whether `needle` is at `index` with a word boundary before it (when it starts with a word
    /// character) and, when `wholeWord`, after it.
    @inline(__always)
    func matches<Needle: RandomAccessCollection<UInt8>>(_ needle: Needle, at index: Int, in range: Range<Int>, wholeWord: Bool) -> Bool
    where Needle.Index == Int {
        guard index + needle.count <= range.upperBound else { return false }
        for offset in 0..<needle.count where bytes[index + offset] != needle[offset] { return false }
        if Self.isWord(needle[0]), index > range.lowerBound, Self.isWord(bytes[index - 1]) { return false }
        if wholeWord, let end = needle.last, Self.isWord(end), index + needle.count < range.upperBound,
           Self.isWord(bytes[index + needle.count]) { return false }
        return true
    }

    func contains(_ phrase: String, in range: Range<Int>? = nil, wholeWord: Bool = false) -> Bool {
        find(phrase, in: range ?? 0..<bytes.count, wholeWord: wholeWord) != nil
    }

    /// Whether any of `phrases` is in `range`.
    func containsAny(_ phrases: [String], in range: Range<Int>? = nil) -> Bool {
        phrases.contains { contains($0, in: range) }
    }

    /// The sentence around `index`: from after the previous sentence end to the next one.
    func sentence(around index: Int) -> Range<Int> {
        var start = index
        while start > 0, !isSentenceEnd(at: start - 1) { start -= 1 }
        var end = index
        while end < bytes.count, !isSentenceEnd(at: end) { end += 1 }
        return start..<min(bytes.count, end + 1)
    }

    /// Every sentence, in order. Eight bytes without a stop, question or exclamation mark or
    /// semicolon are passed over at a time.
    func sentences() -> [Range<Int>] {
        var sentences: [Range<Int>] = []
        var start = 0
        bytes.withUnsafeBufferPointer { buffer in
            var offset = 0
            while offset < buffer.count {
                let word = ByteWords.paddedWord(buffer, at: offset)
                let marks = ByteWords.equal(word, UInt8(ascii: ".")) | ByteWords.equal(word, UInt8(ascii: "?"))
                    | ByteWords.equal(word, UInt8(ascii: "!")) | ByteWords.equal(word, UInt8(ascii: ";"))
                if marks != 0 {
                    for index in offset..<min(offset + 8, buffer.count) where isSentenceEnd(at: index) {
                        if index + 1 > start { sentences.append(start..<index + 1) }
                        start = index + 1
                    }
                }
                offset += 8
            }
        }
        if start < bytes.count { sentences.append(start..<bytes.count) }
        return sentences
    }

    /// A full stop, question mark, exclamation mark or semicolon followed by a space (or the
    /// end), not after an abbreviation such as "e.g." or "s.".
    private func isSentenceEnd(at index: Int) -> Bool {
        let byte = bytes[index]
        guard byte == UInt8(ascii: ".") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: ";") else { return false }
        guard index + 1 == bytes.count || bytes[index + 1] == UInt8(ascii: " ") else { return false }
        guard byte == UInt8(ascii: ".") else { return true }
        var start = index
        while start > 0, Self.isWord(bytes[start - 1]) || bytes[start - 1] == UInt8(ascii: ".") { start -= 1 }
        let word = bytes[start..<index]
        return !Self.abbreviations.contains { $0.elementsEqual(word) }
    }

    private static let abbreviations: [[UInt8]] = ["e.g", "i.e", "s", "ss", "no", "v", "vs", "etc", "mr", "mrs", "ms", "dr", "st", "para", "reg", "art", "cf"]
        .map { Array($0.utf8) }
}
