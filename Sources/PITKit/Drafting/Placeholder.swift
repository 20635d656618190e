/// The placeholder for text number `index`: NUL, then a private-use character that numbers it.
enum Placeholder {
    static let firstScalar: UInt32 = 0xE000
    static let maximumCount = 0x1900

    static func text(_ index: Int) -> String {
        "\u{0}" + String(Unicode.Scalar(firstScalar + UInt32(index))!)
    }

    /// Whether `text` holds a placeholder.
    static func occurs(in text: String) -> Bool {
        text.withUTF8Bytes { bytes in bytes.isEmpty ? false : memchr(bytes.baseAddress!, 0, bytes.count) != nil }
    }

    /// Calls `body` with the offset and the number of each placeholder in `bytes`, in order.
    static func forEach(in bytes: UnsafeBufferPointer<UInt8>, _ body: (_ offset: Int, _ number: Int) -> Void) {
        guard let base = bytes.baseAddress else { return }
        var search = 0
        while search < bytes.count, let found = memchr(base + search, 0, bytes.count - search) {
            let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if let number = number(in: bytes, at: index), number >= 0 {
                body(index, number)
                search = index + 4
            } else {
                search = index + 1  // a NUL that starts no placeholder
            }
        }
    }

    /// Whether a run of inline content holds a placeholder.
    static func occurs(in content: [Document.Inline]) -> Bool {
        content.contains { run in
            switch run {
            case .text(let text): return occurs(in: text)
            case .strong(let inner), .emphasis(let inner): return occurs(in: inner)
            }
        }
    }

    /// Calls `body` with the number of each placeholder in a run of inline content, in order,
    /// until it returns false; false when it did.
    @discardableResult
    static func forEachNumber(in content: [Document.Inline], _ body: (_ number: Int) -> Bool) -> Bool {
        for run in content {
            switch run {
            case .text(let text):
                var going = true
                text.withUTF8Bytes { bytes in
                    // `forEach` cannot stop: after a false, the rest are passed over.
                    forEach(in: bytes) { _, number in if going { going = body(number) } }
                }
                guard going else { return false }
            case .strong(let inner), .emphasis(let inner):
                guard forEachNumber(in: inner, body) else { return false }
            }
        }
        return true
    }

    /// The number of the placeholder that starts at `index` (a NUL), if one does.
    static func number<Bytes: RandomAccessCollection<UInt8>>(in bytes: Bytes, at index: Bytes.Index) -> Int? {
        guard bytes.distance(from: index, to: bytes.endIndex) >= 4 else { return nil }
        let one = bytes[bytes.index(index, offsetBy: 1)], two = bytes[bytes.index(index, offsetBy: 2)], three = bytes[bytes.index(index, offsetBy: 3)]
        // A private-use scalar from U+E000 is three bytes: 1110xxxx 10xxxxxx 10xxxxxx.
        guard one & 0xF0 == 0xE0 else { return nil }
        return Int(UInt32(one & 0x0F) << 12 | UInt32(two & 0x3F) << 6 | UInt32(three & 0x3F)) - Int(firstScalar)
    }

    /// `content` with placeholder `from` made placeholder `to`.
    static func renumbering(_ content: [Document.Inline], _ from: Int, as to: Int) -> [Document.Inline] {
        guard from != to else { return content }
        return content.map { run in
            switch run {
            case .text(let text):
                guard occurs(in: text) else { return run }
                let old = Array(self.text(from).utf8), new = Array(self.text(to).utf8)
                let bytes = Array(text.utf8)
                var output: [UInt8] = []
                output.reserveCapacity(bytes.count)
                var index = 0
                while index < bytes.count {
                    if bytes[index] == 0, bytes[index...].starts(with: old) {
                        output += new
                        index += old.count
                    } else {
                        output.append(bytes[index])
                        index += 1
                    }
                }
                return .text(String(decoding: output, as: UTF8.self))
            case .strong(let inner): return .strong(renumbering(inner, from, as: to))
            case .emphasis(let inner): return .emphasis(renumbering(inner, from, as: to))
            }
        }
    }

