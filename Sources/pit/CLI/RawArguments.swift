import PITKit

/// The command line as the operating system gave it, read as bytes: an argument that is not UTF-8
/// is refused rather than changed (decoding would put U+FFFD in its place, and `--output` would
/// then write to another path than the one typed).
enum RawArguments {
    /// The arguments after the program's name.
    static func ofProcess() throws -> [String] {
        let count = max(1, Int(CommandLine.argc))
        var words: [String] = []
        words.reserveCapacity(count - 1)
        for index in 1..<count {
            // Each read as text where it is UTF-8, the common case; else all are read as bytes,
            // for `decode` to say which one is not.
            guard let pointer = CommandLine.unsafeArgv[index] else { words.append(""); continue }
            guard let word = String(validatingCString: pointer) else { return try decode(bytesOfProcess(count)) }
            words.append(word)
        }
        return words
    }

    /// The bytes of the arguments after the program's name, `count` counting that name.
    private static func bytesOfProcess(_ count: Int) -> [[UInt8]] {
        (1..<count).map { index in
            guard let pointer = CommandLine.unsafeArgv[index] else { return [] }
            var length = 0
            while pointer[length] != 0 { length += 1 }
            return UnsafeBufferPointer(start: pointer, count: length).map { UInt8(bitPattern: $0) }
        }
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
