/// The file a batch row is written to: its `output` column, or its reference made safe for every
/// file system (`658A/22` → `658A-22.txt`).
enum OutputNaming {
    /// Characters no common file system accepts in a name (Windows is the strictest).
    static let unsafe: [Bool] = (0..<256).map { byte in
        byte < 0x20 || byte == 0x7F || "/\\:*?\"<>|".utf8.contains(UInt8(byte))
    }
    static let reserved = Set(["con", "prn", "aux", "nul"] + (1...9).flatMap { ["com\($0)", "lpt\($0)"] })
    /// The longest name most file systems take (255 bytes), less room for a temporary suffix.
    static let maximumBytes = 200

    /// `folder/NAME`: NAME is `output` when given (a plain file name, else an error), or else
    /// `reference` made safe (see `safePart`) with the format's extension, made in one piece.
    static func path(in folder: String, output: String?, reference: String, format: OutputFormat) throws -> String {
        if let output {
            guard !output.isEmpty, !output.contains("/"), !output.contains("\\"), !output.hasPrefix("."),
                  output.utf8.count <= maximumBytes,
                  !ForbiddenCharacters.contained(in: output, allowingLineBreaks: false) else {
                throw PITError.data("output '\(output)' must be a plain file name inside --out-dir (not hidden, at most \(maximumBytes) bytes)")
            }
            return folder + "/" + output
        }
        return folder.withUTF8Bytes { folder in
            reference.withUTF8Bytes { reference in
                format.fileExtension.withUTF8Bytes { fileExtension in
                    let (kept, underscore) = safePart(of: reference)
                    return String(unsafeUninitializedCapacity: folder.count + 2 + kept.count + 1 + fileExtension.count) { path in
                        var end = 0
                        if let start = folder.baseAddress {
                            (path.baseAddress! + end).initialize(from: start, count: folder.count)
                            end += folder.count
                        }
                        path[end] = UInt8(ascii: "/")
                        end += 1
                        forEachNameByte(reference, kept: kept, underscore: underscore, fileExtension: fileExtension) { byte in
                            path[end] = byte
                            end += 1
                        }
                        return end
                    }
                }
            }
        }
    }

    /// The FNV-1a hash of the lower-cased text of the name `path` gives a row of no `output`
    /// (the path less its folder and `/`), made without the name: an ASCII name is lower-cased
    /// a byte at a time as it is hashed (most are); another is made and lower-cased as a `String`.
    static func caseFreeHash(reference: String, format: OutputFormat) -> UInt64 {
        reference.withUTF8Bytes { reference in
            format.fileExtension.withUTF8Bytes { fileExtension in
                let (kept, underscore) = safePart(of: reference)
                var fnv = FNV1a()
                guard !reference[kept].contains(where: { $0 >= 0x80 }) else {
                    var name: [UInt8] = []
                    forEachNameByte(reference, kept: kept, underscore: underscore, fileExtension: fileExtension) { name.append($0) }
                    return name.withUnsafeBufferPointer(caseFreeHash)
                }
                forEachNameByte(reference, kept: kept, underscore: underscore, fileExtension: fileExtension) { byte in
                    fnv.add(byte: (0x41...0x5A).contains(byte) ? byte | 0x20 : byte)
                }
                return fnv.value
            }
        }
    }

    /// The FNV-1a hash of a name's lower-cased text, from its UTF-8 bytes; an ASCII name is
    /// lower-cased a byte at a time (`caseFreeHash(reference:format:)` gives the same for the
    /// name of a reference).
    static func caseFreeHash(_ name: UnsafeBufferPointer<UInt8>) -> UInt64 {
        guard !name.contains(where: { $0 >= 0x80 }) else { return FNV1a.hash(String(decoding: name, as: UTF8.self).lowercased().utf8) }
        return FNV1a.hash(name.lazy.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 })
    }

    /// Calls `body` with each byte of the safe name of `reference` (its bytes `kept`, after a
    /// `_` when `underscore`, as `safePart` gives them; each unsafe one `-`), then `.` and the
    /// extension's bytes.
    @inline(__always)
    private static func forEachNameByte(_ reference: UnsafeBufferPointer<UInt8>, kept: Range<Int>, underscore: Bool,
                                        fileExtension: UnsafeBufferPointer<UInt8>, _ body: (UInt8) -> Void) {
        if underscore { body(UInt8(ascii: "_")) }
        let unsafe = Self.unsafe
        for byte in reference[kept] { body(unsafe[Int(byte)] ? UInt8(ascii: "-") : byte) }
        body(UInt8(ascii: "."))
        for byte in fileExtension { body(byte) }
    }

    /// Which of a reference's UTF-8 `bytes` its safe name keeps, every one a file system could
    /// reject then written `-`: at most `maximumBytes` (cut at a scalar's start, so a character of
    /// many combining marks is cut, not dropped whole), without trailing dots and spaces or
    /// leading spaces; and whether a `_` goes before them, for a leading dot, an empty name or a
    /// name Windows reserves (`CON`, `LPT1`…): never a hidden file.
    static func safePart(of bytes: UnsafeBufferPointer<UInt8>) -> (kept: Range<Int>, underscore: Bool) {
        var end = bytes.count
        if end > maximumBytes {
            end = maximumBytes
            while end > 0 && bytes[end] & 0xC0 == 0x80 { end -= 1 }  // not inside a scalar's bytes
        }
        while end > 0 && (bytes[end - 1] == UInt8(ascii: ".") || bytes[end - 1] == UInt8(ascii: " ")) { end -= 1 }
        var start = 0
        while start < end && bytes[start] == UInt8(ascii: " ") { start += 1 }
        let kept = bytes[start..<end]
        let stem = kept.prefix { $0 != UInt8(ascii: ".") }
        let underscore = kept.first == UInt8(ascii: ".") || kept.isEmpty
            || (stem.count <= 4 && reserved.contains(String(decoding: stem.map { unsafe[Int($0)] ? UInt8(ascii: "-") : $0 }, as: UTF8.self).lowercased()))
        return (start..<end, underscore)
    }
}
