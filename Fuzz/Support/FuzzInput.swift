#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What every fuzz target shares: the input as bytes, split into parts, or written to a file for
/// the readers that stream from one.
enum FuzzInput {
    /// The input's bytes.
    static func bytes(_ data: UnsafePointer<UInt8>, _ size: Int) -> [UInt8] {
        Array(UnsafeBufferPointer(start: data, count: size))
    }

    /// The input split at NUL bytes (empty parts kept), so one input can be several strings.
    static func parts(_ bytes: [UInt8]) -> [[UInt8]] {
        bytes.split(separator: 0, omittingEmptySubsequences: false).map(Array.init)
    }

    /// A file in the temporary folder holding `bytes`, named with `suffix` (the readers choose a
    /// format by the extension), the same file each time so nothing accumulates.
    static func file(_ bytes: [UInt8], suffix: String) -> String {
        let path = temporaryPath(suffix)
        if !suffixes.contains(suffix) {
            suffixes.append(suffix)
            if suffixes.count == 1 { atexit { for suffix in FuzzInput.suffixes { unlink(FuzzInput.temporaryPath(suffix)) } } }
        }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        precondition(descriptor >= 0, "cannot create \(path)")
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            precondition(count > 0, "cannot write \(path)")
            written += count
        }
        close(descriptor)
        return path
    }

    /// The suffixes of the files made so far, removed when the fuzzer exits.
    nonisolated(unsafe) static var suffixes: [String] = []

    static func temporaryPath(_ suffix: String) -> String {
        let folder = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        return "\(folder)/pit-fuzz-\(getpid())\(suffix)"
    }
}
