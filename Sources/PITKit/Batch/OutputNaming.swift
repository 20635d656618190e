/// The file a batch row is written to: its `output` column, or its reference made safe for every
/// file system (`658A/22` → `658A-22.txt`).
enum OutputNaming {
    /// Characters no common file system accepts in a name (Windows is the strictest).
    static let unsafe: [Bool] = (0..<256).map { byte in
        byte < 0x20 || byte == 0x7F || "/\\:*?\"<>|".utf8.contains(UInt8(byte))
    }
    static let reserved = Set(["con", "prn", "aux", "nul"] + (1...9).flatMap { ["com\($0)", "lpt\($0)"] })

    static func fileName(output: String?, reference: String, format: OutputFormat) throws -> String {
        if let output {
            guard !output.isEmpty, !output.contains("/"), !output.contains("\\"), output != ".", output != "..",
                  !RequestValidation.hasControl(output) else {
                throw PITError.data("output '\(output)' must be a plain file name inside --out-dir")
            }
            return output
        }
        return safeName(reference) + "." + format.fileExtension
    }

    /// `reference` with every character a file system could reject replaced by `-`, trailing dots
    /// and spaces removed, a leading dot and the names Windows reserves (`CON`, `LPT1`…) prefixed
    /// with `_`, and at most 200 bytes long.
    static func safeName(_ reference: String) -> String {
        var bytes = Array(reference.utf8)
        for index in bytes.indices where unsafe[Int(bytes[index])] { bytes[index] = UInt8(ascii: "-") }
        while let last = bytes.last, last == UInt8(ascii: ".") || last == UInt8(ascii: " ") { bytes.removeLast() }
        while let first = bytes.first, first == UInt8(ascii: " ") { bytes.removeFirst() }
        let stem = bytes.prefix { $0 != UInt8(ascii: ".") }
        if bytes.first == UInt8(ascii: ".") || bytes.isEmpty
            || (stem.count <= 4 && reserved.contains(String(decoding: stem, as: UTF8.self).lowercased())) {
            bytes.insert(UInt8(ascii: "_"), at: 0)
        }
        var name = String(decoding: bytes, as: UTF8.self)
        while name.utf8.count > 200 { name.removeLast() }
        return name
    }
}