    /// `text` with each placeholder replaced by its value; a placeholder with no value stays.
    static func fill(_ text: String, with values: [String]) -> String {
        var text = text
        return text.withUTF8 { bytes in
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count)
            var run = 0
            forEach(in: bytes) { offset, number in
                guard number < values.count else { return }
                output += bytes[run..<offset]
                output += values[number].utf8
                run = offset + 4
            }
            output += bytes[run...]
            return String(decoding: output, as: UTF8.self)
        }
    }
}

/// A shape's text, split once at its placeholders: each request's text is then made by copying
/// its runs and the request's texts, at its final size. The runs are kept in a `TextRuns`, which
/// keeps each once for all the shapes that share it.
struct PlaceholderText: @unchecked Sendable {
    /// A run of text (none when empty), then the placeholder after it: its number, or -1 after the last run.
    private struct Piece {
        let run: UnsafePointer<UInt8>?
        let count: Int
        let number: Int
    }

    private let pieces: [Piece]
    /// Keeps the runs where `pieces` point.
    private let runs: TextRuns

    /// `model`: a text much like this one (the shape this one is expanded from), whose runs in
    /// the same place, counted from the start or from the end, are taken when they are the same
    /// bytes, which is cheaper to tell than to look a run up in `runs`.
    init(_ text: [UInt8], runs: TextRuns, like model: PlaceholderText? = nil) {
        self.runs = runs
        // A model's runs are taken only from the same store: this text keeps only that one.
        let model = model.flatMap { $0.runs === runs ? $0.pieces : nil } ?? []
        var pieces: [Piece] = []
        text.withUnsafeBufferPointer { buffer in
            var ranges: [(start: Int, end: Int, number: Int)] = []
            var start = 0
            Placeholder.forEach(in: buffer) { offset, number in
                ranges.append((start, offset, number))
                start = offset + 4
            }
            ranges.append((start, buffer.count, -1))
            pieces.reserveCapacity(ranges.count)
            for (index, range) in ranges.enumerated() {
                let run = UnsafeBufferPointer(rebasing: buffer[range.start..<range.end])
                pieces.append(Piece(run: run.isEmpty ? nil : Self.run(run, at: index, of: ranges.count, in: model) ?? runs.keep(run),
                                    count: run.count, number: range.number))
            }
        }
        self.pieces = pieces
    }

    /// The model's run at place `index` of `count` (from the start, else from the end) when it
    /// holds the same bytes as `run`.
    private static func run(_ run: UnsafeBufferPointer<UInt8>, at index: Int, of count: Int, in model: [Piece]) -> UnsafePointer<UInt8>? {
        func same(_ place: Int) -> UnsafePointer<UInt8>? {
            guard model.indices.contains(place), let start = model[place].run, model[place].count == run.count,
                  memcmp(start, run.baseAddress!, run.count) == 0 else { return nil }
            return start
        }
        return same(index) ?? same(model.count - count + index)
    }

    /// The text with each placeholder replaced by its value (`Placeholder.fill`'s result).
    func filled(with values: [String]) -> [UInt8] {
        var total = 0
        for piece in pieces {
            total += piece.count
            if piece.number >= 0 { total += piece.number < values.count ? values[piece.number].utf8.count : 4 }
        }
        return withExtendedLifetime(runs) {
            [UInt8](unsafeUninitializedCapacity: total) { output, count in
                func copy(_ piece: UnsafeBufferPointer<UInt8>) {
                    guard let start = piece.baseAddress else { return }
                    let target = output.baseAddress! + count
                    // Most pieces are short: a loop costs less than a call to copy them.
                    if piece.count <= 16 {
                        for index in 0..<piece.count { target[index] = start[index] }
                    } else {
                        target.initialize(from: start, count: piece.count)
                    }
                    count += piece.count
                }
                for piece in pieces {
                    copy(UnsafeBufferPointer(start: piece.run, count: piece.count))
                    guard piece.number >= 0 else { continue }
                    if piece.number < values.count {
                        values[piece.number].withUTF8Bytes(copy)
                    } else {
                        Placeholder.text(piece.number).withUTF8Bytes(copy)
                    }
                }
            }
        }
    }
}
