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
                    let unsafe = Self.unsafe
                    return String(unsafeUninitializedCapacity: folder.count + 2 + kept.count + 1 + fileExtension.count) { path in
                        var end = 0
                        /// Appends `bytes` to the path in one copy.
                        func append(_ bytes: UnsafeBufferPointer<UInt8>) {
                            guard let start = bytes.baseAddress else { return }
                            (path.baseAddress! + end).initialize(from: start, count: bytes.count)
                            end += bytes.count
                        }
                        append(folder)
                        path[end] = UInt8(ascii: "/")
                        end += 1
                        if underscore {
                            path[end] = UInt8(ascii: "_")
                            end += 1
                        }
                        for byte in reference[kept] {
                            path[end] = unsafe[Int(byte)] ? UInt8(ascii: "-") : byte
                            end += 1
                        }
                        path[end] = UInt8(ascii: ".")
                        end += 1
                        append(fileExtension)
                        return end
                    }
                }
            }
        }
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
