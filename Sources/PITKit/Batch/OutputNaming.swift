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

    static func fileName(output: String?, reference: String, format: OutputFormat) throws -> String {
        if let output {
            guard !output.isEmpty, !output.contains("/"), !output.contains("\\"), !output.hasPrefix("."),
                  output.utf8.count <= maximumBytes,
                  !ForbiddenCharacters.contained(in: output, allowingLineBreaks: false) else {
                throw PITError.data("output '\(output)' must be a plain file name inside --out-dir (not hidden, at most \(maximumBytes) bytes)")
            }
            return output
        }
        var bytes = safeBytes(reference, reserving: 8)
        bytes.append(UInt8(ascii: "."))
        bytes += format.fileExtension.utf8
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `folder/name`, made in one piece.
    static func path(_ folder: String, _ name: String) -> String {
        var path = ""
        path.reserveCapacity(folder.utf8.count + 1 + name.utf8.count)
        path += folder
        path += "/"
        path += name
        return path
    }

    /// `reference` with every character a file system could reject replaced by `-`, cut to at most
    /// `maximumBytes` bytes (at a character's scalar, so a character of many combining marks is cut,
    /// not dropped whole), trailing dots and spaces removed, and a leading dot, an empty name and
    /// the names Windows reserves (`CON`, `LPT1`…) prefixed with `_`: never a hidden file.
    static func safeName(_ reference: String) -> String {
        String(decoding: safeBytes(reference), as: UTF8.self)
    }

    /// The UTF-8 bytes of `safeName(reference)`, with room for `reserving` more.
    private static func safeBytes(_ reference: String, reserving extra: Int = 0) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(reference.utf8.count + 1 + extra)
        reference.withUTF8Bytes { text in
            for byte in text.prefix(maximumBytes + 1) { bytes.append(unsafe[Int(byte)] ? UInt8(ascii: "-") : byte) }
        }
        if bytes.count > maximumBytes {
            var end = maximumBytes
            while end > 0 && bytes[end] & 0xC0 == 0x80 { end -= 1 }  // not inside a scalar's bytes
            bytes.removeSubrange(end...)
        }
        while let last = bytes.last, last == UInt8(ascii: ".") || last == UInt8(ascii: " ") { bytes.removeLast() }
        let leadingSpaces = bytes.prefix { $0 == UInt8(ascii: " ") }.count
        if leadingSpaces > 0 { bytes.removeFirst(leadingSpaces) }
        let stem = bytes.prefix { $0 != UInt8(ascii: ".") }
        if bytes.first == UInt8(ascii: ".") || bytes.isEmpty
            || (stem.count <= 4 && reserved.contains(String(decoding: stem, as: UTF8.self).lowercased())) {
            bytes.insert(UInt8(ascii: "_"), at: 0)
        }
        return bytes
    }
}
