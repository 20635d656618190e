extension String {
    /// Calls `body` with the string's UTF-8 bytes in one buffer (native strings always have one;
    /// others are copied first): the fast way to scan text byte by byte.
    @inline(__always)
    func withUTF8Bytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        if let result = try utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = self
        return try copy.withUTF8(body)
    }

    /// Whether any UTF-8 byte of the string satisfies `predicate`.
    @inline(__always)
    func containsByte(where predicate: (UInt8) -> Bool) -> Bool {
        withUTF8Bytes { $0.contains(where: predicate) }
    }

    /// The first and last UTF-8 bytes (nil for the empty string), without walking the string.
    @inline(__always)
    var endBytes: (first: UInt8, last: UInt8)? {
        withUTF8Bytes { $0.isEmpty ? nil : ($0[0], $0[$0.count - 1]) }
    }

    /// The first character `ascii` (an ASCII character), found by its byte where that byte is a
    /// character of its own (both neighbours ASCII: no combining mark after it, no prepended mark
    /// before it), else by comparing characters as `firstIndex(of:)` does.
    public func firstIndex(ofASCII ascii: Unicode.Scalar) -> String.Index? {
        let byte = UInt8(ascii: ascii)
        // nil: undecided (a non-ASCII neighbour); .some(nil): no such byte, so no such character.
        let offset: Int?? = withUTF8Bytes { bytes in
            guard let index = bytes.firstIndex(of: byte) else { return .some(nil) }
            let alone = (index == 0 || bytes[index - 1] < 0x80) && (index + 1 == bytes.count || bytes[index + 1] < 0x80)
            return alone ? .some(index) : nil
        }
        switch offset {
        case .some(let offset?): return utf8.index(startIndex, offsetBy: offset)
        case .some(nil): return nil
        case nil: return firstIndex(of: Character(ascii))
        }
    }

    /// The text with each line break character (CR or LF) a space, as a document prints text
    /// given on one line (`MarkdownEscaping` does the same).
    var unbroken: String {
        let hasBreak = withUTF8Bytes { bytes in
            !bytes.isEmpty && (memchr(bytes.baseAddress!, 0x0A, bytes.count) != nil || memchr(bytes.baseAddress!, 0x0D, bytes.count) != nil)
        }
        guard hasBreak else { return self }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: unicodeScalars.map { $0 == "\n" || $0 == "\r" ? " " : $0 })
        return String(scalars)
    }
}

extension String {
    /// The text of UTF-8 `bytes`, or nil when they are not valid UTF-8. Plain ASCII, the common
    /// case, is taken as it is; other text is decoded, which puts U+FFFD for each ill-formed
    /// sequence, so the text's bytes are `bytes` exactly when they are valid. (Not
    /// `String(validating:as:)`: its generic validator's first use costs the runtime a search.)
    @inline(__always)
    static func validatingUTF8<Bytes: Collection>(_ bytes: Bytes) -> String? where Bytes.Element == UInt8 {
        let text = String(decoding: bytes, as: UTF8.self)
        if !bytes.contains(where: { $0 >= 0x80 }) { return text }
        let same = text.withUTF8Bytes { decoded in
            bytes.withContiguousStorageIfAvailable { given in
                decoded.count == given.count && memcmp(decoded.baseAddress!, given.baseAddress!, given.count) == 0
            } ?? decoded.elementsEqual(bytes)
        }
        return same ? text : nil
    }
}
