/// The file a batch row is written to: its `output` column, or its reference made safe for every
/// file system (`658A/22` → `658A-22.txt`).
enum OutputNaming {
    /// Characters no common file system accepts in a name (Windows is the strictest).
    static let unsafe: Set<UInt8> = Set("/\\:*?\"<>|".utf8)
    static let reserved = Set(["con", "prn", "aux", "nul"] + (1...9).flatMap { ["com\($0)", "lpt\($0)"] })

    static func fileName(output: String?, reference: String, format: OutputFormat) throws -> String {
        if let output {
            guard !output.isEmpty, !output.contains("/"), !output.contains("\\"), output != ".", output != "..",
                  !output.unicodeScalars.contains(where: RequestValidation.isControl) else {
                throw PITError.data("output '\(output)' must be a plain file name inside --out-dir")
            }
            return output
        }
        return safeName(reference) + "." + format.fileExtension
    }

    /// `reference` with every character a file system could reject replaced by `-`.
    static func safeName(_ reference: String) -> String {
        // References hold no control characters (they are refused), so only ASCII needs replacing.
        var name = String(decoding: reference.utf8.map { unsafe.contains($0) || $0 < 0x20 || $0 == 0x7F ? UInt8(ascii: "-") : $0 },
                          as: UTF8.self)
        while let last = name.last, last == "." || last == " " { name.removeLast() }
        while let first = name.first, first == " " { name.removeFirst() }
        if name.hasPrefix(".") { name = "_" + name }
        if name.isEmpty { name = "_" }
        let stem = name.split(separator: ".", maxSplits: 1).first.map { $0.lowercased() } ?? ""
        if reserved.contains(stem) { name = "_" + name }
        while name.utf8.count > 200 { name.removeLast() }
        return name
    }
}
