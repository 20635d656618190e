/// The sizes of input pit accepts, so that no one value or row can exhaust memory or time; each
/// is far beyond what a real request needs, and going past one is an error naming the place.
public enum InputLimits {
    /// One value: an argument, a batch cell, a string of a JSON line (64 KiB).
    public static let valueBytes = 64 << 10
    /// One batch row: a CSV record or a JSON line (1 MiB).
    public static let rowBytes = 1 << 20
    /// Batch input from standard input, read whole so that it is checked before any row is
    /// drafted (256 MiB; a larger input is given as a file).
    public static let standardInputBytes = 256 << 20
    /// A reference: characters, and bytes (a character can be many combining marks).
    public static let referenceCharacters = 64
    public static let referenceBytes = 256
}
