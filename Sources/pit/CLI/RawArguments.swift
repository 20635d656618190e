import PITKit

/// The command line as the operating system gave it, read as bytes: an argument that is not UTF-8
/// is refused rather than changed (decoding would put U+FFFD in its place, and `--output` would
/// then write to another path than the one typed).
enum RawArguments {
    /// The arguments after the program's name.
    static func ofProcess() throws -> [String] {
        let count = Int(CommandLine.argc)
        let arguments: [[UInt8]] = (1..<max(1, count)).map { index in
            guard let pointer = CommandLine.unsafeArgv[index] else { return [] }
            var length = 0
            while pointer[length] != 0 { length += 1 }
            return UnsafeBufferPointer(start: pointer, count: length).map { UInt8(bitPattern: $0) }
        }
        return try decode(arguments)
    }

    /// Each argument as text; one that is not UTF-8 is a usage error naming its place (counted
    /// from 1 after the program's name) and the option it is the value of.
    static func decode(_ arguments: [[UInt8]]) throws -> [String] {
        var words: [String] = []
        words.reserveCapacity(arguments.count)
        for (index, bytes) in arguments.enumerated() {
            guard let word = String(validating: bytes, as: UTF8.self) else {
                let previous = words.last ?? ""
                let role = previous.hasPrefix("--") && !previous.contains("=") ? " (the value of \(previous))" : ""
                let option = bytes.starts(with: Array("--".utf8)) ? bytes.prefix { $0 != UInt8(ascii: "=") } : []
                let name = option.isEmpty ? "" : " (\(String(decoding: option, as: UTF8.self)))"
                throw PITError.usage("argument \(index + 1)\(role)\(name) is not UTF-8 text")
            }
            words.append(word)
        }
        return words
    }
}
