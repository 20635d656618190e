extension String {
    /// Calls `body` with the string's UTF-8 bytes in one buffer (native strings always have one;
    /// others are copied first): the fast way to scan text byte by byte.
    @inline(__always)
    func withUTF8Bytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = self
        return copy.withUTF8(body)
    }

    /// Whether any UTF-8 byte of the string satisfies `predicate`.
    @inline(__always)
    func containsByte(where predicate: (UInt8) -> Bool) -> Bool {
        withUTF8Bytes { $0.contains(where: predicate) }
    }

    /// The text with each line break character (CR or LF) a space, as a document prints text
    /// given on one line (`MarkdownEscaping` does the same).
    var unbroken: String {
        guard containsByte(where: { $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }) else { return self }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: unicodeScalars.map { $0 == "\n" || $0 == "\r" ? " " : $0 })
        return String(scalars)
    }
}

extension String {
    /// The text of UTF-8 `bytes`, or nil when they are not valid UTF-8. Plain ASCII, the common
    /// case, skips the validator.
    @inline(__always)
    static func validatingUTF8<Bytes: Collection>(_ bytes: Bytes) -> String? where Bytes.Element == UInt8 {
        if !bytes.contains(where: { $0 >= 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        return String(validating: bytes, as: UTF8.self)
    }
}
