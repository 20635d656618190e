/// A text or byte string as a dictionary key, hashed and compared byte for byte: one pass of the
/// hasher over its UTF-8, where a `String` key would be hashed through Unicode normalization and
/// an `[UInt8]` key a byte at a time. Two keys are equal when their bytes are.
struct ExactBytes: Hashable, Sendable {
    let bytes: [UInt8]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    func hash(into hasher: inout Hasher) {
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }

    static func == (left: ExactBytes, right: ExactBytes) -> Bool {
        left.bytes.count == right.bytes.count && left.bytes.withUnsafeBytes { one in
            right.bytes.withUnsafeBytes { other in one.count == 0 || memcmp(one.baseAddress!, other.baseAddress!, one.count) == 0 }
        }
    }
}
